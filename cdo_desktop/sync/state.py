"""The sync client's small key/value state (cursor, epoch, bureau address, signed-in user, device id)."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from cdo_desktop.store.models import SyncState

CURSOR = "cursor"
EPOCH = "epoch"
SERVER_URL = "server_url"
USERNAME = "username"
DEVICE_ID = "device_id"
COMMISSIONER_ID = "commissioner_id"
DEPARTMENT_ID = "department_id"
ROLE = "role"
CA_BUNDLE = "ca_bundle"
LAST_SYNC = "last_sync"
SEARCH_STALE = "search_stale"  # a full download is under way: the search index is rebuilt at its end


def get(session: Session, key: str, default: str = "") -> str:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key) or SyncState(key=key)
    row.value = value
    session.add(row)


def cursor(session: Session) -> int:
    return int(get(session, CURSOR, "0") or 0)


def device_id(session: Session) -> str:
    """This desktop's device id (created on first use; not a secret)."""
    value = get(session, DEVICE_ID)
    if not value:
        value = uuid.uuid4().hex
        put(session, DEVICE_ID, value)
    return value
