"""The sign-in dialog refuses a plain-HTTP bureau address on another machine (issue #10): the rule lives in
`sync.signin.login`, so the dialog shows its message in the user's language and sends nothing."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN", "请使用 https://"), ("en", "use https://")])
def test_sign_in_dialog_refuses_http_to_another_machine(qtbot: Any, app_state: Any, lang: str, expected: str) -> None:
    from cdo_desktop.store.models import SyncState
    from cdo_desktop.ui.dialogs.signin_dialog import SignInDialog

    dialog = SignInDialog(app_state, url="http://bureau.example:8470")
    qtbot.addWidget(dialog)
    dialog.user.setText("wang")
    dialog.password.setText("secret-password")
    dialog.sign_in()
    assert expected in dialog.error.text() and "http://bureau.example:8470" in dialog.error.text()
    assert dialog.signed is None and not dialog.isVisible()
    with app_state.db.read() as session:  # nothing was recorded as signed in
        assert session.get(SyncState, "server_url") is None
