"""Migration 0006_rules upgrades a PostgreSQL database of the previous schema that holds data."""

from __future__ import annotations

import os
import uuid

import pytest

from cdo_desktop.store.db import Database
from tests.integration.harness import pg_drop, pg_execute, pg_reachable, pg_url
from tests.unit.test_upgrade_rules import check_carried_over, fill_previous_schema


@pytest.mark.postgres
def test_upgrading_a_postgres_database_of_the_previous_schema_carries_its_data_over() -> None:
    why = pg_reachable()
    if why:
        if os.environ.get("CDO_REQUIRE_POSTGRES"):
            pytest.fail(f"CDO_REQUIRE_POSTGRES is set but {why}")
        pytest.skip(why)
    name = f"cdo_upgrade_{uuid.uuid4().hex[:10]}"
    pg_execute(f'CREATE DATABASE "{name}"')
    db = Database(pg_url(name))
    try:
        check_carried_over(db, fill_previous_schema(db, lambda u: u))
    finally:
        db.dispose()
        pg_drop(name)
