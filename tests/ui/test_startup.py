"""Paint first, then load (issue 14): the shell paints before the database stack is imported, the pages are built
behind it, and the shell's navigation shows exactly the pages' titles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOT_BEFORE_FIRST_PAINT = {"sqlalchemy", "sqlmodel", "alembic", "pydantic", "reportlab", "httpx", "fastapi",
                          "uvicorn", "keyring", "cdo_desktop.store", "cdo_desktop.services", "cdo_desktop.sync",
                          "cdo_desktop.reports", "cdo_desktop.server"}
# the first page's rows need the database stack, not the printing, the network, the migrations or the change handlers
NOT_BEFORE_FIRST_ROWS = {"alembic", "reportlab", "httpx", "fastapi", "uvicorn", "cdo_desktop.reports",
                         "cdo_desktop.server", "cdo_desktop.services.requests", "cdo_desktop.services.disputes",
                         "cdo_desktop.services.catalogue", "cdo_desktop.services.assets",
                         "cdo_desktop.services.accountability"}


def test_modules_at_first_paint_and_rows_after(data_dir: Path, tmp_path: Path) -> None:
    modules_file, rows_file = tmp_path / "modules.txt", tmp_path / "modules-at-rows.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CDO_EXIT_AFTER_FIRST_PAINT="1",
               CDO_MODULES_AT_FIRST_PAINT=str(modules_file), CDO_MODULES_AT_FIRST_ROWS=str(rows_file),
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               HOME=str(tmp_path / "home"))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--offline",
                             "--lang", "en"], env=env, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    lines = [line.split()[0] for line in result.stdout.splitlines()]
    assert lines == ["first-paint", "first-rows"]  # the shell painted, then the first page with its rows
    modules = set(modules_file.read_text(encoding="utf-8").split())
    assert "PySide6.QtWidgets" in modules and "cdo_desktop.ui.main_window" in modules
    top = {m.split(".")[0] for m in modules} | {".".join(m.split(".")[:2]) for m in modules}
    assert not top & NOT_BEFORE_FIRST_PAINT, sorted(top & NOT_BEFORE_FIRST_PAINT)
    at_rows = set(rows_file.read_text(encoding="utf-8").split())
    assert "sqlalchemy" in at_rows and "cdo_desktop.store.models" in at_rows
    top = {".".join(m.split(".")[:depth]) for m in at_rows for depth in (1, 2, 3)}
    assert not top & NOT_BEFORE_FIRST_ROWS, sorted(top & NOT_BEFORE_FIRST_ROWS)


def test_shell_navigation_is_the_pages_titles(window: Any) -> None:
    from cdo_desktop.ui.main_window import NAVIGATION, page_classes

    assert [key for key, _, _ in NAVIGATION] == [key for key, _ in page_classes()]
    for row, (key, _, _) in enumerate(NAVIGATION):
        assert window.nav.item(row).text() == window.pages[key].title(), key


def test_shell_then_attach_keeps_the_page_chosen_meanwhile(qtbot: Any, app_state: Any, settings: Any) -> None:
    from cdo_desktop.ui.app import build_window
    from cdo_desktop.ui.main_window import MainWindow

    shell = MainWindow(None, settings)
    qtbot.addWidget(shell)
    shell.show()
    assert shell.stack.currentWidget() is shell.loading and not shell.pages
    shell.nav.setCurrentRow(3)  # the user clicks "Sharing requests" while the database opens
    assert shell.stack.currentWidget() is shell.loading
    window = build_window(app_state, settings, demo=True, window=shell)
    assert window is shell
    assert shell.current_page_key() == "requests"
    page = shell.pages["requests"]
    assert shell.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert settings.get("ui/last_page") == "requests"
    assert app_state.actor is not None and shell.who.text() != shell.tr("Opening the database…")
