"""Request dependencies: the database, the signed-in device (bearer token) and the administrator check."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from cdo_desktop.domain.enums import Role
from cdo_desktop.server.config import ServerConfig
from cdo_desktop.server.errors import ApiError
from cdo_desktop.server.security import token_hash
from cdo_desktop.server.visibility import Viewer
from cdo_desktop.services.context import CHINA
from cdo_desktop.store import models as m
from cdo_desktop.store.db import Database
from cdo_desktop.store.server_models import DeviceToken

_TOUCH_EVERY = dt.timedelta(minutes=5)


def get_db(request: Request) -> Database:
    return request.app.state.db  # type: ignore[no-any-return]


def get_config(request: Request) -> ServerConfig:
    return request.app.state.config  # type: ignore[no-any-return]


def _unauthorised(en: str, zh: str) -> ApiError:
    return ApiError(401, "unauthorised", zh, en, headers={"WWW-Authenticate": "Bearer"})


def current_viewer(request: Request, db: Annotated[Database, Depends(get_db)]) -> Viewer:
    """The caller, already checked by the front door (`guard.Guard`) before the body was read."""
    known = request.scope.get("state", {}).get("cdo_viewer")
    if isinstance(known, Viewer):
        return known
    return authenticate(db, request.headers.get("authorization", ""))


def _signed_in_statement() -> Any:
    """The device token (not revoked) with its account, appointment and department, in one statement: the sign-in
    check runs on every request (four ORM look-ups were a quarter of the bureau's time under load). Built once, the
    token's hash bound at each execution (a statement built per request cost its cache key every time)."""
    t, a, c, d = DeviceToken, m.Account, m.Commissioner, m.Department
    return (
        sa_select(col(t.id), col(t.device_id), col(t.last_used_at), col(a.id).label("account_id"),
               col(a.active), col(c.id).label("person_id"), col(c.department_id), col(c.role), col(c.ended_on),
               col(d.id).label("dept_id"), col(d.is_bureau))
        .select_from(t)
        .outerjoin(a, col(a.id) == col(t.account_id))
        .outerjoin(c, col(c.id) == col(a.commissioner_id))
        .outerjoin(d, col(d.id) == col(c.department_id))
        .where(col(t.token_hash) == bindparam("token_hash"), col(t.revoked_at).is_(None))
    )


_SIGNED_IN = _signed_in_statement()


def authenticate(db: Database, header: str) -> Viewer:
    """The signed-in device behind an ``Authorization: Bearer …`` header; `ApiError` 401 when there is none."""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise _unauthorised("Sign in first (no device token)", "请先登录（缺少设备令牌）")
    with db.read() as session:
        row = session.connection().execute(_SIGNED_IN, {"token_hash": token_hash(token.strip())}).first()
    if row is None:
        raise _unauthorised("The device token is unknown or revoked: sign in again", "设备令牌无效或已被撤销，请重新登录")
    if row.account_id is None or not row.active:
        raise _unauthorised("The account is disabled", "该账号已停用")
    if row.person_id is None or row.dept_id is None:
        raise _unauthorised("The account's appointment does not exist", "该账号对应的任职不存在")
    ended = row.ended_on is not None and row.ended_on <= dt.datetime.now(CHINA).date()
    if row.last_used_at is None or row.last_used_at < dt.datetime.now(dt.UTC) - _TOUCH_EVERY:
        with db.write() as session:
            fresh = session.get(DeviceToken, row.id)
            if fresh is not None:
                fresh.last_used_at = dt.datetime.now(dt.UTC)
                session.add(fresh)
    return Viewer(
        account_id=row.account_id,
        commissioner_id=row.person_id,
        department_id=row.department_id,
        role=Role(row.role),
        is_bureau=bool(row.is_bureau),
        device_id=row.device_id,
        token_id=row.id,
        ended=ended,
    )


def admin_viewer(viewer: Annotated[Viewer, Depends(current_viewer)], db: Annotated[Database, Depends(get_db)]) -> Viewer:
    with db.read() as session:
        person = session.get(m.Commissioner, viewer.commissioner_id)
        active_admin = (
            person is not None
            and person.role == Role.ADMIN.value
            and (person.ended_on is None or person.ended_on > dt.datetime.now(CHINA).date())
        )
    if not active_admin:
        raise ApiError(403, "admin_only", "只有政数局管理员可以执行此操作", "Only a bureau administrator may do this")
    return viewer


def account_by_name(db: Database, username: str) -> m.Account | None:
    with db.read() as session:
        return session.exec(select(m.Account).where(m.Account.username == username)).first()


DbDep = Annotated[Database, Depends(get_db)]
ConfigDep = Annotated[ServerConfig, Depends(get_config)]
ViewerDep = Annotated[Viewer, Depends(current_viewer)]
AdminDep = Annotated[Viewer, Depends(admin_viewer)]
