"""Reply numbers of the providing department: its prefix in the directory, the number on each answered request.

Revision ID: 0009_documents
Revises: 0006_rules
Create Date: 2026-11-26 11:10:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_documents"
down_revision: str | None = "0006_rules"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("department") as batch:
        batch.add_column(sa.Column("reply_prefix", sa.String(length=16), nullable=False, server_default=""))
    with op.batch_alter_table("sharing_request") as batch:
        batch.add_column(sa.Column("reply_number", sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sharing_request") as batch:
        batch.drop_column("reply_number")
    with op.batch_alter_table("department") as batch:
        batch.drop_column("reply_prefix")
