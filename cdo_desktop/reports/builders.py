"""Fill the document views from the store: ruling, accountability notice and sharing reply, found by number."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from cdo_desktop.domain.canonical import canonical_json
from cdo_desktop.domain.enums import (
    ClaimDecision,
    ClaimKind,
    Decision,
    DisputeKind,
    GroundKind,
    Measure,
    MisuseKind,
    RequestState,
    Role,
    ShareMethod,
    ShareType,
)
from cdo_desktop.domain.errors import InvalidState, NotFound
from cdo_desktop.domain.fingerprinted import (
    certificate_record,
    notice_record,
    registration_state,
    ruling_record,
)
from cdo_desktop.domain.numbering import DocumentNumber, is_provisional
from cdo_desktop.domain.policy import DeadlineKind, Policy
from cdo_desktop.reports import page
from cdo_desktop.reports.citations import article, cite
from cdo_desktop.reports.views import (
    DEFENCE_DAYS,
    ISSUER,
    CertificateView,
    ClaimView,
    EventView,
    NoticeView,
    OfficerView,
    OrderView,
    PartyView,
    ReceiptView,
    ReplyView,
    RulingView,
)
from cdo_desktop.store.records import Records

Row = Any  # a stored row read by attribute (store/records.py)

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


def reply_record(req: Row) -> dict[str, Any]:
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


PUBLIC_URL_ENV = "CDO_PUBLIC_URL"


def verify_base(records: Records) -> str:
    """The bureau's address for the verification link: the server this desktop signs in to, or on the bureau
    server its public address (``CDO_PUBLIC_URL``, set by `cdo serve --public-url`). Empty: no link is printed."""
    import os

    row = records.get("sync_state", "server_url")
    url = (row.value if row is not None else "") or os.environ.get(PUBLIC_URL_ENV, "")
    return url.strip().rstrip("/")


def _not_found(what: str, number: str) -> NotFound:
    return NotFound("document_not_found", f"找不到{what}“{number}”", f"No {what} numbered {number!r}", field="number")


def department_name(records: Records, dept_id: uuid.UUID | str | None) -> str:
    if dept_id is None:
        return ""
    dept = records.get("department", uuid.UUID(str(dept_id)))
    return dept.name if dept else str(dept_id)


def _bureau(records: Records) -> Row | None:
    return next(iter(records.find("department", is_bureau=True)), None)


def bureau_name(records: Records) -> str:
    bureau = _bureau(records)
    return bureau.name if bureau else ISSUER


ROLE_TITLE = {Role.CDO.value: "首席数据官", Role.COMMISSIONER.value: "数据专员"}


def _serving(records: Records, dept_id: uuid.UUID, day: dt.date) -> list[Row]:
    """The department's chief data officer and commissioners serving on ``day``: the CDO first, then by
    appointment and name."""
    rows = [r for r in records.find("commissioner", department_id=dept_id)
            if r.role in (Role.COMMISSIONER.value, Role.CDO.value) and r.appointed_on <= day
            and (r.ended_on is None or r.ended_on > day)]
    rows.sort(key=lambda r: (r.role != Role.CDO.value, r.appointed_on, r.name))
    return rows


def officers_on(records: Records, dept_id: uuid.UUID, day: dt.date) -> tuple[OfficerView, ...]:
    """The department's chief data officer and commissioners serving on ``day``, each by the role really held
    (the CDO first)."""
    return tuple(OfficerView(ROLE_TITLE[r.role], r.name, r.phone) for r in _serving(records, dept_id, day))


def bureau_contact(records: Records, person_id: uuid.UUID | str | None = None) -> str:
    """Who at the bureau answers questions about a document: the named person if given, else the first serving
    arbitrator or administrator with a telephone number."""
    person = records.get("commissioner", uuid.UUID(str(person_id))) if person_id else None
    if person is None or not person.phone:
        bureau = _bureau(records)
        if bureau is None:
            return ""
        rows = sorted(records.find("commissioner", department_id=bureau.id), key=lambda r: (r.appointed_on, r.name))
        person = next((r for r in rows if r.phone and r.ended_on is None), None)
    if person is None:
        return ""
    return f"{person.name}，电话{person.phone}" + (f"，电子邮箱{person.email}" if person.email else "")


def provider_contact(records: Records, dept_id: uuid.UUID, day: dt.date) -> str:
    people = [o for o in officers_on(records, dept_id, day) if o.role == "数据专员" and o.phone]
    return f"{people[0].name}（数据专员），电话{people[0].phone}" if people else ""
def _hearing_fields(records: Records, rec: Row) -> dict[str, Any]:
    """A notice issued on a ground states the ground and the defence period with its source."""
    if rec.ground_kind == GroundKind.LEGACY.value:
        return {}
    deadline = _policy(records).deadlines[DeadlineKind.DEFENCE]
    ground = GroundKind(rec.ground_kind).zh + (f"（{rec.ground_note}）" if rec.ground_note and
                                               rec.ground_note != GroundKind(rec.ground_kind).zh else "")
    return {"ground": ground, "defence_days": deadline.days, "defence_clause": deadline.clause}


def commissioners_on(records: Records, dept_id: uuid.UUID, day: dt.date) -> tuple[str, ...]:
    """The department's serving CDO and commissioners on ``day`` (who was responsible when), each named with the
    role they really hold: ``首席数据官：张三``, ``数据专员：李四``."""
    return tuple(f"{Role(r.role).zh}：{r.name}" for r in _serving(records, dept_id, day))


def _by_number(records: Records, table: str, number: str, what: str, *, draft: bool = False) -> Any:
    """``draft``: also find a desktop's provisional number (``佛数裁〔2026〕待定-1a2b3c``) — only the draft shown
    before issuing may carry one; a printed document always has the bureau's final number."""
    if not (draft and is_provisional(number)):
        try:
            number = str(DocumentNumber.parse(number))
        except ValueError:
            raise _not_found(what, number) from None
    rows = records.find(table, number=number)
    if not rows:
        raise _not_found(what, number)
    return rows[0]


