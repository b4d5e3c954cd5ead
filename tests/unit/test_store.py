"""The store: migrations build exactly the models' schema; SQLite settings; newer databases refused; search."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import Session, SQLModel

from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import SchemaTooNew, open_database, upgrade
from cdo_desktop.store.queries import list_page
from cdo_desktop.store.search import match_expression, tokens
from tests.unit.scenario import Network


def test_schema_from_migrations_equals_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    with db.writer.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True,
                  "include_name": lambda name, kind, _parent: not (kind == "table" and str(name).startswith("search_index"))},
        )
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    with db.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_a_database_newer_than_the_program_is_refused(tmp_path: Path) -> None:
    open_database(tmp_path)
    raw = sqlite3.connect(tmp_path / "cdo.sqlite3")
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.commit()
    raw.close()
    with pytest.raises(SchemaTooNew) as caught:
        upgrade(Database.for_data_dir(tmp_path))
    assert "升级" in str(caught.value) and "update" in str(caught.value)


def test_writes_use_begin_immediate(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    seen: list[str] = []
    from sqlalchemy import event

    event.listen(db.writer, "before_cursor_execute", lambda *a: seen.append(a[2]))
    with db.write() as session:
        session.connection().exec_driver_sql("SELECT 1")
    assert "BEGIN IMMEDIATE" in seen


def test_tokens_are_unigrams_and_bigrams() -> None:
    assert tokens("公安局") == ["公", "安", "局", "公安", "安局"]
    assert tokens("FS-GAJ 2026") == ["fs", "gaj", "2026"]
    assert match_expression("公安") == '"公安"'
    assert match_expression("局") == '"局"'
    assert match_expression("  ，。") is None


@pytest.mark.parametrize(("query", "expected"), [("审", True), ("安局", False), ("测试部门B", True),
                                                 ("资源", True), ("住房保障", True), ("不存在", False)])
def test_one_and_two_character_chinese_queries_find_requests(network: Network, session: Session, query: str,
                                                             expected: bool) -> None:
    network.request_in(session, "draft")
    session.flush()
    page = list_page(session, "request", search=query)
    assert (page.total > 0) is expected, query


def test_list_pages_sort_and_filter(network: Network, session: Session) -> None:
    for _ in range(5):
        network.request_in(session, "submitted")
    first = list_page(session, "request", limit=2, sort="number", descending=True)
    rest = list_page(session, "request", offset=2, limit=100, sort="number", descending=True)
    numbers = [r["number"] for r in first.rows + rest.rows]
    assert numbers == sorted(numbers, reverse=True)
    assert first.total == len(numbers)
    only = list_page(session, "request", filters={"state": "submitted"})
    assert only.total >= 5 and {r["state"] for r in only.rows} == {"submitted"}
    with pytest.raises(ValueError):
        list_page(session, "request", sort="password")


def test_people_and_resources_are_searchable(network: Network, session: Session) -> None:
    assert list_page(session, "person", search="测试部门A").total >= 2
    assert list_page(session, "resource", search="资源").total >= 4
    assert uuid.UUID(str(list_page(session, "resource", search="资源").rows[0]["id"]))
