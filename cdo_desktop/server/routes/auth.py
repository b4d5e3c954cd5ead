"""Sign-in (device tokens bound to their device id), the caller's own tokens, sign-out; throttled (see `throttle`)."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, Request
from sqlmodel import select

from cdo_desktop.server import ledger, throttle
from cdo_desktop.server.deps import ConfigDep, DbDep, ViewerDep
from cdo_desktop.server.errors import ApiError
from cdo_desktop.server.security import check_password, device_owner, issue_token, revoke
from cdo_desktop.store import models as m
from cdo_desktop.store.server_models import DeviceToken
from cdo_desktop.sync.wire import SignedIn, SignIn, TokenInfo

router = APIRouter(prefix="/v1/auth", tags=["auth"])


def policy(config: ConfigDep) -> throttle.Policy:
    return throttle.Policy(
        window_s=config.signin_window_s, account_failures=config.signin_account_failures,
        account_delay_s=config.signin_account_delay_s, max_delay_s=config.signin_block_s,
        address_failures=config.signin_address_failures, address_delay_s=config.signin_address_delay_s,
    )


def _too_many(wait: int) -> ApiError:
    return ApiError(
        429, "too_many_attempts", f"登录尝试过于频繁，请 {wait} 秒后再试",
        f"Too many sign-in attempts; try again in {wait} s", headers={"Retry-After": str(wait)},
    )


@router.post("/sign-in", response_model=SignedIn)
def sign_in(body: SignIn, request: Request, db: DbDep, config: ConfigDep) -> SignedIn:
    rules = policy(config)
    address = request.client.host if request.client else "unknown"  # a trusted proxy's X-Forwarded-For, or the peer
    account_key, address_key = f"account:{body.username.lower()}"[:128], f"address:{address}"[:128]
    now = dt.datetime.now(dt.UTC)
    try:
        with db.write() as session:
            throttle.begin_attempt(session, rules, account_key=account_key, address_key=address_key, now=now)
    except throttle.Throttled as exc:
        raise _too_many(exc.wait_s) from None
    with db.read() as session:
        account = session.exec(select(m.Account).where(m.Account.username == body.username)).first()
    ok = check_password(account, body.password)  # slow on purpose (Argon2id): outside any transaction
    with db.write() as session:
        if ok:
            throttle.succeeded(session, account_key=account_key)
        else:
            throttle.failed(session, rules, address_key=address_key, now=now)
    if not ok or account is None:
        raise ApiError(401, "bad_credentials", "用户名或密码不正确", "Wrong user name or password")
    with db.write() as session:
        fresh = session.get(m.Account, account.id)
        assert fresh is not None
        owner = device_owner(session, body.device_id)
        if owner is not None and owner != fresh.id:
            raise ApiError(
                409, "device_taken", "该设备标识已属于另一账号，请用新的设备标识登录",
                "This device id belongs to another account: sign in with a new device id", field="device_id",
            )
        token, row = issue_token(session, account=fresh, device_id=body.device_id, device_name=body.device_name)
        person = session.get(m.Commissioner, fresh.commissioner_id)
        assert person is not None
        epoch = ledger.read_counter(session).epoch
        return SignedIn(
            token=token, token_id=row.id, account_id=fresh.id, username=fresh.username, commissioner_id=person.id,
            department_id=person.department_id, role=person.role, epoch=epoch,
        )


def token_info(row: DeviceToken, username: str) -> TokenInfo:
    return TokenInfo(
        id=row.id, account_id=row.account_id, username=username, device_id=row.device_id, device_name=row.device_name,
        created_at=row.created_at, last_used_at=row.last_used_at, revoked_at=row.revoked_at,
    )


@router.get("/tokens", response_model=list[TokenInfo])
def my_tokens(viewer: ViewerDep, db: DbDep) -> list[TokenInfo]:
    with db.read() as session:
        account = session.get(m.Account, viewer.account_id)
        rows = session.exec(select(DeviceToken).where(DeviceToken.account_id == viewer.account_id)).all()
        return [token_info(r, account.username if account else "") for r in rows]


@router.delete("/tokens/{token_id}")
def revoke_my_token(token_id: uuid.UUID, viewer: ViewerDep, db: DbDep) -> dict[str, bool]:
    with db.write() as session:
        row = session.get(DeviceToken, token_id)
        if row is None or row.account_id != viewer.account_id:
            raise ApiError(404, "not_found", "找不到该令牌", "No such token")
        return {"revoked": revoke(session, token_id)}


@router.post("/sign-out")
def sign_out(viewer: ViewerDep, db: DbDep) -> dict[str, bool]:
    assert viewer.token_id is not None
    with db.write() as session:
        return {"revoked": revoke(session, viewer.token_id)}
