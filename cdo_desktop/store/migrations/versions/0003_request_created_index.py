"""Index the request list's default order (created_on, id): opening and scrolling 100k requests.

Revision ID: 0003_request_created_index
Revises: 0002_server
Create Date: 2026-11-26 06:10:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_request_created_index"
down_revision: str | None = "0002_server"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_sharing_request_created_on", "sharing_request", ["created_on", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sharing_request_created_on", table_name="sharing_request")
