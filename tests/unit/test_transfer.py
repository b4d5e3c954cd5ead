"""Import and export of the offices' spreadsheets: round trips into an empty network, and all-or-nothing imports."""

from __future__ import annotations

import csv
import shutil
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from cdo_desktop.cli import main
from cdo_desktop.services.bootstrap import admin_actor_id, ensure_initialised
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import open_database
from cdo_desktop.transfer.exports import export_table, write_template
from cdo_desktop.transfer.importer import ImportRefused, import_file
from cdo_desktop.transfer.specs import CATALOGUE, IMPORT_COLUMNS, ROWS
from cdo_desktop.transfer.tables import read_sheet, write_table

ADMIN = uuid.UUID(str(admin_actor_id()))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cdo_desktop.demo.network import generate

    data_dir = tmp_path_factory.mktemp("demo")
    db = open_database(data_dir)
    generate(db, scale=20, seed=2026, with_accounts=False)
    db.dispose()
    return data_dir


def _rows(db: Database, kind: str) -> list[dict[str, Any]]:
    keys = [c.key for c in IMPORT_COLUMNS[kind]]
    with db.read() as session:
        return [{k: r[k] for k in keys} for r in ROWS[kind](session)]


def _cdo_of(db: Database, dept_code: str) -> uuid.UUID:
    with db.read() as session:
        dept = session.execute(select(m.Department).where(m.Department.code == dept_code)).scalar_one()
        return session.execute(select(m.Commissioner.id).where(m.Commissioner.department_id == dept.id,
                                                               m.Commissioner.role == "cdo")).scalar_one()


def _split(path: Path, column: str, out_dir: Path, key: Any = None) -> dict[str, Path]:
    """One file per value of ``column`` (each department imports its own rows)."""
    sheet = read_sheet(path)
    index = sheet.headers.index(column)
    groups: dict[str, list[list[str]]] = defaultdict(list)
    for _n, cells in sheet.rows:
        groups[key(cells[index]) if key else cells[index]].append(cells)
    files = {}
    for value, rows in groups.items():
        target = out_dir / f"{path.stem}-{value}.csv"
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(sheet.headers)
            writer.writerows(rows)
        files[value] = target
    return files


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_into_an_empty_network_gives_the_same_rows(demo: Path, tmp_path: Path, fmt: str) -> None:
    source = open_database(demo)
    files = {kind: tmp_path / f"{kind}.{fmt}" for kind in ("directory", "platforms", "catalogue", "assets")}
    for kind, path in files.items():
        assert export_table(source, kind, path) > 0
    target = open_database(tmp_path / "empty")
    ensure_initialised(target)
    assert import_file(target, "directory", files["directory"], actor_id=ADMIN).rows == len(_rows(source, "directory"))
    import_file(target, "platforms", files["platforms"], actor_id=ADMIN)  # the bureau keeps the whole register
    by_dept = _split(files["catalogue"], "数源部门编码", tmp_path)
    for code, path in by_dept.items():
        import_file(target, "catalogue", path, actor_id=_cdo_of(target, code))
    holders = {r["code"]: r["department"] for r in _rows(source, "catalogue")}
    for code, path in _split(files["assets"], "资源代码", tmp_path, key=lambda c: holders[c]).items():
        import_file(target, "assets", path, actor_id=_cdo_of(target, code))
    for kind in ("directory", "platforms", "catalogue", "assets"):
        assert _rows(target, kind) == _rows(source, kind), kind
    with target.read() as session:
        states = set(session.execute(select(m.DataAsset.state)).scalars())
        linked = session.execute(select(func.count()).select_from(m.DataResource)
                                 .where(m.DataResource.source_system_id == None)).scalar_one()  # noqa: E711
    assert states == {"applied"}  # an imported asset is an application: the bureau still registers it
    assert linked == 0  # every imported resource names its system from the imported register
    source.dispose()
    target.dispose()


def _many(db: Database, count: int, *, bad_row: int | None = None) -> list[dict[str, Any]]:
    rows = []
    for i in range(count):
        rows.append({"code": f"FS-GAJ-IMP-{i:04d}", "name": f"导入资源{i}", "department": "FS-GAJ",
                     "items": "姓名:字符型；登记日期:日期型", "share_type": "无条件共享",
                     "source_system": "公安局业务系统", "published_on": "2026-03-01"})
    if bad_row is not None:
        rows[bad_row]["published_on"] = "2026-02-30"
    return rows


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (session.execute(select(func.count()).select_from(m.DataResource)).scalar_one(),
                session.execute(select(func.count()).select_from(m.AuditEntry)).scalar_one())


