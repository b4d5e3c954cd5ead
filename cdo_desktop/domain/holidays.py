"""Statutory public holidays (法定节假日) computed from the lunar calendar, for years nobody has published.

The national holiday rules (《全国年节及纪念日放假办法》) fix which days are holidays; the State Council's yearly
arrangement then adds the bridges and 调休 make-up working days, which cannot be computed. What can be computed
is the floor: the statutory days themselves, and the 补假 (a day off on the next working day when a holiday
falls on a Saturday or Sunday, as the rules require). Every date this module produces is *uncertain* in the
calendar's sense — the real arrangement may add days off and make-up working days, never remove a holiday.

Revisions of the rules, by the year they took effect (sources in docs/domain.md, "The calendar"):
- 2000 (1999 revision): 元旦; 春节 正月初一–初三; 劳动节 5/1–5/3; 国庆 10/1–10/3.
- 2008 (国务院令第513号): 元旦; 春节 除夕–正月初二; 清明; 劳动节 5/1; 端午; 中秋; 国庆 10/1–10/3.
- 2014 (2013 revision): 春节 正月初一–初三; the rest as in 2008.
- 2025 (2024 revision, in force 2025-01-01): 春节 除夕–正月初三; 劳动节 5/1–5/2; the rest as in 2014.

Lunar dates and the 清明 solar term come from ``lunar_python`` (pure Python, maintained, covers 1901–2100).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

FIRST_YEAR = 1901
LAST_YEAR = 2099


@dataclass(frozen=True)
class StatutoryDay:
    date: dt.date
    name: str
    substitute: bool = False  # 补假: the working day given for a holiday that fell on a weekend


def _solar(lunar_year: int, month: int, day: int) -> dt.date:
    from lunar_python import Lunar  # only for a year no calendar has published (kept off the app's start)

    solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> dt.date:
    from lunar_python import Lunar

    term = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    return dt.date(term.getYear(), term.getMonth(), term.getDay())


def _named(start: dt.date, count: int, name: str) -> list[StatutoryDay]:
    return [StatutoryDay(start + dt.timedelta(days=i), name) for i in range(count)]


@lru_cache(maxsize=256)
def statutory_holidays(year: int) -> tuple[StatutoryDay, ...]:
    """The statutory holidays of ``year`` (Gregorian) under the rules in force that year, without 补假."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return ()
    new_year = _solar(year, 1, 1)  # 正月初一 of the lunar year that begins in this Gregorian year
    eve = new_year - dt.timedelta(days=1)  # 除夕: the last day of the twelfth month, whether the 29th or 30th
    days: list[StatutoryDay] = _named(dt.date(year, 1, 1), 1, "元旦")
    if year >= 2025:
        days += [StatutoryDay(eve, "春节"), *_named(new_year, 3, "春节")]
    elif year >= 2014:
        days += _named(new_year, 3, "春节")
    elif year >= 2008:
        days += [StatutoryDay(eve, "春节"), *_named(new_year, 2, "春节")]
    else:
        days += _named(new_year, 3, "春节")
    if year >= 2008:
        days.append(StatutoryDay(_qingming(year), "清明节"))
    labour = 2 if year >= 2025 else 1 if year >= 2008 else 3
    days += _named(dt.date(year, 5, 1), labour, "劳动节")
    if year >= 2008:
        days.append(StatutoryDay(_solar(year, 5, 5), "端午节"))
        days.append(StatutoryDay(_solar(year, 8, 15), "中秋节"))
    days += _named(dt.date(year, 10, 1), 3, "国庆节")
    # a 除夕 that falls in the next Gregorian year belongs to that year's list, not this one
    return tuple(sorted((d for d in days if d.date.year == year), key=lambda d: d.date))


def _all_holidays(year: int) -> dict[dt.date, StatutoryDay]:
    table: dict[dt.date, StatutoryDay] = {}
    for y in (year - 1, year, year + 1):
        for d in statutory_holidays(y):
            table.setdefault(d.date, d)
    return table


@lru_cache(maxsize=256)
def days_off(year: int) -> dict[dt.date, StatutoryDay]:
    """Statutory holidays of ``year`` plus 补假: a holiday on a Saturday or Sunday gives the next working day off.

    The next working day is the first Monday–Friday that is neither a holiday nor already given as 补假.
    """
    holidays = _all_holidays(year)
    result = dict(holidays)
    for day in sorted(holidays.values(), key=lambda d: d.date):
        if day.date.weekday() < 5:
            continue
        candidate = day.date + dt.timedelta(days=1)
        while candidate.weekday() >= 5 or candidate in result:
            candidate += dt.timedelta(days=1)
        result[candidate] = StatutoryDay(candidate, f"{day.name}补假", substitute=True)
    return {d: v for d, v in result.items() if d.year == year}
