"""The arbitration ruling (裁决书): parties, origin, course, findings, reasoning, decision, orders, remedies."""

from __future__ import annotations

import datetime as dt
import re

from cdo_desktop.domain.enums import DisputeKind, RequestState, ShareType
from cdo_desktop.reports import page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.views import ESCALATION_DAYS, ClaimView, OrderView, PartyView, RulingView

TITLE = "佛山市政务数据共享争议裁决书"
UNCERTAIN_NOTE = "（该年度节假日安排尚未公布，日期按双休日推算）"


def party_text(party: PartyView) -> str:
    """申请人：佛山市公安局。首席数据官：张三；数据专员：李四。 — each person by the role really held."""
    text = f"{party.role}：{party.department}。"
    if party.officers:
        by_role: dict[str, list[str]] = {}
        for officer in party.officers:
            by_role.setdefault(officer.role, []).append(officer.name)
        text += "；".join(f"{role}：{'、'.join(names)}" for role, names in by_role.items()) + "。"
    elif party.commissioners:  # a snapshot from before roles were printed
        text += f"数据工作负责人：{'、'.join(party.commissioners)}。"
    return text


def claim_text(claim: ClaimView) -> str:
    """请求 with its kind, the data items and the period it asks for, ending with a full stop."""
    text = claim.text.strip().rstrip("。；")
    extras = []  # what the claim's own words do not already say
    if claim.items and not all(item in text for item in claim.items):
        extras.append(f"涉及数据项：{'、'.join(claim.items)}")
    if claim.deadline_days and f"{claim.deadline_days}个工作日" not in text:
        extras.append(f"请求期限：{claim.deadline_days}个工作日")
    return text + (f"（{'；'.join(extras)}）" if extras else "") + "。"


def order_text(order: OrderView) -> str:
    """An order with its deadline counted from the addressee's receipt: "于…前（含当日）" once received."""
    action = order.action.rstrip("。")
    span = f"自收到本裁决书之日起{order.deadline_days}个工作日内"
    if order.received_on is not None and order.due_on is not None:
        note = UNCERTAIN_NOTE if order.due_uncertain else ""
        return (f"{order.addressee}应当于{page.cn_date(order.due_on)}前（含当日）{action}"
                f"（{span}，于{page.cn_date(order.received_on)}收到）。{note}")
    if order.due_on is not None:  # a ruling issued before deadlines ran from receipt: counted from its date
        note = UNCERTAIN_NOTE if order.due_uncertain else ""
        return (f"{order.addressee}应当自本裁决书作出之日起{order.deadline_days}个工作日内，"
                f"即于{page.cn_date(order.due_on)}前（含当日），{action}。{note}")
    return f"{order.addressee}应当{span}{action}，期限届满之日以送达后确定的日期为准（含当日）。"


