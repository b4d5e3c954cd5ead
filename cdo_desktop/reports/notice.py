"""The accountability notice (问责通知书): facts, the ruling or violation it rests on, measure, deadline, report."""

from __future__ import annotations

from cdo_desktop.domain.enums import Measure
from cdo_desktop.domain.policy import PRODUCT_DEFAULT_ZH
from cdo_desktop.reports import page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.views import NoticeView

TITLE = "佛山市政务数据共享问责通知书"


def deadline_text(view: NoticeView) -> str:
    """The rectification deadline, counted from receipt; the date once it is known ("于…前（含当日）"). A notice
    issued on a ground, before the hearing: rectification runs from the bureau's decision on the defence."""
    if view.defence_clause and view.rectification_due is None:
        if view.rectification_days:
            return (f"本局听取申辩后作出维持或者变更决定的，你单位应当自该决定作出之日起{view.rectification_days}"
                    "个工作日内完成整改，并书面报送整改情况。")
        return "本局听取申辩后作出维持或者变更决定的，你单位应当按照该决定立即整改，并书面报送整改情况。"
    note = "（该年度节假日安排尚未公布，日期按双休日推算）" if view.due_uncertain else ""
    if view.rectification_days:
        # a notice issued on a ground: rectification runs from the bureau's decision on the defence (the due date is
        # counted from it, services/accountability.py); a legacy notice: from its receipt
        start = "本局作出维持或者变更决定" if view.defence_clause else "收到本通知书"
        span = f"自{start}之日起{view.rectification_days}个工作日内"
        if view.rectification_due is not None:
            return (f"请你单位于{page.cn_date(view.rectification_due)}前（含当日）完成整改（{span}），"
                    f"并于同日前将整改情况书面报送本局。{note}")
        return f"请你单位{span}完成整改，并在期限内将整改情况书面报送本局。"
    if view.rectification_due is not None:
        return f"请你单位于{page.cn_date(view.rectification_due)}前（含当日）完成整改，并于同日前将整改情况书面报送本局。{note}"
    return "请你单位立即整改，并自收到本通知书之日起5个工作日内将整改情况书面报送本局。"


SUSPENDED = Measure.SUSPEND.zh  # the view carries the measure by its label


def closing_text(view: NoticeView) -> str:
    """What follows a late or insufficient rectification, consistent with the measure: a notice that already suspends
    the sharing rights cannot threaten to suspend them; 第二十七条 lets the bureau end the sharing."""
    if view.measure == SUSPENDED:
        return ("相关数据共享权限暂停期间，你单位不得继续使用相关共享数据。逾期未整改或者整改不到位的，本局可以依照"
                "《政务数据共享条例》第二十七条终止共享，并将有关情况纳入年度绩效考核。")
    return "逾期未整改或者整改不到位的，本局将依照有关规定暂停你单位相关数据共享权限，并将有关情况纳入年度绩效考核。"


def defence_text(view: NoticeView) -> str:
    """The right to answer (申辩): how, within what period, from when, and what happens without an answer."""
    span = f"自收到本通知书之日起{view.defence_days}个工作日内"
    # A product default is no rule: the period is stated, not attributed to "the system".
    clause = view.defence_clause if view.defence_clause != PRODUCT_DEFAULT_ZH else ""
    if view.defence_due is not None:  # counted from the recorded receipt: say so, as the ruling's orders do
        when = f"于{page.cn_date(view.defence_due)}前（含当日）"
        source = f"（{span}" + (f"；期限依据：{clause}）" if clause else "）")
    else:
        when = f"{span}（自收到之日的次日起算）"
        source = f"（期限依据：{clause}）" if clause else ""
    return (
        f"你单位对本通知书认定的事实、依据或者问责措施有异议的，可以{when}向本局书面提出申辩{source}，"
        "并提交相关证据材料。本局将对申辩意见进行复核，作出维持、变更或者撤销的决定并书面告知你单位。"
        "逾期未提出申辩的，视为放弃申辩。" + after_defence(view)
    )


def after_defence(view: NoticeView) -> str:
    """What the defence does to rectification, consistent with the deadline: a notice issued on a ground counts its
    rectification period from the bureau's decision on the defence; a legacy notice's runs from receipt regardless."""
    if view.defence_clause:
        return "整改期限自本局作出维持或者变更决定之日起计算。"
    return "申辩期间，整改要求不停止执行。"


def build_story(view: NoticeView) -> Story:
    story = Story()
    story.text("title", TITLE, page.TITLE)
    story.text("number", view.number, page.NUMBER)
    story.addressee("addressee", view.addressee)
    person = f"（{view.commissioner}）" if view.commissioner else ""
    story.text(
        "preamble",
        f"经核查，你单位{person}在政务数据共享工作中存在下列问题。根据政务数据共享管理和问责的有关规定，现将有关事项通知如下。",
    )
    story.heading("heading", 1, 1, "问责事实")
    if view.facts:
        for n, fact in enumerate(view.facts, start=1):
            story.text(f"facts.{n}", f"{page.heading_label(3, n)}{fact}" if len(view.facts) > 1 else fact)
    else:
        story.text("violation", f"{view.violation.rstrip('。')}。" if view.violation else "（未填写）")
    story.heading("heading", 1, 2, "问责事由和依据")
    if view.ground:
        story.text("ground", f"上述事实属于{view.ground.rstrip('。')}的情形。")
    rule = view.rule or view.basis
    story.text("basis", f"本通知依据{rule.rstrip('。')}作出。" if rule else "本通知依据政务数据共享管理的有关规定作出。")
    story.heading("heading", 1, 3, "问责措施")
    story.text("measure", f"经研究，决定对你单位予以{view.measure}。")
    story.heading("heading", 1, 4, "整改和报告要求")
    story.text("deadline", deadline_text(view))
    if view.report_requirement:
        story.text("report_requirement", f"整改报告应当包括：{view.report_requirement.rstrip('。')}。")
    story.text("closing", closing_text(view))
    story.heading("heading", 1, 5, "申辩权利")
    story.text("defence", defence_text(view))
    story.heading("heading", 1, 6, "送达和联系方式")
    if view.service:
        story.text("service", view.service)
    story.text("contact", f"联系人：{view.contact}。" if view.contact else "联系人：本局仲裁和问责工作人员。")
    story.text("ending", "特此通知。")
    story.closing(view, issued_on=page.cn_date(view.issued_on))
    story.imprint(cc=view.cc, issuer=view.issuer, printed_on=page.cn_date(view.issued_on))
    return story


