"""Settings › Restore database, in the window that holds the database open: with Windows' rule for open files
(SQLite's files cannot be deleted or replaced while open there), the restore closes the window's kept connections
first and the window goes on reading the restored file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdo_desktop.store.backup import backup
from cdo_desktop.sync import state as sync_state


@pytest.mark.usefixtures("windows_file_rules")
def test_settings_restores_the_database_the_window_holds_open(window: Any, monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    from cdo_desktop.ui.pages import settings_page
    from cdo_desktop.ui.qt import QMessageBox

    db = window.state.db
    copy = tmp_path / "copy.sqlite3"
    backup(window.state.data_dir, copy)
    with db.write() as session:
        sync_state.put(session, "written_after_the_backup", "1")
    with db.read() as session:  # the window's store now keeps connections on the file
        assert sync_state.get(session, "written_after_the_backup") == "1"
    errors: list[Any] = []
    monkeypatch.setattr(settings_page, "open_file", lambda *_a, **_k: str(copy))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("cdo_desktop.ui.dialogs.busy.show_error", lambda _parent, error, _text: errors.append(error))

    window.show_page("settings")
    page = window.pages["settings"]
    page.restore()

    assert errors == []
    assert "restored" in page.note.text()
    with db.read() as session:
        assert sync_state.get(session, "written_after_the_backup") == ""  # the backup's state, read through the window