def build_story(view: RulingView) -> Story:
    story = Story()
    story.text("title", TITLE, page.TITLE)
    story.text("number", view.number, page.NUMBER)
    if view.addressees:
        story.addressee("addressees", "、".join(a for a in view.addressees if a))
    story.text("claimant", party_text(view.claimant), page.BODY)
    story.text("respondent", party_text(view.respondent), page.BODY)
    kind = view.dispute_kind or "数据共享"
    dispute = f"（争议编号：{view.dispute_number}）" if view.dispute_number else ""
    story.text(
        "preamble",
        f"申请人与被申请人因{kind}发生争议{dispute}，申请人向本局申请仲裁。"
        "本局依照政务数据共享争议处理的有关规定进行了审理，现已审理终结。",
    )
    section = 0

    def heading(text: str) -> None:
        nonlocal section
        section += 1
        story.heading("heading", 1, section, text)

    if view.origin:
        heading("争议由来")
        story.text("origin", page.cn_dates_in(view.origin))
    if view.course:
        heading("审理经过")
        for event in view.course:
            story.text("course", f"{page.cn_date(event.on)}，{event.text.rstrip('。')}。")
        if view.arbitrators:
            story.text("arbitrators", f"本案由仲裁员{'、'.join(view.arbitrators)}审理。")
    if view.claims:
        heading("当事部门的请求和答辩")
        story.heading("heading", 2, 1, "申请人的仲裁请求和理由")
        count = "两" if len(view.claims) == 2 else page.cn_number(len(view.claims))
        story.text("claims_intro", f"申请人提出{count}项仲裁请求：")
        for claim in view.claims:
            story.text(f"claims.{claim.position}", f"{page.heading_label(3, claim.position)}{claim_text(claim)}")
        if view.claim:
            story.text("claim", f"申请人的理由：{_sentence(view.claim)}")
        story.heading("heading", 2, 2, "被申请人的答辩")
        answered = [c for c in view.claims if c.answer.strip()]
        for claim in answered:
            when = f"（{page.cn_date(claim.answered_on)}提交）" if claim.answered_on else ""
            story.text(f"answers.{claim.position}",
                       f"对第{page.cn_number(claim.position)}项请求，被申请人答辩称{when}：{_sentence(claim.answer)}")
        if view.defence:
            story.text("defence", f"被申请人的总体意见：{_sentence(view.defence)}" if answered else _sentence(view.defence))
        if not answered and not view.defence:
            story.text("defence", "被申请人在答辩期限内未提交答辩意见。")
    elif view.claim or view.defence:
        heading("当事部门的请求和答辩")
        n = 0
        if view.claim:
            n += 1
            story.heading("heading", 2, n, "申请人的请求和理由")
            story.text("claim", _sentence(view.claim))
        if view.defence:
            n += 1
            story.heading("heading", 2, n, "被申请人的答辩")
            story.text("defence", _sentence(view.defence))
    heading("本局查明的事实")
    if view.findings:
        story.text("findings_intro", "经审理查明：")
        for n, finding in enumerate(view.findings, start=1):
            story.text(f"findings.{n}", f"{page.heading_label(3, n)}{_sentence(finding)}")
    else:
        story.text("findings_intro", "双方对争议事实无异议。")
    heading("本局认为")
    if view.reasoning:
        story.text("reasoning", _sentence(view.reasoning))
    for claim in view.claims:
        story.heading("heading", 2, claim.position, f"关于第{page.cn_number(claim.position)}项请求")
        if claim.answer.strip():
            story.text(f"answers.{claim.position}.restated",
                       f"申请人请求{claim.text.rstrip('。')}；被申请人答辩称{claim.answer.strip().rstrip('。')}。")
        story.text(f"claims.{claim.position}.reasoning",
                   _sentence(claim.reasoning) if claim.reasoning.strip() else "本局对该项请求未另行说明理由。")
    if view.rules:
        story.text("rules_intro", "本局据以作出裁决的规定：")
        for n, rule in enumerate(view.rules, start=1):
            story.text(f"rules.{n}", f"{page.heading_label(4, n)}{rule.rstrip('。；')}。")
    heading("裁决结果")
    if view.claims:
        story.text("decision", "本局裁决如下：")
        by_claim: dict[int, list[OrderView]] = {}
        order_claim = dict(view.claim_orders)
        for order in view.orders:
            by_claim.setdefault(order_claim.get(order.position, 0), []).append(order)
        for claim in view.claims:
            verdict = {"支持": "予以支持", "部分支持": "予以部分支持", "驳回": "予以驳回"}.get(claim.decision, "不予裁决")
            text = f"对申请人第{page.cn_number(claim.position)}项请求，{verdict}。"
            for order in by_claim.get(claim.position, []):
                text += order_text(order)
            story.text(f"decisions.{claim.position}", f"{page.heading_label(2, claim.position)}{text}")
        for order in by_claim.get(0, []):
            story.text(f"orders.{order.position}", f"{page.heading_label(3, order.position)}{order_text(order)}")
    else:
        story.text("decision", f"本局裁决：{view.decision.rstrip('。')}。")
        for order in view.orders:
            story.text(f"orders.{order.position}", f"{page.heading_label(2, order.position)}{order_text(order)}")
    heading("复核与送达")
    story.text("escalation", view.escalation)
    if view.service:
        story.text("service", view.service)
    for receipt in view.receipts:
        story.text("receipts", f"{receipt.department}于{page.cn_date(receipt.received_on)}签收本裁决书。")
    story.closing(view, issued_on=page.cn_date(view.issued_on))
    story.imprint(cc=view.cc, issuer=view.issuer, printed_on=page.cn_date(view.issued_on))
    return story


