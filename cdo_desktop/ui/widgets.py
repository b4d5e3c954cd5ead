"""Small shared widgets and formatting: debounced search box, list view, countdowns, messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cdo_desktop.domain.errors import DomainError
from cdo_desktop.domain.workdays import HolidayCalendar
from cdo_desktop.ui.i18n import error_text
from cdo_desktop.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QTimer,
    QWidget,
    Signal,
)

SEARCH_DEBOUNCE_MS = 250


class SearchBox(QLineEdit):
    """A line edit that emits ``search`` once typing pauses (debounced), never on every key."""

    search = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.textChanged.connect(lambda _text: self.timer.start())
        self.timer.timeout.connect(lambda: self.search.emit(self.text()))
        self.returnPressed.connect(self.flush)

    def flush(self) -> None:
        self.timer.stop()
        self.search.emit(self.text())


def make_table(parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setSortIndicatorShown(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move within it): the keyboard reaches the buttons
    return view


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    font = label.font()
    font.setPointSize(font.pointSize() + 4)
    font.setBold(True)
    label.setFont(font)
    return label


def show_error(parent: QWidget | None, exc: BaseException, title: str) -> None:
    """Tell the user why an action was refused (a DomainError) or that something unexpected happened."""
    from cdo_desktop.store.backup import BackupError

    if isinstance(exc, DomainError):
        QMessageBox.warning(parent, title, error_text(exc))
    elif isinstance(exc, (BackupError, OSError)):  # the environment's fault: say what happened, no traceback
        QMessageBox.warning(parent, title, str(exc))
    else:
        QMessageBox.critical(parent, title, f"{type(exc).__name__}: {exc}")


def days_left(calendar: HolidayCalendar, today: dt.date, due: dt.date | None) -> tuple[int, bool] | None:
    """Working days from today to ``due`` (negative when late) and whether the count is uncertain."""
    if due is None:
        return None
    return calendar.workdays_between(today, due)


def tone_for(left: tuple[int, bool] | None) -> str | None:
    if left is None:
        return None
    if left[0] < 0:
        return "late"
    if left[0] <= 2:
        return "soon"
    return None


def fmt_date(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else ("" if value is None else str(value))
