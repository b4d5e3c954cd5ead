"""The arbitration ruling (裁决书): parties, origin, course, findings, reasoning, decision, orders, remedies."""

from __future__ import annotations

from cdo_desktop.reports import page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.views import OrderView, PartyView, RulingView

TITLE = "佛山市政务数据共享争议裁决书"
UNCERTAIN_NOTE = "（该年度节假日安排尚未公布，日期按双休日推算）"


def _party(story: Story, party: PartyView, field: str) -> None:
    text = f"{party.role}：{party.department}"
    if party.commissioners:
        text += f"（{'；'.join(party.commissioners)}）"  # each with the role held: 首席数据官：…；数据专员：…
    story.text(field, text, page.PLAIN.but(align="justify"))


def order_text(order: OrderView) -> str:
    if order.due_on is None:  # the deadline runs from receipt (rulings issued with claims)
        return (f"{order.addressee}应当自收到本裁决书之日起{order.deadline_days}个工作日内，"
                f"{order.action.rstrip('。')}。")
    note = UNCERTAIN_NOTE if order.due_uncertain else ""
    return (
        f"{order.addressee}应当自本裁决书作出之日起{order.deadline_days}个工作日内，"
        f"即于{page.cn_date(order.due_on)}前，{order.action.rstrip('。')}。{note}"
    )


def build_story(view: RulingView) -> Story:
    story = Story()
    story.text("title", TITLE, page.TITLE)
    story.text("number", view.number, page.NUMBER)
    _party(story, view.claimant, "claimant")
    _party(story, view.respondent, "respondent")
    if view.dispute_kind or view.dispute_number:
        story.text("dispute", f"争议事项：{view.dispute_kind}（争议编号：{view.dispute_number}）",
                   page.PLAIN.but(align="justify"))
    story.text(
        "preamble",
        f"申请人与被申请人因{view.dispute_kind or '数据共享'}发生争议，向本局申请仲裁。"
        "本局依照政务数据共享争议处理的有关规定进行了审理，现已审理终结。",
    )
    section = 0

    def heading(text: str) -> None:
        nonlocal section
        section += 1
        story.heading("heading", 1, section, text)

    if view.origin:
        heading("争议由来")
        story.text("origin", view.origin)
    if view.course:
        heading("审理经过")
        for event in view.course:
            story.text("course", f"{page.cn_date(event.on)}，{event.text.rstrip('。')}。")
    if view.claim or view.defence:
        heading("当事部门主张")
        if view.claim:
            story.heading("heading", 2, 1, "申请人主张")
            story.text("claim", view.claim)
        if view.defence:
            story.heading("heading", 2, 2 if view.claim else 1, "被申请人答辩")
            story.text("defence", view.defence)
    heading("事实认定")
    if view.findings:
        story.text("findings_intro", "经审理查明：")
        for n, finding in enumerate(view.findings, start=1):
            story.text(f"findings.{n}", f"{page.heading_label(3, n)}{finding}")
    else:
        story.text("findings_intro", "双方对争议事实无异议。")
    heading("裁决理由")
    if view.reasoning:
        story.text("reasoning", view.reasoning)
    if view.rules:
        story.text("rules_intro", "本局据以作出裁决的规定：")
        for n, rule in enumerate(view.rules, start=1):
            story.text(f"rules.{n}", f"{page.heading_label(4, n)}{rule}")
    heading("裁决结果")
    story.text("decision", f"本局裁决：{view.decision.rstrip('。')}。")
    for order in view.orders:
        story.text(f"orders.{order.position}", f"{page.heading_label(2, order.position)}{order_text(order)}")
    heading("复核与履行")
    story.text("escalation", view.escalation)
    if view.arbitrators:
        story.text("arbitrators", f"仲裁员：{'、'.join(view.arbitrators)}", page.BODY.but(align="right",
                   right_indent=4 * page.BODY_SIZE, first_indent=0.0, space_before=page.LEADING / 2))
    story.closing(view, issued_on=page.cn_date(view.issued_on))
    story.imprint(cc=view.cc, issuer=view.issuer, printed_on=page.cn_date(view.issued_on))
    return story


def render_ruling(view: RulingView) -> bytes:
    """The ruling as PDF bytes: same view, same bytes."""
    return render_view(view, build_story(view), title=f"{TITLE} {view.number}")
