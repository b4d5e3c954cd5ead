"""The day counts of 《政务数据共享条例》 (国务院令第809号) in the deadline policy; a database seeded before keeps its
rows (its audit log replays to them) (issue #11, point 3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from sqlmodel import select

from cdo_desktop.demo.network import generate
from cdo_desktop.domain.policy import DEFAULT_DEADLINES, SUPERSEDED_SEEDS, DeadlineKind, Policy
from cdo_desktop.domain.workdays import HolidayCalendar
from cdo_desktop.reports.citations import cite
from cdo_desktop.services.bootstrap import ADMIN_NAME, BUREAU_CODE, BUREAU_NAME, initialise
from cdo_desktop.services.replay import verify_rows
from cdo_desktop.store import models as m
from cdo_desktop.store.migrate import _config, head_revision, open_database, upgrade

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


def test_a_database_seeded_earlier_keeps_its_rows_and_replays(tmp_path: Path) -> None:
    """Seeds version 1 (before the regulation was read): the upgrade leaves the rows as seeded, the audit replay
    seeds the same and rebuilds every record — due dates counted under the old values included."""
    db = open_database(tmp_path)
    with db.write() as session:
        initialise(session, bureau_code=BUREAU_CODE, bureau_name=BUREAU_NAME, admin_name=ADMIN_NAME,
                   today=dt.datetime.now(dt.UTC).date(), policy_seeds=1)
    generate(db, scale=40, with_accounts=False)
    with db.read() as session:
        rows = {r.kind: (r.days, r.clause, r.product_default) for r in session.exec(select(m.PolicyDeadline))}
        entry = session.exec(select(m.AuditEntry).where(m.AuditEntry.kind == "system.bootstrap")).one()
    assert "policy_seeds" not in entry.payload  # as an earlier release wrote it
    for kind, seed in SUPERSEDED_SEEDS.items():
        assert rows[kind.value] == seed
    config = _config()
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008_assets")
    assert upgrade(db) == head_revision()
    with db.read() as session:
        assert {r.kind: (r.days, r.clause, r.product_default)
                for r in session.exec(select(m.PolicyDeadline))} == rows
    report = verify_rows(db, scratch_dir=tmp_path)
    assert report.ok, report.reason
    db.dispose()


def test_a_new_database_is_seeded_with_the_regulations_values_and_replays(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    generate(db, scale=40, with_accounts=False)
    with db.read() as session:
        rows = {r.kind: (r.days, r.clause) for r in session.exec(select(m.PolicyDeadline))}
        entry = session.exec(select(m.AuditEntry).where(m.AuditEntry.kind == "system.bootstrap")).one()
    assert '"policy_seeds":2' in entry.payload.replace(" ", "")
    for kind, days, article in READ:
        assert rows[kind.value] == (days, f"《政务数据共享条例》{article}")
    assert verify_rows(db, scratch_dir=tmp_path).ok
    db.dispose()


def test_superseded_seeds_are_recognised() -> None:
    from cdo_desktop.domain.policy import Deadline, is_superseded_seed, seeded_deadlines

    old = {d.kind: d for d in seeded_deadlines(1)}
    assert is_superseded_seed(old[DeadlineKind.CATALOGUE_UPDATE]) and old[DeadlineKind.CATALOGUE_UPDATE].days == 15
    assert not is_superseded_seed(DEFAULT_DEADLINES[DeadlineKind.CATALOGUE_UPDATE])
    assert not is_superseded_seed(Deadline(DeadlineKind.CATALOGUE_UPDATE, 12, "佛山市规定"))