def _sentence(text: str) -> str:
    """Printed statements end with a full stop."""
    text = page.cn_dates_in(text.strip())
    return text if text.endswith(("。", "！", "？", "”")) else text.rstrip("，；,;") + "。"


EN_TITLE = "Ruling on a Government Data Sharing Dispute"
EN_ROLES = {"申请人": "Claimant", "被申请人": "Respondent", "首席数据官": "chief data officer", "数据专员": "data commissioner"}
EN_DECISION = {"支持申请人的仲裁请求": "the claim is upheld", "部分支持申请人的仲裁请求": "the claim is upheld in part",
               "驳回申请人的仲裁请求": "the claim is dismissed"}


def en_party_text(party: PartyView) -> str:
    text = f"{EN_ROLES.get(party.role, party.role)}: {party.department}."
    people = [f"{EN_ROLES.get(o.role, o.role)} {o.name}" for o in party.officers]
    if people:
        people[0] = people[0][:1].upper() + people[0][1:]  # a new sentence
    return text + (" " + "; ".join(people) + "." if people else "")


# The course of the proceedings is written from templates (builders._EVENT_TEXT): their English, by pattern. A
# text that matches none (entered by hand) is printed as recorded.
_EN_EVENTS = (
    (re.compile(r"^(.+?)提出仲裁申请$"), "{0} applied for arbitration"),
    (re.compile(r"^(.+?)提交书面陈述$"), "{0} submitted its written statement"),
    (re.compile(r"^(.+?)提交证据材料“(.+)”$"), "{0} submitted the evidence \"{1}\""),
    (re.compile(r"^双方进行协商，未能达成一致$"), "the parties negotiated without reaching agreement"),
    (re.compile(r"^本局受理仲裁申请$"), "the Bureau accepted the application for arbitration"),
    (re.compile(r"^本局组织听证（地点：(.+)）$"), "the Bureau held a hearing (place: {0})"),
    (re.compile(r"^本局组织听证$"), "the Bureau held a hearing"),
)


def en_event_text(text: str) -> str:
    text = text.rstrip("。")
    for pattern, english in _EN_EVENTS:
        match = pattern.match(text)
        if match:
            out = english.format(*match.groups())
            return out[:1].upper() + out[1:]
    return text


# The origin of a dispute is written from two templates (builders._origin): their English, by pattern. The
# departments' names, the resource's name and the recorded reasons stay as recorded; an origin that matches neither
# template (an older view) is printed as recorded.
_CN_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_ORIGIN_REQUEST = re.compile(
    rf"^本争议源于共享申请(?P<number>[^：]+)：(?P<requester>.+?)于{_CN_DATE}申请共享(?P<provider>.+?)的“(?P<resource>.*)”"
    r"数据资源（资源代码：(?P<code>[^，]*)，(?P<share>[^）]*)）(?P<rest>.*)$")
_ORIGIN_ANSWERED = re.compile(rf"^，提供部门于{_CN_DATE}答复“(?P<state>[^”]+)”(?:，理由为：(?P<reason>.*?))?。$")
_ORIGIN_UNANSWERED = re.compile(rf"^，答复期限为{_CN_DATE}，提供部门至争议提出时未予答复。$")
_ORIGIN_OBJECTION = re.compile(
    rf"^本争议源于数据异议(?P<number>[^：]+)：(?P<raiser>.+?)于{_CN_DATE}对(?P<owner>.+?)的“(?P<resource>.*)”"
    r"数据提出异议：(?P<description>.*?)。$")


def _en_cn_date(match: re.Match[str], first: int) -> str:
    return page.en_date(dt.date(int(match.group(first)), int(match.group(first + 1)), int(match.group(first + 2))))


def _en_label(enum: type[ShareType] | type[RequestState], zh: str) -> str:
    return next((member.en for member in enum if member.zh == zh), zh)


