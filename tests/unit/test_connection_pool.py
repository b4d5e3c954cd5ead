"""The store keeps SQLite connections open between transactions (store.db._sqlite_engine): a kept connection never
outlives the file it opened (a restore puts another database in its place), and one that laid pull pages down with
foreign keys off goes back to the pool with them on, or not at all."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from cdo_desktop.store.backup import BackupError, backup, restore
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import open_database
from cdo_desktop.sync import state
from cdo_desktop.sync.replica import replica_connection


def _put(db: Database, key: str, value: str) -> None:
    with db.write() as session:
        state.put(session, key, value)


def _get(db: Database, key: str) -> str:
    with db.read() as session:
        return state.get(session, key)


def _pooled_foreign_keys(db: Database) -> list[int]:
    """Foreign-key enforcement on every connection the writer's pool keeps (checked out all at once, plus one)."""
    with contextlib.ExitStack() as held:
        connections = [held.enter_context(db.writer.connect()) for _ in range(db.writer.pool.size() + 1)]
        return [c.connection.driver_connection.execute("PRAGMA foreign_keys").fetchone()[0] for c in connections]


def test_connections_are_kept_between_transactions(tmp_path: Path) -> None:
    db = open_database(tmp_path / "desk")
    _put(db, "k", "1")
    with db.writer.connect() as first:
        raw = first.connection.driver_connection
    with db.writer.connect() as again:
        assert again.connection.driver_connection is raw  # the same SQLite connection, not a new one
    db.dispose()


def test_after_a_restore_the_open_store_reads_and_writes_the_restored_file(tmp_path: Path) -> None:
    desk, other = tmp_path / "desk", tmp_path / "other"
    db = open_database(desk)
    _put(db, "k", "before the restore")
    assert _get(db, "k") == "before the restore"  # both engines now keep a connection on the current file
    second = open_database(other)
    _put(second, "k", "from the backup")
    second.dispose()
    backup(other, tmp_path / "copy.sqlite3")

    restore(desk, tmp_path / "copy.sqlite3")  # as `cdo restore` in another process: the file is replaced

    assert _get(db, "k") == "from the backup"
    _put(db, "k", "written after the restore")
    conn = sqlite3.connect(desk / "cdo.sqlite3")
    try:
        assert conn.execute("SELECT value FROM sync_state WHERE key = 'k'").fetchone() == ("written after the restore",)
    finally:
        conn.close()
    db.dispose()


def test_a_replica_connection_goes_back_with_foreign_keys_on(tmp_path: Path) -> None:
    db = open_database(tmp_path / "desk")
    with replica_connection(db) as connection:
        assert connection.connection.driver_connection.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        with db.write_on(connection) as session:
            state.put(session, "k", "v")
    assert _pooled_foreign_keys(db) == [1] * (db.writer.pool.size() + 1)
    db.dispose()


def test_a_replica_connection_left_in_a_transaction_is_not_pooled(tmp_path: Path) -> None:
    db = open_database(tmp_path / "desk")
    with replica_connection(db) as connection:
        raw = connection.connection.driver_connection
        raw.execute("BEGIN")  # left open: PRAGMA foreign_keys cannot change inside it
    assert _pooled_foreign_keys(db) == [1] * (db.writer.pool.size() + 1)
    db.dispose()


def _window_and_backup(tmp_path: Path) -> tuple[Database, Path]:
    """A desktop window's open store that has written and read (its pools keep connections), and a backup of
    another folder to restore."""
    db = open_database(tmp_path / "desk")
    _put(db, "k", "the window's")
    assert _get(db, "k") == "the window's"
    other = open_database(tmp_path / "other")
    _put(other, "k", "from the backup")
    other.dispose()
    backup(tmp_path / "other", tmp_path / "copy.sqlite3")
    return db, tmp_path / "copy.sqlite3"


@pytest.mark.usefixtures("windows_file_rules")
def test_the_window_restores_over_its_own_open_store(tmp_path: Path) -> None:
    db, copy = _window_and_backup(tmp_path)
    restore(tmp_path / "desk", copy, open_db=db)  # Settings > Restore: the window's store closes its connections
    assert _get(db, "k") == "from the backup"
    db.dispose()


@pytest.mark.usefixtures("windows_file_rules")
def test_a_restore_while_another_program_holds_the_database_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    db, copy = _window_and_backup(tmp_path)
    with pytest.raises(BackupError, match="in use"):
        restore(tmp_path / "desk", copy)  # `cdo restore` while a window is open
    assert _get(db, "k") == "the window's"
    assert not (tmp_path / "desk" / "cdo.sqlite3.restoring").exists()
    db.dispose()
