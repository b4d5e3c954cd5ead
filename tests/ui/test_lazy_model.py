"""The table model fetches page by page: 12,000 rows are not read until the view scrolls to them."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from cdo_desktop.store.queries import Page
from cdo_desktop.ui.qt import Qt, QTableView
from cdo_desktop.ui.table_model import Column, PagedTableModel

ROWS = 12_000


class FakeState:
    @contextmanager
    def read(self) -> Any:
        yield None


def test_model_over_many_rows_fetches_lazily(qtbot: Any) -> None:
    calls: list[tuple[int, int, str | None, bool]] = []

    def fetch(session: Any, *, offset: int, limit: int, sort: str | None, descending: bool, search: str,
              filters: dict[str, Any], count: bool) -> Page:
        calls.append((offset, limit, sort, descending))
        keys = range(ROWS - 1, -1, -1) if descending else range(ROWS)
        chosen = [k for k in keys if not search or search in str(k)]
        return Page([{"id": k, "n": k} for k in chosen[offset:offset + limit]], len(chosen) if count else -1)

    model = PagedTableModel(FakeState(), fetch, [Column("n", "N")], page_size=200)
    model.reload()
    assert model.rowCount() == 200 and model.total == ROWS and model.total_exact and model.canFetchMore()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 200, timeout=2000)
    assert model.rowCount() < ROWS  # only what scrolling asked for
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == ROWS
    assert all(limit == 201 for _offset, limit, *_ in calls)  # a page and one row to know whether more follow
    model.sort(0)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rows[0]["n"] == ROWS - 1 and model.rowCount() == 200
    model.set_search("1199")
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == sum("1199" in str(k) for k in range(ROWS))


def test_refresh_keeps_the_rows_already_fetched(qtbot: Any) -> None:
    def fetch(session: Any, *, offset: int, limit: int, count: bool, **_: Any) -> Page:
        return Page([{"id": k, "n": k} for k in range(offset, min(offset + limit, ROWS))], ROWS if count else -1)

    model = PagedTableModel(FakeState(), fetch, [Column("n", "N")], page_size=100)
    model.reload()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 300
    model.refresh()
    assert model.rowCount() == 300
