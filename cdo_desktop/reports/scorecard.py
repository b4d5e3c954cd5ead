"""The department scorecard (部门数据共享绩效报告): the sharing table and the owner's-duties table (catalogue,
openness, quality, updates, misuse), each splitting with repeated headers, and a bar chart."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from cdo_desktop.reports import fonts, page
from cdo_desktop.reports.compose import Story, render_view
from cdo_desktop.reports.text import TextStyle
from cdo_desktop.reports.views import AssetScoreRow, ScorecardView, ScoreRow

TITLE = "佛山市部门数据共享绩效报告"
CELL = TextStyle(font=fonts.SONG, size=9.0, leading=12.0, align="center")
CELL_LEFT = CELL.but(align="left")
HEADER = CELL.but(font=fonts.HEI)
COLUMNS = (
    ("部门", 104.0),
    ("收到申请", 34.0),
    ("已答复", 34.0),
    ("按时答复", 34.0),
    ("答复用时中位数（工作日）", 44.0),
    ("拒绝共享", 34.0),
    ("未办结异议", 36.0),
    ("裁决未支持其主张", 34.0),
    ("裁决事项按时履行", 46.0),
    ("未销号整改", 42.2),
)
DUTY_COLUMNS = (
    ("部门", 104.0),
    ("目录资源", 34.0),
    ("开放资源", 38.0),
    ("开放率", 36.0),
    ("数据异议（件/每项资源）", 46.0),
    ("已更正", 34.0),
    ("更正用时中位数（工作日）", 44.0),
    ("数据更新逾期", 36.0),
    ("目录按期更新", 36.0),
    ("违规使用经查属实", 34.2),
)
CHART_PER_PAGE = 26


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{100 * rate:.1f}%"


def _duty_cells(row: ScoreRow) -> list[str]:
    per = row.objections_per_resource
    return [
        row.department,
        str(row.resources),
        str(row.open_resources),
        _pct(row.open_rate),
        f"{row.objections_raised}（{per:.2f}）" if per is not None else str(row.objections_raised),
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


def _cells(row: ScoreRow) -> list[str]:
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
           columns: tuple[tuple[str, float], ...] = COLUMNS, cells: Any = _cells) -> Table:
    data: list[list[list[Flowable]]] = [[story.block(f"{prefix}.header", name, HEADER) for name, _ in columns]]
    for n, row in enumerate((*view.rows, view.total)):
        field = f"{prefix}.total" if n == len(view.rows) else f"{prefix}.rows.{n + 1}"
        style = HEADER if n == len(view.rows) else CELL
        data.append([story.block(field, text, CELL_LEFT if i == 0 and style is CELL else style)
                     for i, text in enumerate(cells(row))])
    table = Table(data, colWidths=[w for _, w in columns], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONT", (0, 0), (-1, -1), fonts.SONG, 9),  # the cell default is Helvetica, never embedded
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


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
    caption = story.check("chart.caption", "按时答复率（按时答复件数 ÷ 已答复件数）", fonts.HEI)
    drawing.add(String(page.BODY_WIDTH / 2, 4, caption, fontName=fonts.HEI, fontSize=9, textAnchor="middle"))
    return drawing


ASSET_COLUMNS = (("部门", 150.0), ("数据资源", 46.0), ("已登记资产", 50.0), ("登记率", 46.0), ("已评估", 46.0),
                 ("评估率", 46.0), ("估值合计（万元）", 58.2))


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
    story.heading("heading", 1, number, "数据资产登记和评估")
    story.text(
        "assets.summary",
        f"截至{page.cn_date(view.end)}，全市{t.resources}项数据资源中已登记为数据资产{t.registered}项，"
        f"登记率{_share(t.registered_share)}；已评估{t.valued}项，评估率{_share(t.valued_share)}；"
        f"各资产最近一次评估价值合计{wan_yuan(t.value_fen)}万元。",
    )
    data = [[story.block("assets.header", name, HEADER) for name, _ in ASSET_COLUMNS]]
    for n, row in enumerate((*view.assets, t)):
        last = n == len(view.assets)
        field = "assets.total" if last else f"assets.rows.{n + 1}"
        style = HEADER if last else CELL
        data.append([story.block(field, text, CELL_LEFT if i == 0 and not last else style)
                     for i, text in enumerate(_asset_cells(row))])
    table = Table(data, colWidths=[w for _, w in ASSET_COLUMNS], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONT", (0, 0), (-1, -1), fonts.SONG, 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    story.add(table, Spacer(1, page.LEADING / 2))
    story.text("assets.notes", "登记率、评估率以该部门数据资源总数为分母；估值为各资产截至期末最近一次评估的价值。")


def build_story(view: ScorecardView) -> Story:
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
        f"其中按时答复{t.on_time}件，按时答复率{rate}；答复用时中位数为{_fmt_days(t.median_days)}个工作日；"
        f"拒绝共享{t.refused}件。未办结的数据异议{t.objections_open}件，裁决未支持其主张{t.disputes_lost}件次，"
        f"裁决事项按时履行{t.orders_on_time}项（应履行{t.orders_due}项），未销号的问责整改{t.rectifications_open}项。",
    )
    story.text(
        "summary.duties",
        f"全市数据资源目录共{t.resources}项，其中向社会开放（含有条件开放）{t.open_resources}项，"
        f"开放率{_pct(t.open_rate)}；本期收到数据异议{t.objections_raised}件，已更正{t.objections_corrected}件，"
        f"更正用时中位数为{_fmt_days(t.correction_days)}个工作日；数据更新逾期的资源{t.updates_overdue}项；"
        f"职能变更后应更新目录{t.catalogue_updates_due}次，按期更新{t.catalogue_updates_on_time}次；"
        f"违规使用共享数据经查属实{t.misuse_findings}件。",
    )
    story.heading("heading", 1, 2, "各部门绩效明细", keep=False)
    story.add(_table(story, view), Spacer(1, page.LEADING / 2))
    story.add(_table(story, view, prefix="duties", columns=DUTY_COLUMNS, cells=_duty_cells),
              Spacer(1, page.LEADING / 2))
    story.heading("heading", 1, 3, "按时答复率")
    answered = [r for r in view.rows if r.answered]
    if not answered:
        story.text("chart.empty", "本期没有已答复的共享申请。")
    for first in range(0, len(answered), CHART_PER_PAGE):
        story.add(_chart(story, answered[first:first + CHART_PER_PAGE], first), Spacer(1, page.LEADING / 2))
    story.heading("heading", 1, 4, "拒绝共享情况")
    if not view.refusals:
        story.text("refusals.empty", "本期没有拒绝共享的申请。")
    for n, line in enumerate(view.refusals, start=1):
        story.text(f"refusals.{n}", f"{page.heading_label(3, n)}{line.department}（{line.request_number}）：{line.reason}")
    section = 5
    if view.assets:
        _asset_section(story, view, section)
        section += 1
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


def render_scorecard(view: ScorecardView) -> bytes:
    """The scorecard as PDF bytes: same figures, same bytes."""
    return render_view(view, build_story(view), title=f"{TITLE}{view.number}")
