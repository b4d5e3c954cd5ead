"""`cdo export`: every list as CSV, Excel and JSON, read back (headers in the UI language, stored values + labels)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cdo_desktop.cli import main
from cdo_desktop.demo.network import generate
from cdo_desktop.store.migrate import open_database
from cdo_desktop.transfer import export

NAMES = ("catalogue", "open-catalogue", "requests", "disputes", "rulings", "accountability", "scorecard", "assets",
         "platforms")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export-demo")
    generate(open_database(path), scale=120, with_accounts=False)
    return path


@pytest.mark.parametrize("name", NAMES)
def test_every_export_reads_back_in_all_three_formats(demo_dir: Path, tmp_path: Path, name: str) -> None:
    base = ["--data-dir", str(demo_dir)]
    assert main(["export", name, "--format", "csv", "-o", str(tmp_path / "x.csv"), *base]) == 0
    assert main(["export", name, "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"), *base]) == 0
    assert main(["export", name, "--format", "json", "-o", str(tmp_path / "x.json"), "--lang", "en", *base]) == 0
    with (tmp_path / "x.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    sheet = load_workbook(tmp_path / "x.xlsx").active
    assert sheet is not None
    cells = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    doc = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert len(rows) > 1 and len(rows) == len(cells) == len(doc["rows"]) + 1
    assert rows[0] == cells[0]  # the same Chinese headers in CSV and Excel
    assert all("\u4e00" <= ch <= "\u9fff" for ch in rows[0][0])
    assert doc["export"] == name and doc["lang"] == "en"
    assert [c["key"] for c in doc["columns"]] and all(c["zh"] and c["en"] for c in doc["columns"])
    for csv_row, xlsx_row in zip(rows[1:], cells[1:], strict=True):
        assert [c.strip() for c in csv_row] == [c.strip() for c in xlsx_row] or name == "scorecard"


def test_json_keeps_the_stored_value_beside_its_label(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    with db.read() as session:
        doc = export.as_json("requests", session, "zh")
        headers, shown = export.table("requests", session, "en")
    first = doc["rows"][0]
    assert first["values"]["state"] in {"draft", "submitted", "awaiting_reply", "approved", "partly_approved",
                                         "refused", "granted", "expired", "revoked", "suspended"}
    assert first["labels"]["state"] and first["labels"]["state"] != first["values"]["state"]
    assert headers[0] == "Number" and shown


def test_the_open_catalogue_holds_only_open_resources(demo_dir: Path) -> None:
    db = open_database(demo_dir)
    with db.read() as session:
        everything = export.as_json("catalogue", session)["rows"]
        opened = export.as_json("open-catalogue", session)["rows"]
    assert {r["values"]["open_type"] for r in opened} <= {"open", "conditional"}
    assert 0 < len(opened) < len(everything)
    assert len(opened) * 2 > len(everything)  # openness is the norm in the demo network


def test_bad_export_requests_are_refused_with_a_message(demo_dir: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-folder" / "x.csv"
    assert main(["export", "requests", "-o", str(missing), "--data-dir", str(demo_dir)]) == 2
    assert "无法写入" in capsys.readouterr().err
    assert not missing.exists()
    with pytest.raises(SystemExit):
        main(["export", "nonsense", "-o", str(tmp_path / "x.csv"), "--data-dir", str(demo_dir)])
