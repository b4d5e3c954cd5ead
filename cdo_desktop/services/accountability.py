"""Accountability on grounds, with a hearing: the bureau opens a record only on a ground the product can point at
(an overdue order, a confirmed misuse finding, replies overdue beyond the threshold, an uncorrected objection); the
addressee may answer (申辩) within the deadline from its receipt of the notice; the bureau upholds, changes or
withdraws the measure; rectification is reported, checked and closed (销号)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from sqlmodel import Session, select

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.canonical import canonical_json, sha256_hex
from cdo_desktop.domain.enums import AccountabilityState, BureauDecision, DocumentKind, GroundKind
from cdo_desktop.domain.errors import Conflict, GuardFailed
from cdo_desktop.domain.fingerprinted import notice_record
from cdo_desktop.domain.policy import THRESHOLDS, DeadlineKind
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


def overdue_replies(session: Session, department_id: uuid.UUID, start: dt.date, end: dt.date, today: dt.date) -> int:
    """Requests the department had to answer whose reply deadline fell in [start, end] and was missed."""
    rows = session.exec(
        select(m.SharingRequest).where(
            m.SharingRequest.provider_department_id == department_id,
            m.SharingRequest.reply_due >= start,  # type: ignore[operator]
            m.SharingRequest.reply_due <= end,  # type: ignore[operator]
        )
    )
    count = 0
    for req in rows:
        assert req.reply_due is not None
        answered = req.answered_on
        if (answered is not None and answered > req.reply_due) or (answered is None and today > req.reply_due):
            count += 1
    return count


def ground_facts(ctx: Context, p: mu.AccountabilityCreate) -> dict[str, Any]:
    """The plain facts `domain.grounds.check_ground` judges, read from the record the ground points at."""
    facts: dict[str, Any] = {**p.model_dump(), "today": ctx.today, "record": None}
    if p.ground is GroundKind.ORDER_OVERDUE and p.ground_id is not None:
        order = ctx.session.get(m.RulingOrder, p.ground_id)
        if order is not None:
            facts["record"] = {"addressee_department_id": order.addressee_department_id, "state": order.state,
                               "received_on": order.received_on, "due_on": order.due_on}
    elif p.ground is GroundKind.MISUSE_FINDING and p.ground_id is not None:
        report = ctx.session.get(m.MisuseReport, p.ground_id)
        if report is not None:
            facts["record"] = {"user_department_id": report.user_department_id, "state": report.state}
    elif p.ground is GroundKind.OBJECTION_UNCORRECTED and p.ground_id is not None:
        obj = ctx.session.get(m.QualityObjection, p.ground_id)
        if obj is not None:
            facts["record"] = {"owner_department_id": obj.owner_department_id, "state": obj.state, "due": obj.due}
    elif p.ground is GroundKind.REPLIES_OVERDUE:
        facts["threshold"] = THRESHOLDS.overdue_replies
        facts["overdue_count"] = (
            overdue_replies(ctx.session, p.department_id, p.period_start, p.period_end, ctx.today)
            if p.period_start and p.period_end else 0
        )
    return facts


def _ground_note(p: mu.AccountabilityCreate, facts: dict[str, Any]) -> str:
    if p.ground is GroundKind.REPLIES_OVERDUE:
        return (f"{p.period_start}至{p.period_end}期间逾期答复{facts['overdue_count']}件"
                f"（限度{THRESHOLDS.overdue_replies}件，{THRESHOLDS.clause}）")
    return p.ground.zh if p.ground else ""


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
    if ctx.exists(m.AccountabilityRecord, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该问责记录已存在", "This record already exists", field="entity_id")
    facts = ground_facts(ctx, p)
    ctx.check(state=None, parties=ctx.parties(), facts=facts)
    ruling_id = p.ruling_id
    if p.ground is GroundKind.ORDER_OVERDUE and ruling_id is None:
        order = ctx.session.get(m.RulingOrder, p.ground_id)
        ruling_id = order.ruling_id if order else None
    rec = m.AccountabilityRecord(
        id=ctx.mutation.entity_id,
        number=ctx.next_number(DocumentKind.NOTICE),
        department_id=p.department_id,
        commissioner_id=p.commissioner_id,
        ruling_id=ruling_id,
        violation=p.violation,
        measure=p.measure.value,
        report_requirement=p.report_requirement,
        rectification_days=p.rectification_days,
        state=AccountabilityState.NOTIFIED.value,
        created_on=ctx.today,
        ground_kind=p.ground.value if p.ground else GroundKind.LEGACY.value,
        ground_id=p.ground_id,
        ground_note=_ground_note(p, facts),
        period_start=p.period_start,
        period_end=p.period_end,
    )
    rec.fingerprint = sha256_hex(canonical_json(notice_record(rec)))
    ctx.touch(rec)


def record_received(ctx: Context, rec: m.AccountabilityRecord, on: dt.date) -> None:
    """The notice reached the department: its defence period (申辩) starts there."""
    if rec.received_on is not None:
        return
    rec.received_on = on
    due = ctx.due(DeadlineKind.DEFENCE, on)
    rec.defence_due, rec.defence_due_uncertain = due.due, due.uncertain
    ctx.touch(rec)


def _hearing_facts(ctx: Context, rec: m.AccountabilityRecord) -> dict[str, Any]:
    return {**ctx.payload.model_dump(), "state": rec.state, "today": ctx.today, "defence_due": rec.defence_due}


@handles("accountability.defend")
def defend(ctx: Context) -> None:
    rec = ctx.get(m.AccountabilityRecord, ctx.mutation.entity_id)
    # answering the notice shows it was received, at the latest today
    ctx.check(state=rec.state, parties=ctx.parties(addressee=rec.department_id), facts=_hearing_facts(ctx, rec))
    record_received(ctx, rec, ctx.today)
    rec.state = AccountabilityState.DEFENDED.value
    rec.defence = cast(mu.AccountabilityDefend, ctx.payload).defence
    rec.defended_on = ctx.today
    ctx.touch(rec)


def _decide(ctx: Context, decision: BureauDecision, reason: str) -> m.AccountabilityRecord:
    rec = ctx.get(m.AccountabilityRecord, ctx.mutation.entity_id)
    facts = _hearing_facts(ctx, rec)
    ctx.check(state=rec.state, parties=ctx.parties(addressee=rec.department_id), facts=facts)
    assert ctx.transition.target is not None
    rec.state = ctx.transition.target
    rec.decision = decision.value
    rec.decision_reason = reason
    rec.decided_on = ctx.today
    ctx.touch(rec)
    return rec



def _start_rectification(ctx: Context, rec: m.AccountabilityRecord) -> None:
    if rec.rectification_days:
        rec.rectification_due, rec.due_uncertain = ctx.add_workdays(ctx.today, rec.rectification_days)


@handles("accountability.uphold")
def uphold(ctx: Context) -> None:
    rec = _decide(ctx, BureauDecision.UPHELD, cast(mu.ReasonPayload, ctx.payload).reason)
    _start_rectification(ctx, rec)


@handles("accountability.change")
def change(ctx: Context) -> None:
    p = cast(mu.AccountabilityChange, ctx.payload)
    rec = _decide(ctx, BureauDecision.CHANGED, p.reason)
    rec.original_measure = rec.measure
    rec.measure = p.measure.value
    rec.rectification_days = p.rectification_days
    _start_rectification(ctx, rec)


@handles("accountability.withdraw")
def withdraw(ctx: Context) -> None:
    rec = _decide(ctx, BureauDecision.WITHDRAWN, cast(mu.ReasonPayload, ctx.payload).reason)
    rec.closed_on = ctx.today


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