def en_origin_text(text: str) -> str:
    """The English of the origin paragraph the builder wrote in Chinese."""
    request = _ORIGIN_REQUEST.match(text)
    if request:
        out = (f"This dispute arises from sharing request {request['number']}: on {_en_cn_date(request, 3)} "
               f"{request['requester']} asked {request['provider']} to share the data resource "
               f"\u201c{request['resource']}\u201d (code {request['code']}, {_en_label(ShareType, request['share']).lower()})")
        rest = request["rest"]
        answered, unanswered = _ORIGIN_ANSWERED.match(rest), _ORIGIN_UNANSWERED.match(rest)
        if answered:
            out += (f"; on {_en_cn_date(answered, 1)} the provider answered "
                    f"\u201c{_en_label(RequestState, answered['state']).lower()}\u201d")
            out += f", giving as its reason: {answered['reason']}" if answered["reason"] else ""
        elif unanswered:
            out += (f"; the provider's answer was due on {_en_cn_date(unanswered, 1)} and had not been given when "
                    "the dispute was raised")
        elif rest not in ("", "。"):
            return text
        return out + "."
    objection = _ORIGIN_OBJECTION.match(text)
    if objection:
        return (f"This dispute arises from data objection {objection['number']}: on {_en_cn_date(objection, 3)} "
                f"{objection['raiser']} objected to the data \u201c{objection['resource']}\u201d of "
                f"{objection['owner']}: {objection['description']}.")
    return text


def en_dispute_kind(kind: str) -> str:
    return next((k.en.lower() for k in DisputeKind if k.zh == kind), kind)


def en_order_text(order: OrderView) -> str:
    span = f"within {order.deadline_days} working days of receiving this ruling"
    action = order.action.rstrip("。")
    if order.received_on is not None and order.due_on is not None:
        note = " (the holiday calendar of that year is not yet published; weekends only were counted)" \
            if order.due_uncertain else ""
        return (f"{order.addressee} shall, by {page.en_date(order.due_on)} inclusive ({span}; received on "
                f"{page.en_date(order.received_on)}): {action}.{note}")
    return f"{order.addressee} shall, {span} (the last day included): {action}."


