"""Issuing is deliberate (issue 13, problems 8 and 9): a ruling and an accountability notice are read as drafts
with 签发 / 取消 before anything changes; choosing the ruling fills in the department; a second open dispute on the
same origin is refused, naming the open one."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from cdo_desktop.domain.workflow import TRANSITIONS
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


def table_counts(state: Any) -> dict[str, int]:
    """Rows in every table of the desktop database (the mutation log and outbox included)."""
    from sqlmodel import SQLModel

    with state.read() as session:
        return {name: session.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in SQLModel.metadata.tables.items()}


def test_cancelling_a_notice_issues_nothing(window: Any, on_named_dialog: Any) -> None:
    from cdo_desktop.ui.dialogs.accountability_dialog import AccountabilityDialog

    state = window.state
    window.select_role("admin")
    dialog = AccountabilityDialog(state, window)
    ground = dialog.fields["ground"][1]
    assert ground.count() > 1, "the demo has grounds for accountability"
    ground.setCurrentIndex(1)  # the ground fills the department and the facts
    assert dialog.fields["department_id"][1].currentIndex() > 0
    before = table_counts(state)

    cancelled = press(on_named_dialog, "cancelIssue")
    dialog.accept()  # 确定: the draft notice opens; 取消 issues nothing
    assert cancelled["pdf"].startswith(b"%PDF")
    assert dialog.result() != dialog.DialogCode.Accepted
    assert table_counts(state) == before

    issued = press(on_named_dialog, "issue")
    dialog.accept()
    assert issued["pdf"].startswith(b"%PDF") and dialog.result() == dialog.DialogCode.Accepted
    after = table_counts(state)
    assert after["accountability_record"] == before["accountability_record"] + 1, "the check can see a change"


def test_cancelling_a_reply_issues_nothing(window: Any, on_named_dialog: Any) -> None:
    from cdo_desktop.ui.actions import RefuseDialog, TextActionDialog
    from cdo_desktop.ui.dialogs.form import FormDialog

    state = window.state
    window.select_role("b")
    with state.read() as session:
        r = m.SharingRequest
        waiting = session.execute(select(r).where(r.provider_department_id == state.actor.department_id,
                                                  r.state == "awaiting_reply").order_by(r.number)).scalars().all()
    assert len(waiting) >= 2, "the demo's provider has requests to answer"

    def refuse(request: Any) -> FormDialog:
        dialog = RefuseDialog(state, TRANSITIONS["request.refuse"], request.id, window)
        dialog.fields["reason"][1].setPlainText("所申请数据含个人隐私信息，不符合共享条件")
        dialog.fields["legal_basis"][1].setText("《广东省政务数据资源共享管理办法（试行）》")
        return dialog

    def approve(request: Any) -> FormDialog:
        return TextActionDialog(state, TRANSITIONS["request.approve"], request.id, "reason", "Reason", window,
                                required=False)

    before = table_counts(state)
    for make, request in ((refuse, waiting[0]), (approve, waiting[1])):
        dialog = make(request)
        dialog.base_revision = request.revision
        cancelled = press(on_named_dialog, "cancelIssue")
        dialog.accept()  # the draft 答复书 opens; 取消 issues nothing
        assert cancelled["pdf"].startswith(b"%PDF")
        assert dialog.result() != dialog.DialogCode.Accepted
        assert table_counts(state) == before, dialog.kind
        with state.read() as session:
            assert session.get(m.SharingRequest, request.id).state == "awaiting_reply"

    dialog = refuse(waiting[0])
    dialog.base_revision = waiting[0].revision
    press(on_named_dialog, "issue")
    dialog.accept()
    with state.read() as session:
        assert session.get(m.SharingRequest, waiting[0].id).state == "refused", "the check can see a change"
