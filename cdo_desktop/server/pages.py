"""Pull pages on the bureau's side: the rows changed after a cursor that a viewer may see, cut at whole sequence
numbers, each row written as JSON once.

Each table's page query runs on its ``seq`` index with the visibility condition in SQL (`visibility.restrict_to`),
built once per table with the viewer's department bound at each execution. On SQLite the database writes each row's
page entry itself (``json_object``: UUIDs hyphenated, flags as true/false, JSON columns as JSON), so no Python object
is made per value; elsewhere, and for the few tables whose timestamps SQLite stores in another form than the wire's,
rows are read as column values and written by pydantic. Either way
the client reads exactly what `wire.row_to_wire` gives (tests/unit/test_bulk_paths.py compares them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
    Uuid,
    bindparam,
    exists,
    func,
    literal_column,
    select,
    type_coerce,
    union_all,
)
from sqlmodel import Session
from sqlmodel.sql.sqltypes import AutoString

from cdo_desktop.server import ledger
from cdo_desktop.server.visibility import VIEWER_DEPARTMENT, Viewer, restrict_to
from cdo_desktop.sync.wire import PAGE_BYTES, TABLES, PullPage


@dataclasses.dataclass
class ServedPage:
    """A pull page as the bureau sends it: its ``envelope`` (the page without rows: cursor, head, checkpoints) and
    the JSON of each row's entry ``{"table", "seq", "row"}``, in page order."""

    envelope: PullPage
    rows: list[bytes]

    def json(self) -> bytes:
        """The page's JSON: the envelope's, with the rows spliced in (an empty ``"rows":[]`` can only be that field:
        the fields before it hold no unescaped quote)."""
        body = self.envelope.model_dump_json().encode()
        return body.replace(b'"rows":[]', b'"rows":[' + b",".join(self.rows) + b"]", 1)


_ORDER = {name: i for i, name in enumerate(TABLES)}


def pull_page(session: Session, viewer: Viewer, *, after: int, limit: int) -> ServedPage:
    """Rows changed after ``after`` that ``viewer`` may see, whole sequence numbers only, at most ``limit`` rows
    and about `PAGE_BYTES` of JSON (a single mutation larger than that still travels whole)."""
    counter = ledger.read_counter(session)
    head = counter.seq
    now = dt.datetime.now(dt.UTC)
    if after >= head:
        return ServedPage(PullPage(epoch=counter.epoch, head=head, cursor=min(after, head), more=False, rows=[],
                                   server_time=now), [])
    found: list[tuple[int, int, bytes]] = []
    for table in _changed_tables(session, after, head):
        order = _ORDER[table]
        found += [(seq, order, entry) for seq, entry in _visible(session, viewer, table, after, head, limit + 1)]
    found.sort(key=lambda item: (item[0], item[1]))
    rows = found[:limit]
    cut: int | None = found[limit][0] if len(found) > limit else None  # the first seq not (wholly) in this page
    size = 0
    for i, (seq, _order, entry) in enumerate(rows):  # cut where the JSON passes PAGE_BYTES (that row still goes)
        if size >= PAGE_BYTES:
            cut, rows = seq, rows[:i]
            break
        size += len(entry) + 1
    if cut is None:
        return _served(counter.epoch, head, head, False, [entry for _s, _o, entry in rows], now)
    whole = [entry for seq, _order, entry in rows if seq < cut]
    if whole:
        return _served(counter.epoch, head, cut - 1, True, whole, now)
    # one mutation wrote more rows than a page holds: send all of it
    big: list[bytes] = []
    for table in _changed_tables(session, cut - 1, cut):
        big += [entry for _seq, entry in _visible(session, viewer, table, cut - 1, cut, None)]
    return _served(counter.epoch, head, cut, cut < head, big, now)


def _served(epoch: str, head: int, cursor: int, more: bool, rows: list[bytes], now: dt.datetime) -> ServedPage:
    return ServedPage(PullPage(epoch=epoch, head=head, cursor=cursor, more=more, rows=[], server_time=now), rows)


def _visible(session: Session, viewer: Viewer, table: str, low: int, high: int,
             limit: int | None) -> list[tuple[int, bytes]]:
    """(seq, the JSON of the page entry) of the rows of ``table`` with ``low < seq <= high`` that ``viewer`` may
    see, in seq order: one Core query on the table, no ORM objects."""
    dialect = session.get_bind().dialect.name
    query, names = _page_query(table, dialect, viewer.sees_everything, limit is not None)
    params: dict[str, Any] = {"low": low, "high": high, "viewer_department": viewer.department_id, "limit": limit}
    if names is None:
        return [(s, text.encode()) for s, text in session.execute(query, params)]
    dump = _ENTRY_JSON.dump_json
    return [(row.seq, dump({"table": table, "seq": row.seq, "row": dict(zip(names, row, strict=True))}))
            for row in session.execute(query, params)]


