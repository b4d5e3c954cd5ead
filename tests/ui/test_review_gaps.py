"""Issue 13, the reviewer's gaps: the demo settings page names the desktop of the role in use, the app has an
icon (so the reminder's tray icon is not empty), a dispute can be withdrawn before acceptance only, the demo's
real start path keeps its settings apart, and cancelling a notice's or a reply's preview issues nothing."""

from __future__ import annotations

from typing import Any

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
