"""No silent fresh start (issue 9 point 4): the app creates its database only on a genuinely first start; a folder
whose database existed (its ``database-created.json`` marker) but is now missing, a 0-byte database file and a
database without rows are refused with a clear, translated message naming the file, and nothing is created."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cdo_desktop.store.db import DB_FILENAME
from cdo_desktop.store.migrate import CREATED_MARKER, DatabaseMissing, check_app_start


class Refusals:
    """QMessageBox.critical and QApplication.exit, recorded instead of shown (a modal box would block the test)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from cdo_desktop.ui.qt import QApplication, QMessageBox

        self.shown: list[tuple[str, str]] = []
        self.exits: list[int] = []
        monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: self.shown.append((title, text)))
        monkeypatch.setattr(QApplication, "exit", lambda code=0: self.exits.append(code))


def _start(qtbot: Any, settings: Any, data_dir: Path) -> Any:
    """The app's start behind a painted shell, as ``main`` does it (offline: no sign-in page)."""
    from cdo_desktop.ui.app import open_into
    from cdo_desktop.ui.main_window import MainWindow

    shell = MainWindow(None, settings)  # closed by _close (not qtbot's: the window is deleted before the test ends)
    open_into(shell, data_dir, settings, offline=True)
    return shell


def _close(shell: Any) -> None:
    """Close a started window for good (its timers die with it) before its database file is tampered with."""
    from cdo_desktop.ui.qt import QApplication, QEvent

    state = shell.state
    shell.close()
    shell.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if state is not None:
        state.db.dispose()


@pytest.fixture
def english(qapp: Any) -> Any:
    from cdo_desktop.ui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


def test_a_fresh_folder_is_created_then_a_truncated_database_is_refused(qtbot: Any, settings: Any, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        english: Any) -> None:
    data_dir = tmp_path / "fresh"
    refusals = Refusals(monkeypatch)
    shell = _start(qtbot, settings, data_dir)  # a truly fresh data folder: the first start creates the database
    assert not refusals.shown and not refusals.exits
    assert shell.state is not None and shell.pages
    db_file = data_dir / DB_FILENAME
    assert db_file.stat().st_size > 0 and (data_dir / CREATED_MARKER).exists()
    _close(shell)
    db_file.write_bytes(b"")  # the database is truncated between two starts
    for extra in ("-wal", "-shm"):
        Path(f"{db_file}{extra}").unlink(missing_ok=True)
    again = _start(qtbot, settings, data_dir)
    assert refusals.exits == [2] and again.state is None and not again.pages
    title, text = refusals.shown[-1]
    assert title == "The database cannot be opened"
    assert str(db_file) in text and "empty (0 bytes)" in text and "cdo restore" in text
    qtbot.wait(3500)  # the first window's deadline reminder (3 s after start) must not touch the file any more
    assert db_file.stat().st_size == 0  # nothing written: the truncated file is left for the user to restore
    _close(again)


def test_a_deleted_database_is_refused_in_chinese_and_not_recreated(qtbot: Any, settings: Any, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    english: Any) -> None:
    from cdo_desktop.ui import i18n

    data_dir = tmp_path / "used"
    refusals = Refusals(monkeypatch)
    _close(_start(qtbot, settings, data_dir))
    (data_dir / DB_FILENAME).unlink()
    i18n.install("zh_CN")
    shell = _start(qtbot, settings, data_dir)
    assert refusals.exits == [2] and shell.state is None
    title, text = refusals.shown[-1]
    assert title == "无法打开数据库"
    assert str(data_dir / DB_FILENAME) in text and "不存在" in text and "不会在原处新建空数据库" in text
    assert not (data_dir / DB_FILENAME).exists()
    _close(shell)


def test_a_database_without_rows_where_one_was_in_use_is_refused(qtbot: Any, settings: Any, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 english: Any) -> None:
    from cdo_desktop.store.migrate import mark_created, open_database

    data_dir = tmp_path / "emptied"
    open_database(data_dir).dispose()  # a schema without a single row (say, a botched restore)
    mark_created(data_dir)
    refusals = Refusals(monkeypatch)
    shell = _start(qtbot, settings, data_dir)
    assert refusals.exits == [2] and shell.state is None
    assert "holds no records" in refusals.shown[-1][1] and str(data_dir / DB_FILENAME) in refusals.shown[-1][1]
    _close(shell)
    with pytest.raises(DatabaseMissing):  # still empty: nothing was initialised behind the user's back
        from cdo_desktop.store.migrate import require_populated

        db = open_database(data_dir)
        try:
            require_populated(db, "x")
        finally:
            db.dispose()


def test_the_start_check(tmp_path: Path) -> None:
    """check_app_start on its own: first start only without a database file and without the marker."""
    from cdo_desktop.cli import main
    from cdo_desktop.store.migrate import mark_created

    fresh = tmp_path / "a"
    assert check_app_start(fresh) is True and not fresh.exists()
    older = tmp_path / "b"  # an installation from before the marker: its database opens, and is marked then
    older.mkdir()
    (older / DB_FILENAME).write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
    assert check_app_start(older) is False
    zero = tmp_path / "c"  # a 0-byte file is never what a first start leaves, marker or not
    zero.mkdir()
    (zero / DB_FILENAME).write_bytes(b"")
    with pytest.raises(DatabaseMissing) as refused:
        check_app_start(zero)
    assert refused.value.reason == "empty_file" and refused.value.where == str(zero / DB_FILENAME)
    made = tmp_path / "d"  # `cdo init` creates the database and its marker: the app then never starts it anew
    assert main(["--data-dir", str(made), "init"]) == 0
    assert (made / CREATED_MARKER).exists()
    (made / DB_FILENAME).unlink()
    with pytest.raises(DatabaseMissing) as missing:
        check_app_start(made)
    assert missing.value.reason == "missing"
    mark_created(made)  # written once: a second call keeps the first record
    assert (made / CREATED_MARKER).read_text(encoding="utf-8").count("created_at") == 1
