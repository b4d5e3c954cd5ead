"""The bulk paths give exactly what the row-by-row paths gave (issue 14): the set-based search rebuild against
`search.document_for` (which the per-flush hook uses), on a demo network and after edits through the hook."""

from __future__ import annotations

import uuid
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
