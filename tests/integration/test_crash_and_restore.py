"""Crash: a desktop killed (SIGKILL) at random points while applying pull pages keeps a sound database whose
cursor is never ahead of its data. Restore: the bureau restored from an older backup gets a new epoch; desktops
download everything again, push their unconfirmed changes again and converge."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

from cdo_desktop.server.exchange import apply_sequenced
from cdo_desktop.store import models as m
from cdo_desktop.sync import state
from cdo_desktop.sync.outbox import apply_local
from tests.integration.harness import (
    Desktop,
    local_rows,
    mutation,
    pg_drop,
    pg_execute,
    request_payload,
    server_rows,
)
from tests.integration.world import PASSWORD

KILLS = int(os.environ.get("CDO_CRASH_KILLS", "4"))
ROOT = Path(__file__).resolve().parents[2]


def _seed_requests(bureau, n: int) -> None:
    w = bureau.world
    for _ in range(n):
        apply_sequenced(bureau.db, mutation("request.create", w.people[("A", "commissioner")], uuid.uuid4(), request_payload(w)))


def test_killed_while_applying_pages(bureau, tmp_path) -> None:
    _seed_requests(bureau, 100)
    desk = Desktop(tmp_path / "a", bureau.url, "a-commissioner", PASSWORD)
    expected = server_rows(bureau.url, desk.token)
    desk.client.close()
    rng = random.Random(7)
    env = {**os.environ, "CDO_TEST_TOKEN": desk.token, "PYTHONPATH": str(ROOT)}
    child = [sys.executable, str(ROOT / "tests/integration/crash_child.py"), str(desk.root), bureau.url, "4"]
    killed_mid_pull = 0
    for _ in range(KILLS):
        proc = subprocess.Popen([*child, "reset"], env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with sqlite3.connect(desk.root / "cdo.sqlite3") as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with desk.db.read() as session:
            cursor = state.cursor(session)
        killed_mid_pull += 0 < cursor < max(r["seq"] or 0 for r in expected.values())
        have = local_rows(desk.db)
        for key, row in expected.items():
            if (row["seq"] or 0) <= cursor:  # everything the cursor vouches for is there, exactly
                assert have.get(key) == row, f"cursor {cursor} ahead of {key}"
    assert killed_mid_pull >= 1
    done = subprocess.run([*child, "continue"], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["ready", "done"], done.stderr
    assert local_rows(desk.db) == expected
    desk.db.dispose()


def _backup(bureau, where: Path) -> str:
    bureau.server.stop()
    if bureau.backend == "postgres":
        name = f"{bureau.database}_bak"
        pg_execute(f'CREATE DATABASE "{name}" TEMPLATE "{bureau.database}"')
    else:
        name = str(where)
        shutil.copy2(bureau.server.config.data_dir / "cdo.sqlite3", where)
    bureau.server.start()
    return name


def _restore(bureau, backup: str) -> None:
    bureau.server.stop()
    if bureau.backend == "postgres":
        pg_drop(bureau.database)
        pg_execute(f'ALTER DATABASE "{backup}" RENAME TO "{bureau.database}"')
    else:
        path = bureau.server.config.data_dir / "cdo.sqlite3"
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        shutil.copy2(backup, path)
    bureau.server.start()


def test_server_restored_from_older_backup(bureau, tmp_path) -> None:
    w = bureau.world
    a = Desktop(tmp_path / "a", bureau.url, "a-commissioner", PASSWORD)
    clerk = Desktop(tmp_path / "clerk", bureau.url, "bureau-arbitrator", PASSWORD)
    a.client.sync()
    kept = uuid.uuid4()
    apply_local(a.db, mutation("request.create", a.actor_id, kept, request_payload(w)))
    a.client.sync()
    epoch_before = httpx.get(f"{bureau.url}/v1/health").json()["epoch"]
    backup = _backup(bureau, tmp_path / "backup.sqlite3")
    lost, late = uuid.uuid4(), uuid.uuid4()
    apply_local(a.db, mutation("request.create", a.actor_id, lost, request_payload(w)))
    a.client.sync()  # accepted and confirmed: the restore will lose it
    clerk.client.sync()
    apply_local(a.db, mutation("request.create", a.actor_id, late, request_payload(w)))  # still in the outbox
    _restore(bureau, backup)
    assert httpx.get(f"{bureau.url}/v1/health").json()["epoch"] != epoch_before
    report = a.client.sync()
    assert report.redownloaded and report.pending == 0
    clerk_report = clerk.client.sync()
    assert clerk_report.redownloaded
    for d in (a, clerk):
        assert local_rows(d.db) == server_rows(bureau.url, d.token)
        with d.db.read() as session:
            assert session.get(m.SharingRequest, kept) is not None
            assert session.get(m.SharingRequest, late) is not None  # pushed again after the restore
            assert session.get(m.SharingRequest, lost) is None  # the bureau's copy is the truth
        d.close()
