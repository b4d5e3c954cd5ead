"""Sign-in accounts of commissioners: passwords hashed with Argon2id (memory-hard), never stored in clear."""

from __future__ import annotations

import datetime as dt
import uuid

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from cdo_desktop.domain.errors import Conflict, NotFound
from cdo_desktop.store import models as m

_HASHER = PasswordHasher()  # Argon2id, 64 MiB, t=3 (RFC 9106 second recommendation)


def hash_password(password: str, *, hasher: PasswordHasher | None = None) -> str:
    return (hasher or _HASHER).hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_account(
    session: Session,
    *,
    username: str,
    password: str,
    commissioner_id: uuid.UUID,
    hasher: PasswordHasher | None = None,
) -> m.Account:
    """Create a sign-in for an appointment; refused when the user name is taken or the appointment is unknown."""
    if not username.strip() or len(username) > 64:
        raise Conflict("username_invalid", "用户名不能为空且不超过64个字符", "User name must be 1–64 characters", field="username")
    if len(password) < 8:
        raise Conflict("password_short", "密码至少8个字符", "The password must be at least 8 characters", field="password")
    if session.get(m.Commissioner, commissioner_id) is None:
        raise NotFound("not_found", "找不到该数据专员", "No such commissioner", field="commissioner_id")
    if session.exec(select(m.Account).where(m.Account.username == username)).first() is not None:
        raise Conflict("username_taken", f"用户名“{username}”已存在", f"User name '{username}' is taken", field="username")
    account = m.Account(
        username=username,
        commissioner_id=commissioner_id,
        password_hash=hash_password(password, hasher=hasher),
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(account)
    session.flush()
    return account
