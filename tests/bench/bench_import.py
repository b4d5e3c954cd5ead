"""Benchmark of spreadsheet import: check + apply of a catalogue file of N rows (xlsx), and a refused file of the
same size with one bad row (checked, nothing written), into a small demo network.

Run: ``python tests/bench/bench_import.py [rows]`` (default 1,000); ``run(scale)`` returns rows
``{name, value, unit, bound}`` for a harness (scale = rows / 1,000).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import select

from cdo_desktop.demo.network import generate
from cdo_desktop.store import models as m
from cdo_desktop.store.migrate import open_database
from cdo_desktop.transfer.importer import ImportRefused, import_file
from cdo_desktop.transfer.specs import CATALOGUE
from cdo_desktop.transfer.tables import write_table


def _rows(count: int, bad: int | None = None) -> list[dict[str, str]]:
    rows = [{"code": f"FS-GAJ-B{i:06d}", "name": f"基准资源{i}", "department": "FS-GAJ",
             "items": "姓名:字符型；登记日期:日期型；证件号码", "share_type": "无条件共享",
             "source_system": "公安局业务系统", "published_on": "2026-03-01"} for i in range(count)]
    if bad is not None:
        rows[bad]["published_on"] = "2026-02-30"
    return rows


def run(scale: float = 1.0) -> list[dict[str, object]]:
    count = max(int(1000 * scale), 10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "data")
        generate(db, scale=20, seed=2026, with_accounts=False)
        with db.read() as session:
            dept = session.execute(select(m.Department).where(m.Department.code == "FS-GAJ")).scalar_one()
            cdo = session.execute(select(m.Commissioner.id).where(m.Commissioner.department_id == dept.id,
                                                                  m.Commissioner.role == "cdo")).scalar_one()
        bad = folder / "bad.xlsx"
        write_table(bad, CATALOGUE, _rows(count, bad=count * 3 // 4))
        start = time.perf_counter()
        try:
            import_file(db, "catalogue", bad, actor_id=cdo)
        except ImportRefused:
            pass
        refused_s = time.perf_counter() - start
        good = folder / "good.xlsx"
        write_table(good, CATALOGUE, _rows(count))
        start = time.perf_counter()
        import_file(db, "catalogue", good, actor_id=cdo)
        good_s = time.perf_counter() - start
        db.dispose()
    return [
        {"name": f"import {count} catalogue rows (xlsx, check + apply, one transaction)", "value": round(good_s, 2),
         "unit": "s", "bound": "—"},
        {"name": f"refuse {count} rows with one bad row (checked, nothing written)", "value": round(refused_s, 2),
         "unit": "s", "bound": "—"},
        {"name": "import per row", "value": round(1000 * good_s / count, 2), "unit": "ms", "bound": "—"},
    ]


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for line in run(rows / 1000):
        print(f"{line['name']}: {line['value']} {line['unit']}")
