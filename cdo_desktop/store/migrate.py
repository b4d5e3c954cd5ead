"""Schema migrations: the app and the server bring their database to the newest schema at start.

A database written by a newer version of the program (a revision this build does not know) is refused with a
clear message instead of being touched.

Alembic costs ~0.3 s to import, and on almost every start the schema is already current. So the revisions are read
from the migration files with the standard library (their ``revision``/``down_revision`` lines) and the database's
``alembic_version`` with one plain SELECT; Alembic is imported only when there is something to upgrade (a new or
older database) or when the files cannot be read that simply (then Alembic decides, as before).
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from cdo_desktop.store.db import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


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


def _assigned(tree: ast.Module, name: str) -> Any:
    """The literal assigned to ``name`` at the top of a migration file (``revision: str = "0003_…"``)."""
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            target, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
        else:
            continue
        if target == name:
            return ast.literal_eval(value)
    raise KeyError(name)


def _header(source: str) -> str:
    """The module's text above its first top-level function or class (where Alembic writes the identifiers)."""
    for match in re.finditer(r"^(?:def |async def |class |@)", source, flags=re.MULTILINE):
        return source[: match.start()]
    return source


def _identifiers(tree: ast.Module) -> tuple[str, Any]:
    return _assigned(tree, "revision"), _assigned(tree, "down_revision")


@functools.cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Each revision of ``migrations/versions`` → the revisions it revises, read from the files without Alembic."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        try:  # the identifiers stand above the first function: parsing that header alone is enough (and ~10× less)
            revision, down = _identifiers(ast.parse(_header(source), filename=str(path)))
        except (KeyError, SyntaxError):
            try:
                revision, down = _identifiers(ast.parse(source, filename=str(path)))
            except KeyError:  # not a migration (a helper module beside them)
                continue
        graph[revision] = tuple(down) if isinstance(down, (tuple, list)) else ((down,) if down else ())
    return graph


def head_revision() -> str:
    """The newest revision (the one no other revises); Alembic decides if the files show more than one."""
    graph = revision_graph()
    revised = {down for downs in graph.values() for down in downs}
    heads = [rev for rev in graph if rev not in revised]
    if len(heads) == 1:
        return heads[0]
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


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
    from cdo_desktop.store.db import DB_FILENAME

    path = Path(data_dir) / DB_FILENAME
    if not path.exists():
        raise DatabaseMissing(f"数据库不存在：{path}。新建请运行 cdo init；如是误删，请用 cdo restore 恢复备份",
                              f"No database at {path}. Run `cdo init` to create one, or `cdo restore` a backup",
                              reason="missing", where=str(path))
    if path.stat().st_size == 0:
        raise DatabaseMissing(f"数据库文件为空（0 字节）：{path}。请用 cdo restore 恢复备份，不会自动新建",
                              f"The database file {path} is empty (0 bytes): restore a backup with `cdo restore`; "
                              "a new one is not created silently", reason="empty_file", where=str(path))


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
