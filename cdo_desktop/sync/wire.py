"""Wire schemas shared by the desktop's sync client and the bureau server, and the row codec of synced tables.

Every body is a strict pydantic model (unknown fields refused, texts and lists bounded). Rows travel as
``{"table": name, "seq": n, "row": {column: JSON value}}``; `row_values` turns the JSON back into the column
values SQLAlchemy binds (UUIDs, dates, times), in one pass per column type rather than a model validation.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Uuid

from cdo_desktop import PROTOCOL_VERSION
from cdo_desktop.domain.mutations import Mutation, OneLine
from cdo_desktop.store import models as m

PROTOCOL_HEADER = "X-CDO-Protocol"
MAX_PUSH_BATCH = 500
DEFAULT_PAGE_ROWS = 250
MAX_PAGE_ROWS = 2000
PAGE_BYTES = 1_000_000

TABLES: dict[str, type[m.Synced]] = {model.__tablename__: model for model in m.SYNCED_TABLES}  # type: ignore[misc]

DeviceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{8,64}$")]
Username = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64), OneLine]
Password = Annotated[str, StringConstraints(min_length=1, max_length=1024)]
Label = Annotated[str, StringConstraints(max_length=200), OneLine]


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reason(Wire):
    """Why something was refused, for programs (code, field) and for people (zh, en)."""

    code: str
    zh: str
    en: str
    field: str | None = None


class SignIn(Wire):
    username: Username
    password: Password
    device_id: DeviceId
    device_name: Label = ""


class SignedIn(Wire):
    token: str
    token_id: uuid.UUID
    account_id: uuid.UUID
    username: str
    commissioner_id: uuid.UUID
    department_id: uuid.UUID
    role: str
    epoch: str
    protocol: int = PROTOCOL_VERSION
    root_certificate: str = Field(default="", max_length=20_000)  # PEM of the bureau root (pinned at first sign-in)
    checkpoint_key: str = Field(default="", max_length=128)  # Ed25519 public key (hex) that signs audit checkpoints


class Checkpoint(Wire):
    """The bureau's signed statement "after ``position`` entries my audit chain's hash is ``hash``"."""

    position: int
    hash: str = Field(max_length=64)
    epoch: str = Field(default="", max_length=64)
    signature: str = Field(default="", max_length=200)


class ChainProof(Wire):
    """The server's chain hash at a position the desktop asked about (the last checkpoint it holds)."""

    position: int
    hash: str = Field(default="", max_length=64)


class TokenInfo(Wire):
    id: uuid.UUID
    account_id: uuid.UUID
    username: str
    device_id: str
    device_name: str
    created_at: AwareDatetime | None
    last_used_at: AwareDatetime | None
    revoked_at: AwareDatetime | None


class UserCreate(Wire):
    username: Username
    password: Annotated[str, StringConstraints(min_length=8, max_length=1024)]
    commissioner_id: uuid.UUID


class UserInfo(Wire):
    id: uuid.UUID
    username: str
    commissioner_id: uuid.UUID
    active: bool


class PushRequest(Wire):
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_BATCH)


class MutationAnswer(Wire):
    id: uuid.UUID
    status: Literal["accepted", "refused"]
    seq: int | None = None
    reason: Reason | None = None


class PushAnswer(Wire):
    answers: list[MutationAnswer]
    epoch: str
    head: int
    protocol: int = PROTOCOL_VERSION
    server_time: AwareDatetime


class WireRow(Wire):
    table: str
    seq: int
    row: dict[str, Any]


class PullPage(Wire):
    epoch: str
    protocol: int = PROTOCOL_VERSION
    head: int
    cursor: int
    more: bool
    rows: list[WireRow]
    server_time: AwareDatetime
    checkpoint: Checkpoint | None = None  # the bureau's signed chain head (every answer)
    proof: ChainProof | None = None  # the chain hash at the position the desktop named with ``known``
    restore: Checkpoint | None = None  # the bureau's signed acknowledgement that this epoch began with a restore


class RowsRequest(Wire):
    table: str = Field(max_length=64)
    ids: list[uuid.UUID] = Field(max_length=1000)


class ErrorBody(Wire):
    error: Reason
    error_id: str | None = None


def row_to_wire(row: m.Synced) -> dict[str, Any]:
    return row.model_dump(mode="json")


def _convert(column_type: Any) -> Callable[[Any], Any] | None:
    if isinstance(column_type, Uuid):
        return lambda v: v if v is None or isinstance(v, uuid.UUID) else uuid.UUID(v)
    if isinstance(column_type, DateTime):
        return lambda v: v if v is None or isinstance(v, dt.datetime) else dt.datetime.fromisoformat(v)
    if isinstance(column_type, Date):
        return lambda v: v if v is None or isinstance(v, dt.date) else dt.date.fromisoformat(v)
    if isinstance(column_type, (Integer, Boolean, JSON)):
        return None
    return None


_CODECS: dict[str, list[tuple[str, Callable[[Any], Any] | None]]] = {
    name: [(c.name, _convert(c.type)) for c in model.__table__.columns]  # type: ignore[attr-defined]
    for name, model in TABLES.items()
}


def column_codecs(table: str) -> list[tuple[str, Callable[[Any], Any] | None]]:
    """(column, conversion from the wire form or None) of every column of ``table``, in table order."""
    return list(_CODECS[table])


def row_values(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """Column values ready for a Core insert from a row's wire form (unknown tables raise KeyError)."""
    out: dict[str, Any] = {}
    for name, convert in _CODECS[table]:
        value = row.get(name)
        out[name] = convert(value) if convert is not None else value
    return out
