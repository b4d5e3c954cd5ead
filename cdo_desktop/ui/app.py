"""Application entry point: arguments, QApplication, font, translator, settings, database, main window."""

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
    parser.add_argument("--role", choices=["a", "b", "arbitrator", "admin"], help="demo role to start as")
    return parser


def open_local(data_dir: Path) -> Any:
    """Open (create, migrate, initialise) the local database of ``data_dir``."""
    from cdo_desktop.services.bootstrap import ensure_initialised
    from cdo_desktop.store.migrate import open_database

    db = open_database(data_dir)
    ensure_initialised(db)
    return db


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
    register_ui_font(app)
    return app


def build_window(state: Any, settings: Any, *, demo: bool) -> Any:
    """The main window for ``state``, signed in as the remembered person (or the demo's commissioner A)."""
    import uuid

    from cdo_desktop.ui.demo_roles import cast
    from cdo_desktop.ui.main_window import MainWindow

    state.settings = settings
    roles = []
    if demo:
        with state.read() as session:
            roles = cast(session)
    remembered = settings.get("session/actor_id")
    candidates = [remembered] if remembered else []
    candidates += [str(r.commissioner_id) for r in roles]
    from cdo_desktop.services.bootstrap import admin_actor_id

    candidates.append(str(admin_actor_id()))
    for candidate in candidates:
        try:
            state.sign_in_as(uuid.UUID(str(candidate)))
            break
        except Exception:
            continue
    return MainWindow(state, settings, roles=roles)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    started = time.perf_counter()
    app = make_app([sys.argv[0]], offscreen=args.screenshot is not None)
    from cdo_desktop.store.db import default_data_dir
    from cdo_desktop.ui import i18n
    from cdo_desktop.ui.settings import Settings
    from cdo_desktop.ui.state import AppState

    settings = Settings()
    data_dir = args.data_dir or (default_data_dir() / "demo" if args.demo else default_data_dir())
    if args.screenshot is not None:
        from cdo_desktop.ui.screenshots import take_all

        return take_all(app, data_dir=data_dir, out=args.screenshot, scale=args.demo_scale)
    i18n.install(args.lang or settings.get("ui/language") or "zh_CN")
    db = open_local(data_dir)
    if args.demo and not demo_ready(db):
        from cdo_desktop.ui.dialogs.busy import run_with_progress

        def generate(progress: Any) -> Any:
            from cdo_desktop.demo.network import generate as make_network

            progress.update(0, 0, "")
            return make_network(db, scale=args.demo_scale)

        result = run_with_progress(None, app.translate("App", "Preparing the Foshan demo network…"), generate)
        if result is None:
            return 1
    state = AppState(db, data_dir)
    window = build_window(state, settings, demo=args.demo)
    if args.role:
        window.select_role(args.role)
    window.show()
    if os.environ.get("CDO_STARTUP_TIMING"):
        print(f"startup {time.perf_counter() - started:.3f}s", file=sys.stderr)
    code = app.exec()
    from cdo_desktop.ui.worker import wait_all

    wait_all()
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
