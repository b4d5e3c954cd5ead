"""Base classes of the pages: lazy loading, reacting to `changed`, and the searchable list with an action bar."""

from __future__ import annotations

import uuid
from typing import Any

from cdo_desktop.domain.workflow import Transition
from cdo_desktop.ui.actions import ActionRunner, action_buttons
from cdo_desktop.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QItemSelectionModel,
    QSplitter,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from cdo_desktop.ui.table_model import Column, PagedTableModel
from cdo_desktop.ui.widgets import SearchBox, heading, make_table


class Page(QWidget):
    """A page of the main window. ``entities``: the record kinds whose change makes it refresh."""

    entities: frozenset[str] = frozenset()

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loaded = False
        self.dirty = False
        state.changed.connect(self._on_changed)

    def title(self) -> str:
        raise NotImplementedError

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded or self.dirty:
            self.loaded = True
            self.dirty = False
            self.refresh()

    def _on_changed(self, entities: set[str]) -> None:
        if "*" in entities or entities & self.entities:
            if self.isVisible():
                self.refresh()
            else:
                self.dirty = True

    def refresh(self) -> None:
        """Re-read what the page shows (keeping selection and scroll)."""


class ListPage(Page):
    """Heading, search box, filters, a lazily fetched table, the permitted actions and a detail pane."""

    embedded = False  # a list inside another page's tab: no heading of its own

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.runner = ActionRunner(state, self)
        self.sized = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        if not self.embedded:
            top.addWidget(heading(self.title()))
        top.addStretch(1)
        self.toolbar = QHBoxLayout()
        top.addLayout(self.toolbar)
        layout.addLayout(top)
        bar = QHBoxLayout()
        self.search = SearchBox(self.tr("Search (number, department, resource, text)…"))
        self.search.setObjectName("search")
        bar.addWidget(self.search, 2)
        self.filter_bar = QHBoxLayout()
        bar.addLayout(self.filter_bar, 1)
        layout.addLayout(bar)
        self.model = PagedTableModel(state, self.fetch(), self.columns())
        self.view = make_table()
        self.view.setModel(self.model)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.action_bar = QHBoxLayout()
        self.action_bar.addStretch(1)
        lower_layout.addLayout(self.action_bar)
        lower_layout.addWidget(self.detail)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.search.search.connect(self.model.set_search)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.on_selection())
        self.model.modelReset.connect(self.on_selection)
        self.model.modelReset.connect(self._select_pending)
        self.pending_number = ""
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

    # -- to override ------------------------------------------------------------------------------------------

    def fetch(self) -> Any:
        raise NotImplementedError

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def departments_of(self, row: dict[str, Any]) -> dict[str, uuid.UUID | None]:
        return {}

    def entity(self) -> str:
        return ""

    def describe(self, row: dict[str, Any]) -> str:
        return ""

    def full_row(self, row: dict[str, Any]) -> dict[str, Any]:
        return row

    def extra_actions(self, row: dict[str, Any] | None) -> list[QWidget]:
        return []

    def empty_text(self) -> str:
        return self.tr("There are no records here yet.")

    def prepare(self) -> None:
        """Called before each reload: adjust the fetch to the signed-in actor."""

    # -- behaviour --------------------------------------------------------------------------------------------

    def add_filter(self, name: str, label: str, options: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"filter:{name}")
        combo.addItem(label, None)
        for text, value in options:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(combo)
        return combo

    def current_filters(self) -> dict[str, Any]:
        filters: dict[str, Any] = {}
        for i in range(self.filter_bar.count()):
            widget = self.filter_bar.itemAt(i).widget()
            if isinstance(widget, QComboBox) and widget.currentData() is not None:
                filters[widget.objectName().split(":", 1)[1]] = widget.currentData()
        return filters

    def apply_filters(self) -> None:
        self.model.set_filters(self.current_filters())

    def open_number(self, number: str) -> None:
        """Show the record numbered ``number`` (filters cleared, searched for, selected when the answer comes)."""
        for i in range(self.filter_bar.count()):
            widget = self.filter_bar.itemAt(i).widget()
            if isinstance(widget, QComboBox) and widget.currentIndex() != 0:
                widget.blockSignals(True)
                widget.setCurrentIndex(0)
                widget.blockSignals(False)
        self.pending_number = number
        if not self.loaded:
            self.loaded = True
            self.refresh()
        self.model.filters = self.current_filters()
        self.search.setText(number)
        if self.model.search == number.strip():
            self.model.reload()
        else:
            self.search.flush()
        self._select_pending()

    def _select_pending(self) -> None:
        if not self.pending_number:
            return
        for i, row in enumerate(self.model.rows):
            if self.pending_number in (row.get("number"), row.get("ruling")):
                self.pending_number = ""
                self.view.selectRow(i)
                self.view.setFocus()
                return

    def selected_row(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        selected = self.selected_row()
        scroll = self.view.verticalScrollBar().value()
        self.prepare()
        self.model.filters = self.current_filters()
        self.model.reload(keep=len(self.model.rows))
        if not self.sized and self.model.rows:
            self.sized = True
            self.view.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.view.setColumnWidth(column, min(self.view.columnWidth(column), 280))
        if selected is not None:
            row = self.model.index_of(selected.get("id"))
            if row >= 0:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        self.view.verticalScrollBar().setValue(scroll)
        self.on_selection()

    def on_selection(self) -> None:
        while self.action_bar.count() > 1:
            item = self.action_bar.takeAt(1)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # leaves the page now, not at the next event-loop turn
                widget.deleteLater()
        row = self.selected_row()
        for widget in self.extra_actions(row):
            self.action_bar.addWidget(widget)
        if row is None:
            hint = self.tr("Select a row to see its details.") if self.model.rowCount() else (
                self.tr("Nothing matches the search.") if self.model.search else self.empty_text())
            self.detail.setHtml(f"<p style='color:#777'>{hint}</p>")
            return
        transitions = self.state.available_actions(self.entity(), row.get("state", ""), **self.departments_of(row))
        for button in action_buttons(transitions, self.run_action, self.skip_actions()):
            self.action_bar.addWidget(button)
        self.detail.setHtml(self.describe(row))

    def skip_actions(self) -> set[str]:
        return set()

    def run_action(self, transition: Transition) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.runner.run(transition, row["id"], self.full_row(row), self)
