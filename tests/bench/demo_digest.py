"""The demo network's fingerprint and its generation speed: chain head, entry count and a digest of every table.

Run from the tree to measure (``PYTHONPATH=TREE python tests/bench/demo_digest.py --scale 300 --out f.json``) and
compare two trees' ``--out`` files: the same seed must give the same head hash and the same table digests. The
bootstrap entry is given a fixed instant (the CLI stamps it with the clock), so the whole chain depends on the seed
only. Sign-in accounts are left out (random Argon2 salts; each costs a hash). Prints mutations per wall second and
per CPU second of `generate` alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any


def digests(path: Path) -> dict[str, Any]:
    con = sqlite3.connect(path)
    out = {}
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        cols = [r[1] for r in con.execute(f"PRAGMA table_info('{table}')") if (table, r[1]) != ("sync_counter", "epoch")]
        names = ", ".join(f'"{c}"' for c in cols)  # double quotes: identifiers (single quotes would be strings)
        rows = sorted(repr(r) for r in con.execute(f"SELECT {names} FROM '{table}'"))
        out[table] = f"{len(rows)}:{hashlib.sha256(chr(10).join(rows).encode()).hexdigest()[:16]}"
    head = con.execute("SELECT position, hash FROM audit_entry ORDER BY position DESC LIMIT 1").fetchone()
    con.close()
    return {"head": list(head), "tables": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=300)
    parser.add_argument("--out", type=Path, help="write head and table digests as JSON to this file")
    ns = parser.parse_args()
    from cdo_desktop.demo.network import generate
    from cdo_desktop.services.bootstrap import ADMIN_NAME, BUREAU_CODE, BUREAU_NAME, initialise
    from cdo_desktop.store.migrate import open_database

    with tempfile.TemporaryDirectory(prefix="cdo-demo-digest-") as tmp:
        db = open_database(Path(tmp))
        with db.write() as session:
            initialise(session, bureau_code=BUREAU_CODE, bureau_name=BUREAU_NAME, admin_name=ADMIN_NAME,
                       today=dt.date(2025, 12, 1), at=dt.datetime(2025, 12, 1, 1, 0, tzinfo=dt.UTC))
        wall, cpu = time.perf_counter(), time.process_time()
        result = generate(db, scale=ns.scale, with_accounts=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        db.dispose()
        found = digests(Path(tmp) / "cdo.sqlite3")
    print(json.dumps({"scale": ns.scale, "mutations": result.mutations, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                      "per_wall_s": round(result.mutations / wall), "per_cpu_s": round(result.mutations / cpu),
                      "head": found["head"]}))
    if ns.out:
        ns.out.write_text(json.dumps(found | {"mutations": result.mutations}, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
