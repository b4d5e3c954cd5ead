"""Disputes and rulings: filing, statements, evidence, acceptance, hearing, ruling with orders, compliance."""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlmodel import select

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.actor import derived_id
from cdo_desktop.domain.canonical import canonical_json, sha256_hex
from cdo_desktop.domain.enums import DisputeState, DocumentKind, OrderState, Role
from cdo_desktop.domain.errors import Conflict, GuardFailed
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


def _origin_parties(ctx: Context, p: mu.DisputeFile) -> list[uuid.UUID] | None:
    if p.request_id is not None:
        req = ctx.get(m.SharingRequest, p.request_id, field="request_id")
        return [req.requester_department_id, req.provider_department_id]
    if p.objection_id is not None:
        obj = ctx.get(m.QualityObjection, p.objection_id, field="objection_id")
        return [obj.raiser_department_id, obj.owner_department_id]
    return None


@handles("dispute.file")
def file_dispute(ctx: Context) -> None:
    p = cast(mu.DisputeFile, ctx.payload)
    ctx.department(p.claimant_department_id, field="claimant_department_id")
    ctx.department(p.respondent_department_id, field="respondent_department_id")
    if ctx.session.get(m.Dispute, ctx.mutation.entity_id) is not None:
        raise Conflict("id_taken", "该争议已存在", "This dispute already exists", field="entity_id")
    facts = {**p.model_dump(), "origin_parties": _origin_parties(ctx, p)}
    ctx.check(state=None, parties=ctx.parties(claimant=p.claimant_department_id), facts=facts)
    due = ctx.due(DeadlineKind.DISPUTE_ACCEPTANCE, ctx.today)
    dispute = m.Dispute(
        id=ctx.mutation.entity_id,
        number=ctx.next_number(DocumentKind.DISPUTE),
        claimant_department_id=p.claimant_department_id,
        respondent_department_id=p.respondent_department_id,
        kind=p.kind.value,
        request_id=p.request_id,
        objection_id=p.objection_id,
        claimant_statement=p.statement,
        state=DisputeState.FILED.value,
        filed_on=ctx.today,
        acceptance_due=due.due,
        due_uncertain=due.uncertain,
    )
    ctx.touch(dispute)
    ctx.session.flush()
    ctx.event(dispute.id, ctx.mutation.kind, p.statement[:200])


def _dispute(ctx: Context, **extra: Any) -> m.Dispute:
    dispute = ctx.get(m.Dispute, ctx.mutation.entity_id)
    parties = ctx.parties(claimant=dispute.claimant_department_id, respondent=dispute.respondent_department_id)
    facts = {
        "claimant_department_id": dispute.claimant_department_id,
        "respondent_department_id": dispute.respondent_department_id,
        **ctx.payload.model_dump(),
        **extra,
    }
    ctx.check(state=dispute.state, parties=parties, facts=facts)
    if ctx.transition.target is not None:
        dispute.state = ctx.transition.target
    ctx.touch(dispute)
    return dispute


@handles("dispute.answer")
def answer(ctx: Context) -> None:
    p = cast(mu.DisputeStatement, ctx.payload)
    dispute = _dispute(ctx)
    if ctx.actor.department_id == dispute.respondent_department_id:
        dispute.respondent_statement = p.statement
    else:
        dispute.claimant_statement = p.statement
    ctx.event(dispute.id, ctx.mutation.kind, p.statement[:200])


@handles("dispute.add_evidence")
def add_evidence(ctx: Context) -> None:
    p = cast(mu.EvidenceAdd, ctx.payload)
    dispute = _dispute(ctx)
    if ctx.session.get(m.Evidence, p.evidence_id) is not None:
        raise Conflict("id_taken", "该证据已存在", "This evidence already exists", field="evidence_id")
    ctx.touch(
        m.Evidence(
            id=p.evidence_id,
            dispute_id=dispute.id,
            department_id=ctx.actor.department_id,
            filename=p.filename,
            sha256=p.sha256,
            size=p.size,
            media_type=p.media_type,
            added_on=ctx.today,
        )
    )
    if ctx.session.get(m.Blob, p.sha256) is None:
        ctx.session.add(m.Blob(sha256=p.sha256, size=p.size, media_type=p.media_type, created_at=ctx.now))
    ctx.event(dispute.id, ctx.mutation.kind, f"{p.filename} sha256:{p.sha256}")


@handles("dispute.negotiate")
def negotiate(ctx: Context) -> None:
    dispute = _dispute(ctx)
    ctx.event(dispute.id, ctx.mutation.kind)


@handles("dispute.accept")
def accept(ctx: Context) -> None:
    dispute = _dispute(ctx)
    dispute.accepted_on = ctx.today
    due = ctx.due(DeadlineKind.RULING, ctx.today)
    dispute.ruling_due = due.due
    dispute.due_uncertain = due.uncertain
    ctx.event(dispute.id, ctx.mutation.kind)


@handles("dispute.decline")
def decline(ctx: Context) -> None:
    dispute = _dispute(ctx)
    dispute.reason = cast(mu.ReasonPayload, ctx.payload).reason
    dispute.closed_on = ctx.today
    ctx.event(dispute.id, ctx.mutation.kind, dispute.reason[:200])


