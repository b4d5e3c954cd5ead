"""A change the bureau refused shows on the dashboard with its reason, and "Dismiss" takes it off the list."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QUrl


def test_refused_change_is_listed_then_dismissed(window: Any, qtbot: Any) -> None:
    state = window.state
    mutation_id = uuid.uuid4()
    with state.db.write() as session:
        session.add(m.RefusedChange(
            mutation_id=mutation_id, kind="request.refuse", entity_id=uuid.uuid4(), mutation={},
            code="invalid_state", reason_zh="当前状态为“已开通”，不能执行“不予同意”",
            reason_en="Cannot refuse while the record is 'Granted'", refused_at=dt.datetime.now(dt.UTC)))
    window.show_page("dashboard")
    page = window.pages["dashboard"]
    page.refresh()
    assert "Cannot refuse while the record is" in page.body.toPlainText()
    assert f"dismiss:{mutation_id}" in page.body.toHtml()

    page.body.anchorClicked.emit(QUrl(f"dismiss:{mutation_id}"))
    qtbot.waitUntil(lambda: "Cannot refuse while the record is" not in page.body.toPlainText(), timeout=3000)
    with state.db.read() as session:
        row = session.get(m.RefusedChange, mutation_id)
        assert row is not None and row.dismissed  # kept for the record, just no longer a task
