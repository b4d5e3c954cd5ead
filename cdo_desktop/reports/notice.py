"""The accountability notice (问责通知书): facts, the ruling or violation it rests on, measure, deadline, report."""

from __future__ import annotations

from cdo_desktop.reports import page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.views import NoticeView

TITLE = "佛山市政务数据共享问责通知书"


def deadline_text(view: NoticeView) -> str:
    if view.defence_days is not None and view.rectification_due is None:  # issued on a ground, before the hearing
        text = (f"你单位对本通知有异议的，可以自收到本通知书之日起{view.defence_days}个工作日内向本局提出申辩"
                f"（期限依据：{view.defence_clause}）。本局在听取申辩后作出维持、变更或者撤销的决定")
        if view.rectification_days:
            text += f"；维持或者变更的，你单位应当自该决定作出之日起{view.rectification_days}个工作日内完成整改，并书面报送整改情况"
        return text + "。"
    if view.rectification_due is None:
        return "请立即整改，并于收到本通知书之日起5个工作日内将整改情况书面报送本局。"
    note = "（该年度节假日安排尚未公布，日期按双休日推算）" if view.due_uncertain else ""
    days = f"自本通知书印发之日起{view.rectification_days}个工作日内，即" if view.rectification_days else ""
    return f"请你单位{days}于{page.cn_date(view.rectification_due)}前完成整改，并于同日前将整改情况书面报送本局。{note}"


def build_story(view: NoticeView) -> Story:
    story = Story()
    story.text("title", TITLE, page.TITLE)
    story.text("number", view.number, page.NUMBER)
    story.addressee("addressee", view.addressee)
    person = f"（{view.commissioner}）" if view.commissioner else ""  # named with the role held
    story.text(
        "preamble",
        f"根据政务数据共享管理和问责的有关规定，现就你单位{person}在政务数据共享工作中存在的问题通知如下。",
    )
    story.heading("heading", 1, 1, "问责事实")
    story.text("violation", view.violation or "（未填写）")
    story.heading("heading", 1, 2, "问责依据")
    story.text("basis", f"本通知依据{view.basis.rstrip('。')}作出。" if view.basis else "本通知依据政务数据共享管理的有关规定作出。")
    story.heading("heading", 1, 3, "问责措施")
    story.text("measure", f"经研究，决定对你单位予以{view.measure}。")
    story.heading("heading", 1, 4, "整改和报告要求")
    story.text("deadline", deadline_text(view))
    if view.report_requirement:
        story.text("report_requirement", f"整改报告应当包括：{view.report_requirement.rstrip('。')}。")
    story.text(
        "closing",
        "逾期未整改或者整改不到位的，本局将依照有关规定暂停你单位相关数据共享权限，并将有关情况纳入年度绩效考核。",
    )
    story.closing(view, issued_on=page.cn_date(view.issued_on))
    story.imprint(cc=view.cc, issuer=view.issuer, printed_on=page.cn_date(view.issued_on))
    return story


def render_notice(view: NoticeView) -> bytes:
    """The accountability notice as PDF bytes: same view, same bytes."""
    return render_view(view, build_story(view), title=f"{TITLE} {view.number}")
