"""Starting as a new user would: the first-run page, signing in (the right person at once), working offline and
signing in later from the File menu, signing out and switching account, and the demo's role switch that syncs
both desktops first (issue 13, problems 2–5)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import select

from cdo_desktop.store import models as m
from cdo_desktop.ui.qt import QMessageBox, QPushButton


def usernames(bureau: Any) -> dict[str, tuple[str, uuid.UUID]]:
    from cdo_desktop.ui.bureau import demo_usernames

    return demo_usernames(bureau.config.data_dir)


def fill_sign_in(url: str, user: str) -> Any:
    from cdo_desktop.ui.bureau import DEMO_PASSWORD

    def fill(dialog: Any) -> None:
        dialog.url.setText(url)
        dialog.user.setText(user)
        dialog.password.setText(DEMO_PASSWORD)
        dialog.findChild(QPushButton, "signIn").click()

    return fill


@pytest.fixture
def blank_desktop(tmp_path: Path, qapp: Any) -> Any:
    """A bare PC: an empty data folder (created and migrated as the app does on first start)."""
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.app import open_local
    from cdo_desktop.ui.state import AppState

    i18n.install("en")
    folder = tmp_path / "desktop"
    db = open_local(folder)
    state = AppState(db, folder)
    yield state
    from cdo_desktop.ui.worker import wait_all

    wait_all()
    if state.sync_client is not None:
        state.sync_client.close()
    db.dispose()
    i18n.install("zh_CN")


def test_first_sign_in_shows_the_person_at_once(bureau: Any, blank_desktop: Any, settings: Any, qtbot: Any,
                                                on_dialog: Any) -> None:
    """Problem 2: after the first sign-in the window showed the bureau's local administrator until a restart."""
    from cdo_desktop.ui.app import build_window, connect_or_offline

    user, commissioner_id = usernames(bureau)["a"]

    def chain(page: Any) -> None:  # the first-run page: sign in to the bureau, then the sign-in dialog
        assert page.objectName() == "firstRun"
        on_dialog(fill_sign_in(bureau.url, user))
        page.buttons["signin"].click()

    on_dialog(chain)
    start_as = connect_or_offline(blank_desktop, settings)
    assert start_as == commissioner_id
    window = build_window(blank_desktop, settings, demo=False, start_as=start_as)
    qtbot.addWidget(window)
    window.show()
    actor = blank_desktop.actor
    assert actor.id == commissioner_id and actor.role.value == "commissioner"
    assert actor.name in window.who.text()
    assert window.pages["requests"].new_button.isVisibleTo(window.pages["requests"])
    from cdo_desktop.ui.main_window import NAVIGATION

    assert window.nav.item([key for key, _, _ in NAVIGATION].index("admin")).isHidden()


def test_first_run_page_offers_sign_in_demo_and_offline(blank_desktop: Any, settings: Any, on_dialog: Any) -> None:
    from cdo_desktop.ui.app import connect_or_offline

    seen: dict[str, Any] = {}

    def look(page: Any) -> None:
        seen["texts"] = {k: (b.text(), b.description()) for k, b in page.buttons.items()}
        page.buttons["demo"].click()

    on_dialog(look)
    assert connect_or_offline(blank_desktop, settings) == "demo"
    assert set(seen["texts"]) == {"signin", "demo", "offline"}
    assert all(text and line for text, line in seen["texts"].values())
    on_dialog(lambda page: page.buttons["offline"].click())
    assert connect_or_offline(blank_desktop, settings) is None
    assert settings.get("session/offline_chosen")


def test_offline_then_sign_in_sign_out_and_switch_account(bureau: Any, blank_desktop: Any, settings: Any,
                                                         qtbot: Any, on_dialog: Any, monkeypatch: Any) -> None:
    """Problem 3: "Work offline" was a one-way door; now File ▸ Sign in / Sign out / Switch account at any time."""
    from cdo_desktop.sync import credentials
    from cdo_desktop.ui.app import build_window

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    settings.set("session/offline_chosen", "1")
    window = build_window(blank_desktop, settings, demo=False)
    qtbot.addWidget(window)
    window.show()
    assert blank_desktop.sync_client is None
    assert window.sign_in_action.isEnabled() and not window.sign_out_action.isEnabled()
    people = usernames(bureau)

    on_dialog(fill_sign_in(bureau.url, people["a"][0]))
    window.sign_in_action.trigger()
    assert blank_desktop.actor.id == people["a"][1]
    assert blank_desktop.sync_client is not None
    assert window.sign_out_action.isEnabled() and not window.sign_in_action.isEnabled()
    window.sync_indicator.sync_now()
    qtbot.waitUntil(lambda: window.sync_indicator.op is None, timeout=20000)
    assert window.sync_indicator.last_sync is not None

    window.sign_out_action.trigger()
    assert blank_desktop.actor is None and blank_desktop.sync_client is None
    assert credentials.load_token(bureau.url, people["a"][0]) is None
    assert "Not signed in" in window.who.text()

    on_dialog(fill_sign_in(bureau.url, people["b"][0]))
    window.switch_action.trigger()
    assert blank_desktop.actor.id == people["b"][1]
    with blank_desktop.read() as session:  # B's copy: nothing of a department B is not party to
        a_dept = session.get(m.Commissioner, people["a"][1])
        assert a_dept is not None
    assert keyring.get_password(credentials.SERVICE, credentials.keyring_user(bureau.url, people["b"][0]))


def test_sync_now_without_a_bureau_offers_sign_in(blank_desktop: Any, settings: Any, qtbot: Any,
                                                 on_dialog: Any) -> None:
    from cdo_desktop.ui.app import build_window

    window = build_window(blank_desktop, settings, demo=False)
    qtbot.addWidget(window)
    seen: list[str] = []

    def cancel(dialog: Any) -> None:
        seen.append(dialog.objectName())
        dialog.reject()

    on_dialog(cancel)
    window.sync_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["signInDialog"]


def test_switching_demo_role_shows_the_other_desktop_up_to_date(demo_window: Any) -> None:
    """Problem 5: each demo role is its own desktop; switching showed stale data until Sync now was pressed."""
    state = demo_window.state
    a = state.actor
    with state.read() as session:
        b_dept = session.get(m.Commissioner, state.replicas[next(
            cid for cid in state.replicas if cid != a.id and state.replicas[cid].key == "b")].commissioner_id
        ).department_id
        resource = session.execute(select(m.DataResource).where(
            m.DataResource.department_id == b_dept, m.DataResource.share_type != "not_shared")).scalars().first()
    request_id = uuid.uuid4()
    today = dt.date.today()
    state.apply("request.create", request_id, {
        "requester_department_id": str(a.department_id), "resource_id": str(resource.id),
        "items": [resource.items[0]["name"] if isinstance(resource.items[0], dict) else resource.items[0]],
        "purpose": "核验企业开办申请人身份", "legal_basis": "《佛山市政务数据资源管理办法（试行）》",
        "period_start": today.isoformat(), "period_end": (today + dt.timedelta(days=300)).isoformat()})
    state.apply("request.submit", request_id, {}, base_revision=1)
    demo_window.select_role("arbitrator")  # no Sync now pressed
    assert state.actor.role.value == "arbitrator"
    with state.read() as session:
        arrived = session.get(m.SharingRequest, request_id)
    assert arrived is not None and arrived.state == "submitted"
    assert demo_window.sync_indicator.last_sync is not None
