"""Fill the document views from the store: ruling, accountability notice and sharing reply, found by number."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from cdo_desktop.domain.canonical import canonical_json
from cdo_desktop.domain.enums import (
    Decision,
    DisputeKind,
    Measure,
    RequestState,
    Role,
    ShareMethod,
    ShareType,
)
from cdo_desktop.domain.errors import InvalidState, NotFound
from cdo_desktop.reports import page
from cdo_desktop.reports.views import (
    ISSUER,
    EventView,
    NoticeView,
    OrderView,
    PartyView,
    ReplyView,
    RulingView,
)
from cdo_desktop.services.accountability import notice_record
from cdo_desktop.services.disputes import ruling_record
from cdo_desktop.store import models as m

CHINA = ZoneInfo("Asia/Shanghai")
DECISION_TEXT = {
    Decision.UPHELD.value: "支持申请人的仲裁请求",
    Decision.PARTLY.value: "部分支持申请人的仲裁请求",
    Decision.DISMISSED.value: "驳回申请人的仲裁请求",
}
ANSWERED = (RequestState.APPROVED, RequestState.PARTLY_APPROVED, RequestState.REFUSED)


def plain(record: dict[str, Any]) -> dict[str, Any]:
    """The record as plain JSON values (ids and dates as text): the form views carry and snapshots embed."""
    return json.loads(canonical_json(record))  # type: ignore[no-any-return]


def reply_record(req: m.SharingRequest) -> dict[str, Any]:
    """The canonical record a sharing reply's fingerprint covers (what the printed reply says)."""
    return {
        "id": req.id,
        "number": req.number,
        "requester_department_id": req.requester_department_id,
        "provider_department_id": req.provider_department_id,
        "resource_id": req.resource_id,
        "items": list(req.items),
        "granted_items": list(req.granted_items),
        "purpose": req.purpose,
        "legal_basis": req.legal_basis,
        "usage_method": req.usage_method,
        "period_start": req.period_start,
        "period_end": req.period_end,
        "reason": req.reason,
        "submitted_on": req.submitted_on,
        "answered_on": req.answered_on,
    }


def _not_found(what: str, number: str) -> NotFound:
    return NotFound("document_not_found", f"找不到{what}“{number}”", f"No {what} numbered {number!r}", field="number")


def department_name(session: Session, dept_id: uuid.UUID | str | None) -> str:
    if dept_id is None:
        return ""
    dept = session.get(m.Department, uuid.UUID(str(dept_id)))
    return dept.name if dept else str(dept_id)


def bureau_name(session: Session) -> str:
    bureau = session.exec(select(m.Department).where(m.Department.is_bureau == True)).first()  # noqa: E712
    return bureau.name if bureau else ISSUER


def commissioners_on(session: Session, dept_id: uuid.UUID, day: dt.date) -> tuple[str, ...]:
    """The department's serving commissioners and CDO on ``day`` (who was responsible when)."""
    rows = session.exec(
        select(m.Commissioner)
        .where(m.Commissioner.department_id == dept_id)
        .where(m.Commissioner.role.in_([Role.COMMISSIONER.value, Role.CDO.value]))  # type: ignore[attr-defined]
        .where(m.Commissioner.appointed_on <= day)
        .order_by(m.Commissioner.appointed_on, m.Commissioner.name)
    ).all()
    return tuple(r.name for r in rows if r.ended_on is None or r.ended_on > day)


def _by_number(session: Session, model: type[Any], number: str, what: str, *, draft: bool = False) -> Any:
    """``draft``: also find a desktop's provisional number (``佛数裁〔2026〕待定-1a2b3c``) — only the draft shown
    before issuing may carry one; a printed document always has the bureau's final number."""
    from cdo_desktop.domain.numbering import DocumentNumber
    from cdo_desktop.services.context import is_provisional

    if not (draft and is_provisional(number)):
        try:
            number = str(DocumentNumber.parse(number))
        except ValueError:
            raise _not_found(what, number) from None
    row = session.exec(select(model).where(model.number == number)).first()
    if row is None:
        raise _not_found(what, number)
    return row


