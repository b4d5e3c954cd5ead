"""The sharing reply (共享申请答复书): the provider's decision on a request, its reason and basis, and use conditions."""

from __future__ import annotations

from cdo_desktop.reports import page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.views import ReplyView

TITLE = "政务数据共享申请答复书"

USE_CONDITIONS = (
    "共享数据仅限用于上述用途，不得用于其他目的；",
    "不得以任何形式向第三方提供、转让或者公开共享数据；",
    "应当按照约定的方式使用数据，落实数据安全管理责任，使用情况接受本单位和市政务服务数据管理局的监督；",
    "使用期限届满或者用途不再存续的，应当停止使用并按规定处置所获数据。",
)


def _items(items: tuple[str, ...]) -> str:
    return "、".join(items) if items else "无"


def reply_number(view: ReplyView) -> str:
    """The provider's own number; a reply from before numbering prints its request's number as the reference."""
    return view.reply_number or f"（共享申请{view.request_number}的答复）"


def build_story(view: ReplyView) -> Story:
    story = Story()
    story.text("title", TITLE, page.TITLE)
    story.text("number", reply_number(view), page.NUMBER)
    story.addressee("requester", view.requester)
    story.text(
        "preamble",
        f"你单位于{page.cn_date(view.submitted_on)}提交的政务数据共享申请（编号：{view.request_number}）收悉。"
        f"该申请请求共享本单位“{view.resource}”数据资源（资源代码：{view.resource_code}，{view.share_type}）"
        f"的以下数据项：{_items(view.items_asked)}。经审核，现答复如下。",
    )
    story.heading("heading", 1, 1, "答复意见")
    refused = tuple(item for item in view.items_asked if item not in view.items_granted)
    if view.state == "approved":
        story.text("outcome", f"{view.outcome}。同意共享的数据项：{_items(view.items_granted)}。")
    elif view.state == "partly_approved":
        story.text("outcome", f"{view.outcome}。同意共享的数据项：{_items(view.items_granted)}；"
                              f"不予共享的数据项：{_items(refused)}。")
    else:
        story.text("outcome", f"{view.outcome}。")
    story.heading("heading", 1, 2, "理由和依据")
    if view.reason:
        story.text("reason", _sentence(view.reason))
    elif view.state == "approved":
        story.text("reason", "你单位申请的用途属于依法履行职责的需要，符合该数据资源的共享条件。")
    story.text("basis", f"依据：{view.basis.rstrip('。；')}。" if view.basis else "依据：政务数据共享的有关规定。")
    n = 2
    if view.state in ("approved", "partly_approved"):
        n += 1
        story.heading("heading", 1, n, "使用要求")
        period = f"{page.cn_date(view.period_start)}至{page.cn_date(view.period_end)}"
        story.text("purpose", f"共享用途：{view.purpose.rstrip('。')}。使用方式：{view.usage_method}。使用期限：{period}。")
        for k, condition in enumerate(USE_CONDITIONS, start=1):
            story.text(f"conditions.{k}", f"{page.heading_label(4, k)}{condition}")
        story.text("closing", "你单位违反上述要求的，本单位将报请佛山市政务服务数据管理局暂停共享权限并依照有关规定问责。")
    if view.state != "approved":
        n += 1
        story.heading("heading", 1, n, "救济途径")
        what = "对本答复中不予共享的数据项" if view.state == "partly_approved" else "对本答复"
        story.text(
            "remedy",
            f"你单位{what}有异议的，可以与本单位协商；协商不成的，可以自收到本答复之日起{view.dispute_days}个工作日内，"
            "通过佛山市政务数据共享协同平台向佛山市政务服务数据管理局提出共享争议，申请协调或者仲裁。",
        )
    if view.contact:
        story.text("contact", f"联系人：{view.contact}。")
    story.closing(view, issued_on=page.cn_date(view.issued_on))
    return story


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？", "”")) else text.rstrip("，；,;") + "。"


