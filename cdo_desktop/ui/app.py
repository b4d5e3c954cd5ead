"""Application entry point: arguments, QApplication, font, translator, settings, database, main window.

Paint first, then load: the window's shell (navigation and a "loading" pane) is shown before the database stack
(SQLAlchemy, the models, the services) is imported; the database is opened, the person signed in and the pages
built once the shell has painted. Nothing of reportlab, httpx, FastAPI or uvicorn is imported before the first
paint (tests/ui/test_startup.py records the modules loaded at that moment).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cdo-desktop", description="CDO Desktop 首席数据官协同桌面")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: the user data folder or $CDO_DATA_DIR)")
    parser.add_argument("--demo", action="store_true", help="open the Foshan demo network with a role switcher")
    parser.add_argument("--demo-scale", type=int, default=300, help="sharing requests in a new demo network")
    parser.add_argument("--screenshot", type=Path, metavar="DIR",
                        help="render every page for every demo role and language to DIR as PNG, then exit")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="user-interface language (default: last used)")
    parser.add_argument("--offline", action="store_true", help="work offline: do not offer to sign in to a bureau")
    parser.add_argument("--role", choices=["a", "b", "arbitrator", "admin"], help="demo role to start as")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (database, window, PDF, keyring), print one line, exit")
    return parser


def open_local(data_dir: Path) -> Any:
    """Open (create, migrate, initialise) the local database of ``data_dir``."""
    from cdo_desktop.services.bootstrap import ensure_initialised
    from cdo_desktop.store.migrate import open_database
    from cdo_desktop.store.stale_index import rebuild_if_stale

    db = open_database(data_dir)
    ensure_initialised(db)
    rebuild_if_stale(db)  # a folder the bureau server wrote: its search index is rebuilt before anything searches
    return db


def open_at_start(data_dir: Path) -> Any:
    """The app's start: open the database of ``data_dir``, creating it only on a genuinely first start.

    A folder whose database was created before (``database-created.json`` beside it, written once the database
    exists) but is now missing or holds no rows, and a 0-byte database file, are refused with `DatabaseMissing`
    (nothing is created or changed); ``refusal_text`` words it for the user (docs/trust.md)."""
    from cdo_desktop.services.bootstrap import ensure_initialised
    from cdo_desktop.store.db import DB_FILENAME
    from cdo_desktop.store.migrate import (
        check_app_start,
        mark_created,
        open_database,
        require_populated,
        was_created,
    )
    from cdo_desktop.store.stale_index import rebuild_if_stale

    first_start = check_app_start(data_dir)
    db = open_database(data_dir)  # opened once: checked, then initialised if new (as `open_local` does)
    try:
        if not first_start and was_created(data_dir):
            require_populated(db, str(Path(data_dir) / DB_FILENAME))
        ensure_initialised(db)
        rebuild_if_stale(db)  # a folder the bureau server wrote: its search index is rebuilt before anything searches
    except BaseException:
        db.dispose()
        raise
    mark_created(data_dir)
    return db


def refusal_text(exc: Any, data_dir: Path) -> str:
    """The translated refusal of a missing or empty database (`DatabaseMissing`), naming the file."""
    from cdo_desktop.ui.qt import QApplication

    where = getattr(exc, "where", "") or str(data_dir)
    if getattr(exc, "reason", "") == "empty_file":
        text = QApplication.translate(
            "App", "The database file %1 is empty (0 bytes). CDO Desktop does not replace it with a new, empty "
            "database. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with "
            "cdo init --data-dir %2.")
    elif getattr(exc, "reason", "") == "no_rows":
        text = QApplication.translate(
            "App", "The database %1 holds no records, although this data folder has held a database in use. "
            "CDO Desktop does not start over with an empty one. Restore a backup (cdo restore --data-dir %2), or "
            "start anew on purpose with cdo init --data-dir %2.")
    else:
        text = QApplication.translate(
            "App", "The database %1 is missing, although this data folder has held one. CDO Desktop does not "
            "create a new, empty database in its place. Restore a backup (cdo restore --data-dir %2), or start "
            "anew on purpose with cdo init --data-dir %2.")
    return text.replace("%1", where).replace("%2", str(data_dir))


def demo_ready(db: Any) -> bool:
    from sqlalchemy import func, select

    from cdo_desktop.store import models as m

    with db.read() as session:
        return bool(session.execute(select(func.count()).select_from(m.SharingRequest)).scalar_one())


def make_app(argv: Sequence[str], *, offscreen: bool = False) -> Any:
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from cdo_desktop.ui.fonts import register_ui_font
    from cdo_desktop.ui.qt import QApplication

    app = QApplication.instance() or QApplication(list(argv))
    app.setOrganizationName("FoshanDataBureau")
    app.setApplicationName("cdo-desktop")
    app.setApplicationDisplayName("CDO Desktop")
    from cdo_desktop.ui.icon import app_icon

    app.setWindowIcon(app_icon())  # every window, and the reminders' tray icon
    register_ui_font(app)
    from cdo_desktop.ui.style import apply_style

    apply_style(app)
    return app


def build_window(state: Any, settings: Any, *, demo: bool, roles: list[Any] | None = None,
                 start_as: Any = None, window: Any = None) -> Any:
    """The main window for ``state``, signed in as ``start_as``, the remembered person, or the demo's commissioner A.

    Given the already painted shell ``window``, its pages are built over ``state`` instead of a new window.
    """
    import uuid

    from cdo_desktop.ui.demo_roles import cast
    from cdo_desktop.ui.main_window import MainWindow

    state.settings = settings
    if roles is None:
        roles = []
        if demo:
            with state.read() as session:
                roles = cast(session)
    remembered = settings.get("session/actor_id")
    candidates = [str(start_as)] if start_as else []
    candidates += [remembered] if remembered and not state.replicas else []
    candidates += [str(r.commissioner_id) for r in roles]
    from cdo_desktop.services.bootstrap import admin_actor_id

    candidates.append(str(admin_actor_id()))
    for candidate in candidates:
        try:
            state.sign_in_as(uuid.UUID(str(candidate)))
            break
        except Exception:
            continue
    if window is not None:
        window.attach(state, roles=roles)
        return window
    return MainWindow(state, settings, roles=roles)


def start_demo_session(app: Any, root: Path, settings: Any, *, scale: int, role: str | None) -> Any:
    """``--demo``: a local bureau server with the demo network, one signed-in desktop replica per role."""
    from cdo_desktop.store import models as m
    from cdo_desktop.ui.bureau import start_demo
    from cdo_desktop.ui.demo_roles import Role
    from cdo_desktop.ui.dialogs.busy import run_with_progress
    from cdo_desktop.ui.state import AppState

    text = app.translate("App", "Preparing the Foshan demo: bureau server and desktops…")
    started = run_with_progress(None, text, lambda progress: start_demo(root, scale=scale, progress=progress))
    if started is None:
        return None
    bureau, replicas = started
    first = replicas.get(role or "a") or next(iter(replicas.values()))
    state = AppState(first.db, first.data_dir)
    state.sync_client = first.client
    state.replicas = {r.commissioner_id: r for r in replicas.values()}
    roles = []
    with state.read() as session:
        for key, replica in replicas.items():
            person = session.get(m.Commissioner, replica.commissioner_id)
            dept = session.get(m.Department, person.department_id) if person else None
            roles.append(Role(key, replica.commissioner_id, person.name if person else key, dept.name if dept else ""))
    window = build_window(state, settings, demo=True, roles=roles, start_as=first.commissioner_id)
    return window, bureau


def connect_or_offline(state: Any, settings: Any) -> Any:
    """The signed-in commissioner of a connected desktop (asking to sign in again if the token is gone), or None.

    On the very first start the sign-in dialog is offered; "Work offline" is remembered.
    """
    from cdo_desktop.sync import state as sync_state

    with state.read() as session:
        url = sync_state.get(session, sync_state.SERVER_URL)
        commissioner = sync_state.get(session, sync_state.COMMISSIONER_ID)
    if url:
        try:
            from cdo_desktop.sync.client import SyncClient

            state.sync_client = SyncClient.from_state(state.db)
            return commissioner or None
        except Exception:
            pass
    elif settings.get("session/offline_chosen"):
        return None
    from cdo_desktop.ui.dialogs import first_run
    from cdo_desktop.ui.dialogs.signin_dialog import SignInDialog

    while not url:  # the first-run page: sign in, try the demo, or work offline
        page = first_run.FirstRunDialog()
        page.exec()
        if page.choice == first_run.DEMO:
            return first_run.DEMO
        if page.choice == first_run.OFFLINE:
            settings.set("session/offline_chosen", "1")
            return None
        dialog = SignInDialog(state, url=settings.get("sync/bureau_url") or "", offline=False)
        if dialog.exec() and dialog.signed is not None:
            settings.set("sync/bureau_url", dialog.url.text().strip())
            return dialog.signed.commissioner_id
    dialog = SignInDialog(state, url=url)
    if dialog.exec() and dialog.signed is not None:
        return dialog.signed.commissioner_id
    settings.set("session/offline_chosen", "1")
    return None


class _FirstPaint:
    """Runs ``then`` on the event loop's next turn after ``window`` first paints (or after a second at the latest,
    should the window not be exposed); with ``CDO_EXIT_AFTER_FIRST_PAINT`` (tests/bench/bench_ui.py) it prints
    when the shell painted and when the first page's rows were painted, then quits; with
    ``CDO_MODULES_AT_FIRST_PAINT=FILE`` (``CDO_MODULES_AT_FIRST_ROWS=FILE``) it writes the names of the modules
    loaded when the shell (the first page's rows) painted to FILE."""

    def __init__(self, app: Any, window: Any, started: float, then: Any) -> None:
        from cdo_desktop.ui.qt import QEvent, QObject, QTimer

        self.app, self.window, self.started, self.then = app, window, started, then
        self.fired = False
        outer = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint and not outer.fired:
                    outer.painted()
                return False

        self.filter = Filter(window)
        window.installEventFilter(self.filter)
        window._first_paint = self
        QTimer.singleShot(1000, lambda: None if self.fired else self.painted())

    def painted(self) -> None:
        from cdo_desktop.ui.qt import QTimer

        self.fired = True
        modules_file = os.environ.get("CDO_MODULES_AT_FIRST_PAINT")
        if modules_file:
            Path(modules_file).write_text("\n".join(sorted(sys.modules)), encoding="utf-8")
        if os.environ.get("CDO_EXIT_AFTER_FIRST_PAINT"):
            print(f"first-paint {time.time():.6f} in-process {time.perf_counter() - self.started:.3f}", flush=True)
        QTimer.singleShot(0, self.load)

    def load(self) -> None:
        self.then()
        if os.environ.get("CDO_EXIT_AFTER_FIRST_PAINT"):
            self.window.repaint()  # the first page with its rows, painted now
            modules_file = os.environ.get("CDO_MODULES_AT_FIRST_ROWS")
            if modules_file:
                Path(modules_file).write_text("\n".join(sorted(sys.modules)), encoding="utf-8")
            print(f"first-rows {time.time():.6f} in-process {time.perf_counter() - self.started:.3f}", flush=True)
            self.app.quit()


def open_into(window: Any, data_dir: Path, settings: Any, *, offline: bool, demo_dir: Path | None = None,
              scale: int = 300) -> None:
    """Open the database of ``data_dir`` behind the painted shell ``window``, sign in, build the pages."""
    from cdo_desktop.store.migrate import DatabaseMissing
    from cdo_desktop.ui.qt import QApplication
    from cdo_desktop.ui.state import AppState

    try:
        db = open_at_start(data_dir)
    except DatabaseMissing as exc:  # a database existed here: never silently a new, empty one (docs/trust.md)
        from cdo_desktop.ui.qt import QMessageBox

        QMessageBox.critical(window, QApplication.translate("App", "The database cannot be opened"),
                             refusal_text(exc, data_dir))
        QApplication.exit(2)
        return
    except Exception as exc:  # a newer, locked or unreadable database: say so, never a traceback
        from cdo_desktop.ui.widgets import show_error

        show_error(window, exc, QApplication.translate("App", "The database cannot be opened"))
        QApplication.exit(2)
        return
    state = AppState(db, data_dir)
    start_as = None if offline else connect_or_offline(state, settings)
    if start_as == first_run_demo():  # chosen on the first-run page: the demo opens instead of this shell
        from cdo_desktop.paths import default_data_dir

        db.dispose()
        app = QApplication.instance()
        demo_window = start_demo(app, demo_dir or default_data_dir() / "demo", settings, scale=scale)
        if demo_window is None:
            QApplication.exit(1)
            return
        window._demo_window = demo_window  # kept alive with the shell it replaces
        demo_window.show()
        window.hide()
        return
    build_window(state, settings, demo=False, start_as=start_as, window=window)


def first_run_demo() -> str:
    from cdo_desktop.ui.dialogs import first_run

    return str(first_run.DEMO)


def start_demo(app: Any, data_dir: Path, settings: Any, *, scale: int, role: str | None = None,
               lang: str | None = None) -> Any:
    """Start the demo (its bureau and desktops) with its own settings; the window, or None if it did not start."""
    from cdo_desktop.ui import i18n

    settings = settings.for_demo()  # the demo's language, last page and window never leak into the real app
    if not lang and settings.has("ui/language"):
        i18n.install(settings.get("ui/language"))
    started_demo = start_demo_session(app, data_dir, settings, scale=scale, role=role)
    if started_demo is None:
        return None
    window, bureau = started_demo
    app.aboutToQuit.connect(bureau.stop)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        from cdo_desktop.selftest import run

        return run()
    started = time.perf_counter()
    app = make_app([sys.argv[0]], offscreen=args.screenshot is not None)
    from cdo_desktop.paths import default_data_dir
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.settings import Settings

    settings = Settings()
    data_dir = args.data_dir or (default_data_dir() / "demo" if args.demo else default_data_dir())
    if args.screenshot is not None:
        from cdo_desktop.ui.screenshots import take_all

        return take_all(app, data_dir=data_dir, out=args.screenshot, scale=args.demo_scale)
    i18n.install(args.lang or settings.get("ui/language") or "zh_CN")
    if args.demo:
        window = start_demo(app, data_dir, settings, scale=args.demo_scale, role=args.role, lang=args.lang)
        if window is None:
            return 1
        if os.environ.get("CDO_EXIT_AFTER_FIRST_PAINT"):
            _FirstPaint(app, window, started, lambda: None)
    else:
        from cdo_desktop.ui.main_window import MainWindow

        window = MainWindow(None, settings)  # the shell: painted before the database stack is imported
        _FirstPaint(app, window, started, lambda: open_into(
            window, data_dir, settings, offline=args.offline, demo_dir=args.data_dir, scale=args.demo_scale))
    window.show()
    code = app.exec()
    from cdo_desktop.ui.worker import wait_all

    wait_all()
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