@functools.cache
def _page_query(table: str, dialect: str, everything: bool, limited: bool) -> tuple[Any, list[str] | None]:
    """The page statement of ``table`` (bound: ``low``, ``high``, ``viewer_department``, ``limit``), built once —
    building and keying a statement per table per page was a tenth of the bureau's time — with the names of the
    columns it reads, or None when it reads (seq, the entry's JSON written by SQLite)."""
    sa_table = TABLES[table].__table__  # type: ignore[attr-defined]
    seq = sa_table.c.seq
    entry = _entry_json(table) if dialect == "sqlite" else None
    query = select(seq, entry) if entry is not None else select(*_columns(table, dialect))
    query = query.where(seq > bindparam("low"), seq <= bindparam("high"))
    if not everything:
        query = restrict_to(query, table, VIEWER_DEPARTMENT)
    query = query.order_by(seq)
    if limited:
        query = query.limit(bindparam("limit"))
    return query, None if entry is not None else [c.name for c in sa_table.columns]


_ENTRY_JSON = TypeAdapter(dict[str, Any])  # column values as read: dates, JSON values, UUIDs as text on SQLite


@functools.cache
def _columns(table: str, dialect: str) -> tuple[Any, ...]:
    """The columns a page reads of ``table``: on SQLite, UUIDs as text (see `_uuid_text`)."""
    sa_table = TABLES[table].__table__  # type: ignore[attr-defined]
    return tuple(_uuid_text(c) if dialect == "sqlite" and isinstance(c.type, Uuid) else c for c in sa_table.columns)


def _uuid_text(column: Any) -> Any:
    """A UUID column of SQLite (32 hex digits) read in its wire form, hyphenated by SQLite itself."""
    return type_coerce(_hyphenated(column), String).label(column.name)


def _hyphenated(column: Any) -> Any:
    parts = [func.substr(column, start, length) for start, length in ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))]
    return parts[0] + "-" + parts[1] + "-" + parts[2] + "-" + parts[3] + "-" + parts[4]


@functools.cache
def _entry_json(table: str) -> Any | None:
    """SQLite's ``json_object`` writing a row's page entry in its wire form, or None when a column's stored form is
    not its wire form (timestamps) or its type is one this does not know."""
    sa_table = TABLES[table].__table__  # type: ignore[attr-defined]
    pairs: list[Any] = []
    for column in sa_table.columns:
        kind = column.type
        if isinstance(kind, Uuid):
            value = _hyphenated(column)  # NULL stays NULL: JSON null
        elif isinstance(kind, Boolean):
            value = func.json(func.iif(column.is_(None), None, func.iif(column != 0, "true", "false")))
        elif isinstance(kind, JSON):
            value = func.json(column)  # the stored JSON text, as a JSON value
        elif isinstance(kind, Date) and not isinstance(kind, DateTime):
            value = column  # stored as the ISO text the wire carries
        elif isinstance(kind, (String, AutoString, Integer)):  # texts and numbers as stored (AutoString: no processing)
            value = column
        else:
            return None
        assert column.name.isidentifier()  # written into the statement as a string literal
        pairs += [literal_column(f"'{column.name}'"), value]
    assert table.isidentifier()
    row = func.json_object(*pairs)
    return func.json_object(literal_column("'table'"), literal_column(f"'{table}'"), literal_column("'seq'"),
                            sa_table.c.seq, literal_column("'row'"), row)


def _changed_tables(session: Session, low: int, high: int) -> list[str]:
    """The tables (in `TABLES` order) holding any row with ``low < seq <= high``, whoever may see it: one statement
    of index probes instead of a page query on every table (an incremental pull touches a few of them)."""
    names = [str(name) for name in session.execute(_CHANGED, {"low": low, "high": high}).scalars()]
    return sorted(names, key=_ORDER.__getitem__)


def _changed_statement() -> Any:
    probes: list[Any] = []
    for name, model in TABLES.items():
        seq = model.__table__.c.seq  # type: ignore[attr-defined]
        assert name.isidentifier()  # written into the statement as a string literal
        probes.append(select(literal_column(f"'{name}'")).where(
            exists(select(literal_column("1")).where(seq > bindparam("low"), seq <= bindparam("high")))))
    return union_all(*probes)


_CHANGED = _changed_statement()
