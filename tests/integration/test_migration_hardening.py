"""Migration 0004 (issue #10) on SQLite and PostgreSQL: receipts written under the old key (device, mutation id)
are kept under their account; the schema goes back down and up again."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from cdo_desktop.store.db import Database, sqlite_url
from cdo_desktop.store.migrate import _config, head_revision
from tests.integration.harness import pg_drop, pg_execute, pg_url, require_postgres


def _migrate(db: Database, target: str, *, down: bool = False) -> None:
    config = _config()
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_receipts_survive_the_new_key_and_the_schema_round_trips(backend: str, tmp_path: Path) -> None:
    name = None
    if backend == "postgres":
        require_postgres()
        name = f"cdo_mig_{uuid.uuid4().hex[:10]}"
        pg_execute(f'CREATE DATABASE "{name}"')
        db = Database(pg_url(name))
    else:
        db = Database(sqlite_url(tmp_path))
    try:
        _migrate(db, "0003_request_created_index")
        account, mutation = uuid.uuid4(), uuid.uuid4()
        with db.writer.begin() as conn:
            conn.execute(
                text("INSERT INTO sync_receipt (device_id, mutation_id, account_id, accepted, seq, answer, created_at) "
                     "VALUES (:d, :m, :a, :ok, 7, :ans, :at)"),
                {"d": "device-0001", "m": mutation if backend == "postgres" else mutation.hex,
                 "a": account if backend == "postgres" else account.hex, "ok": True,
                 "ans": json.dumps({"id": str(mutation), "status": "accepted", "seq": 7}), "at": dt.datetime.now(dt.UTC)},
            )
        _migrate(db, "head")
        from sqlmodel import select

        from cdo_desktop.store.server_models import SyncReceipt

        with db.read() as session:
            kept = session.exec(select(SyncReceipt)).one()
        assert (kept.account_id, kept.device_id, kept.mutation_id, kept.seq) == (account, "device-0001", mutation, 7)
        assert kept.created_at is not None and kept.created_at.tzinfo is not None
        _migrate(db, "0003_request_created_index", down=True)
        _migrate(db, "head")
        with db.writer.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
            assert conn.execute(text("SELECT COUNT(*) FROM sync_receipt")).scalar_one() == 1
    finally:
        db.dispose()
        if name:
            pg_drop(name)
