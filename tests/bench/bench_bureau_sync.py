"""The bureau's own work for one desktop's sync, in process, on SQLite and on PostgreSQL: the sign-in check of each
request (twice), the push of one mutation (its body parsed, applied, answered, the head recorded, the checkpoint
decided) and the pull page after it (the page, its signed chain head and proof, its JSON) — what the sync routes and
the front door do, without HTTP. Reports the median CPU (process time) and wall time per sync, and the SQL
statements per sync.

It isolates the server's cost per request from the network and the desktop (`bench_sync.py --only load` measures
the whole round under load).

Run: python tests/bench/bench_bureau_sync.py [--syncs 150] [--others 10] [--no-postgres] [--alternations 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench_sync import bureau_database  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlmodel import select  # noqa: E402

from cdo_desktop.server import checkpoints, exchange, ledger, pages  # noqa: E402
from cdo_desktop.server.app import close_app, create_app  # noqa: E402
from cdo_desktop.server.deps import authenticate  # noqa: E402
from cdo_desktop.server.security import issue_token  # noqa: E402
from cdo_desktop.store import models as m  # noqa: E402
from cdo_desktop.sync.wire import DEFAULT_PAGE_ROWS, PushRequest  # noqa: E402
from tests.integration.harness import mutation, pg_drop, pg_reachable, request_payload  # noqa: E402


def bureau(tmp: Path, backend: str) -> tuple[Any, Any, str | None]:
    """(the app as `cdo serve` makes it, the world, the PostgreSQL database's name)."""
    config, db, world, name = bureau_database(tmp, backend, prefix="bureau")
    return create_app(config, db=db), world, name


def one_sync(app: Any, header: str, body: bytes, after: int, known: int | None) -> tuple[int, int]:
    """What the bureau does for one desktop's sync round (routes/sync.py and guard.py): returns the desktop's next
    (cursor, known audit position)."""
    db, keys, config = app.state.db, app.state.keys, app.state.config
    viewer = authenticate(db, header)  # the push request at the front door
    request = PushRequest.model_validate_json(body)
    answers = exchange.push_batch(db, viewer, list(request.mutations), issuer=app.state.issuer)
    assert answers[0].status == "accepted", answers
    with db.read() as session:
        counter = ledger.read_counter(session)
    ledger.record_head(config.data_dir, counter.epoch, counter.seq)
    checkpoints.keep(db, keys, counter.epoch)
    viewer = authenticate(db, header)  # the pull request
    with db.read() as session:
        page = pages.pull_page(session, viewer, after=after, limit=DEFAULT_PAGE_ROWS)
        page.envelope = checkpoints.attach(session, page.envelope, keys, known=known, data_dir=config.data_dir)
    assert page.rows and not page.envelope.more
    page.json()
    return page.envelope.cursor, page.envelope.checkpoint.position  # type: ignore[union-attr]


def measure(backend: str, syncs: int, others: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="cdo-bench-bureau-") as tmp_name:
        app, world, name = bureau(Path(tmp_name), backend)
        try:
            db = app.state.db
            with db.write() as session:
                account = session.exec(select(m.Account).where(m.Account.username == "a-commissioner")).one()
                token, _row = issue_token(session, account=account, device_id=uuid.uuid4().hex, device_name="bench")
                other = session.exec(select(m.Account).where(m.Account.username == "b-commissioner")).one()
                other_token, _row = issue_token(session, account=other, device_id=uuid.uuid4().hex, device_name="other")
            header = f"Bearer {token}"
            actor = world.people[("A", "commissioner")]
            other_viewer = authenticate(db, f"Bearer {other_token}")
            other_actor = world.people[("B", "commissioner")]
            with db.read() as session:
                after = ledger.read_counter(session).seq
            known = None
            statements = 0

            def count(*_args: Any) -> None:
                nonlocal statements
                statements += 1

            # on PostgreSQL the reader is the writer with other options, whose listeners it runs too
            engines = [db.writer] + ([db.reader] if db.reader.pool is not db.writer.pool else [])
            for engine in engines:
                event.listen(engine, "before_cursor_execute", count)
            cpu, wall, per_sync = [], [], []
            for i in range(syncs + 10):  # the first 10 warm the caches and the pool
                body = PushRequest(mutations=[mutation("request.create", actor, uuid.uuid4(),
                                                       request_payload(world, "A", "B"))]).model_dump_json().encode()
                for _ in range(others):  # other desktops' changes since this desktop's last sync, in its next page
                    exchange.push_batch(db, other_viewer, [mutation("request.create", other_actor, uuid.uuid4(),
                                                                    request_payload(world, "B", "A"))])
                before = statements
                c0, w0 = time.process_time(), time.perf_counter()
                after, known = one_sync(app, header, body, after, known)
                c1, w1 = time.process_time(), time.perf_counter()
                if i >= 10:
                    cpu.append(c1 - c0)
                    wall.append(w1 - w0)
                    per_sync.append(statements - before)
            for engine in engines:
                event.remove(engine, "before_cursor_execute", count)
        finally:
            close_app(app)
            if name:
                pg_drop(name)
    return {"cpu_ms": statistics.median(cpu) * 1000, "wall_ms": statistics.median(wall) * 1000,
            "statements": statistics.median(per_sync)}


def run(syncs: int = 150, postgres: bool = True, alternations: int = 1, others: int = 10) -> list[dict[str, Any]]:
    backends = ["sqlite"] + (["postgres"] if postgres and pg_reachable() is None else [])
    figures: dict[str, list[dict[str, float]]] = {b: [] for b in backends}
    for _ in range(alternations):
        for backend in backends:
            figures[backend].append(measure(backend, syncs, others))
    results = []
    for backend, runs in figures.items():
        label = "SQLite" if backend == "sqlite" else "PostgreSQL"
        cpu = " / ".join(f"{r['cpu_ms']:.1f}" for r in runs)
        results += [
            {"name": f"bureau's work for one sync ({label}): CPU", "value": round(statistics.median(r["cpu_ms"] for r in runs), 1),
             "unit": "ms", "bound": f"median of {syncs} syncs, pages of {others + 1} rows; runs: {cpu}"},
            {"name": f"bureau's work for one sync ({label}): wall", "value": round(statistics.median(r["wall_ms"] for r in runs), 1),
             "unit": "ms", "bound": f"{runs[0]['statements']:.0f} SQL statements per sync"},
        ]
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--syncs", type=int, default=150)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--alternations", type=int, default=1)
    parser.add_argument("--others", type=int, default=10,
                        help="changes other desktops push before each sync (the pull page carries them too)")
    ns = parser.parse_args()
    import keyring

    from tests.integration.harness import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    for row in run(ns.syncs, not ns.no_postgres, ns.alternations, ns.others):
        print(f"{row['name']:<50} {row['value']:>8} {row['unit']:<3} {row['bound']}")
