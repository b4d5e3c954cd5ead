"""Misuse reports join the desktop's full-text search: on SQLite the existing reports are indexed.

(The deadlines of 《政务数据共享条例》 are the seeds of new databases only — `domain.policy.POLICY_SEEDS`. A database
seeded earlier keeps its policy rows: its audit log must replay to the same rows, so no upgrade rewrites them
behind the log; the bureau changes them in the policy page, an audited `policy.set`.)

Revision ID: 0010_misuse_search
Revises: 0008_assets
Create Date: 2026-11-26 14:40:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_misuse_search"
down_revision: str | None = "0008_assets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _has_search_index() -> bool:
    bind = op.get_bind()
    return bind.dialect.name == "sqlite" and bind.execute(sa.text(
        "SELECT 1 FROM sqlite_master WHERE name = 'search_index'")).first() is not None


def upgrade() -> None:
    if _has_search_index():
        from sqlalchemy.orm import Session

        from cdo_desktop.store import search

        search.rebuild(Session(bind=op.get_bind()), only="misuse")


def downgrade() -> None:
    if _has_search_index():
        op.get_bind().execute(sa.text("DELETE FROM search_index WHERE entity = 'misuse'"))
