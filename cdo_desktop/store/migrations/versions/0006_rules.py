"""The rules of the reform and the 2025 regulation: share types drive the flow, open by default, claims and answers,
receipts, accountability on grounds with a hearing, misuse reports, update-cycle and catalogue-update duties, and
holiday years the bureau marks complete.

Existing data is carried over as follows (docs/domain.md, "Upgrading"):
- requests for 无条件共享 data still waiting for the owner (待答复, 已同意, 部分同意) are granted in full: under the
  rules the bureau grants unconditional data at the check and the owner cannot narrow it; a past refusal stays on
  record as it was decided;
- every dispute gets one claim from its statement (and the respondent's statement as the answer); a ruled dispute's
  claim carries the ruling's decision and reasoning;
- accountability records are marked ``legacy`` (opened before grounds were checked); their fingerprints are unchanged;
- resources keep their stored open type (no classification is changed silently; a closed one without a stated basis
  must get one at its next edit);
- years of the bureau's holiday table are recorded as *not* complete: the bureau confirms each one.

Revision ID: 0006_rules
Revises: 0003_request_created_index
Create Date: 2026-11-26 11:40:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from cdo_desktop.domain.actor import derived_id

revision: str = "0006_rules"
down_revision: str | None = "0003_request_created_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = sqlmodel.sql.sqltypes.AutoString


def _synced() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
    ]


def _add(table: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    # plain ALTER TABLE … ADD COLUMN (SQLite supports it): a batch "move and copy" would drop tables that rows of
    # other tables refer to, which foreign keys refuse on a database holding data
    for column in columns:
        op.add_column(table, column)


def upgrade() -> None:
    _add("department",
         sa.Column("duties_changed_on", sa.Date(), nullable=True),
         sa.Column("duties_note", S(), nullable=False, server_default=""),
         sa.Column("catalogue_update_due", sa.Date(), nullable=True),
         sa.Column("catalogue_update_uncertain", sa.Boolean(), nullable=False, server_default=sa.false()),
         sa.Column("catalogue_updated_on", sa.Date(), nullable=True))
    _add("data_resource",
         sa.Column("open_reason", S(), nullable=False, server_default=""),
         sa.Column("open_legal_basis", S(), nullable=False, server_default=""),
         sa.Column("open_channel", S(length=200), nullable=False, server_default=""),
         sa.Column("open_published_on", sa.Date(), nullable=True),
         sa.Column("data_updated_on", sa.Date(), nullable=True))
    _add("sharing_request",
         sa.Column("refusal_basis", S(), nullable=False, server_default=""),
         sa.Column("granted_on", sa.Date(), nullable=True),
         sa.Column("owner_notified_on", sa.Date(), nullable=True))
    _add("dispute",
         sa.Column("answer_due", sa.Date(), nullable=True),
         sa.Column("answer_due_uncertain", sa.Boolean(), nullable=False, server_default=sa.false()))
    _add("ruling", sa.Column("issuer_id", sa.Uuid(), nullable=True))
    _add("quality_objection",
         sa.Column("resolution", S(length=16), nullable=True),
         sa.Column("resolved_on", sa.Date(), nullable=True))
    _add("ruling_order",
         sa.Column("claim_position", sa.Integer(), nullable=True),
         sa.Column("received_on", sa.Date(), nullable=True))
    _add("accountability_record",
         sa.Column("ground_kind", S(length=32), nullable=False, server_default="legacy"),
         sa.Column("ground_id", sa.Uuid(), nullable=True),
         sa.Column("ground_note", S(), nullable=False, server_default=""),
         sa.Column("period_start", sa.Date(), nullable=True),
         sa.Column("period_end", sa.Date(), nullable=True),
         sa.Column("received_on", sa.Date(), nullable=True),
         sa.Column("defence_due", sa.Date(), nullable=True),
         sa.Column("defence_due_uncertain", sa.Boolean(), nullable=False, server_default=sa.false()),
         sa.Column("defence", S(), nullable=False, server_default=""),
         sa.Column("defended_on", sa.Date(), nullable=True),
         sa.Column("decision", S(length=16), nullable=True),
         sa.Column("decision_reason", S(), nullable=False, server_default=""),
         sa.Column("decided_on", sa.Date(), nullable=True),
         sa.Column("original_measure", S(length=16), nullable=True))

    op.create_table(
        "dispute_claim", *_synced(),
        sa.Column("dispute_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", S(length=32), nullable=False),
        sa.Column("text", S(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("deadline_days", sa.Integer(), nullable=True),
        sa.Column("answer", S(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("decision", S(length=16), nullable=True),
        sa.Column("reasoning", S(), nullable=False),
        sa.ForeignKeyConstraint(["dispute_id"], ["dispute.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dispute_claim", schema=None) as batch:
        batch.create_index(batch.f("ix_dispute_claim_dispute_id"), ["dispute_id"], unique=False)
        batch.create_index(batch.f("ix_dispute_claim_seq"), ["seq"], unique=False)

    op.create_table(
        "misuse_report", *_synced(),
        sa.Column("number", S(length=64), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("reporter_department_id", sa.Uuid(), nullable=False),
        sa.Column("user_department_id", sa.Uuid(), nullable=False),
        sa.Column("provider_department_id", sa.Uuid(), nullable=False),
        sa.Column("kind", S(length=32), nullable=False),
        sa.Column("description", S(), nullable=False),
        sa.Column("state", S(length=16), nullable=False),
        sa.Column("finding", S(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("investigation_due", sa.Date(), nullable=True),
        sa.Column("found_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["sharing_request.id"]),
        sa.ForeignKeyConstraint(["reporter_department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["user_department_id"], ["department.id"]),
        sa.ForeignKeyConstraint(["provider_department_id"], ["department.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("misuse_report", schema=None) as batch:
        for column in ("number", "request_id", "reporter_department_id", "user_department_id",
                       "provider_department_id", "state", "seq"):
            batch.create_index(batch.f(f"ix_misuse_report_{column}"), [column], unique=False)

    op.create_table(
        "receipt", *_synced(),
        sa.Column("subject", S(length=16), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("department_id", sa.Uuid(), nullable=False),
        sa.Column("commissioner_id", sa.Uuid(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("via", S(length=16), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("receipt", schema=None) as batch:
        for column in ("subject_id", "department_id", "seq"):
            batch.create_index(batch.f(f"ix_receipt_{column}"), [column], unique=False)

    op.create_table(
        "holiday_year", *_synced(),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year"),
    )
    with op.batch_alter_table("holiday_year", schema=None) as batch:
        batch.create_index(batch.f("ix_holiday_year_seq"), ["seq"], unique=False)

    _carry_over()


def _carry_over() -> None:
    bind = op.get_bind()
    resource = sa.table("data_resource", sa.column("id", sa.Uuid()), sa.column("share_type", sa.String()))
    request = sa.table(
        "sharing_request", sa.column("id", sa.Uuid()), sa.column("resource_id", sa.Uuid()),
        sa.column("state", sa.String()), sa.column("items", sa.JSON()), sa.column("granted_items", sa.JSON()),
        sa.column("checked_on", sa.Date()), sa.column("answered_on", sa.Date()), sa.column("granted_on", sa.Date()),
        sa.column("owner_notified_on", sa.Date()), sa.column("revision", sa.Integer()), sa.column("seq", sa.Integer()),
    )
    unconditional = sa.select(resource.c.id).where(resource.c.share_type == "unconditional")
    waiting = bind.execute(
        sa.select(request.c.id, request.c["items"], request.c.checked_on, request.c.answered_on, request.c.revision)
        .where(request.c.resource_id.in_(unconditional),
               request.c.state.in_(["awaiting_reply", "approved", "partly_approved"]))
    ).all()
    for rid, items, checked_on, answered_on, rev in waiting:
        on = answered_on or checked_on
        bind.execute(
            request.update().where(request.c.id == rid).values(
                state="granted", granted_items=items, granted_on=on, owner_notified_on=on, answered_on=on,
                revision=(rev or 0) + 1,
            )
        )

    dispute = sa.table(
        "dispute", sa.column("id", sa.Uuid()), sa.column("claimant_statement", sa.String()),
        sa.column("respondent_statement", sa.String()), sa.column("filed_on", sa.Date()),
    )
    ruling = sa.table("ruling", sa.column("dispute_id", sa.Uuid()), sa.column("decision", sa.String()),
                      sa.column("reasoning", sa.String()))
    claim = sa.table(
        "dispute_claim", sa.column("id", sa.Uuid()), sa.column("revision", sa.Integer()),
        sa.column("dispute_id", sa.Uuid()), sa.column("position", sa.Integer()), sa.column("kind", sa.String()),
        sa.column("text", sa.String()), sa.column("items", sa.JSON()), sa.column("answer", sa.String()),
        sa.column("answered_on", sa.Date()), sa.column("decision", sa.String()), sa.column("reasoning", sa.String()),
    )
    rulings = {r.dispute_id: r for r in bind.execute(sa.select(ruling)).all()}
    rows = []
    for d in bind.execute(sa.select(dispute)).all():
        decided = rulings.get(d.id)
        rows.append({
            "id": derived_id(d.id, "claim", 1), "revision": 1, "dispute_id": d.id, "position": 1, "kind": "other",
            "text": (d.claimant_statement or "").strip()[:4000] or "请求依法裁决",
            "items": [], "answer": (d.respondent_statement or "").strip()[:4000],
            "answered_on": None,
            "decision": decided.decision if decided else None,
            "reasoning": decided.reasoning if decided else "",
        })
    if rows:
        op.bulk_insert(claim, rows)

    holiday_day = sa.table("holiday_day", sa.column("year", sa.Integer()))
    holiday_year = sa.table("holiday_year", sa.column("id", sa.Uuid()), sa.column("revision", sa.Integer()),
                            sa.column("year", sa.Integer()), sa.column("complete", sa.Boolean()))
    years = sorted({y for (y,) in bind.execute(sa.select(holiday_day.c.year).distinct()).all()})
    if years:
        op.bulk_insert(holiday_year, [
            {"id": derived_id("holiday_year", y), "revision": 1, "year": y, "complete": False} for y in years
        ])


def downgrade() -> None:
    for table in ("holiday_year", "receipt", "misuse_report", "dispute_claim"):
        op.drop_table(table)
    drops = {
        "accountability_record": ["ground_kind", "ground_id", "ground_note", "period_start", "period_end",
                                  "received_on", "defence_due", "defence_due_uncertain", "defence", "defended_on",
                                  "decision", "decision_reason", "decided_on", "original_measure"],
        "ruling_order": ["claim_position", "received_on"],
        "ruling": ["issuer_id"],
        "quality_objection": ["resolution", "resolved_on"],
        "dispute": ["answer_due", "answer_due_uncertain"],
        "sharing_request": ["refusal_basis", "granted_on", "owner_notified_on"],
        "data_resource": ["open_reason", "open_legal_basis", "open_channel", "open_published_on", "data_updated_on"],
        "department": ["duties_changed_on", "duties_note", "catalogue_update_due", "catalogue_update_uncertain",
                       "catalogue_updated_on"],
    }
    for table, columns in drops.items():
        with op.batch_alter_table(table, schema=None) as batch:
            for column in columns:
                batch.drop_column(column)



