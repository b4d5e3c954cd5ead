"""The story without a mouse (issue 13), as far as it is automated: only key events and ASCII text — the role is
switched with Ctrl+Shift+R and arrows, pages with Ctrl+1…9, a request is drafted (Tab through the form, Return),
found (Ctrl+F, Return), selected (Tab, Down), submitted (Tab to the button, Space, Y) and passed by the bureau's
conformity check. The provider's answer and the rest of the story are not yet driven by keys here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QApplication, Qt
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
    for _ in range(30):
        keys(qtbot, focused(), Qt.Key.Key_Tab)
        if focused().objectName() == f"action:{action}":
            break
    assert focused().objectName() == f"action:{action}"
    keys(qtbot, focused(), Qt.Key.Key_Space)


def test_the_story_by_keyboard(window: Any, qtbot: Any, on_dialog: Any, on_named_dialog: Any) -> None:
    state = window.state
    window.activateWindow()
    window.setFocus()
    roles = [r.key for r in window.roles]
    switch_role(qtbot, window, roles.index("a"))
    keys(qtbot, window, (Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier))  # Ctrl+4: the fourth page
    assert window.current_page_key() == "requests"
    page = window.pages["requests"]
    purpose = "Verify applicant identity kbd"

    def fill(dialog: Any) -> None:
        tab_to(qtbot, dialog.resource)
        keys(qtbot, dialog.resource, Qt.Key.Key_Down)
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
