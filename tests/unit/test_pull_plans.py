"""The bureau's pull pages are read on an index that holds ``seq`` (issue 14): for the bureau's own viewers every
table's page is a range of its ``seq`` index; for a department's commissioner each table is read by (the column that
makes a row visible to the department, seq), or on the ``seq`` index with the visibility checked row by row, so a
page reads the department's rows inside its seq range rather than all of them, sorted, at every pull; and a
printed reply finds its request's audit entries by index. SQLite's own query plans of the statements run, on a
database built by the migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite

from cdo_desktop.server.pages import _page_query
from cdo_desktop.store.migrate import open_database
from cdo_desktop.sync.wire import TABLES

# read by a key the department's own few rows lead to, not by seq: one ruling per dispute of the department (found by
# the department's (party, seq) indexes), the orders of those rulings, and the asset register (one asset per
# catalogue resource, shown to all when the resource is shareable)
BOUNDED_BY_PARENT = {"ruling", "ruling_order", "data_asset"}


def _plan(path: Path, table: str, *, everything: bool) -> list[str]:
    import sqlite3

    query, _ = _page_query(table, "sqlite", everything, True)
    compiled = query.compile(dialect=sqlite.dialect(paramstyle="named"))
    params = {name: 5 if name in ("low", "limit") else 9 if name == "high" else "0" * 32 for name in compiled.params}
    connection = sqlite3.connect(path)
    try:
        return [row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {compiled}", params)]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    db = open_database(folder)
    path = db.path
    db.dispose()
    assert path is not None
    return path


@pytest.mark.parametrize("table", list(TABLES))
def test_the_bureau_reads_every_page_on_the_seq_index(database: Path, table: str) -> None:
    plan = _plan(database, table, everything=True)
    assert plan[0] == f"SEARCH {table} USING INDEX ix_{table}_seq (seq>? AND seq<?)", plan


@pytest.mark.parametrize("table", [t for t in TABLES if t not in BOUNDED_BY_PARENT])
def test_a_department_reads_its_rows_inside_the_seq_range(database: Path, table: str) -> None:
    plan = _plan(database, table, everything=False)
    own = [step for step in plan if step.startswith((f"SEARCH {table} ", f"SCAN {table}"))]
    assert own, plan
    for step in own:  # every way into the table itself is bounded by the page's seq range
        assert "seq>? AND seq<?" in step, plan



def test_a_reply_finds_the_answers_logged_on_its_request_by_index(database: Path) -> None:
    """Printing a reply reads the audit entries of its request (`reports.builders`, through `store.records`): by the
    entity index (migration 0012_audit_entity), not a scan of the whole log."""
    import sqlite3

    connection = sqlite3.connect(database)
    try:
        plan = [row[3] for row in connection.execute(
            'EXPLAIN QUERY PLAN SELECT * FROM audit_entry WHERE "entity_id" = ?', ("0" * 32,))]
    finally:
        connection.close()
    assert plan == ["SEARCH audit_entry USING INDEX ix_audit_entry_entity_id (entity_id=?)"], plan