def _origin(records: Records, dispute: Row) -> str:
    if dispute.request_id is not None:
        req = records.get("sharing_request", dispute.request_id)
        if req is None:
            return ""
        res = records.get("data_resource", req.resource_id)
        share = ShareType(res.share_type).zh if res else ""
        text = (
            f"本争议源于共享申请{req.number}：{department_name(records, req.requester_department_id)}于"
            f"{page.cn_date(req.submitted_on or req.created_on)}申请共享{department_name(records, req.provider_department_id)}"
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
        obj = records.get("quality_objection", dispute.objection_id)
        if obj is None:
            return ""
        res = records.get("data_resource", obj.resource_id)
        return (
            f"本争议源于数据异议{obj.number}：{department_name(records, obj.raiser_department_id)}于"
            f"{page.cn_date(obj.raised_on)}对{department_name(records, obj.owner_department_id)}的"
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


def _course(records: Records, dispute: Row, until: dt.date) -> tuple[EventView, ...]:
    events = records.find("dispute_event", dispute_id=dispute.id)
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
            dept=department_name(records, event.department_id),
            file=event.note.split(" sha256:")[0],
            place=f"（地点：{place}）" if place else "",
        )
        if event.action == "dispute.schedule_hearing" and dispute.hearing_on:
            day = dispute.hearing_on
        lines.append((at, str(event.id), EventView(day, text)))
    return tuple(view for _, _, view in sorted(lines, key=lambda t: (t[2].on, t[0], t[1])))


def _claims(records: Records, dispute: Row) -> tuple[ClaimView, ...]:
    rows = records.find("dispute_claim", dispute_id=dispute.id)
    return tuple(
        ClaimView(c.position, c.text, ClaimKind(c.kind).zh if c.kind in {k.value for k in ClaimKind} else "",
                  tuple(c.items), c.deadline_days, c.answer, c.answered_on,
                  ClaimDecision(c.decision).zh if c.decision else "", c.reasoning)
        for c in sorted(rows, key=lambda c: c.position)
    )


def _receipts(records: Records, subject: str, subject_id: uuid.UUID) -> tuple[ReceiptView, ...]:
    rows = records.find("receipt", subject=subject, subject_id=subject_id)
    return tuple(ReceiptView(department_name(records, r.department_id), r.received_on)
                 for r in sorted(rows, key=lambda r: (r.received_on, str(r.department_id))))


def ruling_view(records: Records, number: str, *, draft: bool = False) -> RulingView:
    """The ruling numbered ``number`` (e.g. ``佛数裁〔2026〕12号``) as printed."""
    ruling: Row = _by_number(records, "ruling", number, "裁决书", draft=draft)
    orders = records.find("ruling_order", ruling_id=ruling.id)
    orders.sort(key=lambda o: o.position)
    dispute = records.get("dispute", ruling.dispute_id)
    if dispute is None:
        raise _not_found("争议", str(ruling.dispute_id))
    filed = dispute.filed_on
    arbitrators = []
    for arbitrator_id in ruling.arbitrator_ids:
        person = records.get("commissioner", uuid.UUID(str(arbitrator_id)))
        arbitrators.append(person.name if person else str(arbitrator_id))
    return RulingView(
        kind="ruling",
        verify_base=verify_base(records),
        number=ruling.number,
        record_id=str(ruling.id),
        record=plain(ruling_record(ruling, orders)),
        issuer=bureau_name(records),
        issued_on=ruling.issued_on,
        dispute_number=dispute.number,
        dispute_kind=DisputeKind(dispute.kind).zh,
        claimant=PartyView("申请人", department_name(records, dispute.claimant_department_id),
                           officers=officers_on(records, dispute.claimant_department_id, filed)),
        respondent=PartyView("被申请人", department_name(records, dispute.respondent_department_id),
                             officers=officers_on(records, dispute.respondent_department_id, filed)),
        addressees=(department_name(records, dispute.claimant_department_id),
                    department_name(records, dispute.respondent_department_id)),
        origin=_origin(records, dispute),
        course=_course(records, dispute, ruling.issued_on),
        claim=dispute.claimant_statement,
        defence=dispute.respondent_statement,
        findings=tuple(page.cn_dates_in(f) for f in ruling.findings),
        reasoning=ruling.reasoning,
        rules=tuple(cite(r) for r in ruling.rules_relied_on),
        decision=DECISION_TEXT.get(ruling.decision, Decision(ruling.decision).zh),
        orders=tuple(
            OrderView(o.position, department_name(records, o.addressee_department_id), o.action, o.deadline_days,
                      o.due_on if (o.received_on or ruling.issuer_id is None) else None, o.due_uncertain,
                      o.received_on)
            for o in orders
        ),
        arbitrators=tuple(arbitrators),
        cc=tuple(ruling.cc),
        claims=_claims(records, dispute),
        claim_orders=tuple((o.position, o.claim_position) for o in orders if o.claim_position),
        receipts=_receipts(records, "ruling", ruling.id),
    )


def _ruling_facts(records: Records, rec: Row, ruling: Row) -> list[str]:
    facts: list[str] = []
    dispute = records.get("dispute", ruling.dispute_id)
    origin = ""
    if dispute is not None:
        claimant = department_name(records, dispute.claimant_department_id)
        origin = f"，就{claimant}与你单位之间的争议（争议编号：{dispute.number}）"
        if dispute.request_id is not None:
            req = records.get("sharing_request", dispute.request_id)
            if req is not None:
                res = records.get("data_resource", req.resource_id)
                facts.append(
                    f"{claimant}于{page.cn_date(req.submitted_on or req.created_on)}申请共享你单位"
                    f"“{res.name if res else ''}”数据资源（共享申请编号：{req.number}）"
                    + (f"，你单位于{page.cn_date(req.answered_on)}答复“{RequestState(req.state).zh}”。"
                       if req.answered_on else "。")
                )
    facts.append(f"本局于{page.cn_date(ruling.issued_on)}作出裁决书{ruling.number}{origin}"
                 f"{DECISION_TEXT.get(ruling.decision, '')}。")
    orders = records.find("ruling_order", ruling_id=ruling.id, addressee_department_id=rec.department_id)
    for order in sorted(orders, key=lambda o: o.position):
        if order.received_on and order.due_on:
            when = (f"，你单位于{page.cn_date(order.received_on)}收到，应于{page.cn_date(order.due_on)}前（含当日）履行")
            if order.state != "complied" and order.due_on < rec.created_on:
                when += f"，至{page.cn_date(rec.created_on)}仍未履行"
        elif order.due_on and ruling.issuer_id is None:
            when = f"，应于{page.cn_date(order.due_on)}前（含当日）履行"
        else:
            when = f"，应自收到裁决书之日起{order.deadline_days}个工作日内履行"
        facts.append(f"该裁决第{page.cn_number(order.position)}项责成你单位{order.action.rstrip('。')}{when}。")
    return facts


def _late_replies(records: Records, rec: Row) -> list[str]:
    """The provider's replies overdue in the record's period: number, deadline, answer date (or none yet)."""
    if rec.period_start is None or rec.period_end is None:
        return []
    rows = [r for r in records.find("sharing_request", provider_department_id=rec.department_id)
            if r.reply_due is not None and rec.period_start <= r.reply_due <= rec.period_end]
    out = []
    for req in sorted(rows, key=lambda r: (r.reply_due, r.number)):
        assert req.reply_due is not None
        if req.answered_on is not None and req.answered_on <= req.reply_due:
            continue
        answered = f"{page.cn_date(req.answered_on)}答复" if req.answered_on else "至今未答复"
        out.append(f"{req.number}（答复期限{page.cn_date(req.reply_due)}，{answered}）")
    return out


def _policy(records: Records) -> Policy:
    """The deadlines in force: the product's, with the bureau's stored values over them (as
    `services.context.load_policy`)."""
    return Policy.from_rows(records.find("policy_deadline"))


def _policy_deadline(records: Records, kind_name: str) -> str:
    deadline = _policy(records).deadlines[DeadlineKind[kind_name]]
    return f"{deadline.days}个工作日（{deadline.clause}）"


def notice_view(records: Records, number: str, *, draft: bool = False) -> NoticeView:
    """The accountability notice numbered ``number`` (e.g. ``佛数问〔2026〕3号``) as printed: the facts with their
    numbers and dates, the ground and the rule, the measure, the deadlines, the right to answer and the contact.
    Only the addressee receives it: the department that complained is not copied."""
    rec: Row = _by_number(records, "accountability_record", number, "问责通知书", draft=draft)
    facts: list[str] = []
    rule = ""
    ground = ""
    contact_person: str | None = None
    ruling_id = rec.ruling_id
    kind = rec.ground_kind
    if kind == GroundKind.ORDER_OVERDUE.value and rec.ground_id is not None:
        overdue = records.get("ruling_order", rec.ground_id)
        ruling_id = overdue.ruling_id if overdue is not None else ruling_id
    if ruling_id is not None:
        ruling = records.get("ruling", ruling_id)
        if ruling is not None:
            ground = "不履行或者未按期履行本局裁决确定的义务"
            facts += _ruling_facts(records, rec, ruling)
            cited = [cite(r) for r in ruling.rules_relied_on]
            rule = "裁决书" + ruling.number + ("及其所依据的" + "、".join(cited) if cited else "")
            contact_person = ruling.arbitrator_ids[0] if ruling.arbitrator_ids else None
    elif kind == GroundKind.MISUSE_FINDING.value and rec.ground_id is not None:
        report = records.get("misuse_report", rec.ground_id)
        if report is not None:
            req = records.get("sharing_request", report.request_id)
            what = MisuseKind(report.kind).zh if report.kind in {k.value for k in MisuseKind} else report.kind
            facts.append(f"{department_name(records, report.reporter_department_id)}于{page.cn_date(report.reported_on)}"
                         f"报告你单位{what}（违规使用报告编号：{report.number}）：{report.description.rstrip('。')}。")
            if req is not None:
                facts.append(f"你单位经共享申请{req.number}获得{department_name(records, req.provider_department_id)}"
                             f"的共享数据，申请用途为：{req.purpose.rstrip('。')}。")
            if report.found_on:
                facts.append(f"本局于{page.cn_date(report.found_on)}查实：{(report.finding or what).rstrip('。')}。")
            granted = f"共享申请{req.number}的授权" if req is not None else "共享授权"
            rule = f"{granted}所限定的使用要求（共享数据仅限用于申请用途，不得向第三方提供，授权终止后不得继续使用）"
            if report.kind in (MisuseKind.BEYOND_PURPOSE.value, MisuseKind.PASSED_ON.value):
                # 第二十五条: no use beyond scope or purpose, no passing on; 第二十七条: suspend, rectify within a
                # time limit; 第四十条: the using department's liability. Use after the grant ended is named by none
                # of them: it rests on the grant's terms alone.
                rule += f"和{article('第二十五条')}、第二十七条、第四十条的规定"
    elif kind == GroundKind.REPLIES_OVERDUE.value:
        late = _late_replies(records, rec)
        span = f"{page.cn_date(rec.period_start)}至{page.cn_date(rec.period_end)}"
        facts.append(f"{span}期间，你单位有{len(late)}件有条件共享申请未在答复期限内答复：" +
                     "；".join(late) + "。" if late else f"{span}期间，你单位多件共享申请逾期答复。")
        deadline = _policy_deadline(records, "PROVIDER_REPLY")
        rule = f"数源部门应当在{deadline}内答复有条件共享申请的规定" if deadline else "共享申请答复期限的规定"
        rule += f"和{article('第三十九条')}关于数据提供部门未按时答复的法律责任的规定"
    elif kind == GroundKind.OBJECTION_UNCORRECTED.value and rec.ground_id is not None:
        obj = records.get("quality_objection", rec.ground_id)
        if obj is not None:
            res = records.get("data_resource", obj.resource_id)
            facts.append(f"{department_name(records, obj.raiser_department_id)}于{page.cn_date(obj.raised_on)}对你单位"
                         f"“{res.name if res else ''}”数据提出异议（数据异议编号：{obj.number}）："
                         f"{obj.description.rstrip('。')}。")
            if obj.due:
                facts.append(f"你单位受理该异议后，应于{page.cn_date(obj.due)}前（含当日）核实更正，"
                             f"至{page.cn_date(rec.created_on)}仍未更正。")
            deadline = _policy_deadline(records, "OBJECTION_VERIFICATION")
            rule = f"数据异议应当在{deadline}内核实处理的规定" if deadline else "数据异议处理期限的规定"
            rule += f"和{article('第三十九条')}关于数据提供部门未按时核实更正的法律责任的规定"
    violation = page.cn_dates_in(rec.violation.strip().rstrip("。"))
    if violation and not any(violation in fact for fact in facts):
        facts.append(f"经查，你单位存在以下问题：{violation}。")
    person = records.get("commissioner", rec.commissioner_id) if rec.commissioner_id else None
    hearing = _hearing_fields(records, rec)
    return NoticeView(
        kind="notice",
        verify_base=verify_base(records),
        number=rec.number,
        record_id=str(rec.id),
        record=plain(notice_record(rec)),
        issuer=bureau_name(records),
        issued_on=rec.created_on,
        addressee=department_name(records, rec.department_id),
        commissioner=f"{ROLE_TITLE.get(person.role, '数据专员')}{person.name}" if person else "",
        violation=rec.violation,
        basis=rule,
        measure=Measure(rec.measure).zh,
        rectification_days=rec.rectification_days,
        rectification_due=rec.rectification_due,
        due_uncertain=rec.due_uncertain,
        report_requirement=rec.report_requirement,
        cc=(),
        facts=tuple(facts),
        ground=hearing.get("ground") or ground,
        rule=rule,
        defence_days=hearing.get("defence_days") or DEFENCE_DAYS,
        defence_clause=hearing.get("defence_clause", ""),
        defence_due=getattr(rec, "defence_due", None),
        contact=bureau_contact(records, contact_person),
    )


_ANSWER_KINDS = ("request.approve", "request.approve_partly", "request.refuse")


def _answer_reasons(records: Records, req: Row) -> tuple[str, str]:
    """The reason and refusal basis the provider gave **in its answer**. A later suspension, resumption or
    revocation overwrites ``req.reason`` with its own reason, which the reply never gave: the answer is read from
    the audit log (one entry per applied change, with its payload). Without it, the stored reason only while the
    request still stands as answered."""
    answers = [e for e in records.find("audit_entry", entity_id=str(req.id)) if e.kind in _ANSWER_KINDS]
    entry = max(answers, key=lambda e: e.position, default=None)
    if entry is not None:
        try:
            payload = json.loads(entry.payload or "{}")
        except ValueError:
            payload = {}
        if isinstance(payload, dict):
            return str(payload.get("reason") or ""), str(payload.get("legal_basis") or "")
    if req.state in {s.value for s in ANSWERED}:
        return req.reason, getattr(req, "refusal_basis", "")
    return "", getattr(req, "refusal_basis", "")


def reply_view(records: Records, number: str, *, draft: bool = False) -> ReplyView:
    """The provider's reply to the sharing request numbered ``number`` (e.g. ``佛数享〔2026〕3号``)."""
    req: Row = _by_number(records, "sharing_request", number, "共享申请", draft=draft)
    if req.answered_on is None:
        raise InvalidState("not_answered", f"共享申请{req.number}尚未答复", f"Request {req.number} has no reply yet",
                           field="number")
    if not req.reply_number and req.reply_due is None and req.checked_on == req.answered_on:
        raise InvalidState(
            "no_provider_reply", f"共享申请{req.number}由政数局在合规审核中办结，没有数源部门的答复书",
            f"Request {req.number} was settled by the bureau's conformity check: the provider wrote no reply",
            field="number")
    res = records.get("data_resource", req.resource_id)
    if req.state in {s.value for s in ANSWERED}:
        state = req.state
    elif not req.granted_items:
        state = RequestState.REFUSED.value
    else:
        state = (RequestState.APPROVED if set(req.granted_items) >= set(req.items) else RequestState.PARTLY_APPROVED).value
    reason, refusal_basis = _answer_reasons(records, req)
    # Only the provider's basis: what its catalogue entry (and, where recorded, its refusal) relies on. The
    # requester's own basis belongs to the request, not to the provider's reasons.
    basis_parts = [p for p in (
        refusal_basis if state != RequestState.APPROVED.value else "",
        res.legal_basis if res else "",
        f"资源目录登记的共享条件：{res.share_conditions}" if res and res.share_conditions else "",
    ) if p]
    return ReplyView(
        kind="reply",
        verify_base=verify_base(records),
        number=req.number,
        record_id=str(req.id),
        record=plain(reply_record(req)),
        issuer=department_name(records, req.provider_department_id),
        issued_on=req.answered_on,
        requester=department_name(records, req.requester_department_id),
        provider=department_name(records, req.provider_department_id),
        request_number=req.number,
        submitted_on=req.submitted_on or req.created_on,
        resource=res.name if res else "",
        resource_code=res.code if res else "",
        share_type=ShareType(res.share_type).zh if res else "",
        outcome={"approved": "同意共享", "partly_approved": "部分同意共享"}.get(state, "不予共享"),
        state=state,
        items_asked=tuple(req.items),
        items_granted=tuple(req.granted_items),
        reason=reason,
        basis="；".join(p.rstrip("。；") for p in basis_parts),
        purpose=req.purpose,
        usage_method=ShareMethod(req.usage_method).zh,
        period_start=req.period_start,
        period_end=req.period_end,
        reply_due=req.reply_due,
        reply_number=req.reply_number,
        contact=provider_contact(records, req.provider_department_id, req.answered_on),
    )


def certificate_view(records: Records, number: str) -> CertificateView:
    """The registration certificate numbered ``number`` (e.g. ``佛数资〔2026〕3号``) as printed."""
    from cdo_desktop.domain.enums import AssetState, QualityGrade

    asset: Row = _by_number(records, "data_asset", number, "数据资产登记凭证")
    if asset.registered_on is None:
        raise InvalidState("not_registered", f"数据资产{asset.code}尚未登记", f"Asset {asset.code} is not registered",
                           field="number")
    res = records.get("data_resource", asset.resource_id)
    issued = asset.cancelled_on or asset.changed_on or asset.registered_on
    return CertificateView(
        kind="certificate",
        number=asset.number,
        record_id=str(asset.id),
        record=plain(certificate_record(asset)),
        issuer=bureau_name(records),
        issued_on=issued,
        holder=department_name(records, asset.department_id),
        asset_code=asset.code,
        asset_name=asset.name,
        resource=res.name if res else "",
        resource_code=res.code if res else "",
        source_system=res.source_system if res else "",
        scope=asset.scope,
        volume=asset.volume,
        record_count=asset.record_count,
        quality_grade=QualityGrade(asset.quality_grade).zh,
        status=AssetState(registration_state(asset)).zh,
        registered_on=asset.registered_on,
        changed_on=asset.changed_on,
        change_count=asset.change_count,
        cancelled_on=asset.cancelled_on,
        verify_base=verify_base(records),
    )
