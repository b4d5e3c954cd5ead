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
    assert result.due == D(2027, 1, 5)  # 元旦 is a statutory holiday even before anyone publishes 2027
    # a table holding only 元旦 does not make the year certain; only one the bureau marks complete does
    partial = HolidayCalendar.from_days([BureauDay(D(2027, 1, 1), False, "元旦")])
    assert partial.add_workdays(D(2026, 12, 28), 5).uncertain
    assert partial.add_workdays(D(2027, 2, 4), 1).due == D(2027, 2, 11)  # 春节 and its 补假 still computed
    cal = HolidayCalendar.from_days([BureauDay(D(2027, 1, 1), False, "元旦")], published_years={2027})
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
    assert due.days == 10 and due.clause == "《政务数据共享条例》第二十一条"
    overridden = Policy.default().with_overrides({"provider_reply": (7, "国务院令第809号")})
    assert overridden.deadlines[DeadlineKind.PROVIDER_REPLY].clause == "国务院令第809号"


# -- statutory holidays for years nobody has published (issue #11, point 9) -------------------------------------


def test_every_computed_statutory_holiday_2004_to_2026_is_a_holiday_in_chinese_calendar() -> None:
    import chinese_calendar

    from cdo_desktop.domain.holidays import statutory_holidays

    checked = 0
    for year in range(2004, 2027):
        for day in statutory_holidays(year):
            assert not chinese_calendar.is_workday(day.date), (day.date, day.name)
            checked += 1
    assert checked > 23 * 7  # every year has at least 元旦, 春节 ×3, 劳动节 and 国庆 ×3


def test_2027_statutory_holidays_are_never_working_days() -> None:
    days = [D(2027, 1, 1), *(D(2027, 2, d) for d in range(5, 9)), D(2027, 6, 9), D(2027, 9, 15),
            *(D(2027, 10, d) for d in range(1, 4))]
    cal = HolidayCalendar()
    for day in days:
        info = cal.day(day)
        assert not info.workday and not info.certain, day
    assert cal.day(D(2027, 2, 5)).name == "春节"  # 除夕
    # 国庆 2027: 10/2 and 10/3 fall on a weekend, so Monday 4 and Tuesday 5 October are 补假
    assert not cal.is_workday(D(2027, 10, 4)) and not cal.is_workday(D(2027, 10, 5))
    assert cal.day(D(2027, 10, 4)).name == "国庆节补假"


def test_2026_12_31_plus_one_working_day_is_not_new_years_day() -> None:
    result = add_workdays(D(2026, 12, 31), 1)
    assert result.due == D(2027, 1, 4) and result.uncertain
    assert [d.date for d in result.skipped] == [D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3)]


def test_the_holiday_rules_by_revision() -> None:
    from cdo_desktop.domain.holidays import statutory_holidays

    def named(year: int, name: str) -> list[dt.date]:
        return [d.date for d in statutory_holidays(year) if d.name == name]

    assert named(2027, "劳动节") == [D(2027, 5, 1), D(2027, 5, 2)]  # 2025 revision: two days
    assert named(2024, "劳动节") == [D(2024, 5, 1)]
    assert named(2007, "劳动节") == [D(2007, 5, d) for d in (1, 2, 3)]
    assert len(named(2030, "春节")) == 4 and len(named(2020, "春节")) == 3
    assert named(2007, "清明节") == []  # 清明, 端午, 中秋 became holidays in 2008


def test_a_bureau_day_counts_even_in_an_incomplete_year() -> None:
    cal = HolidayCalendar.from_days([BureauDay(D(2027, 2, 20), True, "调休上班")])  # a Saturday
    assert cal.is_workday(D(2027, 2, 20)) and cal.day(D(2027, 2, 20)).certain
    assert not cal.day(D(2027, 2, 22)).certain


def test_cdo_workdays_add_2026_12_31_1_is_not_new_years_day(tmp_path: object, capsys: object) -> None:
    import json

    from cdo_desktop.cli import main

    assert main(["init", "--data-dir", str(tmp_path)]) == 0  # desktop commands refuse a missing database (#9)
    capsys.readouterr()  # type: ignore[attr-defined]
    assert main(["workdays", "add", "2026-12-31", "1", "--json", "--data-dir", str(tmp_path)]) == 0
    answer = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert answer["due"] == "2027-01-04" and answer["due"] != "2027-01-01" and answer["uncertain"] is True
    assert {"date": "2027-01-01", "name": "元旦"} in answer["skipped"]
