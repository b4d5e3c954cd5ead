"""pytest-qt fixtures: offscreen Qt, a demo database made once per session and copied per test, the window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

DEMO_SCALE = 120
# A modal dialog left unanswered this long is a hang: the watchdog rejects it and fails the test (seconds).
MODAL_LIMIT_S = float(os.environ.get("CDO_TEST_MODAL_LIMIT", "120"))


def describe_modal(dialog: Any) -> str:
    """The class, title and object name of a dialog, and the error its form shows, for a failure message."""
    from cdo_desktop.ui.qt import QLabel

    text = f"{type(dialog).__name__} {dialog.windowTitle()!r}"
    if dialog.objectName():
        text += f" (objectName {dialog.objectName()!r})"
    error = dialog.findChild(QLabel, "formError")
    if error is not None and error.isVisible() and error.text():
        text += f", showing the error {error.text()!r}"
    return text


class ModalWatchdog:
    """Rejects a modal dialog that has been the active one for longer than ``limit`` seconds, and fails the test.

    A dialog's ``exec()`` blocks the test until someone answers it; pytest-timeout's alarm cannot end that (its
    exception is raised inside whichever Qt slot happens to run, and the event loop carries on), so without this a
    dialog that stays open when the test expected it to close — a form showing an error, say — hangs forever."""

    def __init__(self, limit: float) -> None:
        from cdo_desktop.ui.qt import QTimer

        self.limit = limit
        self.stuck: list[str] = []
        self._dialog: Any = None
        self._since = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        from cdo_desktop.ui.qt import QApplication, QDialog

        dialog = QApplication.activeModalWidget()
        if dialog is not self._dialog:
            self._dialog, self._since = dialog, time.monotonic()
            return
        if dialog is None or time.monotonic() - self._since <= self.limit:
            return
        what = describe_modal(dialog)
        self.stuck.append(what)
        self._dialog, self._since = None, time.monotonic()
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()
        # raised in a Qt slot: pytest-qt fails the test with this message
        raise AssertionError(f"modal dialog left open for more than {self.limit:.0f} s, rejected: {what}")


@pytest.fixture(autouse=True)
def modal_watchdog(qapp: Any) -> Iterator[ModalWatchdog]:
    """Every UI test: no modal dialog can hang it (see `ModalWatchdog`)."""
    watchdog = ModalWatchdog(MODAL_LIMIT_S)
    watchdog.timer.start()
    yield watchdog
    watchdog.timer.stop()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo network, generated once per test session."""
    from cdo_desktop.demo.network import generate
    from cdo_desktop.store.backup import backup
    from cdo_desktop.store.migrate import open_database

    folder = tmp_path_factory.mktemp("demo-template")
    db = open_database(folder)
    generate(db, scale=DEMO_SCALE, password="demo-pass-2026")
    db.dispose()
    backup(folder, folder / "template.sqlite3")  # one self-contained file, copied for each test
    return folder


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    shutil.copyfile(demo_template / "template.sqlite3", target / "cdo.sqlite3")
    return target


@pytest.fixture
def lang() -> str:
    return "en"


@pytest.fixture
def app_state(qapp: Any, data_dir: Path, lang: str) -> Iterator[Any]:
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.app import open_local
    from cdo_desktop.ui.fonts import register_ui_font
    from cdo_desktop.ui.state import AppState

    register_ui_font(qapp)
    from cdo_desktop.ui.style import apply_style

    apply_style(qapp)
    i18n.install(lang)
    db = open_local(data_dir)
    state = AppState(db, data_dir)
    yield state
    from cdo_desktop.ui.worker import wait_all

    wait_all()
    db.dispose()
    i18n.install("zh_CN")


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from cdo_desktop.ui.qt import QSettings
    from cdo_desktop.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot: Any, app_state: Any, settings: Any) -> Any:
    from cdo_desktop.ui.app import build_window

    win = build_window(app_state, settings, demo=True)
    qtbot.addWidget(win)
    win.resize(1360, 860)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def on_dialog(qtbot: Any) -> Callable[[Callable[[Any], None]], None]:
    """Schedule ``handler(dialog)`` for the next modal dialog (its ``exec`` blocks the test otherwise)."""
    from cdo_desktop.ui.qt import QApplication, QTimer

    def schedule(handler: Callable[[Any], None]) -> None:
        deadline = time.monotonic() + MODAL_LIMIT_S

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                if time.monotonic() < deadline:  # never poll on into later tests
                    QTimer.singleShot(20, poll)
                return
            handler(dialog)

        QTimer.singleShot(0, poll)

    return schedule


