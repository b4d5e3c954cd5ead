"""The bulk paths give exactly what the row-by-row paths gave (issue 14): the set-based search rebuild against
`search.document_for` (which the per-flush hook uses), on a demo network and after edits through the hook."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlmodel import Session

from cdo_desktop.demo.network import generate
from cdo_desktop.store import models as m
from cdo_desktop.store import search
from cdo_desktop.store.migrate import open_database

SEARCHABLE = (m.Department, m.Commissioner, m.DataResource, m.SharingRequest, m.QualityObjection, m.Dispute,
              m.MisuseReport)


def row_by_row(session: Session) -> set[tuple[Any, ...]]:
    """The index as the per-row path writes it: `document_for` on every searchable ORM object."""
    cache: dict[uuid.UUID, str] = {}
    out = set()
    for model in SEARCHABLE:
        for obj in session.execute(select(model)).scalars():
            doc = search.document_for(session, obj, cache)
            assert doc is not None
            out.add((search.rowid_for(obj.id), doc[1], doc[0], obj.id.hex))
    return out


def index(session: Session) -> set[tuple[Any, ...]]:
    rows = session.connection().execute(text(f"SELECT rowid, body, entity, entity_id FROM {search.FTS_TABLE}"))
    return {tuple(r) for r in rows}


def test_set_based_rebuild_equals_the_row_by_row_index(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    generate(db, scale=60, with_accounts=False)
    with db.write() as session:
        # odd values the SQL must treat as the Python does: no short name, an empty item list, a missing name key
        dept = session.execute(select(m.Department)).scalars().first()
        assert dept is not None
        dept.short_name = ""
        req = session.execute(select(m.SharingRequest)).scalars().first()
        assert req is not None
        req.items = []
        res = session.execute(select(m.DataResource)).scalars().first()
        assert res is not None
        res.items = [{"name": "统一社会信用代码"}, {"type": "string"}, {"name": "名称 Name 2"}]
        session.add_all([dept, req, res])
    with db.write() as session:
        expected = row_by_row(session)
        assert len(expected) > 60
        assert search.rebuild(session) == len(expected)
        assert index(session) == expected
        config = dict(session.connection().execute(text(f"SELECT k, v FROM {search.FTS_TABLE}_config")).all())
        assert (config["automerge"], config["hashsize"]) == (4, 1024 * 1024)  # FTS5's defaults back after the bulk
    with db.write() as session:  # and the per-flush hook, after a change, writes the same entry as the rebuild
        req = session.execute(select(m.SharingRequest)).scalars().first()
        assert req is not None
        req.purpose = "核验企业信用状况 credit check 2026"
        session.add(req)
    with db.write() as session:
        hooked = index(session)
        search.rebuild(session)
        assert index(session) == hooked == row_by_row(session)
        assert search.search_ids(session, "request", "信用") is not None
    db.dispose()


def _core_upsert(session: Session, table: str, rows: list[dict[str, Any]]) -> None:
    """The page writer before issue 14: `wire.row_values`, then a SQLAlchemy Core upsert (the reference)."""
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    from cdo_desktop.sync.wire import TABLES, row_values

    sa_table = TABLES[table].__table__  # type: ignore[attr-defined]
    stmt = sqlite_insert(sa_table)
    columns = [c.name for c in sa_table.columns if c.name != "id"]
    stmt = stmt.on_conflict_do_update(index_elements=["id"], set_={c: stmt.excluded[c] for c in columns})
    session.connection().execute(stmt, [row_values(table, r) for r in rows])


def _stored(path: Path, tables: Iterable[str]) -> dict[str, list[tuple[Any, ...]]]:
    import sqlite3

    with sqlite3.connect(path / "cdo.sqlite3") as raw:
        return {t: raw.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in tables}


def test_page_writer_stores_exactly_what_the_core_upsert_stored(tmp_path: Path) -> None:
    from cdo_desktop.sync import replica
    from cdo_desktop.sync.wire import TABLES, row_to_wire

    source = open_database(tmp_path / "source")
    generate(source, scale=60, with_accounts=False)
    with source.read() as session:
        wire = {t: [row_to_wire(o) for o in session.execute(select(model)).scalars()] for t, model in TABLES.items()}
    source.dispose()
    assert sum(1 for rows in wire.values() if rows) >= 12  # most synced tables have rows in the demo network
    dept = wire["department"][0]
    dept["id"] = dept["id"].upper()  # not the canonical form: still a UUID, stored the same way
    wire["department"][1]["parent_id"] = "{" + wire["department"][0]["id"] + "}"
    wire["department"][2]["duties_changed_on"] = "20260105"  # compact ISO date, normalised by both
    stamped = [r for r in wire["issued_document"] if r.get("issued_at")]
    if stamped:
        stamped[0]["issued_at"] = "2026-01-05T08:30:00Z"
    # JSON values the C encoder writes (nested, non-ASCII, numbers, null inside), and a column holding JSON null
    # beside lists (it takes the type's own processor); a date column of texts and None, converted once per text
    resources = wire["data_resource"]
    resources[0]["items"] = [{"name": "统一社会信用代码", "type": "string", "n": 1.5, "k": None}, ["嵌套", 2], True, "é"]
    resources[1]["items"] = None
    wire["sharing_request"][0]["items"] = []
    # the same rows again, changed: the second write of each row takes the ON CONFLICT … DO UPDATE branch
    again = {t: [{**r, "revision": int(r["revision"]) + 1} for r in rows[::2]] for t, rows in wire.items()}
    fast, core = open_database(tmp_path / "fast"), open_database(tmp_path / "core")
    for batch in (wire, again):
        with replica.replica_write(fast) as session:
            for table in TABLES:
                replica.upsert(session, table, batch[table], index=False)
        with replica.replica_write(core) as session:
            for table in TABLES:
                if batch[table]:
                    _core_upsert(session, table, batch[table])
    fast.dispose()
    core.dispose()
    expected = _stored(tmp_path / "core", TABLES)
    assert sum(len(v) for v in expected.values()) == sum(len(v) for v in wire.values())
    assert _stored(tmp_path / "fast", TABLES) == expected


def test_page_writer_refuses_what_the_core_path_refused(tmp_path: Path) -> None:
    import pytest

    from cdo_desktop.sync import replica
    from cdo_desktop.sync.wire import row_values

    db = open_database(tmp_path)
    good = {"id": str(uuid.uuid4()), "code": "X-1", "name": "部门", "revision": 1, "seq": 1}
    for bad in ({"id": "not-a-uuid"}, {"parent_id": "1234"}, {"id": 7}, {"duties_changed_on": "2026-13-01"},
                {"is_bureau": "yes"}):
        row = {**good, **bad}
        with pytest.raises(Exception) as core_error:
            row_values("department", row)
            with db.write() as session:
                _core_upsert(session, "department", [row])
        expected = getattr(core_error.value, "orig", core_error.value)  # SQLAlchemy wraps a bind's TypeError
        assert isinstance(expected, (ValueError, TypeError, AttributeError))
        with pytest.raises(type(expected)):
            with replica.replica_write(db) as session:
                replica.upsert(session, "department", [row], index=False)
    with db.read() as session:
        assert session.execute(select(m.Department).where(m.Department.code == "X-1")).first() is None
    db.dispose()


def test_index_text_tokenises_part_by_part_as_the_joined_text() -> None:
    import random

    pieces = ["公安", "局", "信用代码", "佛数申〔2026〕12号", "ABC公安x9", "Name 2", "  ", "统一社会信用代码Credit",
              "é", "ｆｕｌｌ２０２６", "㐀㐁", "豈", "a-b_c", "\t换行\n", "12", "-", "名称"]
    rng = random.Random(14)
    cache: dict[str, str] = {}
    for _ in range(500):
        parts: list[Any] = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 6))]
        parts += rng.choice([[], [None], [0], [7], [""]])
        rng.shuffle(parts)
        expected = " ".join(search.tokens(" ".join(str(p) for p in parts if p)))  # the index text before issue 14
        assert search.index_text(parts) == expected
        assert search.index_text(parts, cache) == expected
    assert cache  # the short parts were kept for the next record


def test_pull_pages_send_exactly_the_rows_the_orm_path_sent(tmp_path: Path) -> None:
    """The bureau's pages (Core rows, serialised by the page's JSON encoder) carry, page after page, exactly the
    visible rows in the form `wire.row_to_wire` gives ORM objects, restricted by `visibility.restrict`."""
    import json

    from cdo_desktop.domain.enums import Role
    from cdo_desktop.server import pages
    from cdo_desktop.server.app import prepare_database
    from cdo_desktop.server.config import ServerConfig
    from cdo_desktop.server.visibility import Viewer, restrict
    from cdo_desktop.sync.wire import TABLES, row_to_wire

    db = open_database(tmp_path)
    generate(db, scale=60, with_accounts=False)
    db.dispose()
    db = prepare_database(ServerConfig(data_dir=tmp_path))  # sequences the rows, as a bureau does at start
    with db.read() as session:
        requester, provider = session.execute(select(m.SharingRequest.requester_department_id,
                                                     m.SharingRequest.provider_department_id)).first() or (None, None)
        assert requester is not None and provider is not None and requester != provider
        # two departments through the same kept statements (the department is bound at each execution)
        viewers = [Viewer(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), Role.ADMIN, True),
                   Viewer(uuid.uuid4(), uuid.uuid4(), requester, Role.COMMISSIONER, False),
                   Viewer(uuid.uuid4(), uuid.uuid4(), provider, Role.COMMISSIONER, False)]
        for viewer in viewers:
            expected = []
            for order, (table, model) in enumerate(TABLES.items()):
                for obj in session.execute(restrict(select(model), table, viewer)).scalars():
                    expected.append((obj.seq, order, {"table": table, "seq": obj.seq, "row": row_to_wire(obj)}))
            expected.sort(key=lambda item: (item[0], item[1]))
            for limit in (7, 2000):
                sent: list[dict[str, Any]] = []
                cursor, more = 0, True
                while more:
                    page = json.loads(pages.pull_page(session, viewer, after=cursor, limit=limit).json())
                    assert all(cursor < r["seq"] <= page["cursor"] for r in page["rows"])  # whole seqs per page
                    sent += page["rows"]
                    cursor, more = page["cursor"], page["more"]
                assert sent == [row for _seq, _order, row in expected]
            everything = sum(len(session.execute(select(model)).all()) for model in TABLES.values())
            assert len(sent) == everything if viewer.sees_everything else 0 < len(sent) < everything
    db.dispose()


def test_pages_written_with_indexing_give_the_row_by_row_index(tmp_path: Path) -> None:
    """An incremental pull page re-indexes the rows it wrote (`search.reindex`, the rebuild's SQL for those ids):
    the index is the one `document_for` gives, row by row, and the one a full rebuild gives."""
    from cdo_desktop.sync import replica
    from cdo_desktop.sync.wire import TABLES, row_to_wire

    source = open_database(tmp_path / "source")
    generate(source, scale=60, with_accounts=False)
    with source.read() as session:
        wire = {t: [row_to_wire(o) for o in session.execute(select(model)).scalars()] for t, model in TABLES.items()}
    source.dispose()
    db = open_database(tmp_path / "desk")
    for start in (0, 1, 0):  # in pages; the last one writes (and re-indexes) rows already indexed
        with replica.replica_write(db) as session:
            for table in TABLES:
                replica.upsert(session, table, wire[table][start::2], index=True)
    with db.write() as session:
        incremental = index(session)
        assert len(incremental) > 60
        assert incremental == row_by_row(session)
        assert search.rebuild(session) == len(incremental)
        assert index(session) == incremental
    db.dispose()
