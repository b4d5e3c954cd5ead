"""The department scorecard (部门数据共享绩效报告): the sharing table and the owner's-duties table (catalogue,
openness, quality, updates, misuse), each splitting with repeated headers, and a bar chart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Spacer, Table

from cdo_desktop.reports import fonts, page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.tables import Column, grid
from cdo_desktop.reports.text import TextStyle
from cdo_desktop.reports.views import AssetScoreRow, ScorecardView, ScoreRow

TITLE = "佛山市部门数据共享绩效报告"
EN_TITLE = "Foshan Government Data Sharing Performance Report by Department"
CELL = TextStyle(font=fonts.SONG, size=9.0, leading=12.0, align="center")
CELL_LEFT = CELL.but(align="left")
HEADER = CELL.but(font=fonts.HEI)
# Header terms (tables.py): a header breaks only between them. The terms 指标说明 defines (收到申请, 按时答复,
# 答复用时, 开放资源 …) are whole units; longer labels are split between their words (裁决｜未支持｜其主张).
DEPARTMENT = Column(("部门",), ("Department",), wraps=True, align="left")
COLUMNS = (
    DEPARTMENT,
    Column(("收到申请",), ("Requests", "received")),
    Column(("已答复",), ("Answered",)),
    Column(("按时答复",), ("Answered", "on", "time")),
    Column(("答复用时", "中位数", "（工作日）"), ("Median", "working", "days", "to", "answer")),
    Column(("拒绝共享",), ("Refused",)),
    Column(("未办结", "异议"), ("Open", "objections")),
    Column(("裁决", "未支持", "其主张"), ("Rulings", "against", "it")),
    Column(("裁决事项", "按时履行"), ("Ordered", "items", "done", "on", "time")),
    Column(("未销号", "整改"), ("Open", "rectifications")),
)
DUTY_COLUMNS = (
    DEPARTMENT,
    Column(("目录资源",), ("Catalogued", "resources")),
    Column(("开放资源",), ("Open", "resources")),
    Column(("开放率",), ("Open", "share")),
    Column(("数据异议", "（件/", "每项资源）"), ("Data", "objections", "(per", "resource)")),
    Column(("已更正",), ("Corrected",)),
    Column(("更正用时", "中位数", "（工作日）"), ("Median", "working", "days", "to", "correct")),
    Column(("数据更新", "逾期"), ("Updates", "overdue")),
    Column(("目录", "按期更新"), ("Catalogue", "updates", "on", "time")),
    Column(("违规使用", "经查属实"), ("Misuse", "confirmed")),
)
CHART_PER_PAGE = 26


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{100 * rate:.1f}%"


def _duty_cells(row: ScoreRow, lang: str = "zh") -> list[str]:
    per = row.objections_per_resource
    objections = str(row.objections_raised)
    if per is not None:
        objections += f" ({per:.2f})" if lang == "en" else f"（{per:.2f}）"
    return [
        row.department,
        str(row.resources),
        str(row.open_resources),
        _pct(row.open_rate),
        objections,
        str(row.objections_corrected),
        _fmt_days(row.correction_days),
        str(row.updates_overdue),
        f"{row.catalogue_updates_on_time}/{row.catalogue_updates_due}" if row.catalogue_updates_due else "—",
        str(row.misuse_findings),
    ]


def _fmt_days(days: float | None) -> str:
    if days is None:
        return "—"
    return f"{days:.1f}".rstrip("0").rstrip(".")


def _cells(row: ScoreRow, lang: str = "zh") -> list[str]:
    return [
        row.department,
        str(row.received),
        str(row.answered),
        str(row.on_time),
        _fmt_days(row.median_days),
        str(row.refused),
        str(row.objections_open),
        str(row.disputes_lost),
        f"{row.orders_on_time}/{row.orders_due}" if row.orders_due else "—",
        str(row.rectifications_open),
    ]


def _table(story: Story, view: ScorecardView, *, prefix: str = "table",
           columns: tuple[Column, ...] = COLUMNS, cells: Any = _cells) -> Table:
    total = cells(view.total, view.lang)
    if view.lang == "en":
        total[0] = "City total"
    return grid(story, prefix, columns, [cells(row, view.lang) for row in view.rows], total_row=total, cell=CELL,
                header=HEADER, width=page.BODY_WIDTH)


def _chart(story: Story, rows: list[ScoreRow], first: int) -> Drawing:
    """Horizontal bars: the share of answered requests answered on time, per department."""
    bar = 13.0
    height = bar * len(rows) + 46
    drawing = Drawing(page.BODY_WIDTH, height, initialFontName=fonts.SONG, initialFontSize=8)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 24
    chart.width, chart.height = page.BODY_WIDTH - 150 - 24, bar * len(rows)
    values = [round(100 * (r.on_time_rate or 0.0), 1) for r in reversed(rows)]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [
        story.check(f"chart.rows.{first + len(rows) - i}", r.department) for i, r in enumerate(reversed(rows))
    ]
    chart.categoryAxis.labels.fontName = fonts.SONG
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = fonts.SONG
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.bars[0].fillColor = colors.Color(0.25, 0.4, 0.65)
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%.0f%%"
    chart.barLabels.fontName = fonts.SONG
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    face = fonts.TITLE if story.lang == "en" else fonts.HEI
    caption = story.check("chart.caption", "Share answered on time (answered on time ÷ answered)" if story.lang == "en"
                          else "按时答复率（按时答复件数 ÷ 已答复件数）", face)
    drawing.add(String(page.BODY_WIDTH / 2, 4, caption, fontName=face, fontSize=9, textAnchor="middle"))
    return drawing


ASSET_COLUMNS = (
    DEPARTMENT,
    Column(("数据资源",), ("Data", "resources")),
    Column(("已登记", "资产"), ("Registered", "assets")),
    Column(("登记率",), ("Registered", "share")),
    Column(("已评估",), ("Valued",)),
    Column(("评估率",), ("Valued", "share")),
    Column(("估值合计", "（万元）"), ("Total", "value", "(10,000", "yuan)")),
)


def _share(share: float | None) -> str:
    return f"{100 * share:.1f}%" if share is not None else "—"


def wan_yuan(fen: int) -> str:
    """Fen as 万元 with two decimals (1,234,567.89 yuan → 123.46)."""
    return f"{fen / 1_000_000:.2f}"


def _asset_cells(row: AssetScoreRow) -> list[str]:
    return [row.department, str(row.resources), str(row.registered), _share(row.registered_share), str(row.valued),
            _share(row.valued_share), wan_yuan(row.value_fen)]


def _asset_section(story: Story, view: ScorecardView, number: int) -> None:
    t = view.assets_total
    en = view.lang == "en"
    if en:
        story.heading("heading", 1, number, "Data asset registration and valuation")
        story.text(
            "assets.summary",
            f"As of {page.en_date(view.end)}, {t.registered} of the city's {t.resources} data resources were "
            f"registered as data assets (registered share {_share(t.registered_share)}); {t.valued} were valued "
            f"(valued share {_share(t.valued_share)}); the latest valuations of the assets total "
            f"{wan_yuan(t.value_fen)} × 10,000 yuan.",
        )
    else:
        story.heading("heading", 1, number, "数据资产登记和评估")
        story.text(
            "assets.summary",
            f"截至{page.cn_date(view.end)}，全市{t.resources}项数据资源中已登记为数据资产{t.registered}项，"
            f"登记率{_share(t.registered_share)}；已评估{t.valued}项，评估率{_share(t.valued_share)}；"
            f"各资产最近一次评估价值合计{wan_yuan(t.value_fen)}万元。",
        )
    total = _asset_cells(t)
    if en:
        total[0] = "City total"
    story.add(grid(story, "assets", ASSET_COLUMNS, [_asset_cells(row) for row in view.assets], total_row=total,
                   cell=CELL, header=HEADER, width=page.BODY_WIDTH), Spacer(1, page.LEADING / 2))
    story.text("assets.notes", "Registered and valued shares are of the department's data resources; the value is "
               "the latest valuation of each asset as of the end of the period." if en else
               "登记率、评估率以该部门数据资源总数为分母；估值为各资产截至期末最近一次评估的价值。")


@dataclass(frozen=True)
class _Words:
    """What the figure sections say in one language."""

    figures: str
    on_time: str
    none_answered: str
    refusals: str
    none_refused: str
    refusal: Callable[[int, str, str, str], str]  # (n, department, request number, reason) -> the line


ZH_WORDS = _Words("各部门绩效明细", "按时答复率", "本期没有已答复的共享申请。", "拒绝共享情况", "本期没有拒绝共享的申请。",
                  lambda n, dept, number, reason: f"{page.heading_label(3, n)}{dept}（{number}）：{reason}。")
EN_WORDS = _Words("Figures by department", "Requests answered on time",
                  "No sharing request was answered in this period.", "Refusals",
                  "No sharing request was refused in this period.",
                  lambda n, dept, number, reason: f"{page.en_heading_label(3, n)}{dept} ({number}): {reason}.")


def _figures(story: Story, view: ScorecardView, words: _Words) -> int:
    """Sections 2 to 4 (tables, the on-time chart, refusals) and the asset section when there are assets; returns
    the number of the next section."""
    story.heading("heading", 1, 2, words.figures, keep=False)
    story.add(_table(story, view), Spacer(1, page.LEADING / 2))
    story.add(_table(story, view, prefix="duties", columns=DUTY_COLUMNS, cells=_duty_cells),
              Spacer(1, page.LEADING / 2))
    story.heading("heading", 1, 3, words.on_time)
    answered = [r for r in view.rows if r.answered]
    if not answered:
        story.text("chart.empty", words.none_answered)
    for first in range(0, len(answered), CHART_PER_PAGE):
        story.add(_chart(story, answered[first:first + CHART_PER_PAGE], first), Spacer(1, page.LEADING / 2))
    story.heading("heading", 1, 4, words.refusals)
    if not view.refusals:
        story.text("refusals.empty", words.none_refused)
    for n, line in enumerate(view.refusals, start=1):
        reason = line.reason.strip().rstrip("。；;.")
        story.text(f"refusals.{n}", words.refusal(n, line.department, line.request_number, reason))
    section = 5
    if view.assets:
        _asset_section(story, view, section)
        section += 1
    return section


def build_story(view: ScorecardView) -> Story:
    if view.lang == "en":
        return build_story_en(view)
    story = Story()
    story.text("title", TITLE, page.TITLE)
    period = f"（{page.cn_date(view.start)}至{page.cn_date(view.end)}）"
    story.text("period", period, page.NUMBER)
    t = view.total
    rate = f"{100 * t.on_time_rate:.1f}%" if t.on_time_rate is not None else "—"
    story.heading("heading", 1, 1, "总体情况")
    story.text(
        "summary",
        f"本期全市{len(view.rows)}个部门共收到政务数据共享申请{t.received}件，已答复{t.answered}件，"
        f"其中按时答复{t.on_time}件，按时答复率{rate}；"
        + (f"答复用时中位数为{_fmt_days(t.median_days)}个工作日；" if t.median_days is not None else "")
        + f"拒绝共享{t.refused}件。未办结的数据异议{t.objections_open}件，裁决未支持其主张{t.disputes_lost}件次，"
        f"裁决事项按时履行{t.orders_on_time}项（应履行{t.orders_due}项），未销号的问责整改{t.rectifications_open}项。",
    )
    story.text(
        "summary.duties",
        f"全市数据资源目录共{t.resources}项，其中向社会开放（含有条件开放）{t.open_resources}项"
        + (f"，开放率{_pct(t.open_rate)}" if t.open_rate is not None else "")
        + f"；本期收到数据异议{t.objections_raised}件，已更正{t.objections_corrected}件"
        + (f"，更正用时中位数为{_fmt_days(t.correction_days)}个工作日" if t.correction_days is not None else "")
        + f"；数据更新逾期的资源{t.updates_overdue}项；"
        f"职能变更后应更新目录{t.catalogue_updates_due}次，按期更新{t.catalogue_updates_on_time}次；"
        f"违规使用共享数据经查属实{t.misuse_findings}件。",
    )
    section = _figures(story, view, ZH_WORDS)
    story.heading("heading", 1, section, "指标说明")
    story.text(
        "notes",
        "“收到申请”指本期经合规审核进入答复环节的申请；“按时答复”指在政策规定的工作日期限内作出答复；"
        "“答复用时”自合规审核之日的次日起按工作日计算；“裁决未支持其主张”指作为被申请人时申请人的仲裁请求"
        "被支持或者部分支持，或者作为申请人时其仲裁请求被驳回的裁决；“裁决事项按时履行”为本期到期的裁决事项中"
        "按期履行的项数；“开放资源”指目录中列为无条件开放或者有条件开放的资源；“数据更新逾期”指按更新周期"
        "（另加2日宽限，本系统默认值）于期末应已更新而未登记更新的资源；“目录按期更新”指职能变更后在政策期限内"
        "更新目录的次数。",
    )
    story.closing(view, issued_on=page.cn_date(view.issued_on), seal=False)
    return story


def build_story_en(view: ScorecardView) -> Story:
    """The English rendering: the same sections and tables; department names and reasons as recorded (Chinese)."""
    story = Story()
    story.lang = "en"
    story.text("title", EN_TITLE, page.TITLE)
    story.text("period", f"({page.en_date(view.start)} to {page.en_date(view.end)})", page.NUMBER)
    t = view.total
    rate = f"{100 * t.on_time_rate:.1f}%" if t.on_time_rate is not None else "—"
    story.heading("heading", 1, 1, "Overview")
    story.text(
        "summary",
        f"In this period the city's {len(view.rows)} departments received {t.received} data sharing requests and "
        f"answered {t.answered}, {t.on_time} of them on time (on-time rate {rate}); "
        + (f"the median time to answer was {_fmt_days(t.median_days)} working days; "
           if t.median_days is not None else "")
        + f"{t.refused} requests were refused. {t.objections_open} data "
        f"objections are still open; rulings went against a department {t.disputes_lost} times; "
        f"{t.orders_on_time} of {t.orders_due} ordered items falling due were done on time; "
        f"{t.rectifications_open} rectifications ordered by accountability notices are still open.",
    )
    story.text(
        "summary.duties",
        f"The city's data resource catalogue lists {t.resources} resources, {t.open_resources} of them open to the "
        f"public (including conditionally open)"
        + (f", an open share of {_pct(t.open_rate)}" if t.open_rate is not None else "")
        + ". In this period "
        f"{t.objections_raised} data objections were raised and {t.objections_corrected} corrected"
        + (f", with a median of {_fmt_days(t.correction_days)} working days to correct"
           if t.correction_days is not None else "")
        + "; data updates are overdue for "
        f"{t.updates_overdue} resources; of {t.catalogue_updates_due} catalogue updates due after a change of "
        f"duties, {t.catalogue_updates_on_time} were made on time; {t.misuse_findings} reports of misuse of shared "
        "data were confirmed.",
    )
    section = _figures(story, view, EN_WORDS)
    story.heading("heading", 1, section, "Notes on the figures")
    story.text(
        "notes",
        "\"Requests received\" are the requests of the period that passed the conformity check and went to "
        "the provider for an answer; \"answered on time\" means answered within the working days the policy "
        "sets; the time to answer is counted in working days from the day after the conformity check; \"rulings "
        "against it\" are rulings upholding, wholly or in part, a claim against the department, or dismissing "
        "its own claim; \"ordered items done on time\" counts the ordered items falling due in the period "
        "that were done by their deadline; \"open resources\" are catalogue resources open to the public "
        "unconditionally or on conditions; \"updates overdue\" are resources whose data should have been "
        "updated by the end of the period under their update cycle (plus 2 days of grace, this system's default) "
        "but were not; \"catalogue updates on time\" counts the catalogue updates made within the policy "
        "period after a change of duties.",
    )
    story.closing(view, issued_on=page.en_date(view.issued_on), seal=False)
    return story


def render_scorecard(view: ScorecardView) -> bytes:
    """The scorecard as PDF bytes: same figures, same bytes (the English rendering when ``view.lang`` is "en")."""
    period = f"{page.en_date(view.start)} to {page.en_date(view.end)}"
    title = f"{EN_TITLE}, {period}" if view.lang == "en" else f"{TITLE}{view.number}"
    return render_view(view, build_story(view), title=title)