@pytest.fixture
def bureau(demo_template: Path, tmp_path: Path, qapp: Any) -> Iterator[Any]:
    """A real bureau server (FastAPI over HTTP) on a copy of the demo network; tokens in an in-process keyring."""
    import keyring

    from cdo_desktop.sync.memory_keyring import InProcessKeyring
    from cdo_desktop.ui.bureau import LocalBureau

    previous = keyring.get_keyring()
    keyring.set_keyring(InProcessKeyring())
    bureau_dir = tmp_path / "bureau"
    bureau_dir.mkdir()
    shutil.copyfile(demo_template / "template.sqlite3", bureau_dir / "cdo.sqlite3")
    server = LocalBureau(bureau_dir).start()
    try:
        yield server
    finally:
        server.stop()
        keyring.set_keyring(previous)


@pytest.fixture
def demo(bureau: Any, tmp_path: Path, qapp: Any) -> Iterator[tuple[Any, dict[str, Any]]]:
    """The bureau and one signed-in desktop replica per demo role (English UI)."""
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.bureau import DEMO_PASSWORD, demo_usernames, sign_in_replica

    i18n.install("en")
    replicas: dict[str, Any] = {}
    try:
        for key, (user, _cid) in demo_usernames(bureau.config.data_dir).items():
            replicas[key] = sign_in_replica(key, tmp_path / f"desktop-{key}", server_url=bureau.url, username=user,
                                            password=DEMO_PASSWORD)
        yield bureau, replicas
    finally:
        for replica in replicas.values():
            replica.client.close()
            replica.db.dispose()
        i18n.install("zh_CN")


@pytest.fixture
def demo_window(demo: Any, settings: Any, qtbot: Any) -> Any:
    """A window on commissioner A's replica with the demo's role switcher."""
    from cdo_desktop.ui.app import build_window
    from cdo_desktop.ui.demo_roles import Role
    from cdo_desktop.ui.state import AppState

    _bureau, replicas = demo
    first = replicas["a"]
    state = AppState(first.db, first.data_dir)
    state.sync_client = first.client
    state.replicas = {r.commissioner_id: r for r in replicas.values()}
    roles = [Role(k, r.commissioner_id, k, "") for k, r in replicas.items()]
    window = build_window(state, settings, demo=True, roles=roles, start_as=first.commissioner_id)
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    return window


@pytest.fixture
def on_named_dialog(qtbot: Any) -> Callable[[str, Callable[[Any], None]], None]:
    """Schedule ``handler(dialog)`` for the next modal dialog whose objectName is ``name`` (progress dialogs that
    come first are waited out)."""
    from cdo_desktop.ui.qt import QApplication, QTimer

    def schedule(name: str, handler: Callable[[Any], None]) -> None:
        deadline = time.monotonic() + MODAL_LIMIT_S

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or dialog.objectName() != name:
                if time.monotonic() < deadline:  # the dialog never came: the watchdog fails the test
                    QTimer.singleShot(20, poll)
                return
            handler(dialog)

        QTimer.singleShot(0, poll)

    return schedule


@pytest.fixture
def issue(on_named_dialog: Any) -> Callable[[], dict[str, Any]]:
    """``issue()`` before pressing OK on a form that issues a document: the draft preview that follows is read
    (its PDF kept in the returned dict under "pdf") and 签发 (Issue) is pressed."""
    from cdo_desktop.ui.qt import QPushButton

    def arm() -> dict[str, Any]:
        seen: dict[str, Any] = {}

        def press(preview: Any) -> None:
            seen["pdf"] = preview.data
            preview.findChild(QPushButton, "issue").click()

        on_named_dialog("confirmIssue", press)
        return seen

    return arm


# The offscreen platform plugin warns that it cannot propagate size hints whenever a top-level window is shown;
# that is the headless plugin's limitation, not ours. Every other Qt warning still fails the test.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[Any]) -> None:
    for item in items:
        if "tests/ui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
