"""Receipt (送达/签收): a department acknowledges a document or order addressed to it — on an explicit 签收, or
when its desktop first opens it after sync. Deadlines that run from receipt start on that day:

- a dispute filing received by the respondent: its answer (答辩) is due within the policy deadline;
- a ruling received by a party: each order addressed to that party counts its working days from receipt;
- an order received by its addressee: the same, for that order alone;
- an accountability notice received by its department: the defence (申辩) period starts.

A second receipt of the same thing by the same department is refused (the first one stands).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import cast

from sqlmodel import select

from cdo_desktop.domain import mutations as mu
from cdo_desktop.domain.actor import derived_id
from cdo_desktop.domain.enums import OrderState, Party, ReceiptSubject
from cdo_desktop.domain.errors import Conflict
from cdo_desktop.domain.policy import DeadlineKind
from cdo_desktop.services.accountability import record_received
from cdo_desktop.services.context import Context
from cdo_desktop.services.registry import handles
from cdo_desktop.store import models as m


def receipt_id(subject: ReceiptSubject, subject_id: uuid.UUID, department_id: uuid.UUID) -> uuid.UUID:
    """The one id a department's receipt of a thing can have (so two desktops cannot record it twice)."""
    return derived_id("receipt", subject.value, subject_id, department_id)


def _addressees(ctx: Context, subject: ReceiptSubject, subject_id: uuid.UUID) -> set[uuid.UUID]:
    if subject is ReceiptSubject.DISPUTE:
        return {ctx.get(m.Dispute, subject_id, field="subject_id").respondent_department_id}
    if subject is ReceiptSubject.RULING:
        ruling = ctx.get(m.Ruling, subject_id, field="subject_id")
        dispute = ctx.get(m.Dispute, ruling.dispute_id, field="subject_id")
        return {dispute.claimant_department_id, dispute.respondent_department_id}
    if subject is ReceiptSubject.ORDER:
        return {ctx.get(m.RulingOrder, subject_id, field="subject_id").addressee_department_id}
    return {ctx.get(m.AccountabilityRecord, subject_id, field="subject_id").department_id}


def _order_received(ctx: Context, order: m.RulingOrder, on: dt.date) -> None:
    if order.received_on is not None or order.state == OrderState.COMPLIED.value:
        return
    order.received_on = on
    order.due_on, order.due_uncertain = ctx.add_workdays(on, order.deadline_days)
    ctx.touch(order)


@handles("receipt.sign")
def sign(ctx: Context) -> None:
    p = cast(mu.ReceiptSign, ctx.payload)
    dept = ctx.actor.department_id
    addressees = _addressees(ctx, p.subject, p.subject_id)
    parties = ctx.parties()
    if dept in addressees:
        parties.add(Party.ADDRESSEE)
    ctx.check(state=None, parties=parties, facts=p.model_dump())
    rid = receipt_id(p.subject, p.subject_id, dept)
    if ctx.exists(m.Receipt, rid):
        raise Conflict("already_received", "已签收，签收日期不变", "Already received; the first receipt stands")
    today = ctx.today
    ctx.touch(m.Receipt(id=rid, subject=p.subject.value, subject_id=p.subject_id, department_id=dept,
                        commissioner_id=ctx.actor.id, received_on=today, via=p.via.value))
    if p.subject is ReceiptSubject.DISPUTE:
        dispute = ctx.get(m.Dispute, p.subject_id, field="subject_id")
        due = ctx.due(DeadlineKind.DISPUTE_ANSWER, today)
        dispute.answer_due, dispute.answer_due_uncertain = due.due, due.uncertain
        ctx.touch(dispute)
    elif p.subject is ReceiptSubject.RULING:
        orders = ctx.session.exec(select(m.RulingOrder).where(m.RulingOrder.ruling_id == p.subject_id))
        for order in orders:
            if order.addressee_department_id == dept:
                _order_received(ctx, order, today)
    elif p.subject is ReceiptSubject.ORDER:
        order = ctx.get(m.RulingOrder, p.subject_id, field="subject_id")
        _order_received(ctx, order, today)
    else:
        record_received(ctx, ctx.get(m.AccountabilityRecord, p.subject_id, field="subject_id"), today)

