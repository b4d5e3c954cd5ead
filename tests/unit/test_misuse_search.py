"""Misuse reports are found by the desktop's full-text search like the other records (issue #11): by number,
words of the description or finding, the departments' names and the request's number — indexed by the flush hook,
by the set-based rebuild, and, for a database from before, by migration 0010."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import func, select, text

from cdo_desktop.demo.network import generate
from cdo_desktop.store import models as m
from cdo_desktop.store import search
from cdo_desktop.store.migrate import _config, head_revision, open_database, upgrade
from cdo_desktop.ui import queries


def _misuse_entries(session: object) -> int:
    return int(session.connection().execute(  # type: ignore[attr-defined]
        text(f"SELECT count(*) FROM {search.FTS_TABLE} WHERE entity = 'misuse'")).scalar_one())


def test_misuse_reports_are_searchable_and_survive_an_upgrade(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    generate(db, scale=60, with_accounts=False)
    with db.write() as session:
        reports = list(session.execute(select(m.MisuseReport)).scalars())
        assert reports, "the demo files misuse reports"
        assert _misuse_entries(session) == len(reports)
        report = reports[0]
        user = session.get(m.Department, report.user_department_id)
        request = session.get(m.SharingRequest, report.request_id)
        assert user is not None and request is not None
        spec = queries.SPECS["misuse"]
        for query in (report.number, user.name, request.number):
            found = queries.page_of(session, spec, search=query)
            assert report.id in {r["id"] for r in found.rows}, query
        # the per-flush hook indexes an edit: a word only the new finding holds
        report.finding = "经查该部门将数据转交第三方公司 ZX-417"
        session.add(report)
    with db.write() as session:
        found = queries.page_of(session, queries.SPECS["misuse"], search="ZX-417 第三方")
        assert [r["id"] for r in found.rows] == [report.id]
        assert queries.page_of(session, queries.SPECS["misuse"], search="并无此词语").rows == []
        count = session.execute(select(func.count()).select_from(m.MisuseReport)).scalar_one()
    # a database of the previous schema (no misuse entries in its index) gets them on upgrade
    config = _config()
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008_assets")
    with db.write() as session:
        assert _misuse_entries(session) == 0
    assert upgrade(db) == head_revision()
    with db.write() as session:
        assert _misuse_entries(session) == count
        assert [r["id"] for r in queries.page_of(session, queries.SPECS["misuse"], search="ZX-417").rows] == [
            report.id]
    db.dispose()
