"""Working days on real arrangements: 2026 Spring Festival and National Day, make-up days, unknown years."""

from __future__ import annotations

import datetime as dt

from cdo_desktop.domain.policy import DeadlineKind, Policy
from cdo_desktop.domain.workdays import BureauDay, HolidayCalendar, add_workdays, workdays_between

D = dt.date


def test_spring_festival_2026_is_skipped_and_the_make_up_saturday_counts() -> None:
    # Friday 13 Feb; Saturday 14 Feb is a make-up workday; 15–23 Feb is the holiday
    result = add_workdays(D(2026, 2, 13), 3)
    assert result.due == D(2026, 2, 25)
    assert not result.uncertain
    assert [d.date for d in result.skipped] == [D(2026, 2, d) for d in range(15, 24)]
    assert {d.name for d in result.skipped} == {"春节"}


def test_make_up_saturday_after_spring_festival_counts() -> None:
    # 28 Feb 2026 (Saturday) is a make-up workday
    assert add_workdays(D(2026, 2, 27), 1).due == D(2026, 2, 28)


def test_national_day_2026_with_make_up_sunday_and_saturday() -> None:
    # 20 Sep 2026 (Sunday) is a make-up workday
    assert add_workdays(D(2026, 9, 19), 1).due == D(2026, 9, 20)
    # 1–7 Oct holiday; 10 Oct (Saturday) is a make-up workday
    result = add_workdays(D(2026, 9, 30), 3)
    assert result.due == D(2026, 10, 10)
    assert [d.name for d in result.skipped] == ["国庆节"] * 7


def test_the_event_day_itself_is_not_counted() -> None:
    assert add_workdays(D(2026, 3, 2), 1).due == D(2026, 3, 3)
    assert add_workdays(D(2026, 3, 2), 0).due == D(2026, 3, 2)


def test_a_year_nobody_knows_is_weekends_only_and_uncertain() -> None:
    result = add_workdays(D(2031, 3, 3), 5)  # Monday
    assert result.due == D(2031, 3, 10)
    assert result.uncertain


def test_december_2026_deadline_running_into_2027_is_uncertain_until_published() -> None:
    result = add_workdays(D(2026, 12, 28), 5)
    assert result.uncertain
    cal = HolidayCalendar.from_days([BureauDay(D(2027, 1, 1), False, "元旦")])
    published = cal.add_workdays(D(2026, 12, 28), 5)
    assert not published.uncertain
    assert published.due == D(2027, 1, 5)  # 29, 30, 31 Dec, 4, 5 Jan (1 Jan holiday, 2–3 weekend)
    assert D(2027, 1, 1) in [d.date for d in published.skipped]


def test_bureau_table_takes_precedence_over_the_library() -> None:
    # the bureau declares 3 Mar 2026 a holiday (say, a local arrangement published as the year's table)
    cal = HolidayCalendar.from_days([BureauDay(D(2026, 3, 3), False, "特别假日")])
    assert cal.add_workdays(D(2026, 3, 2), 1).due == D(2026, 3, 4)


def test_workdays_between_counts_after_the_first_day() -> None:
    assert workdays_between(D(2026, 2, 13), D(2026, 2, 25)) == (3, False)
    assert workdays_between(D(2026, 2, 25), D(2026, 2, 13)) == (-3, False)
    assert workdays_between(D(2031, 1, 1), D(2031, 1, 8))[1] is True


def test_policy_deadline_carries_its_clause() -> None:
    due = Policy.default().due(DeadlineKind.PROVIDER_REPLY, D(2026, 9, 25), HolidayCalendar())
    assert due.days == 10 and "51号" in due.clause
    overridden = Policy.default().with_overrides({"provider_reply": (7, "国务院令第809号")})
    assert overridden.deadlines[DeadlineKind.PROVIDER_REPLY].clause == "国务院令第809号"
