"""Base classes of the pages: lazy loading, reacting to `changed`, and the searchable list with an action bar."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from cdo_desktop.domain.workflow import Transition
from cdo_desktop.ui.actions import ActionRunner, action_buttons
from cdo_desktop.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QItemSelectionModel,
    QPushButton,
    QSplitter,
    Qt,
    QTextBrowser,
    QTimer,
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


# columns of names and free text: they share what the fixed columns leave; the page's long text column stretches and
# elides (the full text is the cell's tooltip). Numbers, states, dates and deadlines always get their full width.
ELASTIC_KEYS = frozenset({"purpose", "description", "violation", "action", "report", "summary", "resource", "name",
                          "requester", "provider", "claimant", "respondent", "department", "addressee", "raiser",
                          "owner", "email"})
LONG_TEXT_KEYS = ("purpose", "description", "violation", "action", "summary", "resource", "name")
CELL_PADDING = 18
ELASTIC_MIN = 96


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
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(self.tr("Save this list (with its search and filters) as Excel, CSV or JSON"))
        self.export_button.clicked.connect(self.ask_export)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        bar = QHBoxLayout()
        self.search = SearchBox(self.tr("Search (number, department, resource, text)…"))
        self.search.setObjectName("search")
        # keyboard: Ctrl+F finds on every list page (only the shown page's shortcut is live)
        from cdo_desktop.ui.qt import QKeySequence, QShortcut

        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
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
        self.model.modelReset.connect(lambda: QTimer.singleShot(0, self._select_pending))  # after the view's reset
        self.pending_number = ""
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        from cdo_desktop.ui.style import StateChipDelegate

        self.chips = StateChipDelegate(self.view)
        for column, spec in enumerate(self.model.columns):
            if spec.key == "state":
                self.view.setItemDelegateForColumn(column, self.chips)
        self.view.horizontalHeader().sectionResized.connect(self._remember_widths)

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

    # -- column widths ------------------------------------------------------------------------------------------

    def settings_key(self) -> str:
        return f"columns/{self.objectName() or type(self).__name__}"

    def long_column(self) -> int:
        """The column that stretches and elides: the page's long free text (purpose, description…)."""
        keys = [c.key for c in self.model.columns]
        for key in LONG_TEXT_KEYS:
            if key in keys:
                return keys.index(key)
        # no long text: the last name column stretches (a deadline or date last in the row is never elided)
        names = [i for i, key in enumerate(keys) if key in ELASTIC_KEYS]
        return names[-1] if names else len(keys) - 1

    def content_widths(self) -> list[int]:
        """Each column's width to show its header and every fetched cell (up to a page) in full."""
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader().fontMetrics()
        widths = []
        rows = self.model.rows[:200]
        for column in self.model.columns:
            cells = [metrics.horizontalAdvance(column.text(r)) for r in rows]
            widths.append(max([header.horizontalAdvance(column.title) + 16, *cells]) + CELL_PADDING)
        return widths

    def fit_columns(self) -> None:
        """Widths from content: fixed columns in full, names share what is left, the long text column stretches.
        Widths the user set on this page are restored instead (remembered per page)."""
        header = self.view.horizontalHeader()
        count = self.model.columnCount()
        if count == 0:
            return
        long = self.long_column()
        settings = getattr(self.state, "settings", None)
        saved = settings.get(self.settings_key()) if settings is not None else None
        # from here on, sections resize because of the fitting, not the user: nothing of it is remembered (the
        # last section un-stretching used to be saved as the user's choice, Qt's default widths with it)
        self._fitting = True
        try:
            header.setStretchLastSection(False)
            for column in range(count):
                header.setSectionResizeMode(column, header.ResizeMode.Interactive)
            header.setSectionResizeMode(long, header.ResizeMode.Stretch)
            if isinstance(saved, list) and len(saved) == count:
                for column, width in enumerate(saved):
                    if column != long:
                        self.view.setColumnWidth(column, max(int(width), 24))
                return
            wanted = self.content_widths()
            available = max(self.view.viewport().width(), 600)
            elastic = [c for c, spec in enumerate(self.model.columns) if spec.key in ELASTIC_KEYS and c != long]
            fixed = sum(w for c, w in enumerate(wanted) if c not in elastic and c != long)
            room = available - fixed - max(min(wanted[long], 240), ELASTIC_MIN)
            share = sum(wanted[c] for c in elastic)
            for column in range(count):
                if column == long:
                    continue
                width = wanted[column]
                if column in elastic and share > room:
                    width = max(ELASTIC_MIN, room * wanted[column] // max(share, 1))
                self.view.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _remember_widths(self, column: int, *_sizes: Any) -> None:
        """A column the user resized (the stretching column follows the window, so it is not a choice)."""
        settings = getattr(self.state, "settings", None)
        if getattr(self, "_fitting", False) or settings is None or not self.sized or column == self.long_column():
            return
        settings.set(self.settings_key(), [self.view.columnWidth(c) for c in range(self.model.columnCount())])

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
            if self.pending_number in (row.get("number"), row.get("ruling"), row.get("code")):  # code: a resource
                if not self.model.search_pending:  # the search's own answer is still to come: select it again then
                    self.pending_number = ""
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(i, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
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
            self.fit_columns()
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
        self.acknowledge(row)
        transitions = self.state.available_actions(self.entity(), row.get("state", ""), **self.departments_of(row))
        for button in action_buttons(transitions, self.run_action, self.skip_actions()):
            self.action_bar.addWidget(button)
        from cdo_desktop.ui.turn import record_turn

        self.detail.setHtml(record_turn(self.state, self.entity(), row, self.departments_of(row)) + self.describe(row))

    def skip_actions(self) -> set[str]:
        return set()

    # -- receipt (送达/签收) ------------------------------------------------------------------------------------

    def receipt_subject(self, row: dict[str, Any]) -> tuple[str, uuid.UUID, set[uuid.UUID]] | None:
        """(subject, its id, the departments it is addressed to) when the row is a document or order with an
        addressee; the addressee's desktop acknowledges it the first time its user opens it."""
        return None

    def acknowledge(self, row: dict[str, Any]) -> None:
        subject = self.receipt_subject(row)
        actor = self.state.actor
        if subject is None or actor is None or actor.is_bureau:
            return
        kind, subject_id, addressees = subject
        if actor.department_id not in addressees:
            return
        from cdo_desktop.domain.enums import ReceiptSubject
        from cdo_desktop.domain.errors import DomainError
        from cdo_desktop.services.receipts import receipt_id
        from cdo_desktop.store import models as m

        rid = receipt_id(ReceiptSubject(kind), subject_id, actor.department_id)
        with self.state.db.read() as session:
            if session.get(m.Receipt, rid) is not None:
                return

        def sign() -> None:
            try:
                self.state.apply("receipt.sign", rid, {"subject": kind, "subject_id": str(subject_id),
                                                       "via": "opened"})
            except DomainError:
                return  # e.g. received on another desktop meanwhile: the first receipt stands

        # after this selection is shown: the change it announces refreshes this very page
        QTimer.singleShot(0, sign)

    # -- export -----------------------------------------------------------------------------------------------

    def ask_export(self) -> None:
        from cdo_desktop.ui.file_dialogs import save_file

        path, chosen = save_file(self, self.tr("Export"), f"{self.title()}.xlsx",
                                 "Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)")
        if not path:
            return
        suffix = Path(path).suffix.lower().lstrip(".")
        fmt = suffix if suffix in ("xlsx", "csv", "json") else chosen.split("(*.")[-1].rstrip(")") or "xlsx"
        self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> int:
        """Write the whole list as it is searched and filtered, headers in the UI language; returns the row count."""
        from cdo_desktop.transfer.export import Column as ExportColumn
        from cdo_desktop.transfer.export import ExportError, Labeled, write_table
        from cdo_desktop.ui.i18n import is_english
        from cdo_desktop.ui.qt import QMessageBox

        lang = "en" if is_english() else "zh"
        with self.state.db.read() as session:
            page = self.model.fetch(session, offset=0, limit=1_000_000, sort=self.model.sort_key,
                                    descending=self.model.descending, search=self.model.search,
                                    filters=dict(self.model.filters), count=False)
        columns = [ExportColumn(c.key, c.title, c.title) for c in self.model.columns]
        rows = []
        for row in page.rows:
            cells: dict[str, Any] = {}
            for c in self.model.columns:
                raw, text = row.get(c.key), c.text(row)
                cells[c.key] = Labeled(raw, text, text) if c.render is not None and raw is not None else (
                    raw if raw is not None else text)
            rows.append(cells)
        try:
            return write_table(path, fmt, name=self.entity() or "list", title=self.title(), columns=columns,
                               rows=rows, lang=lang)
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("Export"), str(exc))
            return 0

    def run_action(self, transition: Transition) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.runner.run(transition, row["id"], self.full_row(row), self)
