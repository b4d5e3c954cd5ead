"""Read queries of the asset register and the platform register pages (paged, sorted, filtered, searched by text)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlmodel import Session

from cdo_desktop.store import models as m
from cdo_desktop.store.queries import Page


def _latest_value() -> Any:
    v = m.AssetValuation
    ranked = (select(v.asset_id, v.value_fen,
                     func.row_number().over(partition_by=v.asset_id,
                                            order_by=(v.valued_on.desc(), v.recorded_on.desc())).label("n"))  # type: ignore[attr-defined]
              .subquery())
    return select(ranked.c.asset_id, ranked.c.value_fen).where(ranked.c.n == 1).subquery()


def _asset_base() -> tuple[Select[Any], dict[str, ColumnElement[Any]]]:
    a, r, d = m.DataAsset, m.DataResource, m.Department
    latest = _latest_value()
    columns: dict[str, Any] = {
        "id": a.id, "code": a.code, "name": a.name, "holder": d.name, "resource": r.name, "state": a.state,
        "quality_grade": a.quality_grade, "number": a.number, "applied_on": a.applied_on,
        "registered_on": a.registered_on, "value_fen": latest.c.value_fen, "department_id": a.department_id,
        "resource_id": a.resource_id, "revision": a.revision, "scope": a.scope, "volume": a.volume,
        "record_count": a.record_count, "reason": a.reason,
    }
    base = (select(*[c.label(k) for k, c in columns.items()]).select_from(a)
            .join(d, d.id == a.department_id).join(r, r.id == a.resource_id)
            .outerjoin(latest, latest.c.asset_id == a.id))
    return base, columns


def _system_base() -> tuple[Select[Any], dict[str, ColumnElement[Any]]]:
    s, d = m.PlatformSystem, m.Department
    named = (select(m.DataResource.source_system_id.label("sid"), func.count().label("n"))  # type: ignore[attr-defined]
             .group_by(m.DataResource.source_system_id).subquery())
    columns: dict[str, Any] = {
        "id": s.id, "code": s.code, "name": s.name, "operator": d.name, "kind": s.kind, "status": s.status,
        "resources": func.coalesce(named.c.n, 0), "registered_on": s.registered_on,
        "operator_department_id": s.operator_department_id, "description": s.description, "revision": s.revision,
    }
    base = (select(*[c.label(k) for k, c in columns.items()]).select_from(s).join(d, d.id == s.operator_department_id)
            .outerjoin(named, named.c.sid == s.id))
    return base, columns


def _page(session: Session, base: Select[Any], columns: Mapping[str, Any], searched: tuple[str, ...], *,
          offset: int = 0, limit: int = 100, sort: str | None = None, descending: bool = False, search: str = "",
          filters: Mapping[str, Any] | None = None, count: bool = True, default: str = "code") -> Page:
    stmt = base
    for key, value in (filters or {}).items():
        stmt = stmt.where(columns[key] == value)
    if search.strip():
        like = f"%{search.strip()}%"
        stmt = stmt.where(or_(*[columns[k].ilike(like) for k in searched]))
    order = columns[sort if sort in columns else default]
    stmt = stmt.order_by(order.desc() if descending else order.asc(), columns["id"])
    rows = [dict(r._mapping) for r in session.execute(stmt.offset(offset).limit(limit))]
    total = session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one() if count else -1
    return Page(rows, total)


def fetch_assets(session: Session, **kw: Any) -> Page:
    base, columns = _asset_base()
    return _page(session, base, columns, ("code", "name", "holder", "resource", "number"), **kw)


def fetch_systems(session: Session, **kw: Any) -> Page:
    base, columns = _system_base()
    return _page(session, base, columns, ("code", "name", "operator"), **kw)


def valuations(session: Session, asset_id: uuid.UUID) -> list[m.AssetValuation]:
    stmt = (select(m.AssetValuation).where(m.AssetValuation.asset_id == asset_id)
            .order_by(m.AssetValuation.valued_on, m.AssetValuation.recorded_on))  # type: ignore[arg-type]
    return list(session.execute(stmt).scalars())


def resources_without_asset(session: Session, dept_id: uuid.UUID) -> list[m.DataResource]:
    live = select(m.DataAsset.resource_id).where(m.DataAsset.state != "cancelled")
    stmt = (select(m.DataResource).where(m.DataResource.department_id == dept_id)
            .where(m.DataResource.id.not_in(live)).order_by(m.DataResource.code))  # type: ignore[attr-defined]
    return list(session.execute(stmt).scalars())


def next_asset_code(session: Session, dept_code: str) -> str:
    from cdo_desktop.domain.workflow import format_asset_code

    codes = set(session.execute(select(m.DataAsset.code)).scalars())
    n = 1
    while format_asset_code(dept_code, n) in codes:
        n += 1
    return format_asset_code(dept_code, n)


def systems(session: Session, *, usable: bool = True) -> list[m.PlatformSystem]:
    stmt = select(m.PlatformSystem).order_by(m.PlatformSystem.name)
    if usable:
        stmt = stmt.where(m.PlatformSystem.status != "retired")
    return list(session.execute(stmt).scalars())


def flags_of(session: Session, subject_id: uuid.UUID) -> list[tuple[str, str]]:
    from cdo_desktop.services.assets import flag_messages

    return flag_messages(session, subject_id)
