"""The data asset registration certificate (数据资产登记凭证): what the bureau registered, on the GB/T 9704 page,
with number, fingerprint and QR like every other document the bureau issues."""

from __future__ import annotations

from cdo_desktop.reports import page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.views import CertificateView

TITLE = "佛山市公共数据资产登记凭证"


def _count(n: int | None) -> str:
    return f"{n}条" if n is not None else ""


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
        ("volume", f"数据规模：{view.volume}" + (f"（{_count(view.record_count)}）" if view.record_count else "")),
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


def render_certificate(view: CertificateView) -> bytes:
    """The certificate as PDF bytes: same view, same bytes."""
    return render_view(view, build_story(view), title=f"{TITLE} {view.number}")
