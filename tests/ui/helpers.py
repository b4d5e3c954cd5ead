"""Helpers for driving list pages in UI tests: the visible action buttons, and selecting a record by its number."""

from __future__ import annotations

import time
from typing import Any

from cdo_desktop.ui.qt import QApplication, QPushButton
from cdo_desktop.ui.worker import wait_all


def buttons(page: Any) -> dict[str, QPushButton]:
    QApplication.processEvents()  # a widget added to a shown layout becomes visible at the next event-loop turn
    return {b.objectName(): b for b in page.findChildren(QPushButton) if b.isVisibleTo(page) and b.objectName()}


def wait_for_rows(page: Any, ready: Any, timeout: float = 10.0) -> None:
    """Until no search is pending and ``ready(rows)`` holds (searches answer off the UI thread)."""
    deadline = time.monotonic() + timeout
    while (page.model.search_pending or not ready(page.model.rows)) and time.monotonic() < deadline:
        wait_all()
        QApplication.processEvents()


def select_by_number(page: Any, number: str, *, refresh: bool = False) -> dict[str, Any]:
    if refresh:
        page.refresh()
    page.search.setText(number)
    page.search.flush()
    wait_for_rows(page, lambda rows: any(r["number"] == number for r in rows))
    row = next(i for i, r in enumerate(page.model.rows) if r["number"] == number)
    page.view.selectRow(row)
    QApplication.processEvents()
    return page.selected_row()
