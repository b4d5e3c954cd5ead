"""The data asset registration certificate (数据资产登记凭证): what the bureau registered, on the GB/T 9704 page,
with number, fingerprint and QR like every other document the bureau issues."""

from __future__ import annotations

from cdo_desktop.domain.enums import AssetState, QualityGrade
from cdo_desktop.domain.labels import LabeledEnum
from cdo_desktop.reports import page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.views import CertificateView

TITLE = "佛山市公共数据资产登记凭证"


def _count(n: int | None) -> str:
    return f"{n}条" if n is not None else ""


def _count_unsaid(view: CertificateView) -> bool:
    """The record count adds to the volume only when the volume does not already state a count (约246万条)."""
    return bool(view.record_count) and "条" not in view.volume


def build_story(view: CertificateView) -> Story:
    story = Story()
    story.text("title", TITLE, page.TITLE)
    story.text("number", view.number, page.NUMBER)
    story.addressee("holder", view.holder)
    story.text(
        "preamble",
        f"你单位申请登记的数据资产，经本局审核，准予登记，于{page.cn_date(view.registered_on)}记入佛山市公共数据资产登记簿。"
        "现将登记事项证明如下。",
    )
    story.heading("heading", 1, 1, "登记事项")
    rows = [
        ("asset_code", f"资产编码：{view.asset_code}"),
        ("asset_name", f"资产名称：{view.asset_name}"),
        ("holder_line", f"持有单位：{view.holder}"),
        ("resource", f"对应数据资源：{view.resource}（资源代码：{view.resource_code}）"),
        ("source_system", f"来源系统：{view.source_system}" if view.source_system else ""),
        ("scope", f"数据范围：{view.scope.rstrip('。')}"),
        ("volume", f"数据规模：{view.volume}" + (f"（{_count(view.record_count)}）" if _count_unsaid(view) else "")),
        ("quality_grade", f"质量等级：{view.quality_grade}"),
    ]
    n = 0
    for field, text in rows:
        if text:
            n += 1
            story.text(field, f"{page.heading_label(3, n)}{text}。")
    story.heading("heading", 1, 2, "登记状态")
    status = f"登记状态：{view.status}。"
    if view.change_count and view.changed_on is not None:
        status += f"本资产已办理变更登记{view.change_count}次，最近一次于{page.cn_date(view.changed_on)}。"
    if view.cancelled_on is not None:
        status += f"本资产已于{page.cn_date(view.cancelled_on)}注销登记，本凭证自该日起失效。"
    story.text("status", status)
    story.text(
        "closing",
        "本凭证证明上述数据资产已在本局登记，不代表对数据内容的担保。登记事项发生变化的，持有单位应当申请变更登记；"
        "以扫描本凭证二维码或者核对文书指纹所得的登记簿记录为准。",
    )
    story.closing(view, issued_on=page.cn_date(view.issued_on))
    return story


EN_TITLE = "Foshan Public Data Asset Registration Certificate"


def _en_label(enum: type[LabeledEnum], zh: str) -> str:
    """The English label of a state or grade the view keeps in Chinese (as printed on the original)."""
    return next((member.en for member in enum if member.zh == zh), zh)


def build_story_en(view: CertificateView) -> Story:
    """The English rendering: the same sections; names, scope and volume as recorded (in Chinese)."""
    story = Story()
    story.lang = "en"
    story.text("title", EN_TITLE, page.TITLE)
    story.text("number", view.number, page.NUMBER)
    story.addressee("holder", view.holder)
    story.text(
        "preamble",
        "The Bureau has examined your application to register the data asset below, approved it and entered the "
        f"asset in the Foshan public data asset register on {page.en_date(view.registered_on)}. This certifies "
        "the registered particulars.",
    )
    story.heading("heading", 1, 1, "Registered particulars")
    rows = [
        ("asset_code", f"Asset code: {view.asset_code}"),
        ("asset_name", f"Asset name: {view.asset_name}"),
        ("holder_line", f"Holder: {view.holder}"),
        ("resource", f"Data resource: {view.resource} (resource code {view.resource_code})"),
        ("source_system", f"Source system: {view.source_system}" if view.source_system else ""),
        ("scope", f"Scope: {view.scope.rstrip('。')}"),
        ("volume", f"Volume: {view.volume}" + (f" ({view.record_count} records)" if _count_unsaid(view) else "")),
        ("quality_grade", f"Quality grade: {_en_label(QualityGrade, view.quality_grade)}"),
    ]
    n = 0
    for field, text in rows:
        if text:
            n += 1
            story.text(field, f"{page.en_heading_label(3, n)}{text}.")
    story.heading("heading", 1, 2, "Registration status")
    status = f"Status: {_en_label(AssetState, view.status)}."
    if view.change_count and view.changed_on is not None:
        status += (f" Changes registered: {view.change_count}, the latest on {page.en_date(view.changed_on)}.")
    if view.cancelled_on is not None:
        status += (f" The registration was cancelled on {page.en_date(view.cancelled_on)}; this certificate is void "
                   "from that day.")
    story.text("status", status)
    story.text(
        "closing",
        "This certificate attests that the data asset above is registered with the Bureau; it does not warrant the "
        "content of the data. When a registered particular changes, the holder shall apply to register the change. "
        "The register entry reached by scanning the QR code or checking the document fingerprint prevails.",
    )
    story.closing(view, issued_on=page.en_date(view.issued_on))
    return story


def render_certificate(view: CertificateView) -> bytes:
    """The certificate as PDF bytes: same view, same bytes (the English rendering when ``view.lang`` is "en")."""
    if view.lang == "en":
        return render_view(view, build_story_en(view), title=f"{EN_TITLE} {view.number}")
    return render_view(view, build_story(view), title=f"{TITLE} {view.number}")