def _origin(session: Session, dispute: m.Dispute) -> str:
    if dispute.request_id is not None:
        req = session.get(m.SharingRequest, dispute.request_id)
        if req is None:
            return ""
        res = session.get(m.DataResource, req.resource_id)
        share = ShareType(res.share_type).zh if res else ""
        text = (
            f"本争议源于共享申请{req.number}：{department_name(session, req.requester_department_id)}于"
            f"{page.cn_date(req.submitted_on or req.created_on)}申请共享{department_name(session, req.provider_department_id)}"
            f"的“{res.name if res else ''}”数据资源（资源代码：{res.code if res else ''}，{share}）"
        )
        if req.answered_on is not None:
            text += f"，提供部门于{page.cn_date(req.answered_on)}答复“{RequestState(req.state).zh}”"
            text += f"，理由为：{req.reason.rstrip('。')}。" if req.reason else "。"
        elif req.reply_due is not None:
            text += f"，答复期限为{page.cn_date(req.reply_due)}，提供部门至争议提出时未予答复。"
        else:
            text += "。"
        return text
    if dispute.objection_id is not None:
        obj = session.get(m.QualityObjection, dispute.objection_id)
        if obj is None:
            return ""
        res = session.get(m.DataResource, obj.resource_id)
        return (
            f"本争议源于数据异议{obj.number}：{department_name(session, obj.raiser_department_id)}于"
            f"{page.cn_date(obj.raised_on)}对{department_name(session, obj.owner_department_id)}的"
            f"“{res.name if res else ''}”数据提出异议：{obj.description.rstrip('。')}。"
        )
    return ""


_EVENT_TEXT = {
    "dispute.file": "{dept}提出仲裁申请",
    "dispute.answer": "{dept}提交书面陈述",
    "dispute.add_evidence": "{dept}提交证据材料“{file}”",
    "dispute.negotiate": "双方进行协商，未能达成一致",
    "dispute.accept": "本局受理仲裁申请",
    "dispute.schedule_hearing": "本局组织听证{place}",
}


def _course(session: Session, dispute: m.Dispute, until: dt.date) -> tuple[EventView, ...]:
    events = session.exec(select(m.DisputeEvent).where(m.DisputeEvent.dispute_id == dispute.id)).all()
    lines: list[tuple[dt.datetime, str, EventView]] = []
    for event in events:
        template = _EVENT_TEXT.get(event.action)
        if template is None or event.at is None:
            continue
        at = event.at if event.at.tzinfo else event.at.replace(tzinfo=dt.UTC)
        day = at.astimezone(CHINA).date()
        if day > until:
            continue
        place = dispute.hearing_place or event.note
        text = template.format(
            dept=department_name(session, event.department_id),
            file=event.note.split(" sha256:")[0],
            place=f"（地点：{place}）" if place else "",
        )
        if event.action == "dispute.schedule_hearing" and dispute.hearing_on:
            day = dispute.hearing_on
        lines.append((at, str(event.id), EventView(day, text)))
    return tuple(view for _, _, view in sorted(lines, key=lambda t: (t[2].on, t[0], t[1])))


def ruling_view(session: Session, number: str, *, draft: bool = False) -> RulingView:
    """The ruling numbered ``number`` (e.g. ``佛数裁〔2026〕12号``) as printed."""
    ruling: m.Ruling = _by_number(session, m.Ruling, number, "裁决书", draft=draft)
    orders = list(session.exec(select(m.RulingOrder).where(m.RulingOrder.ruling_id == ruling.id)).all())
    orders.sort(key=lambda o: o.position)
    dispute = session.get(m.Dispute, ruling.dispute_id)
    if dispute is None:
        raise _not_found("争议", str(ruling.dispute_id))
    filed = dispute.filed_on
    arbitrators = []
    for arbitrator_id in ruling.arbitrator_ids:
        person = session.get(m.Commissioner, uuid.UUID(str(arbitrator_id)))
        arbitrators.append(person.name if person else str(arbitrator_id))
    return RulingView(
        kind="ruling",
        number=ruling.number,
        record_id=str(ruling.id),
        record=plain(ruling_record(ruling, orders)),
        issuer=bureau_name(session),
        issued_on=ruling.issued_on,
        dispute_number=dispute.number,
        dispute_kind=DisputeKind(dispute.kind).zh,
        claimant=PartyView("申请人", department_name(session, dispute.claimant_department_id),
                           commissioners_on(session, dispute.claimant_department_id, filed)),
        respondent=PartyView("被申请人", department_name(session, dispute.respondent_department_id),
                             commissioners_on(session, dispute.respondent_department_id, filed)),
        origin=_origin(session, dispute),
        course=_course(session, dispute, ruling.issued_on),
        claim=dispute.claimant_statement,
        defence=dispute.respondent_statement,
        findings=tuple(ruling.findings),
        reasoning=ruling.reasoning,
        rules=tuple(ruling.rules_relied_on),
        decision=DECISION_TEXT.get(ruling.decision, Decision(ruling.decision).zh),
        orders=tuple(
            OrderView(o.position, department_name(session, o.addressee_department_id), o.action, o.deadline_days,
                      o.due_on, o.due_uncertain)
            for o in orders
        ),
        arbitrators=tuple(arbitrators),
        cc=tuple(ruling.cc),
    )


