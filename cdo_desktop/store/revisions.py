"""The migration files' revisions, read with the standard library (their ``revision``/``down_revision`` lines).

Alembic costs ~0.3 s to import and SQLAlchemy more; knowing whether a database is at the newest schema needs
neither: the graph comes from the files' headers (store/migrate.py upgrades with Alembic when it is not), and
``cdo pdf`` reads a current database with ``sqlite3`` alone (store/records.py).
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path
from typing import Any

MIGRATIONS = Path(__file__).with_name("migrations")


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


def single_head() -> str | None:
    """The newest revision when exactly one revision is revised by no other; None otherwise (Alembic decides)."""
    graph = revision_graph()
    revised = {down for downs in graph.values() for down in downs}
    heads = [rev for rev in graph if rev not in revised]
    return heads[0] if len(heads) == 1 else None
