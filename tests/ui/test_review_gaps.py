"""Issue 13, the reviewer's gaps: the demo settings page names the desktop of the role in use, the app has an
icon (so the reminder's tray icon is not empty), a dispute can be withdrawn before acceptance only, the demo's
real start path keeps its settings apart, and cancelling a notice's or a reply's preview issues nothing."""

from __future__ import annotations

from typing import Any

import pytest

from cdo_desktop.ui.qt import QApplication, QLabel


def test_demo_settings_page_names_the_desktop_of_the_role_in_use(demo_window: Any) -> None:
    window = demo_window
    folders = {str(r.data_dir) for r in window.state.replicas.values()}
    window.show_page("settings")
    page = window.pages["settings"]
    for key in ("b", "arbitrator", "a"):
        window.select_role(key)
        QApplication.processEvents()
        wanted = str(window.state.data_dir)
        shown = [label.text() for label in page.findChildren(QLabel) if label.text() in folders]
        assert shown, "the settings page shows no data folder"
        assert all(text == wanted for text in shown), (key, shown, wanted)


def test_the_window_and_the_reminder_tray_have_the_app_icon(window: Any) -> None:
    from cdo_desktop.ui.app import make_app
    from cdo_desktop.ui.icon import APP_ICON

    assert APP_ICON.is_file() and APP_ICON.parent.name == "icons"  # packaging/cdo-desktop.spec ships icons/*.png
    assert not window.windowIcon().isNull()
    tray = window.reminders.tray_icon()
    assert not tray.icon().isNull(), "an empty tray icon: Qt says 'No Icon set' and may drop the notification"
    app = make_app(["cdo"])
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes(), "the icon file did not load"


def _modal_of(kind: type, handler: Any) -> None:
    """``handler(box)`` for the next modal widget of ``kind`` (the form stays the active modal until then)."""
    import time

    from cdo_desktop.ui.qt import QTimer

    deadline = time.monotonic() + 60

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, kind):
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
            return
        handler(box)

    QTimer.singleShot(0, poll)


def test_claimant_withdraws_a_filed_dispute_and_not_an_accepted_one(window: Any, on_dialog: Any) -> None:
    from sqlalchemy import select

    from cdo_desktop.store import models as m
    from cdo_desktop.ui.qt import QMessageBox
    from tests.ui.helpers import buttons, select_by_number

    state = window.state
    window.select_role("a")
    with state.read() as session:
        filed = session.execute(select(m.Dispute).where(m.Dispute.state == "filed")
                                .order_by(m.Dispute.number)).scalars().all()
        assert len(filed) >= 2, "the demo has disputes waiting for acceptance"
        first, second = filed[0], filed[1]
        claimant = session.execute(select(m.Commissioner).where(
            m.Commissioner.department_id == first.claimant_department_id, m.Commissioner.ended_on == None,  # noqa: E711
            m.Commissioner.role == "commissioner")).scalars().first()
        assert claimant is not None
    state.sign_in_as(claimant.id)
    window.show_page("disputes")
    page = window.pages["disputes"]
    select_by_number(page, first.number, refresh=True)
    assert "action:dispute.withdraw" in buttons(page)

    def fill_then(answer: QMessageBox.StandardButton) -> Any:
        def handler(dialog: Any) -> None:
            assert dialog.windowTitle() == "Withdraw"
            dialog.fields["reason"][1].setPlainText("双方已协商一致，申请人撤回仲裁申请")

            def reply(box: Any) -> None:
                assert first.number in box.text()
                box.button(answer).click()
                if answer == QMessageBox.StandardButton.No:  # still open, unchanged: cancel the form too
                    dialog.reject()

            _modal_of(QMessageBox, reply)
            dialog.accept()
        return handler

    on_dialog(fill_then(QMessageBox.StandardButton.No))
    buttons(page)["action:dispute.withdraw"].click()
    with state.read() as session:
        assert session.get(m.Dispute, first.id).state == "filed", "No in the confirmation withdrew the dispute"

    on_dialog(fill_then(QMessageBox.StandardButton.Yes))
    select_by_number(page, first.number, refresh=True)
    buttons(page)["action:dispute.withdraw"].click()
    with state.read() as session:
        assert session.get(m.Dispute, first.id).state == "withdrawn"
    select_by_number(page, first.number, refresh=True)
    assert "action:dispute.withdraw" not in buttons(page)

    # once the arbitrator has accepted a dispute, its claimant can no longer withdraw it
    with state.read() as session:
        arbitrator = next(r for r in window.roles if r.key == "arbitrator")
        other = session.get(m.Dispute, second.id)
        other_claimant = session.execute(select(m.Commissioner).where(
            m.Commissioner.department_id == other.claimant_department_id, m.Commissioner.ended_on == None,  # noqa: E711
            m.Commissioner.role == "commissioner")).scalars().first()
    state.sign_in_as(arbitrator.commissioner_id)
    state.apply("dispute.accept", other.id, {}, base_revision=other.revision)
    state.sign_in_as(other_claimant.id)
    select_by_number(page, other.number, refresh=True)
    assert page.selected_row()["state"] == "accepted"
    assert "action:dispute.withdraw" not in buttons(page)


@pytest.mark.parametrize("path", ["--demo", "first-run"])
def test_the_demo_started_by_the_app_keeps_the_real_settings(demo: Any, settings: Any, monkeypatch: Any,
                                                             qtbot: Any, tmp_path: Any, path: str) -> None:
    """The app's own start paths (`app.start_demo` for --demo; 试用演示 on the first-run page through `open_into`)
    give the demo its own settings: its language and last page never reach the real app's."""
    import cdo_desktop.ui.bureau as bureau_module
    from cdo_desktop.ui import app
    from cdo_desktop.ui.dialogs import first_run
    from cdo_desktop.ui.main_window import MainWindow
    from cdo_desktop.ui.qt import QSettings
    from cdo_desktop.ui.settings import Settings

    bureau, replicas = demo
    # the demo network is the fixture's (generating one is the slow part); everything after it is the app's own
    monkeypatch.setattr(bureau_module, "start_demo", lambda root, *, scale, progress=None: (bureau, replicas))
    settings.set("ui/language", "zh_CN")
    settings.set("ui/last_page", "requests")
    settings.sync()
    if path == "--demo":
        window = app.start_demo(QApplication.instance(), tmp_path / "demo", settings, scale=120)
    else:
        def choose_demo(dialog: Any) -> int:
            dialog.choice = first_run.DEMO
            return 0

        monkeypatch.setattr(first_run.FirstRunDialog, "exec", choose_demo)
        shell = MainWindow(None, settings)
        qtbot.addWidget(shell)
        app.open_into(shell, tmp_path / "desktop", settings, offline=False, demo_dir=tmp_path / "demo", scale=120)
        window = getattr(shell, "_demo_window", None)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.show_page("disputes")
    window.show_page("settings")
    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("en"))
    page.save()
    assert window.settings.get("ui/language") == "en" and window.settings.get("ui/last_page") == "settings"
    window.settings.sync()
    real = Settings(QSettings(settings.q.fileName(), QSettings.Format.IniFormat))  # read afresh from its file
    for kept in (settings, real):
        assert kept.get("ui/language") == "zh_CN"
        assert kept.get("ui/last_page") == "requests"
