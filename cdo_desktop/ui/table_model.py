"""A lazily fetched Qt table model over paged store queries (like Anki's browser model): rows come page by page."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cdo_desktop.store.queries import Page
from cdo_desktop.ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

Fetch = Callable[..., Page]  # fetch(session, *, offset, limit, sort, descending, search, filters, count) -> Page


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    render: Callable[[dict[str, Any]], str] | None = None
    sort_key: str | None = None  # the query's sort column; None: same as key; "" : not sortable
    tone: Callable[[dict[str, Any]], str | None] | None = None  # "late", "soon" or None: colours the cell
    tooltip: Callable[[dict[str, Any]], str] | None = None  # the cell's tooltip; None: its text

    def text(self, row: dict[str, Any]) -> str:
        if self.render is not None:
            return self.render(row)
        value = row.get(self.key)
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)


TONES = {"late": QColor("#c62828"), "soon": QColor("#ef6c00"), "done": QColor("#2e7d32")}


class PagedTableModel(QAbstractTableModel):
    """Rows of ``fetch`` fetched ``page_size`` at a time as the view scrolls; sort and search re-query.

    A search runs off the UI thread (a one-character query can match most of 100,000 rows): typing never freezes
    the window, and the answer of a search that a newer keystroke has overtaken is dropped.
    """

    searching = Signal(bool)  # True while a search query runs in the background

    def __init__(self, state: Any, fetch: Fetch, columns: list[Column], *, page_size: int = 200) -> None:
        super().__init__()
        self.state = state
        self.fetch = fetch
        self.columns = columns
        self.page_size = page_size
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self.sort_key: str | None = None
        self.descending = False
        self.search = ""
        self.filters: dict[str, Any] = {}
        self.exhausted = False
        self.total_exact = True  # False while searching: counting every match of a one-character query is slow
        self.generation = 0  # bumped by every re-query; a background answer for an older one is dropped
        self.search_pending = False

    # -- Qt model contract ------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return self.columns[section].title  # the tooltip: a narrow column's full heading
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.tone is not None:
            tone = column.tone(row)
            return QBrush(TONES[tone]) if tone in TONES else None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore():
            return
        page = self._query(offset=len(self.rows), limit=self.page_size + 1, count=False)  # one more: is there more?
        rows = page.rows[: self.page_size]
        self.exhausted = len(page.rows) <= self.page_size
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()
        if not self.total_exact:
            self.total = len(self.rows) + (0 if self.exhausted else 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        spec = self.columns[column]
        key = spec.key if spec.sort_key is None else spec.sort_key
        if not key:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- our API ----------------------------------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        """Search in the background; the rows are replaced when the answer comes (if no newer query came first)."""
        if text.strip() == self.search:
            return
        from cdo_desktop.ui.worker import run_in_background

        self.search = text.strip()
        self.generation += 1
        generation, limit = self.generation, self.page_size
        params = {"sort": self.sort_key, "descending": self.descending, "search": self.search,
                  "filters": dict(self.filters), "count": not self.search}

        def query(_progress: Any) -> Page:
            with self.state.read() as session:
                return self.fetch(session, offset=0, limit=limit + 1, **params)

        def answer(page: Page) -> None:
            if generation == self.generation:
                self.search_pending = False
                self._install(page, limit, exact=not params["search"])
                self.searching.emit(False)

        def failed(_error: BaseException) -> None:
            if generation == self.generation:
                self.search_pending = False
                self.searching.emit(False)

        self.search_pending = True
        self.searching.emit(True)
        run_in_background(query, success=answer, failure=failed)

    def set_filters(self, filters: Mapping[str, Any]) -> None:
        self.filters = {k: v for k, v in filters.items() if v is not None}
        self.reload()

    def reload(self, *, keep: int = 0) -> None:
        """Re-query from the top; ``keep`` rows are fetched at once (so a refresh keeps the scroll position)."""
        limit = max(self.page_size, keep)
        self.generation += 1
        self.search_pending = False
        page = self._query(offset=0, limit=limit + 1, count=not self.search)
        self._install(page, limit, exact=not self.search)

    def _install(self, page: Page, limit: int, *, exact: bool) -> None:
        self.total_exact = exact
        self.beginResetModel()
        self.rows = list(page.rows[:limit])
        self.exhausted = len(page.rows) <= limit
        self.total = page.total if self.total_exact else len(self.rows) + (0 if self.exhausted else 1)
        self.endResetModel()

    def refresh(self) -> None:
        self.reload(keep=len(self.rows))

    def row(self, index: int) -> dict[str, Any] | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def index_of(self, row_id: uuid.UUID) -> int:
        for i, row in enumerate(self.rows):
            if row.get("id") == row_id:
                return i
        return -1

    def _query(self, *, offset: int, limit: int, count: bool) -> Page:
        with self.state.read() as session:
            return self.fetch(
                session,
                offset=offset,
                limit=limit,
                sort=self.sort_key,
                descending=self.descending,
                search=self.search,
                filters=self.filters,
                count=count,
            )