@handles("dispute.schedule_hearing")
def schedule_hearing(ctx: Context) -> None:
    p = cast(mu.HearingSchedule, ctx.payload)
    if p.hearing_on is not None and p.hearing_on < ctx.today:
        raise GuardFailed("hearing_past", "听证日期不能早于今天", "The hearing date is in the past", field="hearing_on")
    dispute = _dispute(ctx)
    dispute.hearing_on = p.hearing_on or ctx.today
    dispute.hearing_place = p.place
    ctx.event(dispute.id, ctx.mutation.kind, p.place)


def ruling_record(ruling: m.Ruling, orders: list[m.RulingOrder]) -> dict[str, Any]:
    """The canonical record a ruling's fingerprint covers (what the printed document says)."""
    return {
        "id": ruling.id,
        "number": ruling.number,
        "dispute_id": ruling.dispute_id,
        "arbitrator_ids": list(ruling.arbitrator_ids),
        "findings": list(ruling.findings),
        "reasoning": ruling.reasoning,
        "rules_relied_on": list(ruling.rules_relied_on),
        "decision": ruling.decision,
        "cc": list(ruling.cc),
        "issued_on": ruling.issued_on,
        "orders": [
            {
                "position": o.position,
                "addressee_department_id": o.addressee_department_id,
                "action": o.action,
                "deadline_days": o.deadline_days,
                "due_on": o.due_on,
            }
            for o in sorted(orders, key=lambda o: o.position)
        ],
    }


@handles("dispute.rule")
def rule(ctx: Context) -> None:
    p = cast(mu.RulingIssue, ctx.payload)
    for position, arbitrator_id in enumerate(p.arbitrator_ids):
        person = ctx.get(m.Commissioner, arbitrator_id, field=f"arbitrator_ids.{position}")
        if person.role != Role.ARBITRATOR.value or person.ended_on is not None:
            raise GuardFailed(
                "not_arbitrator",
                f"{person.name}不是在任仲裁员",
                f"{person.name} is not a serving arbitrator",
                field=f"arbitrator_ids.{position}",
            )
    if ctx.session.get(m.Ruling, p.ruling_id) is not None:
        raise Conflict("id_taken", "该裁决已存在", "This ruling already exists", field="ruling_id")
    dispute = _dispute(ctx, orders=[o.model_dump() for o in p.orders], decision=p.decision.value)
    ruling = m.Ruling(
        id=p.ruling_id,
        dispute_id=dispute.id,
        number=ctx.next_number(DocumentKind.RULING),
        arbitrator_ids=[str(a) for a in p.arbitrator_ids],
        findings=[f for f in p.findings if f.strip()],
        reasoning=p.reasoning,
        rules_relied_on=list(p.rules_relied_on),
        decision=p.decision.value,
        cc=list(p.cc),
        issued_on=ctx.today,
    )
    ctx.touch(ruling)
    ctx.session.flush()
    orders = []
    for position, o in enumerate(p.orders, start=1):
        due, uncertain = ctx.add_workdays(ctx.today, o.deadline_days)
        order = m.RulingOrder(
            id=derived_id(p.ruling_id, "order", position),
            ruling_id=ruling.id,
            position=position,
            addressee_department_id=o.addressee_department_id,
            action=o.action,
            deadline_days=o.deadline_days,
            due_on=due,
            due_uncertain=uncertain,
            state=OrderState.OPEN.value,
        )
        ctx.touch(order)
        orders.append(order)
    ruling.fingerprint = sha256_hex(canonical_json(ruling_record(ruling, orders)))
    dispute.ruled_on = ctx.today
    ctx.event(dispute.id, ctx.mutation.kind, ruling.number)


@handles("dispute.comply")
def comply(ctx: Context) -> None:
    dispute_id = ctx.mutation.entity_id
    ruling = ctx.session.exec(select(m.Ruling).where(m.Ruling.dispute_id == dispute_id)).first()
    states = (
        [o.state for o in ctx.session.exec(select(m.RulingOrder).where(m.RulingOrder.ruling_id == ruling.id))]
        if ruling
        else []
    )
    dispute = _dispute(ctx, order_states=states)
    dispute.closed_on = ctx.today
    ctx.event(dispute.id, ctx.mutation.kind)


@handles("dispute.escalate")
def escalate(ctx: Context) -> None:
    dispute = _dispute(ctx)
    dispute.reason = cast(mu.ReasonPayload, ctx.payload).reason
    ctx.event(dispute.id, ctx.mutation.kind, dispute.reason[:200])


@handles("dispute.archive")
def archive(ctx: Context) -> None:
    dispute = _dispute(ctx)
    ctx.event(dispute.id, ctx.mutation.kind)


def _order(ctx: Context) -> m.RulingOrder:
    order = ctx.get(m.RulingOrder, ctx.mutation.entity_id)
    ctx.check(
        state=order.state,
        parties=ctx.parties(addressee=order.addressee_department_id),
        facts=ctx.payload.model_dump(),
    )
    if ctx.transition.target is not None:
        order.state = ctx.transition.target
    ctx.touch(order)
    return order


@handles("order.report")
def report_order(ctx: Context) -> None:
    order = _order(ctx)
    order.report = cast(mu.OrderReport, ctx.payload).report
    order.reported_on = ctx.today


@handles("order.confirm")
def confirm_order(ctx: Context) -> None:
    order = _order(ctx)
    order.complied_on = ctx.today


@handles("order.reopen")
def reopen_order(ctx: Context) -> None:
    order = _order(ctx)
    order.report = cast(mu.ReasonPayload, ctx.payload).reason
    order.reported_on = None
