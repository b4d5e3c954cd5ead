"""Exports of the registers (assets, platforms) and of the import-shaped tables (catalogue, directory), and the
import templates: CSV, XLSX (Chinese headers) or JSON (column keys), written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdo_desktop.store.db import Database
from cdo_desktop.transfer.specs import EXPORT_COLUMNS, IMPORT_COLUMNS, ROWS, TITLES
from cdo_desktop.transfer.tables import write_table

EXPORT_KINDS = tuple(ROWS)


def export_table(db: Database, kind: str, path: Path, *, fmt: str | None = None) -> int:
    """Write the ``kind`` table (assets, platforms, catalogue, directory) to ``path``; returns the row count."""
    with db.read() as session:
        rows = ROWS[kind](session)
    return write_table(path, EXPORT_COLUMNS[kind], rows, fmt=fmt, sheet_title=TITLES[kind])


def export_assets(db: Database, path: Path, *, fmt: str | None = None) -> int:
    return export_table(db, "assets", path, fmt=fmt)


def export_platforms(db: Database, path: Path, *, fmt: str | None = None) -> int:
    return export_table(db, "platforms", path, fmt=fmt)


def write_template(kind: str, path: Path, *, fmt: str | None = None) -> int:
    """An empty import sheet for ``kind`` with Chinese headers (required ones marked on the notes sheet)."""
    columns = IMPORT_COLUMNS[kind]
    notes = [(f"{c.zh}{'（必填）' if c.required else ''}", c.hint or c.en) for c in columns]
    write_table(path, columns, [], fmt=fmt, sheet_title=TITLES[kind], notes=notes)
    return len(columns)


ENGLISH_TITLES = {"assets": "Data asset register", "platforms": "Platform and system register"}


def register_exports(registry: Any) -> None:
    """Offer the asset and platform registers through the named-exporter registry of `transfer/export.py` (issue 11),
    with the same columns as their import files: ``register_exports(sys.modules[__name__])`` at its end."""
    for kind, english in ENGLISH_TITLES.items():
        columns = tuple(registry.Column(c.key, c.zh, c.en) for c in EXPORT_COLUMNS[kind])
        registry.register(registry.Exporter(kind, TITLES[kind], english, columns, ROWS[kind]))