def test_one_bad_row_among_a_thousand_changes_nothing_and_is_named(demo: Path, tmp_path: Path) -> None:
    db = open_database(demo)
    path = tmp_path / "catalogue.xlsx"
    write_table(path, CATALOGUE, _many(db, 1000, bad_row=736))
    before = _counts(db)
    with pytest.raises(ImportRefused) as caught:
        import_file(db, "catalogue", path, actor_id=_cdo_of(db, "FS-GAJ"))
    assert _counts(db) == before
    [problem] = caught.value.problems
    assert (problem.row, problem.column_zh, problem.letter) == (738, "发布日期", "N")
    assert caught.value.text("zh").splitlines()[1] == "第738行，“发布日期”列（N）：“2026-02-30”不是有效的日期（应为 2026-01-05）"
    assert caught.value.text("en").splitlines()[1].startswith("Row 738, column 'Published on' (N): ")
    db.dispose()


def test_a_thousand_good_rows_go_in_in_one_transaction_with_progress(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(demo, copy)
    db = open_database(copy)
    path = tmp_path / "catalogue.csv"
    write_table(path, CATALOGUE, _many(db, 1000))
    before = _counts(db)
    seen: list[tuple[int, int]] = []
    result = import_file(db, "catalogue", path, actor_id=_cdo_of(db, "FS-GAJ"), progress=lambda d, t: seen.append((d, t)))
    assert (result.rows, result.mutations) == (1000, 1000)
    assert _counts(db) == (before[0] + 1000, before[1] + 1000)
    assert seen[-1] == (2000, 2000) and len(seen) > 5
    db.dispose()


@pytest.mark.parametrize(("change", "row", "column", "zh"), [
    ({"department": "FS-RSJ"}, 2, "数源部门编码", "只能导入本部门的资源"),
    ({"department": "NOPE"}, 2, "数源部门编码", "部门编码“NOPE”不在部门目录中"),
    ({"source_system": "不存在的系统"}, 2, "来源系统", "不在平台和系统登记簿中"),
    ({"share_type": "半共享"}, 2, "共享类型", "不是允许的取值"),
    ({"items": "姓名:文本格式"}, 2, "数据项", "不是允许的取值"),
    ({"code": "FS-GAJ-001"}, 2, "资源代码", "已存在"),
    ({"name": ""}, 2, "资源名称", "必填项为空"),
    ({"share_type": "有条件共享"}, 2, "共享依据", "必须注明共享依据"),
])
def test_each_kind_of_bad_cell_is_named(demo: Path, tmp_path: Path, change: dict[str, str], row: int, column: str,
                                        zh: str) -> None:
    db = open_database(demo)
    rows = _many(db, 2)
    rows[0].update(change)
    path = tmp_path / "c.csv"
    write_table(path, CATALOGUE, rows)
    with pytest.raises(ImportRefused) as caught:
        import_file(db, "catalogue", path, actor_id=_cdo_of(db, "FS-GAJ"))
    problem = caught.value.problems[0]
    assert (problem.row, problem.column_zh) == (row, column) and zh in problem.zh, problem
    db.dispose()


def test_a_duplicate_code_in_the_file_names_both_rows(demo: Path, tmp_path: Path) -> None:
    db = open_database(demo)
    rows = _many(db, 3)
    rows[2]["code"] = rows[0]["code"]
    path = tmp_path / "c.csv"
    write_table(path, CATALOGUE, rows)
    with pytest.raises(ImportRefused) as caught:
        import_file(db, "catalogue", path, actor_id=_cdo_of(db, "FS-GAJ"))
    assert [p.text() for p in caught.value.problems] == ["第4行，“资源代码”列（A）：与第2行重复：“FS-GAJ-IMP-0000”"]
    db.dispose()


def test_templates_have_chinese_headers_and_import_nothing(tmp_path: Path) -> None:
    for kind in IMPORT_COLUMNS:
        path = tmp_path / f"{kind}.xlsx"
        write_template(kind, path)
        sheet = read_sheet(path)
        assert sheet.headers == [c.zh for c in IMPORT_COLUMNS[kind]] and sheet.rows == []


def test_the_command_line_imports_refuses_and_writes_templates(demo: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(demo, copy)
    template = tmp_path / "模板.xlsx"
    assert main(["import", "--template", "catalogue", "-o", str(template)]) == 0
    assert read_sheet(template).headers[0] == "资源代码"
    db = open_database(copy)
    bad = tmp_path / "bad.csv"
    write_table(bad, CATALOGUE, _many(db, 5, bad_row=3))
    good = tmp_path / "good.xlsx"
    write_table(good, CATALOGUE, _many(db, 5))
    db.dispose()
    args = ["--data-dir", str(copy), "--as", "fsgaj.cdo"]
    capsys.readouterr()
    assert main(["import", "catalogue", str(bad), "--data-dir", str(copy), "--as",
                 str(_cdo_of(open_database(copy), "FS-GAJ"))]) == 1
    err = capsys.readouterr().err
    assert "第5行，“发布日期”列（N）" in err and "Row 5, column 'Published on' (N)" in err
    assert main(["import", "catalogue", str(good), *args]) == 2  # no accounts in this network: named
    assert "fsgaj.cdo" in capsys.readouterr().err
    assert main(["import", "catalogue", str(good), "--data-dir", str(copy), "--json", "--as",
                 str(_cdo_of(open_database(copy), "FS-GAJ"))]) == 0
    assert '"rows": 5' in capsys.readouterr().out
    assert main(["export", "assets", "-o", str(tmp_path / "a.json"), "--data-dir", str(copy)]) == 0


def test_the_commands_offer_every_kind_the_importer_and_exporter_know() -> None:
    from cdo_desktop.transfer import exports, import_commands, importer

    assert import_commands.KINDS == importer.KINDS and import_commands.EXPORT_KINDS == exports.EXPORT_KINDS


def _sheet_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    sheet = read_sheet(path)
    return sheet.headers, [cells for _n, cells in sheet.rows]


def _write_csv(path: Path, headers: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)


def _table_counts(db: Database) -> tuple[int, int, int, int]:
    with db.read() as session:
        return tuple(session.execute(select(func.count()).select_from(model)).scalar_one()  # type: ignore[return-value]
                     for model in (m.Department, m.Commissioner, m.DataAsset, m.AuditEntry))


def test_a_bad_row_in_a_directory_or_asset_file_changes_nothing_and_is_named(demo: Path, tmp_path: Path) -> None:
    """The all-or-nothing rule of the catalogue import holds for the directory and the asset register too."""
    source = open_database(demo)
    files = {kind: tmp_path / f"{kind}.csv" for kind in ("directory", "platforms", "catalogue", "assets")}
    for kind, path in files.items():
        assert export_table(source, kind, path) > 0
    target = open_database(tmp_path / "empty")
    ensure_initialised(target)

    headers, rows = _sheet_rows(files["directory"])
    broken = [list(r) for r in rows]
    broken[4][headers.index("上级部门编码")] = "NOPE"
    bad_directory = tmp_path / "directory-bad.csv"
    _write_csv(bad_directory, headers, broken)
    before = _table_counts(target)
    with pytest.raises(ImportRefused) as caught:
        import_file(target, "directory", bad_directory, actor_id=ADMIN)
    assert _table_counts(target) == before
    assert [(p.row, p.column_zh) for p in caught.value.problems] == [(6, "上级部门编码")]
    assert "NOPE" in caught.value.text("zh")

    import_file(target, "directory", files["directory"], actor_id=ADMIN)
    import_file(target, "platforms", files["platforms"], actor_id=ADMIN)
    for code, path in _split(files["catalogue"], "数源部门编码", tmp_path).items():
        import_file(target, "catalogue", path, actor_id=_cdo_of(target, code))
    holders = {r["code"]: r["department"] for r in _rows(source, "catalogue")}
    code, path = next(iter(_split(files["assets"], "资源代码", tmp_path, key=lambda c: holders[c]).items()))
    headers, rows = _sheet_rows(path)
    broken = [list(r) for r in rows]
    broken[-1][headers.index("记录数")] = "十二万"
    bad_assets = tmp_path / "assets-bad.csv"
    _write_csv(bad_assets, headers, broken)
    before = _table_counts(target)
    with pytest.raises(ImportRefused) as caught:
        import_file(target, "assets", bad_assets, actor_id=_cdo_of(target, code))
    assert _table_counts(target) == before
    assert [(p.row, p.column_zh) for p in caught.value.problems] == [(len(rows) + 1, "记录数")]
    assert import_file(target, "assets", path, actor_id=_cdo_of(target, code)).rows == len(rows)
    source.dispose()
    target.dispose()
