"""Device tokens (random, only their SHA-256 stored), password checks and sign-in throttling shared by workers."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import secrets
import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from cdo_desktop.services.accounts import verify_password
from cdo_desktop.store import models as m
from cdo_desktop.store.server_models import DeviceToken, SignInThrottle

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


@dataclass(frozen=True)
class Throttle:
    window_s: int
    account_failures: int
    address_failures: int
    block_s: int

    def blocked_for(self, session: Session, keys: list[str], now: dt.datetime) -> int:
        """Seconds until every key may try again (0: not blocked)."""
        wait = 0.0
        for key in keys:
            row = session.get(SignInThrottle, key)
            if row is not None and row.blocked_until is not None:
                wait = max(wait, (_aware(row.blocked_until) - now).total_seconds())
        return math.ceil(wait) if wait > 0 else 0

    def failed(self, session: Session, key: str, limit: int, now: dt.datetime) -> None:
        row = session.get(SignInThrottle, key)
        if row is None or _aware(row.window_start) + dt.timedelta(seconds=self.window_s) < now:
            row = row or SignInThrottle(key=key)
            row.failures, row.window_start, row.blocked_until = 0, now, None
        row.failures += 1
        if row.failures >= limit:
            row.blocked_until = now + dt.timedelta(seconds=self.block_s)
        session.add(row)

    def succeeded(self, session: Session, key: str) -> None:
        row = session.get(SignInThrottle, key)
        if row is not None:
            session.delete(row)


def _aware(value: dt.datetime | None) -> dt.datetime:
    assert value is not None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def find_token(session: Session, token: str) -> DeviceToken | None:
    row = session.exec(select(DeviceToken).where(DeviceToken.token_hash == token_hash(token))).first()
    return row if row is not None and row.revoked_at is None else None


def revoke(session: Session, token_id: uuid.UUID) -> bool:
    row = session.get(DeviceToken, token_id)
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = dt.datetime.now(dt.UTC)
    session.add(row)
    return True
