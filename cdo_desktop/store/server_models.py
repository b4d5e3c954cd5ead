"""Tables of the sync machinery: the bureau's sequence counter, receipts, device tokens, sign-in throttling, who
uploaded which evidence file, and the desktop's rebase shadows and push answers. Both programs share one schema.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Dialect, Index
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field

from cdo_desktop.store.row import Row


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back time-zone aware (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _tz(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UtcDateTime(), nullable=nullable, index=index))


class SyncCounter(Row, table=True):
    """The one row (id = 1) holding the last sequence number handed out and the server's epoch.

    Writers lock this row first (``SELECT … FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so
    sequence numbers are allocated inside the write transaction, commit in order and never leave a gap.
    """

    __tablename__ = "sync_counter"
    id: int = Field(default=1, primary_key=True)
    seq: int = 0
    epoch: str = Field(max_length=36)


class SyncReceipt(Row, table=True):
    """The first answer given to a pushed mutation, keyed by (account, device, mutation id): the same device of the
    same account pushing the same change again gets it again; nobody else ever sees it.

    ``digest`` is the SHA-256 of the mutation as first pushed: the same id with other content is refused.
    A mutation id is used once in the whole bureau: the index on it finds an id already taken by someone else.
    """

    __tablename__ = "sync_receipt"
    __table_args__ = (Index("ix_sync_receipt_mutation_id", "mutation_id"),)
    account_id: uuid.UUID = Field(primary_key=True)
    device_id: str = Field(primary_key=True, max_length=64)
    mutation_id: uuid.UUID = Field(primary_key=True)
    digest: str = Field(default="", max_length=64)
    accepted: bool
    seq: int | None = Field(default=None, index=True)
    answer: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: dt.datetime | None = _tz(nullable=False)


class DeviceToken(Row, table=True):
    """A sign-in of one account on one device; only the SHA-256 of the random token is kept."""

    __tablename__ = "device_token"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    device_id: str = Field(max_length=64, index=True)  # bound to the first account that signed in with it
    device_name: str = Field(default="", max_length=200)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: dt.datetime | None = _tz(nullable=False)
    last_used_at: dt.datetime | None = _tz()
    revoked_at: dt.datetime | None = _tz()


class SignInThrottle(Row, table=True):
    """Failed sign-ins per key (``account:NAME`` or ``address:IP``) in the current window, shared by all workers.

    ``blocked_until``: no attempt on this key before then. ``expires_at``: the row may be deleted after then
    (rows for made-up user names do not pile up).
    """

    __tablename__ = "signin_throttle"
    key: str = Field(primary_key=True, max_length=128)
    failures: int = 0
    window_start: dt.datetime | None = _tz(nullable=False)
    blocked_until: dt.datetime | None = _tz()
    expires_at: dt.datetime | None = _tz(index=True)


class BlobUpload(Row, table=True):
    """Bureau only: which department uploaded (and so holds) the bytes of an evidence file, by whom and when.

    Attaching a file to a dispute requires that the attaching department uploaded it or can already see it.
    """

    __tablename__ = "blob_upload"
    sha256: str = Field(primary_key=True, max_length=64)
    department_id: uuid.UUID = Field(primary_key=True)
    account_id: uuid.UUID
    uploaded_at: dt.datetime | None = _tz(nullable=False)


class SyncShadow(Row, table=True):
    """Desktop only: the bureau's copy of a row before the first pending local change touched it.

    ``row`` is the wire form of the row, or null when the row did not exist before (created locally). Rebasing
    puts every shadowed row back, lays the bureau's new rows on top and applies the pending outbox again.
    """

    __tablename__ = "sync_shadow"
    table_name: str = Field(primary_key=True, max_length=64)
    row_id: uuid.UUID = Field(primary_key=True)
    row: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class OutboxAnswer(Row, table=True):
    """Desktop only: the bureau's answer to a pushed outbox entry, kept until the pull confirms it."""

    __tablename__ = "outbox_answer"
    mutation_id: uuid.UUID = Field(primary_key=True)
    accepted: bool
    seq: int | None = None
    code: str = Field(default="", max_length=64)
    reason_zh: str = ""
    reason_en: str = ""
    field: str | None = Field(default=None, max_length=200)
