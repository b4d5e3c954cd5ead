"""The main window opens, every page shows for every demo role, and role switching changes what is offered."""

from __future__ import annotations

from typing import Any

from cdo_desktop.ui.qt import Qt


def test_window_opens_on_dashboard_and_every_page_switches(window: Any, qtbot: Any) -> None:
    assert window.isVisible()
    assert window.state.actor is not None
    for i in range(window.nav.count()):
        item = window.nav.item(i)
        if item.isHidden():
            continue
        window.nav.setCurrentRow(i)
        key = item.data(Qt.ItemDataRole.UserRole)
        assert window.stack.currentWidget() is window.pages[key]
        assert window.pages[key].isVisible()


def test_last_page_is_remembered(window: Any, settings: Any) -> None:
    window.show_page("requests")
    assert settings.get("ui/last_page") == "requests"


def test_admin_page_only_for_administrators(window: Any) -> None:
    def admin_hidden() -> bool:
        return next(window.nav.item(i).isHidden() for i in range(window.nav.count())
                    if window.nav.item(i).data(Qt.ItemDataRole.UserRole) == "admin")

    window.select_role("a")
    assert admin_hidden()
    window.select_role("admin")
    assert not admin_hidden()
    window.show_page("admin")
    assert window.current_page_key() == "admin"
    assert window.pages["admin"].policy.rowCount() >= 7


def test_commissioner_sees_only_own_department_requests(window: Any) -> None:
    window.select_role("b")
    window.show_page("requests")
    page = window.pages["requests"]
    dept = window.state.actor.department_id
    assert page.model.rows
    assert all(dept in (r["requester_department_id"], r["provider_department_id"]) for r in page.model.rows)
    assert page.new_button.isVisible()


def test_search_filters_after_debounce(window: Any, qtbot: Any) -> None:
    window.select_role("admin")
    window.show_page("requests")
    page = window.pages["requests"]
    total = page.model.total
    page.search.setText("公安")  # setText: keyClicks aborts on non-ASCII (DESIGN.md 8)
    assert page.model.total == total  # nothing happens before the debounce fires
    qtbot.waitUntil(lambda: page.model.search == "公安" and 0 < page.model.total < total, timeout=3000)


def test_sort_by_column_requeries(window: Any) -> None:
    window.select_role("admin")
    window.show_page("requests")
    page = window.pages["requests"]
    column = next(i for i, c in enumerate(page.model.columns) if c.key == "created_on")
    page.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    dates = [r["created_on"] for r in page.model.rows]
    assert dates == sorted(dates, reverse=True)
    page.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert [r["created_on"] for r in page.model.rows] == sorted(dates)
