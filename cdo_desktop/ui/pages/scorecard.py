"""Scorecard: each providing department's sharing performance as a bar chart (QPainter) and the PDF report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cdo_desktop.ui import queries
from cdo_desktop.ui.pages.base import Page
from cdo_desktop.ui.qt import (
    QColor,
    QHBoxLayout,
    QPainter,
    QPushButton,
    QRectF,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from cdo_desktop.ui.widgets import heading

SERIES = (("received", "#90a4ae"), ("answered", "#1e88e5"), ("late", "#ef6c00"), ("refused", "#c62828"))
BAR_ROW = 30


class BarChart(QWidget):
    """Horizontal grouped bars: one row per department, one bar per series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.legend: list[str] = []
        self.setObjectName("scoreChart")

    def set_rows(self, rows: list[dict[str, Any]], legend: list[str]) -> None:
        self.rows = rows
        self.legend = legend
        self.setMinimumHeight(60 + BAR_ROW * max(len(rows), 1))
        self.update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        label_w = 230
        top = 34
        x = 10
        for (_key, color), text in zip(SERIES, self.legend, strict=False):
            painter.fillRect(QRectF(x, 10, 14, 14), QColor(color))
            painter.setPen(QColor("#333"))
            painter.drawText(QRectF(x + 18, 6, 160, 22), Qt.AlignmentFlag.AlignVCenter, text)
            x += 30 + painter.fontMetrics().horizontalAdvance(text)
        if not self.rows:
            return
        peak = max(int(r.get("received") or 0) for r in self.rows) or 1
        width = max(self.width() - label_w - 70, 50)
        for i, row in enumerate(self.rows):
            y = top + i * BAR_ROW
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(8, y, label_w - 12, BAR_ROW), Qt.AlignmentFlag.AlignVCenter |
                             Qt.AlignmentFlag.AlignRight, row.get("short_name") or row.get("name") or "")
            bar_h = (BAR_ROW - 8) / len(SERIES)
            for j, (key, color) in enumerate(SERIES):
                value = int(row.get(key) or 0)
                rect = QRectF(label_w, y + 3 + j * bar_h, width * value / peak, bar_h - 1)
                painter.fillRect(rect, QColor(color))
            painter.drawText(QRectF(label_w + width * int(row.get("received") or 0) / peak + 6, y, 60, BAR_ROW),
                             Qt.AlignmentFlag.AlignVCenter, str(int(row.get("received") or 0)))
        painter.end()


class ScorecardPage(Page):
    entities = frozenset({"request", "asset"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addStretch(1)
        pdf = QPushButton(self.tr("Scorecard PDF"))
        pdf.setObjectName("scorecardPdf")
        pdf.clicked.connect(self.open_pdf)
        top.addWidget(pdf)
        layout.addLayout(top)
        self.chart = BarChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        layout.addWidget(scroll, 1)
        from cdo_desktop.ui.asset_widgets import AssetFigures

        self.assets = AssetFigures()
        layout.addWidget(self.assets)

    def title(self) -> str:
        return self.tr("Scorecard")

    def refresh(self) -> None:
        with self.state.read() as session:
            rows = queries.scorecard(session)
        self.chart.set_rows(rows[:40], [self.tr("Requests received"), self.tr("Answered"),
                                        self.tr("Answered late"), self.tr("Refused")])
        self.assets.refresh(self.state)

    def open_pdf(self) -> None:
        from cdo_desktop.ui.dialogs.busy import run_with_progress
        from cdo_desktop.ui.dialogs.pdf_preview import PdfPreview

        today = self.state.today

        def render(progress: Any) -> bytes:
            from cdo_desktop.reports import documents

            with self.state.read() as session:
                view = documents.scorecard(session, dt.date(today.year, 1, 1), today)
            return documents.render(view)

        data = run_with_progress(self, self.tr("Scorecard PDF"), render)
        if data is not None:
            self.preview = PdfPreview(data, f"scorecard-{today.year}.pdf", self)
            self.preview.show()
