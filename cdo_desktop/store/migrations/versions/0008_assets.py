"""Data assets, their valuations, the platform register (集约化) and duplicate-data-items flags.

Adds the tables platform_system, data_asset, asset_valuation and duplicate_flag, and data_resource.source_system_id
(the resource's source system in the register; the free-text source_system stays as the name shown).

Revision ID: 0008_assets
Revises: 0009_documents
Create Date: 2026-11-26 11:10:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008_assets"
down_revision: str | None = "0009_documents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
    ]


def _str(name: str, length: int | None = None, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("data_resource", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_system_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_data_resource_source_system_id"), ["source_system_id"], unique=False)

    op.create_table(
        "platform_system",
        *_synced(),
        _str("code", 64),
        _str("name", 200),
        sa.Column("operator_department_id", sa.Uuid(), nullable=False),
        _str("kind", 16),
        _str("status", 16),
        _str("description"),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["operator_department_id"], ["department.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("platform_system", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_platform_system_operator_department_id"), ["operator_department_id"])
        batch_op.create_index(batch_op.f("ix_platform_system_seq"), ["seq"])

    op.create_table(
        "data_asset",
        *_synced(),
        _str("code", 64),
        sa.Column("resource_id", sa.Uuid(), nullable=False),
        sa.Column("department_id", sa.Uuid(), nullable=False),
        _str("name", 200),
        _str("scope"),
        _str("volume", 200),
        sa.Column("record_count", sa.BigInteger(), nullable=True),
        _str("quality_grade", 8),
        _str("state", 24),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("changed_on", sa.Date(), nullable=True),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.Column("cancelled_on", sa.Date(), nullable=True),
        _str("number", 64),
        _str("reason"),
        sa.Column("pending_change", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["resource_id"], ["data_resource.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("data_asset", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_data_asset_department_id"), ["department_id"])
        batch_op.create_index(batch_op.f("ix_data_asset_number"), ["number"])
        batch_op.create_index(batch_op.f("ix_data_asset_resource_id"), ["resource_id"])
        batch_op.create_index(batch_op.f("ix_data_asset_seq"), ["seq"])
        batch_op.create_index(batch_op.f("ix_data_asset_state"), ["state"])

    op.create_table(
        "asset_valuation",
        *_synced(),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("department_id", sa.Uuid(), nullable=False),
        _str("method", 16),
        sa.Column("value_fen", sa.BigInteger(), nullable=False),
        sa.Column("valued_on", sa.Date(), nullable=False),
        _str("valuer", 200),
        _str("report_filename", 200),
        _str("report_sha256", 64, nullable=True),
        sa.Column("report_size", sa.Integer(), nullable=False),
        _str("note"),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["asset_id"], ["data_asset.id"]),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("asset_valuation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_asset_valuation_asset_id"), ["asset_id"])
        batch_op.create_index(batch_op.f("ix_asset_valuation_department_id"), ["department_id"])
        batch_op.create_index(batch_op.f("ix_asset_valuation_report_sha256"), ["report_sha256"])
        batch_op.create_index(batch_op.f("ix_asset_valuation_seq"), ["seq"])

    op.create_table(
        "duplicate_flag",
        *_synced(),
        _str("subject_kind", 16),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("subject_department_id", sa.Uuid(), nullable=False),
        sa.Column("other_department_id", sa.Uuid(), nullable=True),
        sa.Column("matched_resource_id", sa.Uuid(), nullable=False),
        sa.Column("matched_department_id", sa.Uuid(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("flagged_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["matched_department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["matched_resource_id"], ["data_resource.id"]),
        sa.ForeignKeyConstraint(["other_department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["subject_department_id"], ["department.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("duplicate_flag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duplicate_flag_seq"), ["seq"])
        batch_op.create_index(batch_op.f("ix_duplicate_flag_subject_department_id"), ["subject_department_id"])
        batch_op.create_index(batch_op.f("ix_duplicate_flag_subject_id"), ["subject_id"])


def downgrade() -> None:
    op.drop_table("duplicate_flag")
    op.drop_table("asset_valuation")
    op.drop_table("data_asset")
    op.drop_table("platform_system")
    with op.batch_alter_table("data_resource", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_data_resource_source_system_id"))
        batch_op.drop_column("source_system_id")
