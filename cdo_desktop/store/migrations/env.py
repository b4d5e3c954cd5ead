"""Alembic environment: runs on the connection that `cdo_desktop.store.migrate` hands it (SQLite or PostgreSQL)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import cdo_desktop.store.models  # registers the tables on SQLModel.metadata
import cdo_desktop.store.server_models  # noqa: F401  (sync tables: counter, receipts, tokens, shadows)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `cdo init`")
run_migrations_online()
