"""Stored rows found by table and column, through the open ORM session or with the standard library alone.

The document builders (reports/builders.py) read a handful of rows to print a ruling, a notice, a reply or a
certificate. In the desktop and on the bureau they read them through the session already open
(`SessionRecords`). ``cdo pdf`` reads them from the SQLite file with `sqlite3` (`SqliteRecords`): printing one
document then imports neither SQLAlchemy nor SQLModel nor the table models, about two thirds of the command's time
(issue 14, docs/benchmarks.md).

Both give the same Python values. A column's declared type says how SQLAlchemy stored the value (``CHAR(32)`` a
UUID as 32 hex digits, ``DATE`` and ``DATETIME`` ISO text, ``JSON`` text, ``BOOLEAN`` 0 or 1), and the plain reader
turns it back the same way; tests/unit/reports/test_plain_records.py compares every row of every table and every
document of the demo network read both ways. This module imports nothing beyond the standard library at import
time: the ORM is imported by `SessionRecords` when one is made.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol

from cdo_desktop.store.revisions import single_head


class Records(Protocol):
    """Rows by table name (``"ruling"``, ``"department"`` …), read by attribute like the table models."""

    def get(self, table: str, key: Any) -> Any | None:
        """The row whose primary key is ``key``, or None."""

    def find(self, table: str, **equal: Any) -> list[Any]:
        """The rows whose columns equal the given values (``None`` matches NULL), in no particular order."""


@functools.cache
def _models() -> dict[str, Any]:
    """Table name → table model."""
    from sqlmodel import SQLModel

    from cdo_desktop.store import models  # noqa: F401  (the table models, registered with SQLModel on import)

    return {str(mapper.class_.__tablename__): mapper.class_ for mapper in SQLModel._sa_registry.mappers}


class SessionRecords:
    """`Records` over an open SQLModel session: the objects its identity map holds, pending changes included."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def get(self, table: str, key: Any) -> Any | None:
        return self.session.get(_models()[table], key)

    def find(self, table: str, **equal: Any) -> list[Any]:
        from sqlmodel import select

        model = _models()[table]
        return list(self.session.exec(select(model).where(*(getattr(model, k) == v for k, v in equal.items()))).all())


def _uuid(text: str) -> uuid.UUID:
    return uuid.UUID(hex=text)


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _bool(value: int) -> bool:
    return bool(value)


# How SQLAlchemy's SQLite dialect stores each declared type, read back into the value the model attribute holds.
_FROM_STORED: dict[str, Callable[[Any], Any]] = {
    "CHAR(32)": _uuid,  # sqlalchemy.Uuid: 32 hex digits, no dashes
    "DATE": dt.date.fromisoformat,
    "DATETIME": _datetime,  # "2026-02-13 08:03:00.000000", naive as stored
    "JSON": json.loads,
    "BOOLEAN": _bool,
}


def _stored(value: Any) -> Any:
    """A query parameter in the form SQLAlchemy stored it (see `_FROM_STORED`)."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class SqliteRecords:
    """`Records` over a SQLite database file read with `sqlite3` (query-only: it cannot change the file)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._tables: dict[str, tuple[list[str], list[Callable[[Any], Any] | None], str]] = {}

    def _table(self, table: str) -> tuple[list[str], list[Callable[[Any], Any] | None], str]:
        """The table's columns, each one's conversion from its stored form, and its primary key column."""
        known = self._tables.get(table)
        if known is None:
            info = self.connection.execute("SELECT name, type, pk FROM pragma_table_info(?)", (table,)).fetchall()
            if not info:
                raise KeyError(table)
            keys = [name for name, _, pk in info if pk]
            known = ([name for name, _, _ in info], [_FROM_STORED.get(kind.upper()) for _, kind, _ in info],
                     keys[0] if len(keys) == 1 else "")
            self._tables[table] = known
        return known

    def _rows(self, table: str, where: str, parameters: tuple[Any, ...]) -> list[SimpleNamespace]:
        columns, converters, _ = self._table(table)
        listed = ", ".join(f'"{c}"' for c in columns)
        out = []
        for values in self.connection.execute(f'SELECT {listed} FROM "{table}"{where}', parameters):
            row = {c: (v if v is None or convert is None else convert(v))
                   for c, convert, v in zip(columns, converters, values, strict=True)}
            out.append(SimpleNamespace(**row))
        return out

    def get(self, table: str, key: Any) -> Any | None:
        _, _, primary = self._table(table)
        if not primary:
            raise KeyError(f"{table} has no single-column primary key")
        rows = self._rows(table, f' WHERE "{primary}" = ?', (_stored(key),))
        return rows[0] if rows else None

    def find(self, table: str, **equal: Any) -> list[Any]:
        columns, _, _ = self._table(table)
        unknown = set(equal) - set(columns)
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
        where = " AND ".join(f'"{c}" IS ?' if v is None else f'"{c}" = ?' for c, v in equal.items())
        return self._rows(table, f" WHERE {where}" if where else "", tuple(_stored(v) for v in equal.values()))


@contextmanager
def reading(path: Path) -> Iterator[SqliteRecords | None]:
    """`SqliteRecords` on the SQLite file at ``path`` in one read transaction (every row from the same moment),
    when its schema is the newest this build knows; None when it is not (an older database to migrate, a newer
    one to refuse, several heads): then the caller opens it through store/migrate.py, which does that."""
    head = single_head()
    connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True, timeout=10.0,
                                 isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA query_only=ON")
        connection.execute("BEGIN")
        try:
            versions = [r[0] for r in connection.execute("SELECT version_num FROM alembic_version")]
        except sqlite3.OperationalError:  # no such table: not a database of ours yet
            versions = []
        yield SqliteRecords(connection) if head is not None and versions == [head] else None
    finally:
        connection.close()
