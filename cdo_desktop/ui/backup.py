"""Backup and restore of the local database with SQLite's online backup API (run in a background op)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from cdo_desktop.domain.errors import DomainError


def backup(db_path: Path, target: Path, progress: Any = None) -> int:
    """Copy the live database to ``target`` consistently; returns the size in bytes."""
    source = sqlite3.connect(str(db_path))
    dest = sqlite3.connect(str(target))
    try:
        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress.update(total - remaining, total)

        source.backup(dest, pages=256, progress=step)
    finally:
        dest.close()
        source.close()
    return target.stat().st_size


def check_backup(path: Path) -> None:
    """Refuse a file that is not an intact CDO Desktop database (naming the file)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DomainError("restore_unreadable", f"“{path.name}”不是有效的数据库文件：{exc}",
                          f"'{path.name}' is not a valid database file: {exc}", field="file") from None
    if ok != "ok" or not {"alembic_version", "department", "audit_entry"} <= tables:
        raise DomainError("restore_not_cdo", f"“{path.name}”不是完好的 CDO Desktop 数据库备份",
                          f"'{path.name}' is not an intact CDO Desktop backup", field="file")


def restore(backup_path: Path, db_path: Path, progress: Any = None) -> None:
    """Check ``backup_path`` and copy it over the live database (through the backup API, so readers stay safe)."""
    check_backup(backup_path)
    source = sqlite3.connect(str(backup_path))
    dest = sqlite3.connect(str(db_path), timeout=10)
    try:
        source.backup(dest, pages=256)
    finally:
        dest.close()
        source.close()
