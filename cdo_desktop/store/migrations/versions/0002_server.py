"""Sync machinery: sequence counter and epoch, receipts, device tokens, sign-in throttle, rebase shadows, answers.

Revision ID: 0002_server
Revises: 0001_baseline
Create Date: 2026-11-26 05:30:00
"""
from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002_server"
down_revision: str | None = "0001_baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_GUID = sa.Uuid


def upgrade() -> None:
    counter = op.create_table(
        "sync_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("epoch", _STR(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # the highest sequence number already stamped on rows (a database synced before this migration keeps it)
    op.bulk_insert(counter, [{"id": 1, "seq": 0, "epoch": str(uuid.uuid4())}])
    op.create_table(
        "sync_receipt",
        sa.Column("device_id", _STR(length=64), nullable=False),
        sa.Column("mutation_id", _GUID(), nullable=False),
        sa.Column("account_id", _GUID(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "mutation_id"),
    )
    with op.batch_alter_table("sync_receipt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_receipt_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_receipt_seq"), ["seq"], unique=False)
    op.create_table(
        "device_token",
        sa.Column("id", _GUID(), nullable=False),
        sa.Column("account_id", _GUID(), nullable=False),
        sa.Column("device_id", _STR(length=64), nullable=False),
        sa.Column("device_name", _STR(length=200), nullable=False),
        sa.Column("token_hash", _STR(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("device_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_token_account_id"), ["account_id"], unique=False)
    op.create_table(
        "signin_throttle",
        sa.Column("key", _STR(length=128), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "sync_shadow",
        sa.Column("table_name", _STR(length=64), nullable=False),
        sa.Column("row_id", _GUID(), nullable=False),
        sa.Column("row", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("table_name", "row_id"),
    )
    op.create_table(
        "outbox_answer",
        sa.Column("mutation_id", _GUID(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("code", _STR(length=64), nullable=False),
        sa.Column("reason_zh", _STR(), nullable=False),
        sa.Column("reason_en", _STR(), nullable=False),
        sa.Column("field", _STR(length=200), nullable=True),
        sa.PrimaryKeyConstraint("mutation_id"),
    )


def downgrade() -> None:
    op.drop_table("outbox_answer")
    op.drop_table("sync_shadow")
    op.drop_table("signin_throttle")
    with op.batch_alter_table("device_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_token_account_id"))
    op.drop_table("device_token")
    with op.batch_alter_table("sync_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_receipt_seq"))
        batch_op.drop_index(batch_op.f("ix_sync_receipt_account_id"))
    op.drop_table("sync_receipt")
    op.drop_table("sync_counter")
