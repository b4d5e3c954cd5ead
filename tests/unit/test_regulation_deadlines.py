"""The day counts of 《政务数据共享条例》 (国务院令第809号) in the deadline policy, and migration 0010 bringing the
rows an earlier release seeded to them (issue #11, point 3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from sqlalchemy import text

from cdo_desktop.domain.policy import DEFAULT_DEADLINES, SUPERSEDED_SEEDS, DeadlineKind, Policy
from cdo_desktop.domain.workdays import HolidayCalendar
from cdo_desktop.reports.citations import cite
from cdo_desktop.store.db import Database
from cdo_desktop.store.migrate import _config, head_revision, upgrade

# (kind, working days, article) as read in the regulation's text (quoted in docs/domain.md)
READ = [
    (DeadlineKind.PROVIDER_REPLY, 10, "第二十一条"),
    (DeadlineKind.CATALOGUE_UPDATE, 10, "第十七条"),
    (DeadlineKind.OBJECTION_VERIFICATION, 10, "第二十六条"),
]


def test_the_regulations_day_counts_and_articles() -> None:
    for kind, days, article in READ:
        deadline = DEFAULT_DEADLINES[kind]
        assert (deadline.days, deadline.clause, deadline.product_default) == (
            days, f"《政务数据共享条例》{article}", False)


def test_where_the_regulation_fixes_no_count_the_default_is_marked() -> None:
    cited = {kind for kind, _days, _article in READ}
    for kind, deadline in DEFAULT_DEADLINES.items():
        if kind in cited:
            continue
        # no other kind claims the regulation: disputes (第二十八条) and misuse (第二十七条) fix no day count
        assert "政务数据共享条例" not in deadline.clause, kind
        if kind not in (DeadlineKind.CONFORMITY_CHECK, DeadlineKind.PLATFORM_REPLY):
            assert deadline.product_default and deadline.clause == "本系统默认值", kind


def test_catalogue_update_counts_ten_working_days_from_the_change() -> None:
    # changed on Friday 2026-09-25; 国庆 2026-10-01..07 are not working days in the seeded calendar
    due = Policy.default().due(DeadlineKind.CATALOGUE_UPDATE, dt.date(2026, 9, 25), HolidayCalendar())
    assert due.days == 10 and due.clause == "《政务数据共享条例》第十七条"
    assert due.due > dt.date(2026, 10, 9)


def test_citation_prints_the_name_once() -> None:
    assert cite("《政务数据共享条例》第二十一条") == "《政务数据共享条例》第二十一条"


def _at(tmp_path: Path, revision: str) -> Database:
    db = Database.for_data_dir(tmp_path)
    config = _config()
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return db


def test_migration_moves_seeded_rows_and_keeps_the_bureaus(tmp_path: Path) -> None:
    db = _at(tmp_path, "0008_assets")
    rows = {kind.value: seed for kind, seed in SUPERSEDED_SEEDS.items()}
    rows["objection_verification"] = (7, "佛山市政务数据管理办法第二十条", False)  # the bureau changed this one
    rows["ruling"] = (20, "本系统默认值", True)
    with db.writer.begin() as c:
        for i, (kind, (days, clause, default)) in enumerate(rows.items()):
            c.execute(text("INSERT INTO policy_deadline (id, revision, seq, kind, days, clause, product_default) "
                           "VALUES (:id, 3, :seq, :kind, :days, :clause, :d)"),
                      {"id": f"{i:032x}", "seq": i + 1, "kind": kind, "days": days, "clause": clause, "d": default})
    assert upgrade(db) == head_revision()
    with db.writer.begin() as c:
        got = {r[0]: tuple(r[1:]) for r in c.execute(text(
            "SELECT kind, days, clause, product_default, revision FROM policy_deadline"))}
    assert got == {
        "provider_reply": (10, "《政务数据共享条例》第二十一条", False, 3),
        "catalogue_update": (10, "《政务数据共享条例》第十七条", False, 3),
        "objection_verification": (7, "佛山市政务数据管理办法第二十条", False, 3),
        "ruling": (20, "本系统默认值", True, 3),
    }
