"""A department's pull pages read its rows by (the column that makes a row visible to it, seq).

Each index on the column alone is replaced by one on (column, seq): a page for a department then reads only that
department's rows inside the page's seq range, instead of all of the department's rows sorted by seq at every pull
(`server/pages.py`). The column alone is served by the new index as well.

Revision ID: 0011_pull_indexes
Revises: 0010_misuse_search
Create Date: 2026-11-27 06:20:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011_pull_indexes"
down_revision: str | None = "0010_misuse_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# as `store.models.PULL_INDEXES` on the day of this migration (a migration does not follow later models)
PULL_INDEXES: dict[str, tuple[str, ...]] = {
    "sharing_request": ("requester_department_id", "provider_department_id"),
    "dispute": ("claimant_department_id", "respondent_department_id"),
    "quality_objection": ("raiser_department_id", "owner_department_id"),
    "misuse_report": ("reporter_department_id", "user_department_id", "provider_department_id"),
    "receipt": ("department_id",),
    "accountability_record": ("department_id",),
    "dispute_event": ("dispute_id",),
    "dispute_claim": ("dispute_id",),
    "evidence": ("dispute_id",),
    "asset_valuation": ("department_id",),
}


def upgrade() -> None:
    for table, columns in PULL_INDEXES.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}_seq", table, [column, "seq"], unique=False)
            op.drop_index(f"ix_{table}_{column}", table_name=table)


def downgrade() -> None:
    for table, columns in PULL_INDEXES.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}", table, [column], unique=False)
            op.drop_index(f"ix_{table}_{column}_seq", table_name=table)
