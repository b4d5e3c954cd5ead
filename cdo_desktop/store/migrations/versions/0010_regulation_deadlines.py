"""Deadlines from 《政务数据共享条例》 (国务院令第809号): stored policy rows that still hold the value an earlier release
seeded (never changed by the bureau) take the regulation's day count and citation.

Provider's reply 10 working days (第二十一条), catalogue update after a change of duties 10 (第十七条, was 15 under
国发〔2016〕51号), verification of a quality objection 10 (第二十六条, was this product's default of 5). A row the
bureau changed is left as the bureau set it. The server and every desktop run the same update, so their copies of
the rows stay equal (revision and seq unchanged).

Also: misuse reports join the desktop's full-text search; on SQLite the existing reports are indexed here.

Revision ID: 0010_regulation_deadlines
Revises: 0008_assets
Create Date: 2026-11-26 14:40:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_regulation_deadlines"
down_revision: str | None = "0008_assets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GUOFA = "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）"
_DEFAULT = "本系统默认值"
# kind: ((old days, old clause, old product_default), (new days, new clause)) — literal, as migrations must be
_CHANGES: dict[str, tuple[tuple[int, str, bool], tuple[int, str]]] = {
    "provider_reply": ((10, _GUOFA, False), (10, "《政务数据共享条例》第二十一条")),
    "catalogue_update": ((15, _GUOFA, False), (10, "《政务数据共享条例》第十七条")),
    "objection_verification": ((5, _DEFAULT, True), (10, "《政务数据共享条例》第二十六条")),
}

_UPDATE = sa.text(
    "UPDATE policy_deadline SET days = :new_days, clause = :new_clause, product_default = :new_default "
    "WHERE kind = :kind AND days = :old_days AND clause = :old_clause AND product_default = :old_default"
)


def upgrade() -> None:
    bind = op.get_bind()
    for kind, ((old_days, old_clause, old_default), (new_days, new_clause)) in _CHANGES.items():
        bind.execute(_UPDATE, {"kind": kind, "old_days": old_days, "old_clause": old_clause,
                               "old_default": old_default, "new_days": new_days, "new_clause": new_clause,
                               "new_default": False})
    if bind.dialect.name == "sqlite" and bind.execute(sa.text(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_index'")).first() is not None:
        from sqlalchemy.orm import Session

        from cdo_desktop.store import search

        search.rebuild(Session(bind=bind), only="misuse")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.execute(sa.text(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_index'")).first() is not None:
        bind.execute(sa.text("DELETE FROM search_index WHERE entity = 'misuse'"))
    for kind, ((old_days, old_clause, old_default), (new_days, new_clause)) in _CHANGES.items():
        bind.execute(_UPDATE, {"kind": kind, "old_days": new_days, "old_clause": new_clause, "old_default": False,
                               "new_days": old_days, "new_clause": old_clause, "new_default": old_default})
