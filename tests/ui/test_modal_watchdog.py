"""A modal dialog nobody answers fails the test with its name instead of hanging the run."""

from __future__ import annotations

from typing import Any


def test_an_unanswered_form_is_rejected_and_named(qtbot: Any, modal_watchdog: Any, app_state: Any) -> None:
    from cdo_desktop.ui.dialogs.form import FormDialog
    from cdo_desktop.ui.qt import QDialog

    modal_watchdog.limit = 1.0
    dialog = FormDialog(app_state, "Stuck form")
    qtbot.addWidget(dialog)
    dialog.show_field_error(None, "the draft could not be prepared")
    with qtbot.capture_exceptions() as raised:
        result = dialog.exec()  # without the watchdog this would never return
    assert result == QDialog.DialogCode.Rejected
    assert len(raised) == 1 and isinstance(raised[0][1], AssertionError)
    message = str(raised[0][1])
    assert "FormDialog 'Stuck form'" in message and "the draft could not be prepared" in message
    assert modal_watchdog.stuck == [message.split("rejected: ", 1)[1]]
