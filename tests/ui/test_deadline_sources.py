"""Every due date the app shows carries its source — the regulation's article, the bureau's setting, this
product's default, or the ruling / notice / catalogue that set it (issue #11, point 3). Walks the views of a demo
database: request detail (conformity check and reply), objections, disputes (acceptance, ruling, answer, orders),
orders and accountability records (defence, rectification), misuse, the dashboard's to-dos and the 'whose turn'
block."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from cdo_desktop.store import models as m
from cdo_desktop.ui.deadline_source import chinese_number, clause_text, source_marker, with_brief
from tests.ui.helpers import wait_for_rows

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DUE_LABELS = ("Conformity check due", "Reply due", "Verify by", "Accept by", "Rule by", "Answer due", "Defence due",
              "Rectify by", "Investigation due")
ROW = re.compile(r"<tr><th[^>]*>([^<]*)</th><td>([^<]*)</td></tr>")
DEADLINE = re.compile(r"<b>Deadline:</b>([^<]*)</p>")


def _sourced(text: str) -> bool:
    """A date followed by the source marker, and a source after it."""
    marker = source_marker()
    if not DATE.search(text) or marker not in text:
        return False
    return DATE.search(text.split(marker)[0]) is not None and bool(text.split(marker, 1)[1].strip())


def _check_html(html: str) -> int:
    """Every due-date row of a detail table and the turn block's deadline: its date has its source."""
    checked = 0
    for label, value in ROW.findall(html):
        if label in DUE_LABELS and DATE.search(value):
            assert _sourced(value), (label, value)
            checked += 1
    for value in DEADLINE.findall(html):
        if DATE.search(value):
            assert _sourced(value), value
            checked += 1
    for order in re.findall(r"\(due ([^,]*),", html):  # the case view's orders: "(due 5 working days…, Open)"
        assert source_marker() in order, order
        checked += 1
    return checked


def _check_column(page: Any, key: str) -> int:
    """A list cell shows the date with a short label of its source; its tooltip, the full source."""
    from cdo_desktop.ui.qt import Qt

    index = [c.key for c in page.model.columns].index(key)
    separator = with_brief("", "").strip()
    checked = 0
    for number in range(len(page.model.rows)):
        text = page.model.data(page.model.index(number, index), Qt.ItemDataRole.DisplayRole)
        if text:
            assert DATE.search(text) and separator in text and text.split(separator)[-1].strip(), (key, text)
            tip = page.model.data(page.model.index(number, index), Qt.ItemDataRole.ToolTipRole)
            assert _sourced(tip), (key, tip)
            checked += 1
    return checked


def _walk_list(page: Any, due_key: str | None) -> tuple[int, int]:
    page.refresh()
    wait_for_rows(page, lambda rows: bool(rows))
    in_list = _check_column(page, due_key) if due_key else 0
    in_detail = 0
    for row in page.model.rows[:60]:
        from cdo_desktop.ui.turn import record_turn

        in_detail += _check_html(record_turn(page.state, page.entity(), row, page.departments_of(row)))
        in_detail += _check_html(page.describe(page.full_row(row) if hasattr(page, "full_row") else row))
    return in_list, in_detail


def test_the_regulations_articles_read_in_english_and_chinese(app_state: Any) -> None:
    assert chinese_number("二十一") == 21 and chinese_number("十七") == 17 and chinese_number("九") == 9
    assert clause_text("《政务数据共享条例》第二十一条").endswith("art. 21")
    assert clause_text("省级实施细则惯例") == "省级实施细则惯例"


def test_every_due_date_shows_its_source(window: Any) -> None:
    window.select_role("admin")
    counts: dict[str, tuple[int, int]] = {}
    window.show_page("requests")
    counts["requests"] = _walk_list(window.pages["requests"], "reply_due")
    window.show_page("objections")
    counts["objections"] = _walk_list(window.pages["objections"], "due")
    window.show_page("disputes")
    disputes = window.pages["disputes"]
    counts["disputes"] = _walk_list(disputes, "ruling_due")
    case_checked = 0
    for row in disputes.model.rows[:40]:
        disputes.case.show_case(row["id"])
        if disputes.case.case is not None:
            case_checked += _check_html(disputes.case.case_html())
    window.show_page("rulings")
    rulings = window.pages["rulings"]
    counts["orders"] = _walk_list(rulings.orders, "due_on")
    counts["records"] = _walk_list(rulings.records, "rectification_due")
    window.show_page("misuse")
    counts["misuse"] = _walk_list(window.pages["misuse"], None)
    # the demo holds requests awaiting the check and a reply, objections being verified, disputes on the docket,
    # open orders and records: each view showed sourced due dates
    assert counts["requests"][0] and counts["requests"][1], counts
    assert counts["objections"][0] and counts["disputes"][0] and counts["disputes"][1], counts
    assert counts["orders"][0] and counts["records"][0], counts
    assert case_checked, "no dispute's case view showed a due date"


