"""Small pieces the existing pages show for the asset register: duplicate-data-items notices (集约化) and the
scorecard's asset figures table."""

from __future__ import annotations

import html
import uuid
from typing import Any

from cdo_desktop.ui.i18n import is_english
from cdo_desktop.ui.qt import QCoreApplication, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


def flags_html(state: Any, subject_id: uuid.UUID) -> str:
    """The active duplicate flags of a resource or request as an HTML notice ("" when there is none)."""
    from cdo_desktop.ui.asset_queries import flags_of

    with state.read() as session:
        flags = flags_of(session, subject_id)
    if not flags:
        return ""
    lines = "".join(f"<li>{html.escape(en if is_english() else zh)}</li>" for zh, en in flags)
    title = html.escape(QCoreApplication.translate("Assets", "Shared platforms (集约化): the same data items are provided already"))
    return f"<div style='color:#8a5300'><b>{title}</b><ul>{lines}</ul></div>"


class AssetFigures(QTableWidget):
    """Per department: resources, registered share, valued share and total value (latest valuations, 万元)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("assetFigures")
        self.setHorizontalHeaderLabels([QCoreApplication.translate("Assets", "Department"), QCoreApplication.translate("Assets", "Resources"), QCoreApplication.translate("Assets", "Registered share"),
                                        QCoreApplication.translate("Assets", "Valued share"), QCoreApplication.translate("Assets", "Total value (10k yuan)"), QCoreApplication.translate("Assets", "Assets")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):  # figures and their headers are never cut; the department name takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setMinimumHeight(180)

    def refresh(self, state: Any) -> None:
        import datetime as dt

        from cdo_desktop.reports.asset_stats import asset_rows
        from cdo_desktop.reports.scorecard import wan_yuan
        from cdo_desktop.store.queries import departments

        with state.read() as session:
            depts = [d for d in departments(session) if not d.is_bureau]
            rows, total = asset_rows(session, depts, dt.date.max)
        shown = [*sorted(rows, key=lambda r: -r.value_fen), total]
        self.setRowCount(len(shown))
        for i, row in enumerate(shown):
            cells = [row.department, str(row.resources),
                     f"{100 * row.registered_share:.1f}%" if row.registered_share is not None else "—",
                     f"{100 * row.valued_share:.1f}%" if row.valued_share is not None else "—",
                     wan_yuan(row.value_fen), str(row.registered)]
            for j, text in enumerate(cells):
                self.setItem(i, j, QTableWidgetItem(text))
