"""Disputes and rulings: filing with numbered claims, answers to each claim, statements, evidence, withdrawal,
acceptance, hearing, a ruling that decides each claim with the orders that follow from the upheld ones, compliance."""

from __future__ import annotations

import uuid
from typing import Any, cast

from sqlmodel import select

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.actor import derived_id
from cdo_desktop.domain.canonical import canonical_json, sha256_hex
from cdo_desktop.domain.enums import (
    ClaimDecision,
    ClaimKind,
    Decision,
    DisputeState,
    DocumentKind,
    OrderState,
    Role,
)
from cdo_desktop.domain.errors import Conflict, GuardFailed
from cdo_desktop.domain.fingerprinted import ruling_record
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


CLOSED_DISPUTE = {DisputeState.DECLINED, DisputeState.WITHDRAWN, DisputeState.COMPLIED, DisputeState.ESCALATED,
                  DisputeState.ARCHIVED}
ACTION_CLAIMS = {ClaimKind.ORDER_SHARE, ClaimKind.ORDER_REPLY, ClaimKind.ORDER_CORRECTION, ClaimKind.OTHER}


def _origin_has_open_dispute(ctx: Context, p: mu.DisputeFile) -> bool:
    """One open dispute per origin: a request or objection with a dispute not yet closed cannot be disputed again."""
    query = select(m.Dispute.state)
    if p.request_id is not None:
        query = query.where(m.Dispute.request_id == p.request_id)
    elif p.objection_id is not None:
        query = query.where(m.Dispute.objection_id == p.objection_id)
    else:
        return False
    return any(DisputeState(state) not in CLOSED_DISPUTE for state in ctx.session.exec(query))


def claims_of(session: Any, dispute_id: uuid.UUID) -> list[m.DisputeClaim]:
    rows = session.exec(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == dispute_id))
    return sorted(rows, key=lambda c: c.position)


@handles("dispute.file")
def file_dispute(ctx: Context) -> None:
    p = cast(mu.DisputeFile, ctx.payload)
    ctx.department(p.claimant_department_id, field="claimant_department_id")
    ctx.department(p.respondent_department_id, field="respondent_department_id")
    if ctx.exists(m.Dispute, ctx.mutation.entity_id):
        raise Conflict("id_taken", "该争议已存在", "This dispute already exists", field="entity_id")
    facts = {
        **p.model_dump(),
        "origin_parties": _origin_parties(ctx, p),
        "origin_has_open_dispute": _origin_has_open_dispute(ctx, p),
    }
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
    for position, claim in enumerate(p.claims, start=1):
        ctx.touch(
            m.DisputeClaim(
                id=derived_id(dispute.id, "claim", position),
                dispute_id=dispute.id,
                position=position,
                kind=claim.kind.value,
                text=claim.text,
                items=list(claim.items),
                deadline_days=claim.deadline_days,
            )
        )
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


@handles("dispute.answer_claim")
def answer_claim(ctx: Context) -> None:
    """The respondent answers one numbered claim (答辩); answering again replaces its answer."""
    p = cast(mu.ClaimAnswer, ctx.payload)
    claims = claims_of(ctx.session, ctx.mutation.entity_id)
    dispute = _dispute(ctx, claim_positions=[c.position for c in claims])
    claim = next(c for c in claims if c.position == p.position)
    claim.answer = p.answer
    claim.answered_on = ctx.today
    ctx.touch(claim)
    ctx.event(dispute.id, ctx.mutation.kind, f"第{p.position}项：{p.answer[:180]}")


@handles("dispute.withdraw")
def withdraw(ctx: Context) -> None:
    """The claimant withdraws before the bureau accepts the dispute for arbitration."""
    dispute = _dispute(ctx)
    dispute.reason = cast(mu.ReasonPayload, ctx.payload).reason
    dispute.closed_on = ctx.today
    ctx.event(dispute.id, ctx.mutation.kind, dispute.reason[:200])


@handles("dispute.add_evidence")
def add_evidence(ctx: Context) -> None:
    p = cast(mu.EvidenceAdd, ctx.payload)
    dispute = _dispute(ctx)
    if ctx.exists(m.Evidence, p.evidence_id):
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
    if ctx.exists(m.Ruling, p.ruling_id):
        raise Conflict("id_taken", "该裁决已存在", "This ruling already exists", field="ruling_id")
    claims = claims_of(ctx.session, ctx.mutation.entity_id)
    decided = {d.position: d for d in p.claim_decisions}
    upheld = [c for c in claims if c.position in decided and decided[c.position].decision != ClaimDecision.DISMISSED]
    decision = _overall_decision([decided[c.position].decision for c in claims if c.position in decided])
    if not claims:
        decision = p.decision
    dispute = _dispute(
        ctx,
        orders=[o.model_dump() for o in p.orders],
        decision=decision.value if decision else None,
        issuer_id=ctx.actor.id,
        claim_positions=[c.position for c in claims],
        upheld_positions=[c.position for c in upheld],
        claim_decisions=[d.model_dump() for d in p.claim_decisions],
        needs_order=(any(ClaimKind(c.kind) in ACTION_CLAIMS for c in upheld) if claims
                     else decision is not None and decision != Decision.DISMISSED),
    )
    assert decision is not None  # NEEDS_DECISION has refused otherwise
    for claim in claims:
        claim.decision = decided[claim.position].decision.value
        claim.reasoning = decided[claim.position].reasoning
        ctx.touch(claim)
    ruling = m.Ruling(
        id=p.ruling_id,
        dispute_id=dispute.id,
        number=ctx.next_number(DocumentKind.RULING),
        arbitrator_ids=[str(a) for a in p.arbitrator_ids],
        findings=[f for f in p.findings if f.strip()],
        reasoning=p.reasoning,
        rules_relied_on=list(p.rules_relied_on),
        decision=decision.value,
        cc=list(p.cc),
        issued_on=ctx.today,
        issuer_id=ctx.actor.id,
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
            claim_position=o.claim_position,
        )
        ctx.touch(order)
        orders.append(order)
    ruling.fingerprint = sha256_hex(canonical_json(ruling_record(ruling, orders)))
    dispute.ruled_on = ctx.today
    ctx.event(dispute.id, ctx.mutation.kind, ruling.number)


def _overall_decision(decisions: list[ClaimDecision]) -> Decision | None:
    """The ruling's overall result from its claim decisions: all upheld, all dismissed, or in part."""
    if not decisions:
        return None
    if all(d is ClaimDecision.UPHELD for d in decisions):
        return Decision.UPHELD
    if all(d is ClaimDecision.DISMISSED for d in decisions):
        return Decision.DISMISSED
    return Decision.PARTLY


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
