"""Working days on the official calendar: State Council holidays and 调休 make-up workdays.

Sources, in order of precedence:
1. the bureau's published table for a year (entered by an admin when the State Council publishes it). A year is
   *certain* only when the bureau marks its table complete; the days of an incomplete table still count, each as
   published, and the rest of that year falls through to the next sources;
2. ``chinese_calendar``, which knows 2004–2026;
3. for a year neither knows: the statutory holidays and their 补假 computed from the lunar calendar
   (`cdo_desktop.domain.holidays`) are days off, weekends are rest, Monday–Friday otherwise work. Every such
   date is marked ``uncertain`` (the year's 调休 are unknown until published) — never a statutory holiday
   counted as a working day, never an exception.

Periods start the day after the triggering event: the event day itself is not counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import chinese_calendar

from cdo_desktop.domain import holidays as statutory

_HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}

WEEKEND_ZH = "周末"


@dataclass(frozen=True)
class BureauDay:
    """An entry of the bureau's table: ``workday`` False for a holiday, True for a make-up workday."""

    date: dt.date
    workday: bool
    name: str = ""


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    workday: bool
    name: str
    certain: bool


@dataclass(frozen=True)
class WorkdayResult:
    """A computed due date, the non-working days skipped on the way, and whether any year was unknown."""

    due: dt.date
    uncertain: bool
    skipped: tuple[DayInfo, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "due": self.due.isoformat(),
            "uncertain": self.uncertain,
            "skipped": [{"date": d.date.isoformat(), "name": d.name} for d in self.skipped],
        }


@dataclass
class HolidayCalendar:
    """The official calendar with the bureau's table on top. ``published_years`` are the years whose table the
    bureau has marked complete (only those are certain from the table alone)."""

    bureau_days: dict[dt.date, BureauDay] = field(default_factory=dict)
    published_years: set[int] = field(default_factory=set)
    _memo: dict[dt.date, DayInfo] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_days(cls, days: Iterable[BureauDay], published_years: Iterable[int] = ()) -> HolidayCalendar:
        """A calendar from the bureau's days; ``published_years``: the years the bureau marked complete."""
        table = {d.date: d for d in days}
        return cls(bureau_days=table, published_years=set(published_years))

    def knows_year(self, year: int) -> bool:
        return year in self.published_years or _library_knows(year)

    def day(self, date: dt.date) -> DayInfo:
        """What ``date`` is: a working day or not, its name, and whether the answer is official."""
        known = self._memo.get(date)
        if known is None:
            known = self._memo[date] = self._lookup(date)
        return known

    def _lookup(self, date: dt.date) -> DayInfo:
        entry = self.bureau_days.get(date)
        if entry is not None:  # a day the bureau published is official, whether or not its year is complete
            return DayInfo(date, entry.workday, entry.name or ("调休上班" if entry.workday else "节假日"), True)
        if date.year in self.published_years:
            return DayInfo(date, date.weekday() < 5, "" if date.weekday() < 5 else WEEKEND_ZH, True)
        if _library_knows(date.year):
            workday = chinese_calendar.is_workday(date)
            if workday:
                return DayInfo(date, True, "调休上班" if date.weekday() >= 5 else "", True)
            _, name = chinese_calendar.get_holiday_detail(date)
            if name:
                return DayInfo(date, False, _HOLIDAY_NAMES_ZH.get(name, name), True)
            return DayInfo(date, False, WEEKEND_ZH, True)
        computed = statutory.days_off(date.year).get(date)
        if computed is not None:
            return DayInfo(date, False, computed.name, False)
        weekday = date.weekday() < 5
        return DayInfo(date, weekday, "" if weekday else WEEKEND_ZH, False)

    def is_workday(self, date: dt.date) -> bool:
        return self.day(date).workday

    def add_workdays(self, start: dt.date, n: int) -> WorkdayResult:
        """The ``n``-th working day after ``start`` (``start`` itself not counted). ``n`` = 0 returns ``start``."""
        if n < 0:
            raise ValueError("n must not be negative")
        current = start
        uncertain = False
        skipped: list[DayInfo] = []
        counted = 0
        while counted < n:
            current += dt.timedelta(days=1)
            info = self.day(current)
            uncertain = uncertain or not info.certain
            if info.workday:
                counted += 1
            else:
                skipped.append(info)
        return WorkdayResult(due=current, uncertain=uncertain, skipped=tuple(skipped))

    def workdays_between(self, a: dt.date, b: dt.date) -> tuple[int, bool]:
        """Working days after ``a`` up to and including ``b`` (negative when ``b`` is before ``a``), and uncertainty."""
        if b < a:
            count, uncertain = self.workdays_between(b, a)
            return -count, uncertain
        count = 0
        uncertain = False
        current = a
        while current < b:
            current += dt.timedelta(days=1)
            info = self.day(current)
            uncertain = uncertain or not info.certain
            count += info.workday
        return count, uncertain


def _library_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


OFFICIAL = HolidayCalendar()


def add_workdays(start: dt.date, n: int, calendar: HolidayCalendar | None = None) -> WorkdayResult:
    """The ``n``-th working day after ``start`` on ``calendar`` (the official one by default)."""
    return (calendar or OFFICIAL).add_workdays(start, n)


def workdays_between(a: dt.date, b: dt.date, calendar: HolidayCalendar | None = None) -> tuple[int, bool]:
    """Working days from the day after ``a`` through ``b``, and whether an unknown year was involved."""
    return (calendar or OFFICIAL).workdays_between(a, b)


def calendar_from_rows(
    rows: Iterable[Mapping[str, object]], complete_years: Iterable[int] = ()
) -> HolidayCalendar:
    """Build a calendar from plain rows ``{"date", "workday", "name", "year"}`` (as the store returns them)."""
    days = [BureauDay(r["date"], bool(r["workday"]), str(r.get("name") or "")) for r in rows]  # type: ignore[arg-type]
    return HolidayCalendar.from_days(days, complete_years)
