"""Hardening: receipts keyed by (account, device, mutation id) with a digest; device ids findable; throttle rows
expire; who uploaded each evidence file.

Revision ID: 0004_hardening
Revises: 0003_request_created_index
Create Date: 2026-11-26 11:10:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004_hardening"
down_revision: str | None = "0003_request_created_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STR = sqlmodel.sql.sqltypes.AutoString
_GUID = sa.Uuid


def _receipts_v2(name: str) -> None:
    op.create_table(
        name,
        sa.Column("account_id", _GUID(), nullable=False),
        sa.Column("device_id", _STR(length=64), nullable=False),
        sa.Column("mutation_id", _GUID(), nullable=False),
        sa.Column("digest", _STR(length=64), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("account_id", "device_id", "mutation_id", name="pk_sync_receipt_v2"),
    )


def _receipts_v1(name: str) -> None:
    op.create_table(
        name,
        sa.Column("device_id", _STR(length=64), nullable=False),
        sa.Column("mutation_id", _GUID(), nullable=False),
        sa.Column("account_id", _GUID(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "mutation_id", name="pk_sync_receipt_v1"),
    )


def upgrade() -> None:
    # Receipts: the old key (device, mutation id) let another account read a device's answers. Existing receipts
    # are kept under the account that pushed them (the column was always filled).
    _receipts_v2("sync_receipt_v2")
    op.execute(
        "INSERT INTO sync_receipt_v2 (account_id, device_id, mutation_id, digest, accepted, seq, answer, created_at) "
        "SELECT account_id, device_id, mutation_id, '', accepted, seq, answer, created_at FROM sync_receipt"
    )
    with op.batch_alter_table("sync_receipt", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_receipt_account_id")
        batch_op.drop_index("ix_sync_receipt_seq")
    op.drop_table("sync_receipt")
    op.rename_table("sync_receipt_v2", "sync_receipt")
    with op.batch_alter_table("sync_receipt", schema=None) as batch_op:
        batch_op.create_index("ix_sync_receipt_mutation_id", ["mutation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_receipt_seq"), ["seq"], unique=False)
    with op.batch_alter_table("device_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_token_device_id"), ["device_id"], unique=False)
    op.execute("DELETE FROM signin_throttle")  # short-lived counts without an expiry: start them afresh
    with op.batch_alter_table("signin_throttle", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_signin_throttle_expires_at"), ["expires_at"], unique=False)
    op.create_table(
        "blob_upload",
        sa.Column("sha256", _STR(length=64), nullable=False),
        sa.Column("department_id", _GUID(), nullable=False),
        sa.Column("account_id", _GUID(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "department_id"),
    )


def downgrade() -> None:
    op.drop_table("blob_upload")
    with op.batch_alter_table("signin_throttle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signin_throttle_expires_at"))
        batch_op.drop_column("expires_at")
    with op.batch_alter_table("device_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_token_device_id"))
    _receipts_v1("sync_receipt_v1")
    # a (device, mutation id) pair pushed by two accounts keeps its first receipt
    op.execute(
        "INSERT INTO sync_receipt_v1 (device_id, mutation_id, account_id, accepted, seq, answer, created_at) "
        "SELECT device_id, mutation_id, account_id, accepted, seq, answer, created_at FROM sync_receipt n "
        "WHERE NOT EXISTS (SELECT 1 FROM sync_receipt o WHERE o.device_id = n.device_id "
        "AND o.mutation_id = n.mutation_id AND o.created_at < n.created_at)"
    )
    with op.batch_alter_table("sync_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_receipt_seq"))
        batch_op.drop_index("ix_sync_receipt_mutation_id")
    op.drop_table("sync_receipt")
    op.rename_table("sync_receipt_v1", "sync_receipt")
    with op.batch_alter_table("sync_receipt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_receipt_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_receipt_seq"), ["seq"], unique=False)