def notice_view(session: Session, number: str, *, draft: bool = False) -> NoticeView:
    """The accountability notice numbered ``number`` (e.g. ``佛数问〔2026〕3号``) as printed."""
    rec: m.AccountabilityRecord = _by_number(session, m.AccountabilityRecord, number, "问责通知书", draft=draft)
    basis = ""
    cc: list[str] = []
    if rec.ruling_id is not None:
        ruling = session.get(m.Ruling, rec.ruling_id)
        if ruling is not None:
            decision = DECISION_TEXT.get(ruling.decision, "")
            basis = f"本局{page.cn_date(ruling.issued_on)}作出的裁决书{ruling.number}（{decision}）"
            dispute = session.get(m.Dispute, ruling.dispute_id)
            if dispute is not None:
                cc = [department_name(session, d) for d in (dispute.claimant_department_id,
                                                            dispute.respondent_department_id)
                      if d != rec.department_id]
    person = session.get(m.Commissioner, rec.commissioner_id) if rec.commissioner_id else None
    return NoticeView(
        kind="notice",
        number=rec.number,
        record_id=str(rec.id),
        record=plain(notice_record(rec)),
        issuer=bureau_name(session),
        issued_on=rec.created_on,
        addressee=department_name(session, rec.department_id),
        commissioner=person.name if person else "",
        violation=rec.violation,
        basis=basis,
        measure=Measure(rec.measure).zh,
        rectification_days=rec.rectification_days,
        rectification_due=rec.rectification_due,
        due_uncertain=rec.due_uncertain,
        report_requirement=rec.report_requirement,
        cc=tuple(cc),
    )


def reply_view(session: Session, number: str, *, draft: bool = False) -> ReplyView:
    """The provider's reply to the sharing request numbered ``number`` (e.g. ``佛数享〔2026〕3号``)."""
    req: m.SharingRequest = _by_number(session, m.SharingRequest, number, "共享申请", draft=draft)
    if req.answered_on is None:
        raise InvalidState("not_answered", f"共享申请{req.number}尚未答复", f"Request {req.number} has no reply yet",
                           field="number")
    res = session.get(m.DataResource, req.resource_id)
    if req.state in {s.value for s in ANSWERED}:
        state = req.state
    elif not req.granted_items:
        state = RequestState.REFUSED.value
    else:
        state = (RequestState.APPROVED if set(req.granted_items) >= set(req.items) else RequestState.PARTLY_APPROVED).value
    basis_parts = [p for p in (
        res.legal_basis if res else "",
        f"资源目录登记的共享条件：{res.share_conditions}" if res and res.share_conditions else "",
        f"申请所附依据：{req.legal_basis}" if req.legal_basis else "",
    ) if p]
    return ReplyView(
        kind="reply",
        number=req.number,
        record_id=str(req.id),
        record=plain(reply_record(req)),
        issuer=department_name(session, req.provider_department_id),
        issued_on=req.answered_on,
        requester=department_name(session, req.requester_department_id),
        provider=department_name(session, req.provider_department_id),
        request_number=req.number,
        submitted_on=req.submitted_on or req.created_on,
        resource=res.name if res else "",
        resource_code=res.code if res else "",
        share_type=ShareType(res.share_type).zh if res else "",
        outcome={"approved": "同意共享", "partly_approved": "部分同意共享"}.get(state, "不予共享"),
        state=state,
        items_asked=tuple(req.items),
        items_granted=tuple(req.granted_items),
        reason=req.reason,
        basis="；".join(p.rstrip("。；") for p in basis_parts),
        purpose=req.purpose,
        usage_method=ShareMethod(req.usage_method).zh,
        period_start=req.period_start,
        period_end=req.period_end,
        reply_due=req.reply_due,
    )
