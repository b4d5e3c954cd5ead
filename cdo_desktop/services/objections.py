"""Quality objections: the using department reports wrong or stale data; the owner verifies or corrects it."""

from __future__ import annotations

from typing import Any, cast

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.enums import DocumentKind, ObjectionState
from cdo_desktop.domain.errors import Conflict
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


@handles("objection.raise")
def raise_objection(ctx: Context) -> None:
    p = cast(mu.ObjectionRaise, ctx.payload)
    resource = ctx.get(m.DataResource, p.resource_id, field="resource_id")
    ctx.department(p.raiser_department_id, field="raiser_department_id")
    if ctx.exists(m.QualityObjection, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该异议已存在", "This objection already exists", field="entity_id")
    facts: dict[str, Any] = {
        **p.model_dump(),
        "owner_department_id": resource.department_id,
        "resource_items": [i["name"] for i in resource.items],
    }
    ctx.check(state=None, parties=ctx.parties(raiser=p.raiser_department_id), facts=facts)
    due = ctx.due(DeadlineKind.OBJECTION_VERIFICATION, ctx.today)
    ctx.touch(
        m.QualityObjection(
            id=ctx.mutation.entity_id,
            number=ctx.next_number(DocumentKind.OBJECTION),
            resource_id=resource.id,
            raiser_department_id=p.raiser_department_id,
            owner_department_id=resource.department_id,
            items=list(p.items),
            description=p.description,
            state=ObjectionState.RAISED.value,
            raised_on=ctx.today,
            due=due.due,
            due_uncertain=due.uncertain,
        )
    )


def _move(ctx: Context) -> m.QualityObjection:
    obj = ctx.get(m.QualityObjection, ctx.mutation.entity_id)
    parties = ctx.parties(raiser=obj.raiser_department_id, owner=obj.owner_department_id)
    ctx.check(state=obj.state, parties=parties, facts=ctx.payload.model_dump())
    if ctx.transition.target is not None:
        obj.state = ctx.transition.target
    ctx.touch(obj)
    return obj


@handles("objection.accept")
def accept(ctx: Context) -> None:
    _move(ctx)


@handles("objection.flag")
def flag(ctx: Context) -> None:
    _move(ctx)


@handles("objection.reject")
def reject(ctx: Context) -> None:
    obj = _move(ctx)
    obj.response = cast(mu.ReasonPayload, ctx.payload).reason
    obj.resolution, obj.resolved_on = "rejected", ctx.today


@handles("objection.verify")
def verify(ctx: Context) -> None:
    obj = _move(ctx)
    obj.response = cast(mu.ResponsePayload, ctx.payload).response
    obj.resolution, obj.resolved_on = "verified", ctx.today


@handles("objection.correct")
def correct(ctx: Context) -> None:
    obj = _move(ctx)
    obj.response = cast(mu.ResponsePayload, ctx.payload).response
    obj.resolution, obj.resolved_on = "corrected", ctx.today


@handles("objection.close")
def close(ctx: Context) -> None:
    obj = _move(ctx)
    obj.closed_on = ctx.today
