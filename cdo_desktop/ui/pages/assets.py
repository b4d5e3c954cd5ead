"""The data asset register: list, detail with the valuation history and a value-over-time chart (QPainter), the
application, approval and valuation dialogs, the registration certificate, import and export."""

from __future__ import annotations

import datetime as dt
import html
import itertools
from typing import Any

from cdo_desktop.domain.enums import AssetState, QualityGrade, ValuationMethod
from cdo_desktop.ui import asset_queries
from cdo_desktop.ui.i18n import enum_label, label
from cdo_desktop.ui.pages.base import ListPage
from cdo_desktop.ui.qt import QColor, QPainter, QPen, QPointF, QPushButton, QRectF, Qt, QWidget
from cdo_desktop.ui.table_model import Column
from cdo_desktop.ui.transfer_ui import transfer_buttons


def yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen / 100:,.2f}"


class ValueChart(QWidget):
    """Value over time: one point per valuation, joined by a line, with the amounts in 万元 on the axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueChart")
        self.points: list[tuple[dt.date, int]] = []
        self.setMinimumHeight(150)

    def set_points(self, points: list[tuple[dt.date, int]]) -> None:
        self.points = sorted(points)
        self.update()

    def geometry_of(self) -> list[QPointF]:
        """Where each point is drawn (also what the tests read)."""
        left, top, right, bottom = 70.0, 14.0, 20.0, 26.0
        w, h = max(self.width() - left - right, 10.0), max(self.height() - top - bottom, 10.0)
        if not self.points:
            return []
        first, last = self.points[0][0], self.points[-1][0]
        span = max((last - first).days, 1)
        peak = max(v for _d, v in self.points) or 1
        out = []
        for day, value in self.points:
            x = left + (w * (day - first).days / span if len(self.points) > 1 else w / 2)
            out.append(QPointF(x, top + h - h * value / (peak * 1.1)))
        return out

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor("#777"))
        if not self.points:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No valuation yet"))
            painter.end()
            return
        left, bottom = 70.0, self.height() - 26.0
        painter.drawLine(QPointF(left, 14), QPointF(left, bottom))
        painter.drawLine(QPointF(left, bottom), QPointF(self.width() - 20.0, bottom))
        peak = max(v for _d, v in self.points) or 1
        painter.drawText(QRectF(0, 6, left - 6, 16), Qt.AlignmentFlag.AlignRight, f"{peak * 1.1 / 1_000_000:.2f}")
        painter.drawText(QRectF(0, bottom - 10, left - 6, 16), Qt.AlignmentFlag.AlignRight, "0")
        painter.drawText(QRectF(0, bottom + 4, left - 6, 16), Qt.AlignmentFlag.AlignRight, self.tr("10k yuan"))
        points = self.geometry_of()
        painter.setPen(QPen(QColor("#1e88e5"), 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        for point, (day, value) in zip(points, self.points, strict=True):
            painter.setBrush(QColor("#1e88e5"))
            painter.drawEllipse(point, 4, 4)
            painter.setPen(QColor("#333"))
            painter.drawText(QRectF(point.x() - 60, bottom + 4, 120, 16), Qt.AlignmentFlag.AlignHCenter,
                             day.isoformat())
            painter.drawText(QRectF(point.x() - 60, point.y() - 20, 120, 16), Qt.AlignmentFlag.AlignHCenter,
                             f"{value / 1_000_000:.2f}")
            painter.setPen(QPen(QColor("#1e88e5"), 2))
        painter.end()


class AssetsPage(ListPage):
    entities = frozenset({"asset", "resource", "department"})

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.scope = self.add_filter("scope", self.tr("All departments"), [(self.tr("My department"), "mine")])
        self.add_filter("state", self.tr("All states"), [(label(s), s.value) for s in AssetState])
        self.apply_button = QPushButton(self.tr("Apply for registration…"))
        self.apply_button.setObjectName("applyAsset")
        self.apply_button.clicked.connect(self.apply_for_asset)
        self.toolbar.addWidget(self.apply_button)
        self.transfer = transfer_buttons(self, state, "assets")
        for button in self.transfer:
            self.toolbar.addWidget(button)
        self.chart = ValueChart()
        self.detail.parentWidget().layout().addWidget(self.chart)
        state.actor_changed.connect(self._actor_changed)
        self._actor_changed()

    def title(self) -> str:
        return self.tr("Data assets")

    def _actor_changed(self) -> None:
        actor = self.state.actor
        mine = bool(actor and self.state.may("asset.apply", owner=actor.department_id))
        self.apply_button.setVisible(mine)
        self.transfer[0].setVisible(mine)

    def fetch(self) -> Any:
        return asset_queries.fetch_assets

    def current_filters(self) -> dict[str, Any]:
        filters = super().current_filters()
        if filters.pop("scope", None) == "mine" and self.state.actor is not None:
            filters["department_id"] = self.state.actor.department_id
        return filters

    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Asset code")),
            Column("name", self.tr("Asset name")),
            Column("holder", self.tr("Holder")),
            Column("state", self.tr("Status"), lambda r: enum_label(AssetState, r["state"])),
            Column("quality_grade", self.tr("Quality grade"), lambda r: enum_label(QualityGrade, r["quality_grade"])),
            Column("number", self.tr("Certificate")),
            Column("registered_on", self.tr("Registered")),
            Column("value_fen", self.tr("Latest value (yuan)"), lambda r: yuan(r["value_fen"])),
        ]

    def entity(self) -> str:
        return "asset"

    def departments_of(self, row: dict[str, Any]) -> dict[str, Any]:
        return {"owner": row["department_id"]}

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        if row is None:
            return []
        out: list[QWidget] = []
        if row.get("number") and row.get("registered_on") is not None:
            button = QPushButton(self.tr("Certificate PDF"))
            button.setObjectName("certificatePdf")
            button.clicked.connect(lambda: self.open_certificate(row["number"]))
            out.append(button)
        with self.state.read() as session:
            reports = [v for v in asset_queries.valuations(session, row["id"]) if v.report_sha256]
        if reports:
            latest = reports[-1]
            report = QPushButton(self.tr("Open valuation report"))
            report.setObjectName("openReport")
            report.clicked.connect(lambda: self.open_report(str(latest.report_sha256)))
            out.append(report)
        return out

    def open_report(self, sha256: str) -> None:
        """The latest valuation report, from this desktop's blobs/ or downloaded (hash-checked) from the bureau."""
        from cdo_desktop.ui.evidence import blob_path
        from cdo_desktop.ui.qt import QDesktopServices, QMessageBox, QUrl

        path = blob_path(self.state.data_dir, sha256)
        if not path.exists():
            client = self.state.sync_client
            if client is None:
                QMessageBox.information(self, self.tr("Valuation report"),
                                        self.tr("The file has not been downloaded from the bureau yet."))
                return
            from cdo_desktop.sync.blobs import fetch_blob
            from cdo_desktop.ui.dialogs.busy import run_with_progress

            data_dir = self.state.data_dir
            path = run_with_progress(self, self.tr("Valuation report"),
                                     lambda progress: fetch_blob(client.http, data_dir, sha256))
            if path is None:
                return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def on_selection(self) -> None:
        super().on_selection()
        row = self.selected_row()
        if row is None:
            self.chart.set_points([])
            return
        with self.state.read() as session:
            history = asset_queries.valuations(session, row["id"])
        self.chart.set_points([(v.valued_on, v.value_fen) for v in history])

    def describe(self, row: dict[str, Any]) -> str:
        e = html.escape
        with self.state.read() as session:
            history = asset_queries.valuations(session, row["id"])
        facts = [
            (self.tr("Asset code"), row["code"]), (self.tr("Asset name"), row["name"]),
            (self.tr("Holder"), row["holder"]), (self.tr("Resource"), row["resource"]),
            (self.tr("Scope"), row["scope"]), (self.tr("Volume"), row["volume"]),
            (self.tr("Record count"), f"{row['record_count']:,}" if row.get("record_count") else ""),
            (self.tr("Quality grade"), enum_label(QualityGrade, row["quality_grade"])),
            (self.tr("Status"), enum_label(AssetState, row["state"])),
            (self.tr("Certificate"), row["number"]), (self.tr("Applied"), row["applied_on"]),
            (self.tr("Registered"), row["registered_on"] or ""), (self.tr("Reason"), row["reason"]),
        ]
        body = "".join(f"<tr><th align='left' style='padding-right:12px'>{e(k)}</th><td>{e(str(v))}</td></tr>"
                       for k, v in facts if v)
        lines = "".join(
            f"<tr><td>{v.valued_on}</td><td>{e(enum_label(ValuationMethod, v.method))}</td>"
            f"<td align='right'>{yuan(v.value_fen)}</td><td>{e(v.valuer)}</td>"
            f"<td>{e(v.report_filename)}<br/><small>SHA-256 {e((v.report_sha256 or '')[:16])}…</small></td></tr>"
            for v in history)
        names = [self.tr("Valuation date"), self.tr("Method"), self.tr("Value (yuan)"), self.tr("Valuer"),
                 self.tr("Valuation report")]
        head = "<tr>" + "".join(f"<th>{e(n)}</th>" for n in names) + "</tr>"
        title, none = self.tr("Valuation history"), self.tr("No valuation yet")
        valuations = (f"<h4>{e(title)}</h4><table cellpadding='3'>{head}{lines}</table>"
                      if history else f"<p style='color:#777'>{e(none)}</p>")
        return f"<table>{body}</table>{valuations}"

    def apply_for_asset(self) -> None:
        from cdo_desktop.ui.dialogs.asset_dialogs import AssetApplyDialog

        self.apply_dialog = AssetApplyDialog(self.state, self)
        self.apply_dialog.exec()

    def open_certificate(self, number: str) -> None:
        from cdo_desktop.ui.dialogs.busy import run_with_progress
        from cdo_desktop.ui.dialogs.pdf_preview import PdfPreview

        def render(progress: Any) -> bytes:
            from cdo_desktop.reports import documents

            with self.state.read() as session:
                return documents.render(documents.load_view(session, "certificate", number))

        data = run_with_progress(self, self.tr("Certificate PDF"), render)
        if data is not None:
            from cdo_desktop.reports.documents import safe_filename

            self.preview = PdfPreview(data, f"{safe_filename(number)}.pdf", self)
            self.preview.show()
