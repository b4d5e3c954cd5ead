"""Deadline reminders (issue 13): once a day per item at two working days or overdue, a count on the dashboard,
switchable in Settings."""

from __future__ import annotations

import datetime as dt
from typing import Any


def test_reminders_once_a_day_per_item_and_switchable(window: Any, monkeypatch: Any) -> None:
    window.select_role("b")  # the busiest provider: requests to answer
    reminders = window.reminders
    shown: list[Any] = []
    monkeypatch.setattr(reminders, "show", lambda items: shown.append(list(items)))
    first = reminders.check()
    assert first, "the demo's provider has deadlines due or passed"
    assert all(item.left <= 2 for item in first)
    assert reminders.check() == []  # the same day: not again
    assert len(shown) == 1

    tomorrow = window.state.today + dt.timedelta(days=1)
    monkeypatch.setattr(reminders, "today", lambda: tomorrow)
    again = reminders.check()
    assert {i.key for i in again} >= {i.key for i in first if i.left < 0}  # still overdue: told again next day

    window.show_page("settings")
    settings_page = window.pages["settings"]
    settings_page.reminders.setChecked(False)
    settings_page.save()
    monkeypatch.setattr(reminders, "today", lambda: tomorrow + dt.timedelta(days=1))
    assert reminders.check() == []  # switched off in Settings

    window.show_page("dashboard")
    window.pages["dashboard"].refresh()
    assert "deadlines within two working days or passed" in window.pages["dashboard"].summary.text()
