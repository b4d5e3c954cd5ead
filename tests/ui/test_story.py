"""The whole story through the UI against a real local bureau server, each role on its own desktop replica:
A files a request, B refuses it, A files a dispute with an evidence file, the arbitrator accepts it and issues a
ruling with an order, the PDF is produced and verifies, A sees the ruling after sync, B gets the accountability
record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QApplication, QMessageBox, Qt
from tests.ui.helpers import buttons, select_by_number


def test_the_whole_story_against_a_local_bureau(demo: Any, settings: Any, qtbot: Any, on_dialog: Any, issue: Any,
                                                monkeypatch: Any, tmp_path: Path) -> None:
    from cdo_desktop.ui.app import build_window
    from cdo_desktop.ui.demo_roles import Role
    from cdo_desktop.ui.state import AppState

    bureau, replicas = demo
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    first = replicas["a"]
    state = AppState(first.db, first.data_dir)
    state.sync_client = first.client
    state.replicas = {r.commissioner_id: r for r in replicas.values()}
    roles = [Role(k, r.commissioner_id, k, "") for k, r in replicas.items()]
    window = build_window(state, settings, demo=True, roles=roles, start_as=first.commissioner_id)
    qtbot.addWidget(window)
    window.show()

    def act_as(key: str) -> None:
        window.select_role(key)
        state.sync_blocking()

    act_as("b")
    provider = state.actor.department_id
    act_as("a")
    requests = window.pages["requests"]
    window.show_page("requests")
    made: dict[str, Any] = {}

    def fill(dialog: Any) -> None:
        combo = dialog.resource
        index = next(i for i in range(1, combo.count())
                     if (res := next(r for r in dialog.resources if r.id == combo.itemData(i))).department_id == provider
                     and res.share_type == "conditional")  # conditional data: the owner answers
        combo.setCurrentIndex(index)
        dialog.fields["purpose"][1].setPlainText("办理企业开办业务时核验申请人身份")
        dialog.fields["legal_basis"][1].setText("《佛山市政务数据资源管理办法（试行）》（佛府办〔2020〕4号）")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        made["request"] = dialog.entity_id

    on_dialog(fill)
    qtbot.mouseClick(requests.new_button, Qt.MouseButton.LeftButton)
    with state.read() as session:
        number = session.get(m.SharingRequest, made["request"]).number
    select_by_number(requests, number, refresh=True)
    qtbot.mouseClick(buttons(requests)["action:request.submit"], Qt.MouseButton.LeftButton)
    assert state.sync_blocking().pending == 0  # the background sync (800 ms after a change) may have pushed some
    with bureau.app.state.db.read() as session:
        assert session.get(m.SharingRequest, made["request"]).state == "submitted"
    with state.read() as session:  # the bureau numbers documents: the local number was provisional
        number = session.get(m.SharingRequest, made["request"]).number

    act_as("arbitrator")  # the bureau's conformity check
    select_by_number(requests, number, refresh=True)
    qtbot.mouseClick(buttons(requests)["action:request.check"], Qt.MouseButton.LeftButton)
    state.sync_blocking()

    act_as("b")
    select_by_number(requests, number, refresh=True)

    def refuse(dialog: Any) -> None:
        dialog.fields["reason"][1].setPlainText("该数据涉及个人隐私，申请用途不明确")
        dialog.fields["legal_basis"][1].setText("《中华人民共和国个人信息保护法》")
        issue()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_dialog(refuse)
    qtbot.mouseClick(buttons(requests)["action:request.refuse"], Qt.MouseButton.LeftButton)
    state.sync_blocking()

    act_as("a")
    assert select_by_number(requests, number, refresh=True)["state"] == "refused"

    def file_dispute(dialog: Any) -> None:
        dialog.fields["claims"][1].setPlainText("责令被申请人在10个工作日内共享所申请的数据项\n责令被申请人书面说明拒绝理由")
        dialog.fields["statement"][1].setPlainText("对方拒绝理由不成立，请求裁决")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_dialog(file_dispute)
    qtbot.mouseClick(buttons(requests)["fileDispute"], Qt.MouseButton.LeftButton)
    assert told and "has been filed" in told[-1]  # the new number is shown
    requests.on_selection()
    assert "fileDispute" not in buttons(requests) and "openDispute" in buttons(requests)  # not twice
    disputes = window.pages["disputes"]
    window.show_page("disputes")
    state.sync_blocking()
    with state.read() as session:
        dispute = session.execute(select(m.Dispute).where(m.Dispute.request_id == made["request"])).scalars().one()
    evidence = tmp_path / "refusal-letter.txt"
    evidence.write_text("拒绝共享复函", encoding="utf-8")
    select_by_number(disputes, dispute.number, refresh=True)
    disputes.case.files_dropped.emit([evidence])  # what a drop on the case view does
    assert disputes.case.evidence.rowCount() == 1
    assert len(disputes.case.evidence.item(0, 2).text()) == 64
    state.sync_blocking()

    act_as("arbitrator")
    window.show_page("disputes")
    select_by_number(disputes, dispute.number, refresh=True)
    assert disputes.case.evidence.rowCount() == 1  # the evidence record arrived with the dispute
    sha = disputes.case.evidence.item(0, 2).text()
    fetched = disputes.case.fetch(sha)  # not on the arbitrator's desktop: downloaded from the bureau, hash-checked
    assert fetched is not None and fetched.read_text(encoding="utf-8") == "拒绝共享复函"
    qtbot.mouseClick(buttons(disputes)["action:dispute.accept"], Qt.MouseButton.LeftButton)

    def rule(dialog: Any) -> None:
        dialog.fields["findings"][1].setPlainText("申请部门依法提出共享申请\n被申请部门拒绝理由不充分")
        dialog.fields["reasoning"][1].setPlainText("依据共享管理办法，被申请部门应在期限内提供数据。")
        dialog.claims.set_decision(1, "upheld", "用途明确，拒绝理由不充分")
        dialog.claims.set_decision(2, "dismissed", "第一项已获支持，无须另行说明")
        dialog.orders.add_order(provider, "在10个工作日内提供所申请的数据", 10, claim=1)
        drafts["ruling"] = issue()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    drafts: dict[str, Any] = {}
    on_dialog(rule)
    # the accepted dispute, selected again: the background sync (800 ms after a change) may have re-run the search
    assert select_by_number(disputes, dispute.number)["state"] == "accepted"
    qtbot.mouseClick(buttons(disputes)["action:dispute.rule"], Qt.MouseButton.LeftButton)
    assert drafts["ruling"]["pdf"].startswith(b"%PDF")  # the ruling was read as a draft before it was issued
    preview = disputes.last_preview
    assert preview is not None and preview.data.startswith(b"%PDF")
    from cdo_desktop.reports.verify import Status, verify_bytes

    with state.read() as session:
        ruling = session.execute(select(m.Ruling).where(m.Ruling.dispute_id == dispute.id)).scalars().one()
        result = verify_bytes(session, preview.data)
    # the desktop's preview is a draft: never "match", but it reads exactly as the record does
    assert result.status is Status.UNSIGNED and not result.changed_fields, result.message("en")
    assert ruling.pdf_sha256 == result.file_sha256  # the printed file was filed
    preview.close()
    state.sync_blocking()
    with bureau.app.state.db.read() as session:  # the bureau issued the same view (unsigned: it has no keys here)
        again = verify_bytes(session, preview.data)
        assert again.status is Status.UNSIGNED and not again.changed_fields, again.message("en")
        assert session.exec(select(m.IssuedDocument).where(m.IssuedDocument.record_id == ruling.id)).one()
        assert session.get(m.Ruling, ruling.id).pdf_sha256 == result.file_sha256
    with state.read() as session:
        ruling = session.execute(select(m.Ruling).where(m.Ruling.dispute_id == dispute.id)).scalars().one()

    # holding the provider to account on the day of the ruling is refused: nothing is overdue yet
    import uuid

    from cdo_desktop.domain.errors import GuardFailed
    from cdo_desktop.ui.dialogs.accountability_dialog import AccountabilityDialog

    dialog = AccountabilityDialog(state, window)
    qtbot.addWidget(dialog)
    ground = dialog.fields["ground"][1]
    offered = [ground.itemText(i) for i in range(ground.count())]
    assert not any(ruling.number in text for text in offered)  # the new order is not a ground: not even received
    dialog.reject()
    with state.read() as session:
        order_id = session.execute(select(m.RulingOrder.id).where(m.RulingOrder.ruling_id == ruling.id)).scalar_one()
    with pytest.raises(GuardFailed) as refused:
        state.apply("accountability.create", uuid.uuid4(), {
            "department_id": str(provider), "measure": "criticism", "ground": "order_overdue",
            "ground_id": str(order_id)})
    assert refused.value.code == "ground_not_received"

    act_as("b")  # the respondent opens the ruling: its desktop acknowledges receipt, the order's period starts
    window.show_page("rulings")
    rulings = window.pages["rulings"].rulings
    rulings.refresh()
    rulings.view.selectRow(next(i for i, r in enumerate(rulings.model.rows) if r["number"] == ruling.number))
    QApplication.processEvents()
    state.sync_blocking()
    with state.read() as session:
        order = session.execute(select(m.RulingOrder).where(m.RulingOrder.ruling_id == ruling.id)).scalars().one()
    assert order.received_on is not None
    assert rulings.export_to(tmp_path / "rulings.csv", "csv") >= 1
    assert (tmp_path / "rulings.csv").read_text(encoding="utf-8-sig").startswith(("Number", "文号", "编号"))