EN_TITLE = "Reply to a Government Data Sharing Request"
EN_OUTCOME = {"approved": "Sharing is approved", "partly_approved": "Sharing is approved in part",
              "refused": "Sharing is refused"}
EN_USE_CONDITIONS = (
    "the shared data may be used only for the purpose stated above;",
    "the shared data may not be provided, transferred or disclosed to any third party in any form;",
    "the data shall be used in the agreed way, with data security duties fulfilled; its use is supervised by this "
    "department and by the Foshan Government Services and Data Administration;",
    "when the period ends or the purpose lapses, use shall stop and the data obtained be disposed of as required.",
)


EN_LABELS = {"无条件共享": "unconditional sharing", "有条件共享": "conditional sharing", "不予共享": "not shared",
             "接口": "API", "库表": "database table", "文件": "file"}


def build_story_en(view: ReplyView) -> Story:
    story = Story()
    story.lang = "en"
    story.text("title", EN_TITLE, page.TITLE)
    story.text("number", view.reply_number or f"(reply to request {view.request_number})", page.NUMBER)
    story.addressee("requester", view.requester)
    story.text("preamble", f"We received your data sharing request {view.request_number} of "
                           f"{page.en_date(view.submitted_on)} for the following data items of our resource "
                           f"“{view.resource}” (code {view.resource_code}, {EN_LABELS.get(view.share_type, view.share_type)}): "
                           f"{', '.join(view.items_asked) or 'none'}. Having examined it, we reply as follows.")
    story.heading("heading", 1, 1, "Reply")
    refused = tuple(item for item in view.items_asked if item not in view.items_granted)
    outcome = EN_OUTCOME.get(view.state, EN_OUTCOME["refused"])
    if view.state == "approved":
        story.text("outcome", f"{outcome}. Items shared: {', '.join(view.items_granted)}.")
    elif view.state == "partly_approved":
        story.text("outcome", f"{outcome}. Items shared: {', '.join(view.items_granted)}; items not shared: "
                              f"{', '.join(refused)}.")
    else:
        story.text("outcome", f"{outcome}.")
    story.heading("heading", 1, 2, "Reasons and basis")
    if view.reason:
        story.text("reason", _sentence(view.reason))
    elif view.state == "approved":
        story.text("reason", "The stated purpose serves your department's statutory duties and meets the "
                             "resource's sharing conditions.")
    story.text("basis", f"Basis: {view.basis.rstrip('。；')}." if view.basis else
               "Basis: the rules on government data sharing.")
    n = 2
    if view.state in ("approved", "partly_approved"):
        n += 1
        story.heading("heading", 1, n, "Conditions of use")
        story.text("purpose", f"Purpose: {view.purpose.rstrip('。')}. Method: {EN_LABELS.get(view.usage_method, view.usage_method)}. Period: "
                              f"{page.en_date(view.period_start)} to {page.en_date(view.period_end)}.")
        for k, condition in enumerate(EN_USE_CONDITIONS, start=1):
            story.text(f"conditions.{k}", f"{page.en_heading_label(4, k)}{condition}")
    if view.state != "approved":
        n += 1
        story.heading("heading", 1, n, "Remedy")
        what = "the items not shared" if view.state == "partly_approved" else "this reply"
        story.text("remedy", f"If your department disagrees with {what}, it may consult us; failing agreement, it "
                             f"may bring a sharing dispute before the Foshan Government Services and Data "
                             f"Administration through the sharing platform within {view.dispute_days} working days "
                             "of receiving this reply, for coordination or arbitration.")
    if view.contact:
        story.text("contact", f"Contact: {view.contact}.")
    story.closing(view, issued_on=page.en_date(view.issued_on))
    return story


def render_reply(view: ReplyView) -> bytes:
    """The sharing reply as PDF bytes: same view, same bytes (English when ``view.lang`` is "en")."""
    if view.lang == "en":
        return render_view(view, build_story_en(view), title=f"{EN_TITLE} {view.reply_number or view.request_number}")
    return render_view(view, build_story(view), title=f"{TITLE} {view.reply_number or view.request_number}")
