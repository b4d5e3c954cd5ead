"""Tables of the sync machinery: the bureau's sequence counter, receipts, device tokens, sign-in throttling,
and the desktop's rebase shadows and push answers. Both programs share one schema, so all live in one migration.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Column, DateTime
from sqlmodel import Field, SQLModel


def _tz(nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable))


class SyncCounter(SQLModel, table=True):
    """The one row (id = 1) holding the last sequence number handed out and the server's epoch.

    Writers lock this row first (``SELECT … FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so
    sequence numbers are allocated inside the write transaction, commit in order and never leave a gap.
    """

    __tablename__ = "sync_counter"
    id: int = Field(default=1, primary_key=True)
    seq: int = 0
    epoch: str = Field(max_length=36)


class SyncReceipt(SQLModel, table=True):
    """The first answer given to a pushed mutation, keyed by (device, mutation id): a repeat gets it again."""

    __tablename__ = "sync_receipt"
    device_id: str = Field(primary_key=True, max_length=64)
    mutation_id: uuid.UUID = Field(primary_key=True)
    account_id: uuid.UUID = Field(index=True)
    accepted: bool
    seq: int | None = Field(default=None, index=True)
    answer: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: dt.datetime | None = _tz(nullable=False)


class DeviceToken(SQLModel, table=True):
    """A sign-in of one account on one device; only the SHA-256 of the random token is kept."""

    __tablename__ = "device_token"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    device_id: str = Field(max_length=64)
    device_name: str = Field(default="", max_length=200)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: dt.datetime | None = _tz(nullable=False)
    last_used_at: dt.datetime | None = _tz()
    revoked_at: dt.datetime | None = _tz()


class SignInThrottle(SQLModel, table=True):
    """Failed sign-ins per key (``account:NAME`` or ``address:IP``) in the current window, shared by all workers."""

    __tablename__ = "signin_throttle"
    key: str = Field(primary_key=True, max_length=128)
    failures: int = 0
    window_start: dt.datetime | None = _tz(nullable=False)
    blocked_until: dt.datetime | None = _tz()


class SyncShadow(SQLModel, table=True):
    """Desktop only: the bureau's copy of a row before the first pending local change touched it.

    ``row`` is the wire form of the row, or null when the row did not exist before (created locally). Rebasing
    puts every shadowed row back, lays the bureau's new rows on top and applies the pending outbox again.
    """

    __tablename__ = "sync_shadow"
    table_name: str = Field(primary_key=True, max_length=64)
    row_id: uuid.UUID = Field(primary_key=True)
    row: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class OutboxAnswer(SQLModel, table=True):
    """Desktop only: the bureau's answer to a pushed outbox entry, kept until the pull confirms it."""

    __tablename__ = "outbox_answer"
    mutation_id: uuid.UUID = Field(primary_key=True)
    accepted: bool
    seq: int | None = None
    code: str = Field(default="", max_length=64)
    reason_zh: str = ""
    reason_en: str = ""
    field: str | None = Field(default=None, max_length=200)
