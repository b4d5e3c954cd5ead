"""Issuing is deliberate (issue 13, problems 8 and 9): a ruling and an accountability notice are read as drafts
with 签发 / 取消 before anything changes; choosing the ruling fills in the department; a second open dispute on the
same origin is refused, naming the open one."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QDialogButtonBox, QPushButton


def press(on_named_dialog: Any, button: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def handler(preview: Any) -> None:
        seen["pdf"] = preview.data
        seen["size"] = (preview.width(), preview.height())
        preview.findChild(QPushButton, button).click()

    on_named_dialog("confirmIssue", handler)
    return seen


def accepted_dispute(state: Any) -> uuid.UUID:
    with state.read() as session:
        d = m.Dispute
        dispute = session.execute(select(d).where(d.state.in_(["accepted", "hearing"]))).scalars().first()
        if dispute is None:
            dispute = session.execute(select(d).where(d.state.in_(["filed", "negotiation"]))).scalars().first()
            assert dispute is not None
            state.apply("dispute.accept", dispute.id, {}, base_revision=dispute.revision)
        return dispute.id


def test_ruling_is_a_draft_until_issued(window: Any, on_named_dialog: Any) -> None:
    from cdo_desktop.ui.dialogs.ruling_editor import RulingEditor

    state = window.state
    window.select_role("arbitrator")
    dispute_id = accepted_dispute(state)
    with state.read() as session:
        before = session.get(m.Dispute, dispute_id).state
        dispute = session.get(m.Dispute, dispute_id)
    editor = RulingEditor(state, dispute_id, window)
    editor.fields["findings"][1].setPlainText("被申请部门未在期限内答复")
    editor.fields["reasoning"][1].setPlainText("依据共享管理办法，被申请部门应在期限内答复。")
    with state.read() as session:
        positions = list(session.execute(select(m.DisputeClaim.position).where(
            m.DisputeClaim.dispute_id == dispute_id).order_by(m.DisputeClaim.position)).scalars())
    assert positions, "the demo's disputes state their claims"
    for position in positions:
        editor.claims.set_decision(position, "upheld", "用途明确，拒绝理由不充分")
    editor.orders.add_order(dispute.respondent_department_id, "在10个工作日内提供所申请的数据", 10, claim=positions[0])

    cancelled = press(on_named_dialog, "cancelIssue")
    editor.accept()  # 确定 in the editor: the draft opens, 取消 keeps everything as it was
    assert cancelled["pdf"].startswith(b"%PDF")
    with state.read() as session:
        assert session.execute(select(m.Ruling).where(m.Ruling.dispute_id == dispute_id)).first() is None
        assert session.get(m.Dispute, dispute_id).state == before
    assert editor.result() != editor.DialogCode.Accepted

    issued = press(on_named_dialog, "issue")
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted
    with state.read() as session:
        assert session.get(m.Dispute, dispute_id).state == "ruled"
        ruling = session.execute(select(m.Ruling).where(m.Ruling.dispute_id == dispute_id)).scalars().one()
    assert ruling.number and issued["pdf"].startswith(b"%PDF")


def test_dispute_dialog_refuses_a_second_open_dispute(window: Any) -> None:
    from cdo_desktop.ui.dialogs.dispute_dialog import DisputeDialog

    state = window.state
    with state.read() as session:
        d = m.Dispute
        dispute = session.execute(select(d).where(d.request_id != None, d.state.in_(  # noqa: E711
            ["filed", "negotiation", "accepted", "hearing"]))).scalars().first()
        assert dispute is not None
        person = session.execute(select(m.Commissioner).where(
            m.Commissioner.department_id == dispute.claimant_department_id, m.Commissioner.role == "commissioner",
            m.Commissioner.ended_on == None)).scalars().first()  # noqa: E711
        request = session.get(m.SharingRequest, dispute.request_id)
    state.sign_in_as(person.id)
    origin = {"number": request.number, "resource": "", "request_id": request.id,
              "respondent_department_id": dispute.respondent_department_id, "respondent_name": "", "kind": "refusal"}
    dialog = DisputeDialog(state, origin, window)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dispute.number in dialog.error.text()
    dialog.fields["statement"][1].setPlainText("再次申请")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    with state.read() as session:
        assert session.execute(select(func.count()).select_from(m.Dispute).where(
            m.Dispute.request_id == request.id, m.Dispute.state.in_(["filed", "negotiation", "accepted", "hearing"])
        )).scalar_one() == 1
