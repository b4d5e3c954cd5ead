"""The whole story without a mouse (issue 13): only key events and ASCII text. The role is switched with Ctrl+Shift+R
and arrows, pages with Ctrl+1…9, records found with Ctrl+F and Return, selected with Tab and Down, actions pressed
with Tab and Space, confirmations answered with Y, forms filled with Tab and typing, drafts issued from the preview
(Alt+I for 签发). A asks B for conditionally shared data (the resource chosen by typing its code), the bureau
checks it, B refuses it (the reply previewed and issued), A files a dispute with two claims, the arbitrator accepts
it, B answers the claims and states its case, the arbitrator drafts the ruling (a decision and reasoning on each
claim, an order), previews and issues it, and the bureau issues an accountability notice on a ground that exists
(an order of the demo left overdue: choosing it fills the department and the facts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QApplication, QMessageBox, QPushButton, Qt
from tests.ui.helpers import wait_for_rows


def keys(qtbot: Any, widget: Any, *sequence: Any) -> None:
    for key in sequence:
        if isinstance(key, str):
            qtbot.keyClicks(widget, key)
        elif isinstance(key, tuple):
            qtbot.keyClick(widget, key[0], key[1])
        else:
            qtbot.keyClick(widget, key)
        QApplication.processEvents()


ERRORS: list[str] = []


def guarded(handler: Any) -> Any:
    """A dialog handler whose failure closes the dialog (so the test reports it instead of hanging)."""
    def run(dialog: Any) -> None:
        try:
            handler(dialog)
        except BaseException as exc:
            import traceback

            ERRORS.append("".join(traceback.format_exception(exc)))
            print(ERRORS[-1])
            dialog.reject()
            from cdo_desktop.ui.qt import QTimer

            def close_all() -> None:  # the dialogs under it too, so the test reports instead of hanging
                modal = QApplication.activeModalWidget()
                if modal is not None:
                    modal.close()
                    QTimer.singleShot(50, close_all)

            QTimer.singleShot(50, close_all)

    return run


def focused() -> Any:
    return QApplication.focusWidget()


def tab_to(qtbot: Any, target: Any, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus (the focus order is the layout's)."""
    for _ in range(limit):
        if focused() is target:
            return
        keys(qtbot, focused(), Qt.Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target.objectName()}; focus is on {focused()!r}"


