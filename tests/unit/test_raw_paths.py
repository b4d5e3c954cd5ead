"""The statements run on SQLite's DB-API connection instead of through SQLAlchemy give what SQLAlchemy gave: an audit
link stored byte for byte as the Core insert stored it (`store.audit.append`), and a lookup's values as the Core
select returns them (`store.lookup.Lookup`)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import text

from cdo_desktop.store import audit
from cdo_desktop.store import models as m
from cdo_desktop.store.lookup import Lookup
from cdo_desktop.store.migrate import open_database


def _links(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path / "cdo.sqlite3")
    try:
        return con.execute("SELECT * FROM audit_entry ORDER BY position").fetchall()
    finally:
        con.close()


def test_an_audit_link_is_stored_as_the_core_insert_stored_it(tmp_path: Path) -> None:
    payloads = [{"name": "测试部门", "items": ["姓名", "证件号"], "n": 3}, {}, {"note": "a\u2028b \"quoted\""}]
    for way in ("raw", "core"):
        db = open_database(tmp_path / way)
        with db.write() as session:
            for i, payload in enumerate(payloads):
                args = dict(mutation_id=uuid.UUID(int=i + 1), kind="department.create", actor_id=uuid.UUID(int=99),
                            entity_id=uuid.UUID(int=100 + i), at=dt.datetime(2026, 3, 2, 1, i, tzinfo=dt.UTC),
                            payload=payload)
                if way == "raw":
                    audit.append(session, **args)  # type: ignore[arg-type]
                else:  # the Core statement `append` ran before, with the same values
                    position, prev = audit._tail(session)
                    body = {"position": position + 1, "mutation_id": str(args["mutation_id"]), "kind": args["kind"],
                            "actor_id": str(args["actor_id"]), "entity_id": str(args["entity_id"]),
                            "at": args["at"].astimezone(dt.UTC).isoformat(timespec="microseconds"),  # type: ignore[union-attr]
                            "payload": audit.canonical_json(payload)}
                    link = audit.chain_hash(prev, body)
                    session.connection().execute(audit._INSERT, {**body, "prev_hash": prev, "hash": link})
                    session.info[audit._TAIL] = (position + 1, link)
        db.dispose()
    assert _links(tmp_path / "raw") == _links(tmp_path / "core")
    assert len(_links(tmp_path / "raw")) == len(payloads)


def test_a_lookup_gives_what_the_core_select_gives(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db")
    dept = [uuid.UUID(int=i) for i in range(1, 4)]  # one search rowid (their first 63 bits) for all three: written
    with db.write() as session:  # in one flush, the index takes them one by one (store/search.py), as before
        for i, key in enumerate(dept):
            session.add(m.Department(id=key, code=f"D{i}", name=f"部门{i}", level="district" if i else "city", revision=1))
    with db.read() as session:
        connection = session.connection()
        for lookup, values in (
            (Lookup(m.Department.__table__, "id", "id"), [*dept, uuid.UUID(int=77), None]),  # type: ignore[attr-defined]
            (Lookup(m.Department.__table__, "id", "level"), ["city", "district", "town"]),  # type: ignore[attr-defined]
            (Lookup(m.Department.__table__, "code", "id"), dept),  # type: ignore[attr-defined]
        ):
            for value in values:
                core = list(connection.execute(lookup.core, {"value": value}).scalars())
                assert lookup.values(connection, value) == core
                assert all(type(a) is type(b) for a, b in zip(lookup.values(connection, value), core, strict=True))
        assert connection.execute(text("SELECT count(*) FROM department")).scalar_one() >= 3
    db.dispose()
