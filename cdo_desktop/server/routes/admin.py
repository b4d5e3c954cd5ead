"""Bureau administration over HTTP: accounts and every device token (departments, appointments, policy and the
holiday calendar are ordinary mutations pushed by an administrator)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from sqlmodel import select

from cdo_desktop.server.deps import AdminDep, DbDep
from cdo_desktop.server.errors import ApiError
from cdo_desktop.server.routes.auth import token_info
from cdo_desktop.server.security import revoke
from cdo_desktop.services.accounts import create_account
from cdo_desktop.store import models as m
from cdo_desktop.store.server_models import DeviceToken
from cdo_desktop.sync.wire import TokenInfo, UserCreate, UserInfo

router = APIRouter(prefix="/v1/admin", tags=["admin"])


def _info(a: m.Account) -> UserInfo:
    return UserInfo(id=a.id, username=a.username, commissioner_id=a.commissioner_id, active=a.active)


@router.get("/users", response_model=list[UserInfo])
def list_users(_admin: AdminDep, db: DbDep) -> list[UserInfo]:
    with db.read() as session:
        return [_info(a) for a in session.exec(select(m.Account).order_by(m.Account.username))]


@router.post("/users", response_model=UserInfo, status_code=201)
def add_user(body: UserCreate, _admin: AdminDep, db: DbDep) -> UserInfo:
    with db.write() as session:
        account = create_account(
            session, username=body.username, password=body.password, commissioner_id=body.commissioner_id
        )
        return _info(account)


@router.post("/users/{account_id}/disable", response_model=UserInfo)
def disable_user(account_id: uuid.UUID, _admin: AdminDep, db: DbDep) -> UserInfo:
    with db.write() as session:
        account = session.get(m.Account, account_id)
        if account is None:
            raise ApiError(404, "not_found", "找不到该账号", "No such account")
        account.active = False
        session.add(account)
        return _info(account)


@router.get("/tokens", response_model=list[TokenInfo])
def list_tokens(_admin: AdminDep, db: DbDep) -> list[TokenInfo]:
    with db.read() as session:
        names = {a.id: a.username for a in session.exec(select(m.Account))}
        return [token_info(t, names.get(t.account_id, "")) for t in session.exec(select(DeviceToken))]


@router.delete("/tokens/{token_id}")
def revoke_token(token_id: uuid.UUID, _admin: AdminDep, db: DbDep) -> dict[str, bool]:
    with db.write() as session:
        if session.get(DeviceToken, token_id) is None:
            raise ApiError(404, "not_found", "找不到该令牌", "No such token")
        return {"revoked": revoke(session, token_id)}
