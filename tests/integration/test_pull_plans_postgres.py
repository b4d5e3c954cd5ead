"""The bureau's pull pages on PostgreSQL can be read on an index that holds ``seq``, as on SQLite
(tests/unit/test_pull_plans.py): for the bureau's own viewers every table's page is a range of its ``seq`` index; for
a department's commissioner every way into the table is bounded by the page's seq range. PostgreSQL's own plans of
the statements the bureau runs, on a database built by the migrations.

The tables are empty, and on an empty table the planner prefers to read it whole, as it should. A bureau's tables of
100,000 rows get index plans from their statistics. So sequential scans are priced out here (``enable_seqscan``
off): what is pinned is that the statement *can* be served from the index, that is, that the index exists and the
page's predicate matches it. A table for which it could not still gets a sequential scan, and the test fails."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from cdo_desktop.server.pages import _page_query
from cdo_desktop.store.migrate import open_database
from cdo_desktop.sync.wire import TABLES
from tests.integration.harness import pg_scratch, pg_url
from tests.unit.test_pull_plans import BOUNDED_BY_PARENT

pytestmark = pytest.mark.postgres

SEQ_RANGE = "(seq > 5) AND (seq <= 9)"  # PostgreSQL's rendering of the page's range, with low 5 and high 9


@pytest.fixture(scope="module")
def connection() -> Iterator[Connection]:
    with pg_scratch("cdo_plans") as name:
        open_database(url=pg_url(name)).dispose()
        engine = create_engine(pg_url(name))
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SET enable_seqscan = off")
                yield conn
        finally:
            engine.dispose()


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _plan(conn: Connection, table: str, *, everything: bool) -> dict[str, Any]:
    query, _ = _page_query(table, "postgresql", everything, True)
    compiled = query.compile(dialect=conn.dialect)
    params = {name: value if value is not None else uuid.uuid4() for name, value in compiled.params.items()}
    params.update({name: n for name, n in (("low", 5), ("high", 9), ("limit", 5)) if name in params})
    return conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {compiled}", params).scalar_one()[0]["Plan"]  # type: ignore[no-any-return]


def _ways_into(plan: dict[str, Any], table: str) -> list[tuple[str, list[str]]]:
    """Each scan of ``table`` itself: (its node type, the index conditions it is bounded by)."""
    ways = []
    for node in _nodes(plan):
        if node.get("Relation Name") != table:
            continue
        if node["Node Type"] == "Bitmap Heap Scan":  # bounded by the bitmap index scans beneath it
            conditions = [n.get("Index Cond", "") for n in _nodes(node) if n["Node Type"] == "Bitmap Index Scan"]
        else:
            conditions = [node.get("Index Cond", "")]
        ways.append((node["Node Type"], conditions))
    return ways


@pytest.mark.parametrize("table", list(TABLES))
def test_the_bureau_reads_every_page_on_the_seq_index(connection: Connection, table: str) -> None:
    plan = _plan(connection, table, everything=True)
    indexes = {n.get("Index Name") for n in _nodes(plan)}
    assert f"ix_{table}_seq" in indexes, plan
    ways = _ways_into(plan, table)
    assert ways and all(kind != "Seq Scan" and all(SEQ_RANGE in c for c in conds) for kind, conds in ways), ways


@pytest.mark.parametrize("table", [t for t in TABLES if t not in BOUNDED_BY_PARENT])
def test_a_department_reads_its_rows_inside_the_seq_range(connection: Connection, table: str) -> None:
    ways = _ways_into(_plan(connection, table, everything=False), table)
    assert ways
    for kind, conditions in ways:  # every way into the table itself is bounded by the page's seq range
        assert kind != "Seq Scan" and conditions and all(SEQ_RANGE in c for c in conditions), ways
