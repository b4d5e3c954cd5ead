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
    model.set_search("1199")  # answered off the UI thread
    qtbot.waitUntil(lambda: model.search == "1199" and model.rowCount() < 200, timeout=3000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == sum("1199" in str(k) for k in range(ROWS))


def test_a_search_overtaken_by_a_newer_one_is_dropped(qtbot: Any) -> None:
    import threading

    release = threading.Event()

    def fetch(session: Any, *, offset: int, limit: int, search: str, count: bool, **_: Any) -> Page:
        if search == "slow":
            release.wait(5)  # the first search is still running when the user types on
        rows = [{"id": k, "n": k} for k in range(ROWS) if search in str(k) or search == "slow"]
        return Page(rows[offset:offset + limit], len(rows) if count else -1)

    model = PagedTableModel(FakeState(), fetch, [Column("n", "N")], page_size=50)
    model.reload()
    with qtbot.waitSignal(model.searching, timeout=1000):
        model.set_search("slow")
    model.set_search("77")
    qtbot.waitUntil(lambda: model.rowCount() > 0 and all("77" in str(r["n"]) for r in model.rows), timeout=3000)
    release.set()
    from cdo_desktop.ui.worker import wait_all

    wait_all()
    qtbot.wait(50)  # let the late answer arrive: it must be dropped
    assert all("77" in str(r["n"]) for r in model.rows)


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
