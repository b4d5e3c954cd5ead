"""Engines and sessions: SQLite in WAL with foreign keys, a busy timeout and ``BEGIN IMMEDIATE`` for writes.

`Database` holds two engines on the same file: readers begin deferred transactions (never blocking each other),
writers begin ``IMMEDIATE`` so that two writers queue on the busy timeout instead of failing with "database is
locked" halfway through. On PostgreSQL both share one pool; readers run without a transaction (`_postgres_engines`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from cdo_desktop.paths import default_data_dir
from cdo_desktop.store import search, stale_index
from cdo_desktop.store.folder import DB_FILENAME

__all__ = ["DB_FILENAME", "Database", "default_data_dir", "sqlite_url"]

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{(Path(data_dir) / DB_FILENAME).as_posix()}"


def _file_identity(path: str | None) -> tuple[int, int] | None:
    """(device, inode) of the database file, None when there is none (yet)."""
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _sqlite_engine(url: str, *, immediate: bool, pooled: bool = False) -> Engine:
    """An engine on a SQLite file that keeps its connections open between transactions: opening one, setting its
    pragmas and reading the schema at its first statement was a tenth of the bureau's time per request and a sixth
    of a desktop's CPU per sync (docs/benchmarks.md, session 10). A request or a thread never waits for a
    connection (those beyond the pool's size are closed when returned): ``pooled`` (the bureau, many requests at
    once) keeps eight, a desktop two (its window and its sync).

    A pooled connection is given out only while the file it opened is still the data folder's database: a restore
    or a copy put over the file (another process, `store.backup.restore`) makes the pool open a new one, so no
    transaction runs on the file that was replaced. Whoever switches foreign keys off on a connection switches them
    back on before returning it (`sync.replica.replica_connection`)."""
    path = make_url(url).database
    pooling: dict[str, Any] = {"pool_size": 8 if pooled else 2, "max_overflow": -1}
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        **(pooling if path and ":memory:" not in url else {}),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        record.info["file"] = _file_identity(path)

    @event.listens_for(engine, "checkout")
    def _on_checkout(_dbapi_connection: sqlite3.Connection, record: Any, _proxy: Any) -> None:
        if record.info.get("file") != _file_identity(path):
            # every connection the pool keeps is on the old file: all are closed, and a new one is opened
            raise exc.InvalidatePoolError(f"the database file was replaced: {path}")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


# a bulk writer's page cache (KiB). The demo generator's batches insert rows under random keys (UUIDs) into a
# dozen tables' indexes, and a download from nothing fills every table and then the search index; with SQLite's
# default 2 MiB most of those pages were read back from the file and written out again (docs/benchmarks.md: the demo
# at scale 100,000 3,085 → 3,550 mutations/s together with larger batches, the pull of 100,000 rows 1.28× faster)
BULK_CACHE_KIB = 65_536
# pages of write-ahead log between checkpoints for a bulk writer (SQLite's default is 1,000, about 4 MiB)
BULK_WAL_PAGES = 8_192


@contextlib.contextmanager
def bulk_writing(connection: Any, *, checkpoint_pages: int = BULK_WAL_PAGES) -> Iterator[None]:
    """Give a SQLite connection that writes many batches in a row a larger page cache and rarer checkpoints
    (``checkpoint_pages`` 0: none until the block ends), and set both back when the block ends (the connection may go
    back to a pool). Durability is unchanged: each COMMIT is written to the log as any other. A no-op on PostgreSQL."""
    if connection.dialect.name != "sqlite":
        yield
        return
    # on the DB-API connection: a statement through SQLAlchemy would begin a transaction the caller's session joins
    raw = connection.connection.driver_connection
    before = [raw.execute(f"PRAGMA {name}").fetchone()[0] for name in ("cache_size", "wal_autocheckpoint")]
    try:
        raw.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
        raw.execute(f"PRAGMA wal_autocheckpoint={int(checkpoint_pages)}")
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):  # a broken connection: its settings go with it
            raw.execute(f"PRAGMA cache_size={int(before[0])}")
            raw.execute(f"PRAGMA wal_autocheckpoint={int(before[1])}")


def _postgres_engines(url: str) -> tuple[Engine, Engine]:
    """(reader, writer) on one pool of PostgreSQL connections. The reader runs each statement in autocommit, without
    a ``BEGIN`` and a ``ROLLBACK`` of its own: at READ COMMITTED (PostgreSQL's default) each statement sees what was
    committed when it began whether a transaction surrounds it or not, so they were two more round trips per read
    session (a sync's sign-in checks, counter and page reads) and nothing else. Under load every round trip waits
    for the database's process to be scheduled: the bureau's wall time per sync, in process beside 50 desktops'
    load, went from 31 to 24 ms (tests/bench/bench_bureau_sync.py). Locks (``FOR UPDATE``) are taken in writers
    only. Connections are pinged when taken from the pool, so that a restarted PostgreSQL costs no request."""
    writer = create_engine(url, pool_pre_ping=True)
    return writer.execution_options(isolation_level="AUTOCOMMIT"), writer


class Database:
    """One database (a desktop's or the bureau's): ``read()`` sessions and ``write()`` transactions."""

    def __init__(self, url: str, *, pooled: bool = False, keeps_search_index: bool = True) -> None:
        """``pooled``: keep more SQLite connections open between transactions (the bureau server; `_sqlite_engine`).
        PostgreSQL always pools (`_postgres_engines`). ``keeps_search_index`` off (the bureau server, which never
        searches): writes leave the SQLite search index as it is and mark it stale (`store.stale_index`)."""
        self.url = url
        self.is_sqlite = make_url(url).get_backend_name() == "sqlite"
        self.keeps_search_index = keeps_search_index
        if self.is_sqlite:
            self.reader = _sqlite_engine(url, immediate=False, pooled=pooled)
            self.writer = _sqlite_engine(url, immediate=True, pooled=pooled)
        else:
            self.reader, self.writer = _postgres_engines(url)

    @classmethod
    def for_data_dir(cls, data_dir: Path, *, pooled: bool = False, keeps_search_index: bool = True) -> Database:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        return cls(sqlite_url(data_dir), pooled=pooled, keeps_search_index=keeps_search_index)

    @property
    def path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        return Path(database) if database and database != ":memory:" else None

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading. Read every result inside the block: the connection goes back to the store's pool
        when it ends, and a statement still being stepped would keep its snapshot of the database."""
        with Session(self.reader, expire_on_commit=False) as session:
            self._keep_index(session)
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed when the block ends, rolled back on any exception."""
        with self.write_on(self.writer) as session:
            yield session

    @contextlib.contextmanager
    def write_on(self, bind: Any) -> Iterator[Session]:
        """As `write`, on ``bind``: the writer engine, or a connection the caller holds so that several transactions
        run on one SQLite connection (a pushed batch, a pull's pages)."""
        with Session(bind=bind, expire_on_commit=False) as session:
            self._keep_index(session)
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def _keep_index(self, session: Session) -> None:
        if not self.is_sqlite:
            return
        if self.keeps_search_index:
            search.attach(session, enabled=True)
        else:
            stale_index.mark_when_written(session)

    def dispose(self) -> None:
        self.reader.dispose()
        if self.writer.pool is not self.reader.pool:
            self.writer.dispose()
