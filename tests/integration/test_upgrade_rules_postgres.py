"""Migration 0006_rules upgrades a PostgreSQL database of the previous schema that holds data."""

from __future__ import annotations

import pytest

from cdo_desktop.store.db import Database
from tests.integration.harness import pg_scratch, pg_url
from tests.unit.test_upgrade_rules import check_carried_over, fill_previous_schema


@pytest.mark.postgres
def test_upgrading_a_postgres_database_of_the_previous_schema_carries_its_data_over() -> None:
    with pg_scratch("cdo_upgrade") as name:
        db = Database(pg_url(name))
        try:
            check_carried_over(db, fill_previous_schema(db, lambda u: u))
        finally:
            db.dispose()
