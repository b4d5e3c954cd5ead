"""Accountability: the bureau holds a department to account; the department reports its rectification."""

from __future__ import annotations

from typing import Any, cast

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.canonical import canonical_json, sha256_hex
from cdo_desktop.domain.enums import AccountabilityState, DocumentKind
from cdo_desktop.domain.errors import Conflict, GuardFailed
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


def notice_record(rec: m.AccountabilityRecord) -> dict[str, Any]:
    """The canonical record an accountability notice's fingerprint covers."""
    return {
        "id": rec.id,
        "number": rec.number,
        "department_id": rec.department_id,
        "commissioner_id": rec.commissioner_id,
        "ruling_id": rec.ruling_id,
        "violation": rec.violation,
        "measure": rec.measure,
        "report_requirement": rec.report_requirement,
        "rectification_days": rec.rectification_days,
        "rectification_due": rec.rectification_due,
        "created_on": rec.created_on,
    }


@handles("accountability.create")
def create(ctx: Context) -> None:
    p = cast(mu.AccountabilityCreate, ctx.payload)
    ctx.department(p.department_id, field="department_id")
    if p.commissioner_id is not None:
        person = ctx.get(m.Commissioner, p.commissioner_id, field="commissioner_id")
        if person.department_id != p.department_id:
            raise GuardFailed(
                "commissioner_department",
                "被问责的数据专员不属于该部门",
                "The commissioner named is not of that department",
                field="commissioner_id",
            )
    if p.ruling_id is not None:
        ctx.get(m.Ruling, p.ruling_id, field="ruling_id")
    if ctx.session.get(m.AccountabilityRecord, ctx.mutation.entity_id) is not None:
        raise Conflict("id_taken", "该问责记录已存在", "This record already exists", field="entity_id")
    ctx.check(state=None, parties=ctx.parties(), facts=p.model_dump())
    rec = m.AccountabilityRecord(
        id=ctx.mutation.entity_id,
        number=ctx.next_number(DocumentKind.NOTICE),
        department_id=p.department_id,
        commissioner_id=p.commissioner_id,
        ruling_id=p.ruling_id,
        violation=p.violation,
        measure=p.measure.value,
        report_requirement=p.report_requirement,
        rectification_days=p.rectification_days,
        state=AccountabilityState.OPEN.value,
        created_on=ctx.today,
    )
    if p.rectification_days:
        rec.rectification_due, rec.due_uncertain = ctx.add_workdays(ctx.today, p.rectification_days)
    rec.fingerprint = sha256_hex(canonical_json(notice_record(rec)))
    ctx.touch(rec)


def _move(ctx: Context) -> m.AccountabilityRecord:
    rec = ctx.get(m.AccountabilityRecord, ctx.mutation.entity_id)
    ctx.check(state=rec.state, parties=ctx.parties(addressee=rec.department_id), facts=ctx.payload.model_dump())
    if ctx.transition.target is not None:
        rec.state = ctx.transition.target
    ctx.touch(rec)
    return rec


@handles("accountability.report")
def report(ctx: Context) -> None:
    _move(ctx).report = cast(mu.AccountabilityReport, ctx.payload).report


@handles("accountability.accept")
def accept(ctx: Context) -> None:
    _move(ctx).closed_on = ctx.today


@handles("accountability.reject")
def reject(ctx: Context) -> None:
    _move(ctx).reason = cast(mu.ReasonPayload, ctx.payload).reason
