"""A request is created, submitted, checked and refused through the UI, each by the person whose turn it is."""

from __future__ import annotations

from typing import Any

from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QMessageBox, Qt
from tests.ui.helpers import buttons, select_by_number


def test_request_created_and_refused_through_the_ui(window: Any, qtbot: Any, on_dialog: Any, issue: Any,
                                                    monkeypatch: Any) -> None:
    state = window.state
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.select_role("b")
    provider = state.actor.department_id
    window.select_role("a")
    window.show_page("requests")
    page = window.pages["requests"]
    created: dict[str, Any] = {}

    def fill(dialog: Any) -> None:
        combo = dialog.resource
        index = next(i for i in range(1, combo.count())
                     if (res := next(r for r in dialog.resources if r.id == combo.itemData(i))).department_id == provider
                     and res.share_type == "conditional")  # conditional data: the owner answers
        combo.setCurrentIndex(index)
        dialog.fields["purpose"][1].setPlainText("办理企业开办业务时核验申请人身份")  # setText-style: non-ASCII
        dialog.fields["legal_basis"][1].setText("《佛山市政务数据资源管理办法（试行）》（佛府办〔2020〕4号）")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        created["entity"] = dialog.entity_id

    on_dialog(fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    with state.read() as session:
        req = session.get(m.SharingRequest, created["entity"])
    assert req is not None and req.state == "draft" and req.provider_department_id == provider
    number = req.number

    select_by_number(page, number)
    qtbot.mouseClick(buttons(page)["action:request.submit"], Qt.MouseButton.LeftButton)
    window.select_role("admin")
    select_by_number(page, number)
    qtbot.mouseClick(buttons(page)["action:request.check"], Qt.MouseButton.LeftButton)

    window.select_role("b")
    row = select_by_number(page, number)
    assert row["state"] == "awaiting_reply"
    assert {"action:request.approve", "action:request.approve_partly", "action:request.refuse"} <= set(buttons(page))
    seen: dict[str, str] = {}

    def refuse(dialog: Any) -> None:
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        ok.click()  # no reason: refused before anything is sent, naming the field
        seen["error"] = dialog.error.text()
        dialog.fields["reason"][1].setPlainText("该数据涉及个人隐私，申请用途不明确")
        dialog.fields["legal_basis"][1].setText("《中华人民共和国个人信息保护法》")
        seen["draft"] = issue()  # the reply (答复书) is shown as a draft first; 签发 issues it
        ok.click()

    on_dialog(refuse)
    qtbot.mouseClick(buttons(page)["action:request.refuse"], Qt.MouseButton.LeftButton)
    assert seen["error"].startswith("Reason")
    assert seen["draft"]["pdf"].startswith(b"%PDF")
    with state.read() as session:
        req = session.get(m.SharingRequest, created["entity"])
    assert req.state == "refused"
    assert req.reason == "该数据涉及个人隐私，申请用途不明确"
    assert page.selected_row()["state"] == "refused"  # the list refreshed and kept the selection

    window.select_role("a")
    select_by_number(page, number)
    assert "fileDispute" in buttons(page)
