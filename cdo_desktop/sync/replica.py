"""The desktop's working copy: write bureau rows over local ones, remember the bureau's copy of a row before a
pending change touches it (shadows), and put those copies back when rebasing.

Pages are written with foreign keys off: the bureau keeps only the newest version of each row, so a child may
arrive (at its older sequence number) before the newest version of its parent. The bureau checked every
reference when it accepted the change; the replica only copies.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import delete, event, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlmodel import Session, col

from cdo_desktop.store import models as m
from cdo_desktop.store import search
from cdo_desktop.store.db import Database
from cdo_desktop.store.server_models import SyncShadow
from cdo_desktop.sync.page_writer import page_writer
from cdo_desktop.sync.wire import TABLES

SEARCHABLE = {"department", "commissioner", "data_resource", "sharing_request", "quality_objection", "dispute",
              "misuse_report"}


@contextlib.contextmanager
def replica_connection(db: Database) -> Iterator[Connection]:
    """A writer connection to the desktop database set up for laying bureau rows down (foreign-key enforcement off,
    see module doc), for as many `replica_write` transactions as the caller runs (a pull's pages), then handed back
    to the store's pool with enforcement on."""
    with db.writer.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # only outside a transaction: run before SQLAlchemy's BEGIN
        search.register_functions(raw)  # before any statement is open (search.reindex runs mid-transaction)
        try:
            yield connection
        finally:  # the connection goes back to the store's pool: with enforcement on, or not at all
            _enforce_foreign_keys(connection, raw)


def _enforce_foreign_keys(connection: Connection, raw: Any) -> None:
    """Switch foreign-key enforcement back on; a connection on which it will not come on (still inside a
    transaction, or broken) is closed rather than returned to the pool."""
    try:
        raw.execute("PRAGMA foreign_keys=ON")
        if raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1:
            return
    except sqlite3.Error:
        pass
    connection.invalidate()


@contextlib.contextmanager
def replica_write(db: Database, connection: Connection | None = None) -> Iterator[Session]:
    """One write transaction on the desktop database with foreign-key enforcement off, on ``connection`` (from
    `replica_connection`) or on a connection of its own."""
    if connection is not None:
        with db.write_on(connection) as session:
            yield session
        return
    with replica_connection(db) as own, db.write_on(own) as session:
        yield session


def to_json(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def upsert(session: Session, table: str, rows: list[dict[str, Any]], *, index: bool = True) -> None:
    """Write rows (wire form) of one table, replacing local copies with the same id; keeps search current
    unless ``index`` is off (a full download re-indexes once at its end instead).

    One DB-API ``executemany`` of a statement built once per table, with the values converted a column at a time
    to what SQLAlchemy would have bound (`page_writer`): no statement compilation and no parameter processing.
    """
    if not rows:
        return
    connection = session.connection()
    writer = page_writer(table, connection.dialect)
    raw = connection.connection.driver_connection
    assert raw is not None
    values = writer.values(rows)
    raw.executemany(writer.sql, values)
    if index and table in SEARCHABLE:
        search.reindex(session, table, [str(v[0]) for v in values])  # the id (first column), as stored


def remove(session: Session, table: str, ids: Iterable[uuid.UUID]) -> None:
    ids = list(ids)
    if not ids:
        return
    model = TABLES[table]
    session.connection().execute(delete(model.__table__).where(model.__table__.c.id.in_(ids)))  # type: ignore[attr-defined]
    if table in SEARCHABLE:
        session.connection().execute(
            text(f"DELETE FROM {search.FTS_TABLE} WHERE rowid = :r"), [{"r": search.rowid_for(i)} for i in ids]
        )


def read_row(session: Session, table: str, row_id: uuid.UUID) -> dict[str, Any] | None:
    """A row as stored (wire form), or None."""
    model = TABLES[table]
    found = session.connection().execute(select(model.__table__).where(model.__table__.c.id == row_id)).mappings().first()  # type: ignore[attr-defined]
    return None if found is None else {k: to_json(v) for k, v in found.items()}


def _capture(session: Session, _context: Any, _instances: Any) -> None:
    """Before a flush writes a synced row for the first time since the last rebase, keep the bureau's copy."""
    # no in-memory "already shadowed" set: a refused mutation's savepoint rollback also drops its shadows
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, m.Synced):
            continue
        key = (str(obj.__tablename__), obj.id)
        if session.connection().execute(
            select(col(SyncShadow.row_id)).where(col(SyncShadow.table_name) == key[0], col(SyncShadow.row_id) == key[1])
        ).first():
            continue
        before = read_row(session, key[0], key[1])
        stmt = sqlite_insert(SyncShadow.__table__).values(table_name=key[0], row_id=key[1], row=before)  # type: ignore[attr-defined]
        session.connection().execute(stmt.on_conflict_do_nothing())


def capture_shadows(session: Session) -> None:
    """From now on, every first write of a synced row in this session keeps a shadow of its bureau copy."""
    if not session.info.get("shadow_capture"):
        event.listen(session, "before_flush", _capture)
        session.info["shadow_capture"] = True


def restore_shadows(session: Session) -> int:
    """Put back the bureau's copy of every row a pending change touched (delete rows that were created locally)."""
    # read as columns (the statement the ORM would run, after its flush), not as objects: every row a pending change
    # touched
    session.flush()
    shadows: list[Any] = list(session.connection().execute(select(SyncShadow.__table__)))  # type: ignore[attr-defined]
    by_table: dict[str, tuple[list[dict[str, Any]], list[uuid.UUID]]] = {}
    for table_name, row_id, row in shadows:
        keep, drop = by_table.setdefault(table_name, ([], []))
        if row is None:
            drop.append(row_id)
        else:
            keep.append(row)
    for table, (keep, drop) in by_table.items():
        if table not in TABLES:
            continue
        remove(session, table, drop)
        upsert(session, table, keep)
    session.connection().execute(delete(SyncShadow.__table__))  # type: ignore[attr-defined]
    session.expunge_all()
    return len(shadows)


def clear_replica(session: Session) -> None:
    """Forget every bureau row (a new epoch: everything is downloaded again)."""
    for model in reversed(m.SYNCED_TABLES):
        session.connection().execute(delete(model.__table__))  # type: ignore[attr-defined]
    session.connection().execute(delete(SyncShadow.__table__))  # type: ignore[attr-defined]
    session.connection().execute(text(f"DELETE FROM {search.FTS_TABLE}"))
    session.expunge_all()


def keep_open(db: Database) -> Any:
    """Hold one idle connection to a SQLite file for as long as the caller needs the database.

    The store opens a connection per transaction; when the last connection to a WAL database closes, SQLite
    checkpoints and removes the WAL, which costs more than the transaction itself (measured: 12 ms per close).
    An idle keeper makes every close cheap. Returns the connection (close it when done), or None off SQLite.
    """
    import sqlite3

    if not db.is_sqlite or db.path is None:
        return None
    keeper = sqlite3.connect(db.path, check_same_thread=False)
    keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()
    return keeper
