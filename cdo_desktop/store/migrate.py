"""Schema migrations: the app and the server bring their database to the newest schema at start.

A database written by a newer version of the program (a revision this build does not know) is refused with a
clear message instead of being touched.

Alembic costs ~0.3 s to import, and on almost every start the schema is already current. So the revisions are read
from the migration files with the standard library (their ``revision``/``down_revision`` lines) and the database's
``alembic_version`` with one plain SELECT; Alembic is imported only when there is something to upgrade (a new or
older database) or when the files cannot be read that simply (then Alembic decides, as before).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from cdo_desktop.store.db import Database
from cdo_desktop.store.folder import (
    DatabaseMissing as DatabaseMissing,  # re-exported: callers import it from here
)
from cdo_desktop.store.folder import require_existing as require_existing
from cdo_desktop.store.revisions import MIGRATIONS, revision_graph, single_head

if TYPE_CHECKING:
    from alembic.config import Config


class SchemaTooNew(RuntimeError):
    """The database was written by a newer version of CDO Desktop."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"数据库版本（{revision}）比本程序新，请升级 CDO Desktop 后再打开。"
            f" / The database (schema {revision}) is newer than this program: please update CDO Desktop."
        )
        self.revision = revision


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision (the one no other revises); Alembic decides if the files show more than one."""
    head = single_head()
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    alembic_head = ScriptDirectory.from_config(_config()).get_current_head()
    assert alembic_head is not None
    return alembic_head


def known_revisions() -> set[str]:
    return set(revision_graph())


def current_revision(db: Database) -> str | None:
    """The database's ``alembic_version`` (None for a database without one), read with one plain SELECT."""
    with db.writer.connect() as connection:
        try:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except DBAPIError:  # no such table: a new database
            connection.rollback()
            return None
    if len(rows) > 1:  # several heads: let Alembic report it
        from alembic.runtime.migration import MigrationContext

        with db.writer.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    return rows[0] if rows else None


def upgrade(db: Database) -> str:
    """Migrate ``db`` to the newest schema; returns the revision. Refuses a database newer than this build.

    Alembic is imported only when the database is not already at the head revision.
    """
    current = current_revision(db)
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(current)
    head = head_revision()
    if current == head:
        return head
    from alembic import command

    config = _config()
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return head


def open_database(data_dir: Path | None = None, *, url: str | None = None, pooled: bool = False,
                  keeps_search_index: bool = True) -> Database:
    """Open (creating or migrating as needed) the database of a data folder or at ``url``; ``pooled``,
    ``keeps_search_index``: see `Database`."""
    if url is None:
        assert data_dir is not None
        db = Database.for_data_dir(data_dir, pooled=pooled, keeps_search_index=keeps_search_index)
    else:
        db = Database(url, pooled=pooled, keeps_search_index=keeps_search_index)
    upgrade(db)
    return db


def require_populated(db: Database, where: str) -> None:
    """Refuse a database that has a schema but no rows at all (no departments and no audit entries)."""
    from sqlalchemy import func, select

    from cdo_desktop.store import models as m

    with db.read() as session:
        departments = session.execute(select(func.count()).select_from(m.Department)).scalar_one()
        entries = session.execute(select(func.count()).select_from(m.AuditEntry)).scalar_one()
    if not departments and not entries:
        raise DatabaseMissing(f"数据库为空：{where}。请恢复备份，或确认这是新建的数据库后再初始化",
                              f"The database is empty: {where}. Restore a backup, or initialise it on purpose",
                              reason="no_rows", where=where)


CREATED_MARKER = "database-created.json"  # in the data folder, beside cdo.sqlite3 (docs/trust.md)


def mark_created(data_dir: Path) -> None:
    """Remember, in the data folder, that its database was created (written once, atomically): from now on a
    missing or empty database there is an error, never a first start."""
    import datetime as dt
    import json
    import os

    from cdo_desktop.store.db import DB_FILENAME

    marker = Path(data_dir) / CREATED_MARKER
    if marker.exists():
        return
    body = {"database": DB_FILENAME, "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "note": "CDO Desktop: this folder holds a database; a missing or empty one is an error, not a new start"}
    tmp = marker.with_suffix(".part")
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, marker)


def was_created(data_dir: Path) -> bool:
    return (Path(data_dir) / CREATED_MARKER).exists()


def check_app_start(data_dir: Path) -> bool:
    """Before the desktop app opens ``data_dir``: True on a genuinely first start (no database file and no record
    that one was ever created here), False when an existing database is to be opened; `DatabaseMissing` when the
    folder's database was created before (its marker is there) but is now missing, and for a 0-byte database file
    (never what a first start leaves; a truncated file is not quietly replaced)."""
    from cdo_desktop.store.db import DB_FILENAME

    path = Path(data_dir) / DB_FILENAME
    if path.exists() and path.stat().st_size > 0:
        return False
    if path.exists() or was_created(data_dir):
        require_existing(data_dir)
    return True
