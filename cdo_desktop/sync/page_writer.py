"""How a pull page's rows of one table are laid into the desktop's SQLite copy: the statement, built once per
table, and the values it binds, converted a column at a time.

Each value is what the column type's own bind processor would have bound after `wire.row_values` (the reference,
tests/unit/test_bulk_paths.py compares the stored rows), but a page of a thousand rows costs few Python calls per
row: the rows are read with one ``itemgetter`` each and turned into columns, a column of canonical UUIDs is
unhyphenated as one text, a column of texts (dates) or flags is converted once per distinct value, and JSON lists
and objects go straight to the C encoder ``json.dumps`` itself uses. Whatever does not fit a fast way (a
non-canonical UUID, a value of an unexpected type) takes the column's general conversion, which refuses what it
refused before.
"""

from __future__ import annotations

import datetime as dt
import json
import json.encoder
import operator
import re
import uuid
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, String, Uuid
from sqlalchemy.engine import Dialect

from cdo_desktop.sync.wire import TABLES, column_codecs

Convert = Callable[[Any], Any]
ConvertColumn = Callable[[Sequence[Any]], Sequence[Any]]

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_CANONICAL_UUID = re.compile(rf"{_UUID}\Z")
_CANONICAL_UUID_LINES = re.compile(rf"(?:{_UUID}\n)*{_UUID}")


def _uuid_text(value: Any) -> Any:
    """A wire UUID as SQLite stores it (32 lower-case hex digits). The canonical form the bureau sends is only
    stripped of its hyphens; anything else goes through `uuid.UUID`, which refuses what is not a UUID."""
    if value is None:
        return None
    if value.__class__ is str and _CANONICAL_UUID.match(value):
        return value.replace("-", "")
    return (value if isinstance(value, uuid.UUID) else uuid.UUID(value)).hex


def _date_text(general: Convert) -> Convert:
    """A wire date as SQLite stores it: a text is parsed (which refuses what is not a date) and written back in
    ISO form, as the column's bind processor would; anything else takes the ``general`` way."""
    parse = dt.date.fromisoformat

    def convert(value: Any) -> Any:
        if value.__class__ is str:
            return parse(value).isoformat()
        return general(value)

    return convert


def _identity(value: Any) -> Any:
    return value


def _then(first: Convert, second: Convert) -> Convert:
    return lambda value: second(first(value))


def _each(convert: Convert) -> ConvertColumn:
    return lambda values: list(map(convert, values))


def _once_per_value(convert: Convert, kinds: frozenset[type]) -> ConvertColumn:
    """A column whose values are all of ``kinds`` (texts, flags, None: equal values convert equally) converted
    once per distinct value; any other column value by value."""

    def convert_column(values: Sequence[Any]) -> Sequence[Any]:
        if set(map(type, values)) <= kinds:
            done = {value: convert(value) for value in set(values)}
            return list(map(done.__getitem__, values))
        return list(map(convert, values))

    return convert_column


def _uuid_column(values: Sequence[Any]) -> Sequence[Any]:
    """A column of UUIDs: when all are canonical texts (what the bureau sends), unhyphenated as one text."""
    try:
        joined = "\n".join(values)
    except TypeError:  # None (a reference not set) or not a text
        return _UUIDS_BY_VALUE(values)
    if _CANONICAL_UUID_LINES.fullmatch(joined):
        return joined.replace("-", "").split("\n")
    return _UUIDS_BY_VALUE(values)


_TEXT_OR_NONE: frozenset[type] = frozenset({str, type(None)})
_FLAG_OR_NONE: frozenset[type] = frozenset({bool, type(None)})
_UUIDS_BY_VALUE = _once_per_value(_uuid_text, _TEXT_OR_NONE)


