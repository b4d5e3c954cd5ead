"""Consistent copies of a SQLite database (the SQLite online-backup API) and checked restores.

A backup is taken while the app runs: the backup API copies a consistent snapshot even under WAL. A restore first
checks the file — it must be a SQLite database, pass ``PRAGMA integrity_check``, carry a schema this program knows,
and hold an intact audit chain — and only then replaces the current database (which is kept beside it as
``cdo.sqlite3.before-restore``), so a bad file never costs the user their data.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cdo_desktop.store.db import DB_FILENAME, Database


class BackupError(Exception):
    """The backup file is unusable; the message names the file and says why (Chinese / English)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    schema: str | None
    audit_entries: int


def backup(data_dir: Path, target: Path) -> BackupInfo:
    """Write a consistent copy of the data folder's database to ``target``."""
    source = Path(data_dir) / DB_FILENAME
    if not source.exists():
        raise BackupError(f"数据文件夹中没有数据库：{source} / no database in the data folder: {source}")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return inspect(target)


def inspect(path: Path) -> BackupInfo:
    """Check a database file; raise `BackupError` naming the file when it is not a sound CDO database."""
    from cdo_desktop.store.migrate import known_revisions

    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到文件：{path} / file not found: {path}")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise BackupError(f"不是 SQLite 数据库文件：{path} / not a SQLite database: {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise BackupError(f"数据库文件已损坏：{path}（{result}） / the database file is damaged: {path} ({result})")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables or "audit_entry" not in tables:
                raise BackupError(f"不是 CDO Desktop 的数据库：{path} / not a CDO Desktop database: {path}")
            schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            entries = conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"无法读取数据库文件：{path}（{exc}） / cannot read the database file: {path} ({exc})") from None
    revision = schema[0] if schema else None
    if revision is not None and revision not in known_revisions():
        raise BackupError(
            f"备份文件来自更新版本的程序（{revision}）：{path} / the backup was made by a newer version ({revision}): {path}"
        )
    db = Database(f"sqlite:///{path.as_posix()}")
    try:
        from cdo_desktop.store.audit import verify_chain

        with db.read() as session:
            report = verify_chain(session)
    finally:
        db.dispose()
    if not report.ok:
        raise BackupError(
            f"备份文件的审计链在第 {report.broken_at} 条断开：{path} / the backup's audit chain is broken at entry "
            f"{report.broken_at}: {path}"
        )
    return BackupInfo(path=path, size=path.stat().st_size, schema=revision, audit_entries=entries)


def restore(data_dir: Path, source: Path, *, open_db: Database | None = None) -> BackupInfo:
    """Replace the data folder's database with a checked copy of ``source`` (migrated to this program's schema).

    ``open_db``: the caller's own open store on this folder (the desktop window's): its kept connections are closed
    first, since Windows does not let a file that is open be deleted or replaced; it opens new ones, on the restored
    file, at its next transaction. A database another program holds open (the window, while `cdo restore` runs) is
    refused with a message saying so, and the current database stays as it was."""
    from cdo_desktop.store.migrate import upgrade

    info = inspect(source)
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    current = data_dir / DB_FILENAME
    staged = data_dir / (DB_FILENAME + ".restoring")
    shutil.copyfile(source, staged)
    if current.exists():
        backup(data_dir, data_dir / (DB_FILENAME + ".before-restore"))
    if open_db is not None:
        open_db.dispose()
    try:
        for suffix in ("-wal", "-shm"):
            (data_dir / (DB_FILENAME + suffix)).unlink(missing_ok=True)
        staged.replace(current)
    except PermissionError:
        staged.unlink(missing_ok=True)
        raise BackupError(
            f"数据库正被其他程序使用（如 CDO Desktop 窗口），请先关闭后再恢复：{current} / the database is in use by another "
            f"program (a CDO Desktop window?): close it and restore again: {current}"
        ) from None
    db = Database.for_data_dir(data_dir)
    try:
        upgrade(db)
    finally:
        db.dispose()
    return info
