"""The audit log indexed by entity: printing a request's reply lists the answers logged on it (`reports.builders`),
which read the whole log (a scan of 378,000 entries, ≈ 56 ms, at the demo's scale of 100,000 requests, and growing
with every change the bureau ever accepts).

Revision ID: 0012_audit_entity
Revises: 0011_pull_indexes
Create Date: 2026-11-27 06:40:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012_audit_entity"
down_revision: str | None = "0011_pull_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_entry_entity_id", "audit_entry", ["entity_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_entry_entity_id", table_name="audit_entry")
