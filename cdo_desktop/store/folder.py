"""A data folder's database file: its name, and the refusal when it should be there and is not.

Standard library only, so that a command can refuse a missing database, or read a current one with `sqlite3`
(store/records.py), before SQLAlchemy is imported.
"""

from __future__ import annotations

from pathlib import Path

DB_FILENAME = "cdo.sqlite3"


class DatabaseMissing(Exception):
    """A database that should exist is missing or empty: never silently replaced by a fresh one (zh / en).

    ``reason`` says which (``missing``, ``empty_file``: 0 bytes, ``no_rows``: a schema without rows) and ``where``
    names the file (or the server), for a user interface that words the refusal in its own language."""

    def __init__(self, zh: str, en: str, *, reason: str = "missing", where: str = "") -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en
        self.reason, self.where = reason, where


def require_existing(data_dir: Path) -> None:
    """Refuse a data folder whose SQLite database is missing or empty (0 bytes) before anything creates one."""
    path = Path(data_dir) / DB_FILENAME
    if not path.exists():
        raise DatabaseMissing(f"数据库不存在：{path}。新建请运行 cdo init；如是误删，请用 cdo restore 恢复备份",
                              f"No database at {path}. Run `cdo init` to create one, or `cdo restore` a backup",
                              reason="missing", where=str(path))
    if path.stat().st_size == 0:
        raise DatabaseMissing(f"数据库文件为空（0 字节）：{path}。请用 cdo restore 恢复备份，不会自动新建",
                              f"The database file {path} is empty (0 bytes): restore a backup with `cdo restore`; "
                              "a new one is not created silently", reason="empty_file", where=str(path))