def test_the_dashboard_todos_show_their_sources(window: Any) -> None:
    state = window.state
    with state.read() as session:
        owners = [d for d in session.execute(select(m.Department).where(m.Department.is_bureau == False)  # noqa: E712
                                             ).scalars()]
        people = {p.department_id: p for p in session.execute(select(m.Commissioner).where(
            m.Commissioner.role == "cdo", m.Commissioner.ended_on == None)).scalars()}  # noqa: E711
    window.show_page("dashboard")
    page = window.pages["dashboard"]
    checked = 0
    window.select_role("admin")
    for actor in [None, *[people[d.id] for d in owners[:8] if d.id in people]]:
        if actor is not None:
            state.sign_in_as(actor.id)
        page.refresh()
        html = page.body.toHtml()
        for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
            text = re.sub(r"<[^>]+>", " ", row)
            if DATE.search(text) and "Dismiss" not in text:
                assert source_marker() in text, text
                checked += 1
    assert checked, "the dashboards showed no due date"


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_sources_are_translated(app_state: Any) -> None:
    from cdo_desktop.domain.policy import DeadlineKind, Policy
    from cdo_desktop.ui.deadline_source import policy_source, with_source

    policy = Policy.default()
    assert policy_source(policy, DeadlineKind.RULING) == "本系统默认期限"
    assert policy_source(policy, DeadlineKind.PROVIDER_REPLY) == "《政务数据共享条例》第二十一条"
    changed = policy.with_overrides({"ruling": (15, "佛山市政务数据共享争议处理办法")})
    assert policy_source(changed, DeadlineKind.RULING) == "本局设定：佛山市政务数据共享争议处理办法"
    assert with_source("2026-06-24", "本系统默认期限") == "2026-06-24 — 依据：本系统默认期限"
    from cdo_desktop.ui.deadline_source import policy_brief, with_brief

    assert with_brief("2026-06-24", policy_brief(policy, DeadlineKind.PROVIDER_REPLY)) == "2026-06-24 · 条例第21条"
    assert policy_brief(policy, DeadlineKind.RULING) == "默认期限"
    assert policy_brief(changed, DeadlineKind.RULING) == "本局设定"
    # a database seeded by an earlier release shows its stored clause, not a "bureau setting"
    old = policy.with_overrides({"catalogue_update": (15, "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）")})
    assert policy_source(old, DeadlineKind.CATALOGUE_UPDATE) == "《政务信息资源共享管理暂行办法》（国发〔2016〕51号）"


def test_the_policy_page_shows_each_source_and_this_releases_default(window: Any) -> None:
    window.select_role("admin")
    window.show_page("admin")
    page = window.pages["admin"]
    page.refresh()
    cells = {page.policy.item(r, 0).text(): [page.policy.item(r, c).text() for c in range(5)]
             for r in range(page.policy.rowCount())}
    reply = cells["Provider's reply to a conditional request"]
    assert reply[3].endswith("art. 21") and reply[4] == (
        "10 working days, Regulation on Government Data Sharing (State Council Decree No. 809), art. 21")
    assert cells["Ruling on an accepted dispute"][3] == "product default"


def test_reminders_carry_the_source(window: Any) -> None:
    from cdo_desktop.services.context import load_calendar
    from cdo_desktop.ui.reminders import due_items

    state = window.state
    seen = 0
    for role in ("admin", "a", "b"):
        window.select_role(role)
        with state.read() as session:
            items = due_items(session, state.actor, load_calendar(session), state.today)
        for item in items:
            assert item.source, item
            seen += 1
    assert seen, "the demo's roles have deadlines due or passed"
