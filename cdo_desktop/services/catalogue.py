"""The data catalogue: the owning department (数源部门) describes its resources; 有条件/不予 sharing and opening need
a reason and a legal basis; resources are open by default. A catalogue edit after a change of duties meets the
catalogue-update deadline; the owner records each data update (its update-cycle duty)."""

from __future__ import annotations

from typing import Any, cast

from sqlmodel import select

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.errors import Conflict, GuardFailed
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


def _fields(p: mu.ResourceFields) -> dict[str, Any]:
    names = [i.name for i in p.items]
    if len(set(names)) != len(names):
        raise GuardFailed("duplicate_item", "数据项名称重复", "Two data items have the same name", field="items")
    return {
        "name": p.name,
        "summary": p.summary,
        "format": p.format,
        "items": [{"name": i.name, "type": i.type.value} for i in p.items],
        "share_type": p.share_type.value,
        "share_conditions": p.share_conditions,
        "legal_basis": p.legal_basis,
        "share_method": p.share_method.value,
        "open_type": p.open_type.value,
        "open_reason": p.open_reason,
        "open_legal_basis": p.open_legal_basis,
        "open_channel": p.open_channel,
        "open_published_on": p.open_published_on,
        "update_cycle": p.update_cycle.value,
        "source_system": p.source_system,
        "published_on": p.published_on,
    }


@handles("resource.create")
def create_resource(ctx: Context) -> None:
    p = cast(mu.ResourceCreate, ctx.payload)
    ctx.department(p.department_id, field="department_id")
    ctx.check(state=None, parties=ctx.parties(owner=p.department_id), facts=p.model_dump())
    if ctx.session.exec(select(m.DataResource).where(m.DataResource.code == p.code)).first():
        raise Conflict("code_taken", f"资源编码“{p.code}”已存在", f"Resource code '{p.code}' is taken", field="code")
    if ctx.exists(m.DataResource, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该资源已存在", "This resource already exists", field="entity_id")
    ctx.touch(m.DataResource(id=ctx.mutation.entity_id, code=p.code, department_id=p.department_id,
                             data_updated_on=p.published_on or ctx.today, **_fields(p)))
    _catalogue_edited(ctx, p.department_id)


def _catalogue_edited(ctx: Context, department_id: Any) -> None:
    """An edit of the catalogue after a change of duties meets the catalogue-update deadline (the first one counts)."""
    dept = ctx.session.get(m.Department, department_id)
    if dept is not None and dept.duties_changed_on is not None and dept.catalogue_updated_on is None:
        dept.catalogue_updated_on = ctx.today
        ctx.touch(dept)


@handles("resource.update")
def update_resource(ctx: Context) -> None:
    p = cast(mu.ResourceUpdate, ctx.payload)
    row = ctx.get(m.DataResource, ctx.mutation.entity_id)
    ctx.check(state=None, parties=ctx.parties(owner=row.department_id), facts=p.model_dump())
    ctx.check_base_revision(row)
    for key, value in _fields(p).items():
        setattr(row, key, value)
    ctx.touch(row)
    _catalogue_edited(ctx, row.department_id)


@handles("resource.record_update")
def record_update(ctx: Context) -> None:
    p = cast(mu.ResourceDataUpdated, ctx.payload)
    row = ctx.get(m.DataResource, ctx.mutation.entity_id)
    ctx.check(state=None, parties=ctx.parties(owner=row.department_id), facts=p.model_dump())
    on = p.updated_on or ctx.today
    if on > ctx.today:
        raise GuardFailed("update_in_future", "更新日期不能晚于今天", "The update date is in the future", field="updated_on")
    row.data_updated_on = on
    ctx.touch(row)
