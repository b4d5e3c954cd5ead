"""The bureau's PostgreSQL sessions: reads run without a transaction of their own (no ``BEGIN``/``ROLLBACK`` round
trips), while writers, on the same pool of connections, keep theirs: atomic, and holding the counter lock to the
end."""

from __future__ import annotations

import psycopg
import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import select

from cdo_desktop.server import ledger
from cdo_desktop.store.db import Database
from cdo_desktop.store.server_models import SyncCounter
from tests.integration.conftest import fresh_config
from tests.integration.harness import pg_drop

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_db(tmp_path, tmp_path_factory):  # type: ignore[no-untyped-def]
    config, _world, name = fresh_config("postgres", tmp_path, tmp_path_factory.getbasetemp())
    db = Database(config.url, pooled=True)
    yield db
    db.dispose()
    pg_drop(name)


def _status(session) -> TransactionStatus:  # type: ignore[no-untyped-def]
    return session.connection().connection.dbapi_connection.info.transaction_status


def test_a_read_opens_no_transaction_and_a_write_does(pg_db: Database) -> None:
    for _ in range(3):  # connections go back and forth between readers and writers in the one pool
        with pg_db.read() as session:
            assert ledger.read_counter(session).seq > 0
            assert _status(session) == TransactionStatus.IDLE
        with pg_db.write() as session:
            session.execute(select(SyncCounter.seq)).all()
            assert _status(session) == TransactionStatus.INTRANS


def test_a_writer_after_readers_is_still_atomic_and_holds_its_lock(pg_db: Database) -> None:
    with pg_db.read() as session:
        head = ledger.read_counter(session).seq
    dsn = pg_db.url.replace("postgresql+psycopg://", "postgresql://")
    for _ in range(3):
        with pg_db.read() as session:
            session.execute(select(SyncCounter.seq)).all()
        with pytest.raises(RuntimeError), pg_db.write() as session:
            counter = ledger.lock_counter(session)
            counter.seq += 5
            session.add(counter)
            session.flush()
            with psycopg.connect(dsn, autocommit=True) as other, pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute("SELECT seq FROM sync_counter WHERE id = 1 FOR UPDATE NOWAIT")
            raise RuntimeError("the mutation failed")
        with pg_db.read() as session:
            assert ledger.read_counter(session).seq == head
