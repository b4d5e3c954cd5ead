"""The data catalogue: the owning department describes its resources; 有条件/不予共享 need a legal basis."""

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
    if ctx.session.get(m.DataResource, ctx.mutation.entity_id) is not None:
        raise Conflict("id_taken", "该资源已存在", "This resource already exists", field="entity_id")
    ctx.touch(m.DataResource(id=ctx.mutation.entity_id, code=p.code, department_id=p.department_id, **_fields(p)))


@handles("resource.update")
def update_resource(ctx: Context) -> None:
    p = cast(mu.ResourceUpdate, ctx.payload)
    row = ctx.get(m.DataResource, ctx.mutation.entity_id)
    ctx.check(state=None, parties=ctx.parties(owner=row.department_id), facts=p.model_dump())
    ctx.check_base_revision(row)
    for key, value in _fields(p).items():
        setattr(row, key, value)
    ctx.touch(row)