def build_story_en(view: RulingView) -> Story:
    """The English rendering: the same structure; names, statements and findings as recorded (in Chinese)."""
    story = Story()
    story.lang = "en"
    story.text("title", EN_TITLE, page.TITLE)
    story.text("number", view.number, page.NUMBER)
    if view.addressees:
        story.addressee("addressees", "; ".join(a for a in view.addressees if a))
    story.text("claimant", en_party_text(view.claimant), page.BODY)
    story.text("respondent", en_party_text(view.respondent), page.BODY)
    dispute = f" (dispute {view.dispute_number})" if view.dispute_number else ""
    story.text("preamble", f"The Claimant and the Respondent are in dispute over a data sharing matter "
                           f"({en_dispute_kind(view.dispute_kind)}){dispute}. The Claimant applied to the Bureau for arbitration. The "
                           "Bureau has heard the dispute under the rules on government data sharing disputes and "
                           "now rules as follows.")
    n = 0

    def heading(text: str) -> None:
        nonlocal n
        n += 1
        story.heading("heading", 1, n, text)

    if view.origin:
        heading("Origin of the dispute")
        story.text("origin", en_origin_text(view.origin))
    if view.course:
        heading("Course of the proceedings")
        for event in view.course:
            story.text("course", f"{page.en_date(event.on)}: {en_event_text(event.text)}.")
        if view.arbitrators:
            who = "arbitrator" if len(view.arbitrators) == 1 else "arbitrators"
            story.text("arbitrators", f"Heard by {who} {', '.join(view.arbitrators)}.")
    if view.claims:
        heading("Claims and defence")
        story.heading("heading", 2, 1, "The Claimant's claims and grounds")
        for claim in view.claims:
            extra = f" (data items: {', '.join(claim.items)})" if claim.items else ""
            story.text(f"claims.{claim.position}", f"{page.en_heading_label(3, claim.position)}"
                                                   f"{claim.text.rstrip('。')}{extra}.")
        if view.claim:
            story.text("claim", f"Grounds: {_sentence(view.claim)}")
        story.heading("heading", 2, 2, "The Respondent's defence")
        answered = [c for c in view.claims if c.answer.strip()]
        for claim in answered:
            story.text(f"answers.{claim.position}", f"On claim {claim.position}: {_sentence(claim.answer)}")
        if view.defence:
            story.text("defence", f"Overall: {_sentence(view.defence)}" if answered else _sentence(view.defence))
        if not answered and not view.defence:
            story.text("defence", "The Respondent did not answer within the period for a defence.")
    elif view.claim or view.defence:
        heading("Claims and defence")
        k = 0
        if view.claim:
            k += 1
            story.heading("heading", 2, k, "The Claimant's claims and grounds")
            story.text("claim", _sentence(view.claim))
        if view.defence:
            k += 1
            story.heading("heading", 2, k, "The Respondent's defence")
            story.text("defence", _sentence(view.defence))
    heading("Facts found")
    if view.findings:
        story.text("findings_intro", "The Bureau finds:")
        for k, finding in enumerate(view.findings, start=1):
            story.text(f"findings.{k}", f"{page.en_heading_label(3, k)}{_sentence(finding)}")
    else:
        story.text("findings_intro", "The facts are not in dispute between the parties.")
    heading("The Bureau's reasoning")
    if view.reasoning:
        story.text("reasoning", _sentence(view.reasoning))
    for claim in view.claims:
        story.heading("heading", 2, claim.position, f"On claim {claim.position}")
        story.text(f"claims.{claim.position}.reasoning", _sentence(claim.reasoning) if claim.reasoning.strip()
                   else "No separate reasons were given on this claim.")
    if view.rules:
        story.text("rules_intro", "Rules relied on:")
        for k, rule in enumerate(view.rules, start=1):
            story.text(f"rules.{k}", f"{page.en_heading_label(4, k)}{rule.rstrip('。；')}")
    heading("Decision")
    if view.claims:
        order_claim = dict(view.claim_orders)
        verdicts = {"支持": "upheld", "部分支持": "upheld in part", "驳回": "dismissed"}
        for claim in view.claims:
            text = f"Claim {claim.position} is {verdicts.get(claim.decision, 'not decided')}."
            for order in view.orders:
                if order_claim.get(order.position) == claim.position:
                    text += " " + en_order_text(order)
            story.text(f"decisions.{claim.position}", f"{page.en_heading_label(2, claim.position)}{text}")
    else:
        story.text("decision", f"The Bureau rules that {EN_DECISION.get(view.decision, view.decision)}.")
    for order in (o for o in view.orders if not view.claims or o.position not in dict(view.claim_orders)):
        story.text(f"orders.{order.position}", f"{page.en_heading_label(2, order.position)}{en_order_text(order)}")
    heading("Review and service")
    story.text("escalation", EN_ESCALATION)
    story.text("service", EN_SERVICE)
    for receipt in view.receipts:
        story.text("receipts", f"{receipt.department} received this ruling on {page.en_date(receipt.received_on)}.")
    story.closing(view, issued_on=page.en_date(view.issued_on))
    story.imprint(cc=view.cc, issuer=view.issuer, printed_on=page.en_date(view.issued_on))
    return story


EN_ESCALATION = (
    "A party that disagrees with this ruling may ask the Foshan chief data officer in writing for a review within "
    f"{ESCALATION_DAYS} working days of receiving it. The period starts on the day after receipt; the day of receipt is the one "
    "recorded on the proof of service (the signed receipt). The obligations set by this ruling continue during a "
    "review. A party that fails to comply is held to account by the Foshan Government Services and Data "
    "Administration under the applicable rules."
)
EN_SERVICE = ("This document is served through the Foshan government data sharing platform; the day the addressee "
              "signs for it is the day of receipt.")


def render_ruling(view: RulingView) -> bytes:
    """The ruling as PDF bytes: same view, same bytes (the English rendering when ``view.lang`` is "en")."""
    if view.lang == "en":
        return render_view(view, build_story_en(view), title=f"{EN_TITLE} {view.number}")
    return render_view(view, build_story(view), title=f"{TITLE} {view.number}")