EN_TITLE = "Accountability Notice on Government Data Sharing"
EN_MEASURES = {"通报批评": "a circulated criticism", "约谈": "a formal talk (interview)", "限期整改": "rectification within a deadline",
               "暂停共享权限": "suspension of data sharing rights"}


def build_story_en(view: NoticeView) -> Story:
    """The English rendering: the same sections; facts and names as recorded (in Chinese)."""
    story = Story()
    story.lang = "en"
    story.text("title", EN_TITLE, page.TITLE)
    story.text("number", view.number, page.NUMBER)
    story.addressee("addressee", view.addressee)
    person = f" ({view.commissioner})" if view.commissioner else ""
    story.text("preamble", f"The Bureau has found the following problems in your department's{person} data sharing "
                           "work. Under the rules on the management of and accountability for government data "
                           "sharing, you are notified as follows.")
    story.heading("heading", 1, 1, "Facts")
    if view.facts:
        for n, fact in enumerate(view.facts, start=1):
            story.text(f"facts.{n}", f"{page.en_heading_label(3, n)}{page.cn_dates_in(fact)}")
    else:
        story.text("violation", view.violation or "(not recorded)")
    story.heading("heading", 1, 2, "Ground and rule")
    if view.ground:
        story.text("ground", f"These facts are a case of: {view.ground.rstrip('。')}.")
    rule = view.rule or view.basis
    story.text("basis", f"This notice rests on {rule.rstrip('。')}." if rule else
               "This notice rests on the rules on government data sharing.")
    story.heading("heading", 1, 3, "Measure")
    story.text("measure", f"The Bureau has decided on {EN_MEASURES.get(view.measure, view.measure)} ({view.measure}).")
    story.heading("heading", 1, 4, "Rectification and report")
    start = "the Bureau's decision to uphold or change the measure" if view.defence_clause else "receiving this notice"
    if view.rectification_days and view.rectification_due is not None:
        deadline = (f"Rectify by {page.en_date(view.rectification_due)} inclusive (within {view.rectification_days} "
                    f"working days of {start}) and report the rectification in writing by the same day.")
    elif view.rectification_days and view.defence_clause:
        deadline = (f"If the Bureau upholds or changes the measure after hearing the department's answer, rectify "
                    f"within {view.rectification_days} working days of that decision and report in writing.")
    elif view.rectification_days:
        deadline = (f"Rectify within {view.rectification_days} working days of receiving this notice and report in "
                    "writing within that period.")
    else:
        deadline = "Rectify at once and report in writing within 5 working days of receiving this notice."
    story.text("deadline", deadline)
    if view.report_requirement:
        story.text("report_requirement", f"The report shall cover: {view.report_requirement.rstrip('。')}.")
    if view.measure == SUSPENDED:
        closing = ("While the sharing rights are suspended, the department shall not use the shared data concerned. "
                   "If rectification is late or insufficient, the Bureau may end the sharing (《政务数据共享条例》"
                   "第二十七条) and record the matter in the annual performance assessment.")
    else:
        closing = ("If rectification is late or insufficient, the Bureau will suspend the department's data sharing "
                   "rights under the applicable rules and record the matter in the annual performance assessment.")
    story.text("closing", closing)
    story.heading("heading", 1, 5, "Right to answer")
    when = (f"by {page.en_date(view.defence_due)} inclusive (within {view.defence_days} working days of receiving "
            "this notice)" if view.defence_due is not None else
            f"within {view.defence_days} working days of receiving this notice (from the day after receipt)")
    story.text("defence", f"If your department disagrees with the facts, the ground or the measure, it may answer "
                          f"the Bureau in writing {when}, with its evidence. The Bureau will review the answer and "
                          "uphold, change or withdraw the measure in writing. Without an answer in time the right "
                          "is deemed waived. " + ("The rectification period runs from the Bureau's decision to "
                                                   "uphold or change the measure." if view.defence_clause else
                                                   "Rectification is not suspended while an answer is reviewed."))
    story.heading("heading", 1, 6, "Service and contact")
    story.text("service", "This document is served through the Foshan government data sharing platform; the day "
                          "the addressee signs for it is the day of receipt.")
    story.text("contact", f"Contact: {view.contact}." if view.contact else "Contact: the Bureau's accountability staff.")
    story.closing(view, issued_on=page.en_date(view.issued_on))
    story.imprint(cc=view.cc, issuer=view.issuer, printed_on=page.en_date(view.issued_on))
    return story


def render_notice(view: NoticeView) -> bytes:
    """The accountability notice as PDF bytes: same view, same bytes (English when ``view.lang`` is "en")."""
    if view.lang == "en":
        return render_view(view, build_story_en(view), title=f"{EN_TITLE} {view.number}")
    return render_view(view, build_story(view), title=f"{TITLE} {view.number}")
