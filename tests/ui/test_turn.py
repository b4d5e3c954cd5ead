"""Every case says whose turn it is, and the case view shows what a dispute is about (issue 13, problems 6 and 7)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cdo_desktop.domain.workflow import TRANSITIONS
from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QUrl
from tests.ui.helpers import select_by_number, wait_for_rows


def test_next_steps_come_from_the_workflow_tables() -> None:
    from cdo_desktop.ui.turn import next_steps

    steps = {t.action for t, _who in next_steps("request", "submitted")}
    assert steps == {a for a, t in TRANSITIONS.items() if t.entity == "request" and t.source
                     and "submitted" in t.source and t.target not in (None, "submitted")}
    assert "dispute.answer" not in {t.action for t, _ in next_steps("dispute", "filed")}  # statements do not move it


def test_submitted_request_says_the_bureau_must_check_it_and_by_when(window: Any) -> None:
    state = window.state
    with state.read() as session:
        req = session.execute(select(m.SharingRequest).where(m.SharingRequest.state == "submitted")).scalars().first()
        assert req is not None
        owner = session.execute(select(m.Commissioner).where(
            m.Commissioner.department_id == req.requester_department_id, m.Commissioner.role == "commissioner",
            m.Commissioner.ended_on == None)).scalars().first()  # noqa: E711
    state.sign_in_as(owner.id)
    window.show_page("requests")
    page = window.pages["requests"]
    select_by_number(page, req.number, refresh=True)
    text = page.detail.toPlainText()
    assert "Next step: Pass conformity check" in text and "— Data bureau" in text
    assert "Waiting for the other side" in text  # the owner sees why there are no buttons
    assert "Deadline:" in text and "Bureau conformity check: 2 working days" in text

    window.select_role("admin")
    select_by_number(page, req.number, refresh=True)
    assert "It is your turn." in page.detail.toPlainText()


def test_objection_and_order_show_their_deadline(window: Any) -> None:
    window.select_role("admin")
    window.show_page("rulings")
    orders = window.pages["rulings"].orders
    orders.refresh()
    wait_for_rows(orders, lambda rows: bool(rows))
    row = next((i for i, r in enumerate(orders.model.rows) if r["state"] == "open"), None)
    if row is not None:
        orders.view.selectRow(row)
        text = orders.detail.toPlainText()
        assert "Deadline:" in text and orders.model.rows[row]["due_on"].isoformat() in text
    window.show_page("objections")
    objections = window.pages["objections"]
    objections.refresh()
    wait_for_rows(objections, lambda rows: bool(rows))
    row = next(i for i, r in enumerate(objections.model.rows) if r["state"] in ("raised", "accepted", "flagged"))
    objections.view.selectRow(row)
    text = objections.detail.toPlainText()
    assert "Deadline:" in text and "Verification of a quality objection" in text


def test_case_view_shows_what_the_dispute_is_about(window: Any) -> None:
    state = window.state
    window.select_role("arbitrator")
    with state.read() as session:
        dispute = session.execute(select(m.Dispute).where(m.Dispute.request_id != None)).scalars().first()  # noqa: E711
        request = session.get(m.SharingRequest, dispute.request_id)
        resource = session.get(m.DataResource, request.resource_id)
    window.show_page("disputes")
    page = window.pages["disputes"]
    select_by_number(page, dispute.number, refresh=True)
    text = page.case.summary.toPlainText()
    assert request.number in text and resource.name in text and request.items[0] in text
    if request.reason:
        assert request.reason in text
    assert "Next step:" in text
    page.case._on_link(QUrl(f"open:request:{request.number}"))  # the number links to its record
    assert window.current_page_key() == "requests"
    requests = window.pages["requests"]
    wait_for_rows(requests, lambda rows: any(r["number"] == request.number for r in rows))
    from cdo_desktop.ui.qt import QApplication

    QApplication.processEvents()
    assert requests.selected_row()["number"] == request.number


def test_ruling_editor_keeps_the_case_in_view(window: Any) -> None:
    from cdo_desktop.ui.dialogs.ruling_editor import RulingEditor

    state = window.state
    window.select_role("arbitrator")
    with state.read() as session:
        dispute = session.execute(select(m.Dispute).where(m.Dispute.request_id != None)).scalars().first()  # noqa: E711
        request = session.get(m.SharingRequest, dispute.request_id)
    editor = RulingEditor(state, dispute.id, window)
    assert request.number in editor.case.summary.toPlainText()
    editor.show()
    assert editor.case.isVisible() and editor.fields["findings"][1].isVisible()
    editor.close()
