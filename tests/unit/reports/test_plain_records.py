"""``cdo pdf`` reads a document's rows with `sqlite3` alone (store/records.py) instead of through the ORM: every row
of every table, and every document of the demo network in both languages, must come out exactly as the ORM gives
them — the same values of the same types, the same views, the same PDF bytes."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, SQLModel, select

from cdo_desktop.domain.errors import NotFound
from cdo_desktop.reports import documents
from cdo_desktop.store import models as m
from cdo_desktop.store.folder import DB_FILENAME
from cdo_desktop.store.migrate import open_database
from cdo_desktop.store.records import SessionRecords, SqliteRecords, reading


@pytest.fixture(scope="module")
def both(demo_dir: Path) -> Iterator[tuple[Session, SqliteRecords]]:
    db = open_database(demo_dir)
    with Session(db.writer) as session, reading(demo_dir / DB_FILENAME) as plain:
        assert plain is not None, "the demo database is at the newest schema"
        yield session, plain
    db.dispose()


def _tables() -> list[type[SQLModel]]:
    return [mapper.class_ for mapper in SQLModel._sa_registry.mappers
            if mapper.class_.__tablename__ in m.SQLModel.metadata.tables]


def test_every_row_reads_the_same_values_of_the_same_types(both: tuple[Session, SqliteRecords]) -> None:
    session, plain = both
    compared = 0
    for model in _tables():
        table = model.__table__  # type: ignore[attr-defined]
        columns = [c.name for c in table.columns]
        key = [c.name for c in table.primary_key.columns]
        orm = sorted(({c: getattr(row, c) for c in columns} for row in SessionRecords(session).find(table.name)),
                     key=lambda r: tuple(str(r[k]) for k in key))
        raw = sorted((vars(row) for row in plain.find(table.name)), key=lambda r: tuple(str(r[k]) for k in key))
        assert len(orm) == len(raw), table.name
        for a, b in zip(orm, raw, strict=True):
            assert a == b, table.name
            assert {c: type(v) for c, v in a.items()} == {c: type(v) for c, v in b.items()}, table.name
        compared += len(orm)
    assert compared > 1000  # the demo network's rows, not an empty database


def _numbers(session: Session) -> list[tuple[str, str]]:
    numbers = [("ruling", r.number) for r in session.exec(select(m.Ruling))]
    numbers += [("notice", r.number) for r in session.exec(select(m.AccountabilityRecord))]
    numbers += [("reply", r.number) for r in session.exec(select(m.SharingRequest).where(
        m.SharingRequest.reply_number != ""))]
    numbers += [("certificate", a.number) for a in session.exec(select(m.DataAsset).where(m.DataAsset.number != ""))]
    return numbers


def test_every_document_reads_the_same_view_both_ways(both: tuple[Session, SqliteRecords]) -> None:
    session, plain = both
    numbers = _numbers(session)
    assert {kind for kind, _ in numbers} == {"ruling", "notice", "reply", "certificate"}
    for kind, number in numbers:
        for lang in ("zh", "en"):
            assert documents.load_view(plain, kind, number, lang=lang) == \
                documents.load_view(session, kind, number, lang=lang), (kind, number, lang)
    kind, number = numbers[0]
    assert documents.render(documents.load_view(plain, kind, number)) == \
        documents.render(documents.load_view(session, kind, number))


def test_an_unknown_number_is_refused_by_name(both: tuple[Session, SqliteRecords]) -> None:
    _, plain = both
    with pytest.raises(NotFound) as refused:
        documents.load_view(plain, "ruling", "佛数裁〔2026〕999号")
    assert "佛数裁〔2026〕999号" in str(refused.value.zh)


def test_the_plain_reader_cannot_write(both: tuple[Session, SqliteRecords]) -> None:
    _, plain = both
    with pytest.raises(sqlite3.OperationalError):
        plain.connection.execute("DELETE FROM department")
    with pytest.raises(KeyError):
        plain.find("department", no_such_column=1)


def test_a_database_not_at_the_newest_schema_is_left_to_the_orm(demo_dir: Path, tmp_path: Path) -> None:
    """An older database must be migrated and a newer one refused, which only store/migrate.py does: the plain
    reader declines both (and a file that is not ours)."""
    copy = tmp_path / DB_FILENAME
    shutil.copyfile(demo_dir / DB_FILENAME, copy)
    for version in ("0009_older", "9999_newer"):
        with sqlite3.connect(copy) as connection:
            connection.execute("UPDATE alembic_version SET version_num = ?", (version,))
        with reading(copy) as plain:
            assert plain is None, version
    with sqlite3.connect(copy) as connection:
        connection.execute("DROP TABLE alembic_version")
    with reading(copy) as plain:
        assert plain is None