def switch_role(qtbot: Any, window: Any, index: int) -> None:
    window.activateWindow()  # what the window manager does when a dialog closes (offscreen has none)
    QApplication.processEvents()
    keys(qtbot, window, (Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
    combo = focused()
    assert combo is window.role_switch
    while combo.currentIndex() < index:
        keys(qtbot, combo, Qt.Key.Key_Down)
    while combo.currentIndex() > index:
        keys(qtbot, combo, Qt.Key.Key_Up)


def when_modal(ready: Any, handler: Any) -> None:
    """``handler(dialog)`` once the active modal widget satisfies ``ready`` (a dialog that opens after another)."""
    import time

    from cdo_desktop.ui.qt import QTimer

    deadline = time.monotonic() + 60

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not ready(dialog):
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
            return
        handler(dialog)

    QTimer.singleShot(0, poll)


def issue_by_keyboard(qtbot: Any, seen: dict[str, Any]) -> None:
    """When the draft preview comes: Alt+I presses 签发 (取消 is the default and has the focus)."""
    def press(preview: Any) -> None:
        seen["draft"] = preview.data
        preview.activateWindow()  # what the window manager does for a new dialog (offscreen has none)
        QApplication.processEvents()
        assert focused() is preview.cancel_button  # Return would cancel, never issue by accident
        keys(qtbot, focused(), (Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier))  # Alt+I: the 签发 button's mnemonic

    when_modal(lambda d: d.objectName() == "confirmIssue", guarded(press))


def ok_by_keyboard(qtbot: Any, dialog: Any) -> None:
    """Tab to the form's OK button and press Space."""
    from cdo_desktop.ui.qt import QDialogButtonBox

    tab_to(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), limit=120)
    keys(qtbot, focused(), Qt.Key.Key_Space)


def go_to_page(qtbot: Any, window: Any, key: str) -> Any:
    """Ctrl+<n>: the n-th page of the navigation."""
    from cdo_desktop.ui.main_window import NAVIGATION

    window.activateWindow()
    QApplication.processEvents()
    n = [k for k, *_ in NAVIGATION].index(key) + 1
    keys(qtbot, window, (getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.ControlModifier))
    assert window.current_page_key() == key
    return window.pages[key]


def find_and_act(qtbot: Any, window: Any, page: Any, text: str, action: str) -> None:
    """Ctrl+F, type the purpose, Return; Tab into the list, Down selects it; Tab to the action button, Space."""
    window.activateWindow()  # what the window manager does when a dialog closes (offscreen has none)
    QApplication.processEvents()
    keys(qtbot, window, (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier))
    assert focused() is page.search
    page.search.selectAll()
    keys(qtbot, page.search, text, Qt.Key.Key_Return)
    wait_for_rows(page, lambda rows: len(rows) == 1)
    keys(qtbot, page.search, Qt.Key.Key_Tab)
    assert focused() is page.view
    keys(qtbot, page.view, Qt.Key.Key_Down)
    assert page.selected_row() is not None
    name = action if ":" in action or "." not in action else f"action:{action}"
    for _ in range(40):
        keys(qtbot, focused(), Qt.Key.Key_Tab)
        if focused().objectName() == name:
            break
    assert focused().objectName() == name
    keys(qtbot, focused(), Qt.Key.Key_Space)


def test_the_story_by_keyboard(window: Any, qtbot: Any, on_dialog: Any, on_named_dialog: Any) -> None:
    state = window.state
    window.activateWindow()
    window.setFocus()
    roles = [r.key for r in window.roles]
    cast = {r.key: r for r in window.roles}
    with state.read() as session:
        b_dept = session.get(m.Commissioner, cast["b"].commissioner_id).department_id
        code = session.execute(select(m.DataResource.code).where(
            m.DataResource.department_id == b_dept, m.DataResource.share_type == "conditional")
            .order_by(m.DataResource.code)).scalars().first()
    assert code is not None
    switch_role(qtbot, window, roles.index("a"))
    keys(qtbot, window, (Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier))  # Ctrl+4: the fourth page
    assert window.current_page_key() == "requests"
    page = window.pages["requests"]
    purpose = "Verify applicant identity kbd"

    def fill(dialog: Any) -> None:
        tab_to(qtbot, dialog.resource)
        keys(qtbot, dialog.resource, code)  # typing the code picks B's resource (the combo's keyboard search)
        assert dialog.resource.currentText().startswith(code)
        tab_to(qtbot, dialog.fields["purpose"][1])
        keys(qtbot, focused(), purpose)
        tab_to(qtbot, dialog.fields["legal_basis"][1])
        keys(qtbot, focused(), "Foshan data sharing rules art. 12", Qt.Key.Key_Return)

    on_dialog(guarded(fill))
    keys(qtbot, window, (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier))  # into the page, then Tab to "New"
    tab_to(qtbot, page.new_button, limit=80)
    keys(qtbot, page.new_button, Qt.Key.Key_Space)
    assert not ERRORS, ERRORS
    with state.read() as session:
        req = session.execute(select(m.SharingRequest).where(m.SharingRequest.purpose == purpose)).scalars().one()
    assert req.state == "draft"

    assert not ERRORS, ERRORS
    on_dialog(guarded(lambda box: keys(qtbot, box, Qt.Key.Key_Y)))  # "Confirm: Submit?" — Y for Yes
    find_and_act(qtbot, window, page, purpose, "request.submit")
    with state.read() as session:
        assert session.get(m.SharingRequest, req.id).state == "submitted"

    switch_role(qtbot, window, roles.index("admin"))
    on_dialog(guarded(lambda box: keys(qtbot, box, Qt.Key.Key_Y)))
    find_and_act(qtbot, window, page, purpose, "request.check")
    with state.read() as session:
        assert session.get(m.SharingRequest, req.id).state == "awaiting_reply"

    # B, the owner, refuses: the reply is drafted, read in the preview and issued (签发) by keyboard
    switch_role(qtbot, window, roles.index("b"))
    reply: dict[str, Any] = {}

    def refuse(dialog: Any) -> None:
        tab_to(qtbot, dialog.fields["reason"][1])
        keys(qtbot, focused(), "The purpose does not need every item asked for")
        tab_to(qtbot, dialog.fields["legal_basis"][1])
        keys(qtbot, focused(), "Personal Information Protection Law")
        issue_by_keyboard(qtbot, reply)
        keys(qtbot, focused(), Qt.Key.Key_Return)  # Return in a one-line field presses OK

    on_dialog(guarded(refuse))
    find_and_act(qtbot, window, page, purpose, "request.refuse")
    assert not ERRORS, ERRORS
    assert reply["draft"].startswith(b"%PDF")
    with state.read() as session:
        assert session.get(m.SharingRequest, req.id).state == "refused"

    # A files a dispute with two claims (one a line); the new number is told, Return closes the message
    switch_role(qtbot, window, roles.index("a"))
    statement = "The refusal gives no ground kbd"
    told: dict[str, str] = {}

    def file_dispute(dialog: Any) -> None:
        tab_to(qtbot, dialog.fields["claims"][1])
        keys(qtbot, focused(), "Order the owner to share the items within 10 working days", Qt.Key.Key_Return,
             "Order the owner to explain the refusal in writing")
        tab_to(qtbot, dialog.fields["statement"][1])
        keys(qtbot, focused(), statement)

        def close_message(box: Any) -> None:
            told["text"] = box.text()
            keys(qtbot, box, Qt.Key.Key_Return)

        when_modal(lambda d: isinstance(d, QMessageBox), guarded(close_message))
        ok_by_keyboard(qtbot, dialog)

    on_dialog(guarded(file_dispute))
    find_and_act(qtbot, window, page, purpose, "fileDispute")
    assert not ERRORS, ERRORS
    with state.read() as session:
        dispute = session.execute(select(m.Dispute).where(m.Dispute.request_id == req.id)).scalars().one()
        claims = session.execute(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == dispute.id)).scalars().all()
    assert len(claims) == 2 and dispute.number in told["text"]

    # the arbitrator accepts it (Y)
    switch_role(qtbot, window, roles.index("arbitrator"))
    disputes = go_to_page(qtbot, window, "disputes")
    on_dialog(guarded(lambda box: keys(qtbot, box, Qt.Key.Key_Y)))
    find_and_act(qtbot, window, disputes, statement, "dispute.accept")
    with state.read() as session:
        assert session.get(m.Dispute, dispute.id).state == "accepted"

    # B answers each claim and states its case
    switch_role(qtbot, window, roles.index("b"))
    disputes = go_to_page(qtbot, window, "disputes")
    for position in (1, 2):
        def answer(dialog: Any, position: int = position) -> None:
            tab_to(qtbot, dialog.fields["position"][1])
            keys(qtbot, focused(), (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier), str(position))
            tab_to(qtbot, dialog.fields["answer"][1])
            keys(qtbot, focused(), f"Answer to claim {position}: the data holds personal information")
            ok_by_keyboard(qtbot, dialog)

        on_dialog(guarded(answer))
        find_and_act(qtbot, window, disputes, statement, "dispute.answer_claim")
        assert not ERRORS, ERRORS

    def state_case(dialog: Any) -> None:
        tab_to(qtbot, dialog.fields["statement"][1])
        keys(qtbot, focused(), "We refused on the law and ask that the claims be dismissed")
        ok_by_keyboard(qtbot, dialog)

    on_dialog(guarded(state_case))
    find_and_act(qtbot, window, disputes, statement, "dispute.answer")
    assert not ERRORS, ERRORS
    with state.read() as session:
        answered = session.execute(select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == dispute.id)
                                   .order_by(m.DisputeClaim.position)).scalars().all()
        assert [c.answer.startswith(f"Answer to claim {c.position}") for c in answered] == [True, True]
        assert session.get(m.Dispute, dispute.id).respondent_statement.startswith("We refused")

    # the arbitrator drafts the ruling: findings, reasoning, a decision and reasoning on each claim, an order;
    # previews the draft and issues it
    switch_role(qtbot, window, roles.index("arbitrator"))
    disputes = go_to_page(qtbot, window, "disputes")
    ruling: dict[str, Any] = {}

    def rule(editor: Any) -> None:
        tab_to(qtbot, editor.fields["findings"][1])
        keys(qtbot, focused(), "A asked for the data with a clear purpose", Qt.Key.Key_Return,
             "B refused without a sufficient ground")
        tab_to(qtbot, editor.fields["reasoning"][1])
        keys(qtbot, focused(), "The owner must share what the purpose needs.")
        table = editor.claims.table
        tab_to(qtbot, table.cellWidget(0, 3))  # claim 1: Upheld (the first decision) and its reasoning
        keys(qtbot, focused(), "The purpose is clear")
        tab_to(qtbot, table.cellWidget(1, 2))  # claim 2: type D for Dismissed
        keys(qtbot, focused(), "D")
        assert table.cellWidget(1, 2).currentData() == "dismissed"
        tab_to(qtbot, table.cellWidget(1, 3))
        keys(qtbot, focused(), "Claim 1 is upheld; no separate explanation is needed")
        add = editor.findChild(QPushButton, "addOrder")
        tab_to(qtbot, add, limit=80)
        keys(qtbot, add, Qt.Key.Key_Space)  # Add order: the cursor lands in its action
        assert focused() is editor.orders.table.cellWidget(0, 1)
        keys(qtbot, focused(), "Share the items asked for and confirm in writing")
        issue_by_keyboard(qtbot, ruling)
        ok_by_keyboard(qtbot, editor)

    on_dialog(guarded(rule))
    find_and_act(qtbot, window, disputes, statement, "dispute.rule")
    assert not ERRORS, ERRORS
    assert ruling["draft"].startswith(b"%PDF")
    with state.read() as session:
        issued = session.execute(select(m.Ruling).where(m.Ruling.dispute_id == dispute.id)).scalars().one()
        orders = session.execute(select(m.RulingOrder).where(m.RulingOrder.ruling_id == issued.id)).scalars().all()
        decisions = {c.position: c.decision for c in session.execute(
            select(m.DisputeClaim).where(m.DisputeClaim.dispute_id == dispute.id)).scalars()}
    assert session is not None and decisions == {1: "upheld", 2: "dismissed"}
    assert len(orders) == 1 and orders[0].addressee_department_id == b_dept
    if disputes.last_preview is not None:  # the issued ruling's preview: Escape closes it
        keys(qtbot, disputes.last_preview, Qt.Key.Key_Escape)

    # the new order is no ground yet (not even received): the bureau holds a department to account on a ground
    # that exists, an order of the demo left overdue — choosing it fills the department and the facts
    switch_role(qtbot, window, roles.index("admin"))
    rulings = go_to_page(qtbot, window, "rulings")
    notice: dict[str, Any] = {}
    made: dict[str, Any] = {}

    def hold_to_account(dialog: Any) -> None:
        ground = dialog.fields["ground"][1]
        tab_to(qtbot, ground)
        offered = [ground.itemText(i) for i in range(ground.count())]
        assert not any(issued.number in text for text in offered)
        keys(qtbot, ground, Qt.Key.Key_Down)  # the first ground offered
        made["ground"] = ground.currentData()
        assert dialog.fields["department_id"][1].currentIndex() > 0
        assert dialog.fields["violation"][1].toPlainText()
        tab_to(qtbot, dialog.fields["report_requirement"][1])
        keys(qtbot, focused(), "Report the measures taken in writing")
        issue_by_keyboard(qtbot, notice)
        ok_by_keyboard(qtbot, dialog)

    on_dialog(guarded(hold_to_account))
    tabs = rulings.tabs
    keys(qtbot, window, (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier))
    while tabs.currentIndex() != 2:  # Ctrl+Tab to the accountability tab
        keys(qtbot, focused(), (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier))
    accountability = tabs.widget(2)
    keys(qtbot, window, (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier))
    tab_to(qtbot, accountability.new_button, limit=80)
    keys(qtbot, accountability.new_button, Qt.Key.Key_Space)
    assert not ERRORS, ERRORS
    assert notice["draft"].startswith(b"%PDF")
    with state.read() as session:
        record = session.execute(select(m.AccountabilityRecord).where(
            m.AccountabilityRecord.ground_id == __import__("uuid").UUID(made["ground"][1]))
            .order_by(m.AccountabilityRecord.number.desc())).scalars().first()
    assert record is not None and record.report_requirement == "Report the measures taken in writing"
