"""Device tokens (random, only their SHA-256 stored), device ids bound to their first account, password checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid

from sqlmodel import Session, select

from cdo_desktop.services.accounts import verify_password
from cdo_desktop.store import models as m
from cdo_desktop.store.server_models import DeviceToken

# A valid Argon2id hash of a random password: unknown user names cost the same time as wrong passwords.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$k2HPVMkwCRwjVh9odTBKCw$GR66+HVZc+JnBWl/4LP1+RkxhyjGIthXVssRnoHQ24U"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def check_password(account: m.Account | None, password: str) -> bool:
    if account is None:
        verify_password(_DUMMY_HASH, password)
        return False
    return verify_password(account.password_hash, password) and account.active


def device_owner(session: Session, device_id: str) -> uuid.UUID | None:
    """The account that first signed in with ``device_id`` (a device id is bound to it for good)."""
    row = session.exec(
        select(DeviceToken).where(DeviceToken.device_id == device_id).order_by(DeviceToken.created_at)  # type: ignore[arg-type]
    ).first()
    return row.account_id if row is not None else None


def issue_token(session: Session, *, account: m.Account, device_id: str, device_name: str) -> tuple[str, DeviceToken]:
    """A fresh token for (account, device); an earlier token of the same pair is revoked."""
    now = dt.datetime.now(dt.UTC)
    for old in session.exec(
        select(DeviceToken).where(DeviceToken.account_id == account.id, DeviceToken.device_id == device_id)
    ):
        if old.revoked_at is None:
            old.revoked_at = now
            session.add(old)
    token = new_token()
    row = DeviceToken(
        account_id=account.id, device_id=device_id, device_name=device_name, token_hash=token_hash(token), created_at=now
    )
    session.add(row)
    session.flush()
    return token, row


def revoke(session: Session, token_id: uuid.UUID) -> bool:
    row = session.get(DeviceToken, token_id)
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = dt.datetime.now(dt.UTC)
    session.add(row)
    return True
