"""Which disputes and issued documents a department's pull pages carry (`server.visibility`), on SQLite and on
PostgreSQL: the conditions are written for the pages' indexes (a dispute by its own party columns, a document by
correlated lookups of its record; tests/unit/test_pull_plans.py), and must still mean what DESIGN.md section 4 says."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from cdo_desktop.demo.network import generate
from cdo_desktop.server.app import prepare_database
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.server.visibility import restrict_to
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import open_database
from tests.integration.conftest import BACKENDS
from tests.integration.harness import pg_drop, pg_execute, pg_url


@pytest.mark.parametrize("backend", BACKENDS)
def test_each_department_sees_the_disputes_and_documents_it_is_party_to(tmp_path: Path, backend: str) -> None:
    """A dispute by its own party columns, an issued document by correlated lookups of its record: each department
    sees exactly the rows the conditions' meaning gives (a dispute it is a party to; a document on a ruling of such a
    dispute, on its notice, on a request it made or answers, on an asset it holds), on a demo network with a
    document issued on records of every kind and on a record that is none of them."""
    made = open_database(tmp_path / "demo")
    generate(made, scale=60, with_accounts=False)  # the generator indexes search, which only SQLite has
    made.dispose()
    demo = prepare_database(ServerConfig(data_dir=tmp_path / "demo"))  # sequenced, as a bureau does at start
    _issue_documents(demo)
    if backend == "sqlite":
        _compare(demo)
        demo.dispose()
        return
    name = f"cdo_test_{uuid.uuid4().hex[:10]}"
    pg_execute(f'CREATE DATABASE "{name}"')
    try:
        db = prepare_database(ServerConfig(data_dir=tmp_path / "pg", database_url=pg_url(name)))
        _copy(demo, db)
        _compare(db)
        db.dispose()
    finally:
        demo.dispose()
        pg_drop(name)


def _copy(source: Database, target: Database) -> None:
    """Every row of the synced tables, as stored, into a migrated database emptied first (children first out,
    parents first in)."""
    wanted = {model.__table__.name for model in m.SYNCED_TABLES} | {"issued_document"}  # type: ignore[attr-defined]
    tables = m.SQLModel.metadata.sorted_tables
    with source.read() as reading, target.write() as writing:
        for table in reversed(tables):
            writing.execute(table.delete())
        for table in tables:
            rows = [dict(r._mapping) for r in reading.execute(select(table))] if table.name in wanted else []
            if rows:
                writing.execute(table.insert(), rows)


def _issue_documents(db: Database) -> None:
    """A document on each ruling, notice and asset, on 40 requests, and on a record that is none of them."""
    with db.write() as session:
        records = ([(r.id, "ruling") for r in session.execute(select(m.Ruling)).scalars()]
                   + [(r.id, "notice") for r in session.execute(select(m.AccountabilityRecord)).scalars()]
                   + [(r.id, "reply") for r in session.execute(select(m.SharingRequest).limit(40)).scalars()]
                   + [(r.id, "certificate") for r in session.execute(select(m.DataAsset)).scalars()]
                   + [(uuid.uuid4(), "reply")])
        assert {kind for _id, kind in records} == {"ruling", "notice", "reply", "certificate"}
        for i, (record_id, kind) in enumerate(records):
            session.add(m.IssuedDocument(id=uuid.uuid4(), kind=kind, record_id=record_id, number=f"T-{i}",
                                         fingerprint="0" * 64, issued_at=dt.datetime(2026, 11, 27, tzinfo=dt.UTC)))


def _compare(db: Database) -> None:
    with db.read() as session:
        disputes = {d.id: {d.claimant_department_id, d.respondent_department_id}
                    for d in session.execute(select(m.Dispute)).scalars()}
        parties: dict[uuid.UUID, set[uuid.UUID]] = {}
        for r in session.execute(select(m.Ruling)).scalars():
            parties[r.id] = disputes[r.dispute_id]
        for a in session.execute(select(m.AccountabilityRecord)).scalars():
            parties[a.id] = {a.department_id}
        for q in session.execute(select(m.SharingRequest)).scalars():
            parties[q.id] = {q.requester_department_id, q.provider_department_id}
        for asset in session.execute(select(m.DataAsset)).scalars():
            parties[asset.id] = {asset.department_id}
        documents = [(d.id, d.record_id) for d in session.execute(select(m.IssuedDocument)).scalars()]
        departments = [d.id for d in session.execute(select(m.Department)).scalars()]
        seen_any = 0
        for dept in departments:
            shown = set(session.execute(restrict_to(select(m.IssuedDocument.id), "issued_document", dept)).scalars())
            assert shown == {doc for doc, record in documents if dept in parties.get(record, set())}
            shown_disputes = set(session.execute(restrict_to(select(m.Dispute.id), "dispute", dept)).scalars())
            assert shown_disputes == {d for d, sides in disputes.items() if dept in sides}
            seen_any += len(shown)
        assert seen_any > 0