def _json_column(general: Convert) -> ConvertColumn:
    """A JSON column whose values are lists and objects: each written by the C encoder with `json.dumps`' own
    settings (the JSON type's bind processor calls ``json.dumps(value)``), without building an encoder per value.
    A fresh encoder per column: it keeps the objects being written to detect cycles."""
    default = json.JSONEncoder()
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator: the type's own way
        return _each(general)

    def convert_column(values: Sequence[Any]) -> Sequence[Any]:
        if set(map(type, values)) <= _CONTAINERS:
            encode = make({}, default.default, json.encoder.encode_basestring_ascii, None, default.key_separator,
                          default.item_separator, default.sort_keys, default.skipkeys, default.allow_nan)
            return list(map("".join, map(encode, values, repeat(0))))
        return list(map(general, values))

    return convert_column


_CONTAINERS: frozenset[type] = frozenset({list, dict})


class PageWriter:
    """The insert of one table's page rows: ``sql`` (DB-API, qmark parameters) and `values` for it."""

    def __init__(self, sql: str, names: list[str], converters: list[tuple[int, ConvertColumn]]) -> None:
        self.sql = sql
        self.names = names
        self._converters = converters
        self._read = operator.itemgetter(*names)

    def values(self, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """The parameters of ``rows`` (wire form), in column order; the id first."""
        try:
            found = list(map(self._read, rows))
        except KeyError:  # a row without some column (a bureau older than this table): None there
            found = [tuple(map(row.get, self.names)) for row in rows]
        if not self._converters or not found:
            return found
        columns: list[Sequence[Any]] = list(zip(*found, strict=True))
        for i, convert_column in self._converters:
            columns[i] = convert_column(columns[i])
        return list(zip(*columns, strict=True))


_WRITERS: dict[tuple[str, str], PageWriter] = {}


def page_writer(table: str, dialect: Dialect) -> PageWriter:
    """The upsert of ``table`` and, per column, the conversion of a column of wire values to bound values:
    `wire.row_values`' conversion followed by the column type's own bind processor, in the fast ways above."""
    key = (table, dialect.name)
    found = _WRITERS.get(key)
    if found is not None:
        return found
    if dialect.name != "sqlite":
        raise ValueError("the replica is a SQLite database")
    sa_table = TABLES[table].__table__  # type: ignore[attr-defined]
    names: list[str] = []
    converters: list[tuple[int, ConvertColumn]] = []
    for i, (column, (name, convert)) in enumerate(zip(sa_table.columns, column_codecs(table), strict=True)):
        names.append(name)
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if convert is None and process is None:
            continue
        general = _then(convert, process) if convert is not None and process is not None else None
        general = general or convert or process or _identity
        if isinstance(column.type, Uuid):
            converters.append((i, _uuid_column))
        elif isinstance(column.type, Date) and not isinstance(column.type, DateTime):
            converters.append((i, _once_per_value(_date_text(general), _TEXT_OR_NONE)))
        elif isinstance(column.type, DateTime):
            converters.append((i, _once_per_value(general, _TEXT_OR_NONE)))
        elif isinstance(column.type, Boolean):
            converters.append((i, _once_per_value(general, _FLAG_OR_NONE)))
        elif (isinstance(column.type, JSON) and convert is None and not column.type.none_as_null
              and getattr(dialect, "_json_serializer", None) is None and String().bind_processor(dialect) is None):
            converters.append((i, _json_column(general)))  # the bind processor is exactly ``json.dumps``
        else:
            converters.append((i, _each(general)))
    if len(names) < 2 or names[0] != "id":
        raise ValueError(f"{table}: the id must be the first of several columns")  # `upsert` reads it from there
    quoted = ", ".join(f'"{n}"' for n in names)
    updates = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n != "id")
    sql = (f'INSERT INTO "{sa_table.name}" ({quoted}) VALUES ({", ".join("?" for _ in names)}) '
           f'ON CONFLICT ("id") DO UPDATE SET {updates}')
    writer = _WRITERS[key] = PageWriter(sql, names, converters)
    return writer
