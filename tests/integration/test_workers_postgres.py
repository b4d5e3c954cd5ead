"""`cdo serve --workers 2` on PostgreSQL: concurrent pushes through several processes keep the sequence gap-free
and ordered, and the audit chain unbroken."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from cdo_desktop.store.db import Database
from cdo_desktop.store.server_models import SyncCounter, SyncReceipt
from tests.integration.conftest import fresh_config
from tests.integration.harness import free_port, mutation, pg_drop, request_payload, sign_in
from tests.integration.world import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
def test_two_workers_stay_gap_free(tmp_path, tmp_path_factory) -> None:
    config, world, database = fresh_config("postgres", tmp_path, tmp_path_factory.getbasetemp())
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cdo_desktop", "serve", "--data-dir", str(config.data_dir), "--database-url",
         config.url, "--workers", "2", "--port", str(port), "--log-level", "warning"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
            time.sleep(0.2)
        head0 = httpx.get(f"{url}/v1/health").json()["head"]
        users = {"A": ["a-commissioner", "a-cdo"], "B": ["b-commissioner", "b-cdo"]}
        errors: list[str] = []

        def pusher(dept: str, user: str) -> None:
            other = "B" if dept == "A" else "A"
            token = sign_in(url, user, PASSWORD)
            actor = world.people[(dept, user.split("-")[1])]
            with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=120) as client:
                for _ in range(8):
                    batch = [mutation("request.create", actor, uuid.uuid4(), request_payload(world, dept, other))
                             .model_dump(mode="json") for _ in range(5)]
                    answer = client.post("/v1/sync/push", json={"mutations": batch})
                    if answer.status_code != 200 or any(a["status"] != "accepted" for a in answer.json()["answers"]):
                        errors.append(answer.text[:300])

        threads = [threading.Thread(target=pusher, args=(d, u)) for d, us in users.items() for u in us]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors[:3]
        db = Database(config.url)
        with db.read() as session:
            seqs = sorted(r.seq for r in session.execute(select(SyncReceipt)).scalars())
            head = session.get(SyncCounter, 1).seq
            from cdo_desktop.store.audit import verify_chain

            assert verify_chain(session).ok
        db.dispose()
        assert seqs == list(range(head0 + 1, head0 + 1 + 160)) and head == head0 + 160
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        pg_drop(database)
