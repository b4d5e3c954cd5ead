"""`Lookup`: one column of the rows whose key column equals a value — the reads a change makes once or twice per
mutation (does this id exist? which flags has this subject?).

On SQLite the statement runs on the DB-API connection of the session's transaction, the value and the results
converted by the columns' own SQLAlchemy types (the processors SQLAlchemy itself would apply); SQLAlchemy's
execution of such a statement costs several times SQLite's. Elsewhere it runs through SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, bindparam, select
from sqlalchemy.engine import Connection, Dialect

Convert = Callable[[Any], Any] | None


class Lookup:
    """``SELECT column FROM table WHERE key = :value``, built once."""

    def __init__(self, table: Table, column: str, key: str) -> None:
        self.core = select(table.c[column]).where(table.c[key] == bindparam("value"))
        self.sqlite = f'SELECT "{column}" FROM "{table.name}" WHERE "{key}" = ?'
        self._key_type, self._column_type = table.c[key].type, table.c[column].type
        self._converters: dict[Dialect, tuple[Convert, Convert]] = {}

    def values(self, connection: Connection, value: Any) -> list[Any]:
        """The column's values, in the order SQLite gives them (the same statement as SQLAlchemy's)."""
        dialect = connection.dialect
        if dialect.name != "sqlite":
            return list(connection.execute(self.core, {"value": value}).scalars())
        converters = self._converters.get(dialect)
        if converters is None:
            converters = (self._key_type.bind_processor(dialect),
                          self._column_type.result_processor(dialect, None))
            self._converters[dialect] = converters
        to_db, from_db = converters
        raw = connection.connection.driver_connection
        rows = raw.execute(self.sqlite, (to_db(value) if to_db is not None and value is not None else value,))  # type: ignore[union-attr]
        if from_db is None:
            return [row[0] for row in rows]
        return [from_db(row[0]) for row in rows]
