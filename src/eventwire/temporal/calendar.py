"""Calendar arithmetic on TIMEX3 granularities (no language data here)."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

_CLOCK_VALUE = re.compile(r"T(\d\d):(\d\d)")  # the clock time of a TIMEX3 value

UNIT_PRECISION = {
    "D": "day",
    "W": "week",
    "WE": "week",
    "M": "month",
    "Q": "quarter",
    "H2": "quarter",
    "season": "season",
    "Y": "year",
    "DE": "year",
    "CE": "year",
}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def day_value(d: dt.date) -> str:
    return d.isoformat()


def week_of(d: dt.date) -> tuple[str, dt.date, dt.date]:
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + dt.timedelta(days=6)


def month_of(y: int, m: int) -> tuple[str, dt.date, dt.date]:
    return f"{y:04d}-{m:02d}", dt.date(y, m, 1), month_end(y, m)


def quarter_of(y: int, q: int) -> tuple[str, dt.date, dt.date]:
    first = 3 * (q - 1) + 1
    return f"{y:04d}-Q{q}", dt.date(y, first, 1), month_end(y, first + 2)


def half_of(y: int, h: int) -> tuple[str, dt.date, dt.date]:
    first = 6 * (h - 1) + 1
    return f"{y:04d}-H{h}", dt.date(y, first, 1), month_end(y, first + 5)


def year_of(y: int) -> tuple[str, dt.date, dt.date]:
    return f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31)


def decade_of(y: int) -> tuple[str, dt.date, dt.date]:
    start = y - y % 10
    return f"{start // 10:03d}", dt.date(start, 1, 1), dt.date(start + 9, 12, 31)


def century_of(y: int) -> tuple[str, dt.date, dt.date]:
    start = y - y % 100
    return f"{start // 100:02d}", dt.date(start, 1, 1), dt.date(start + 99, 12, 31)


def season_of(y: int, code: str, months: tuple[int, int]) -> tuple[str, dt.date, dt.date]:
    first, last = months
    begin = dt.date(y, first, 1)
    end_year = y + 1 if last < first else y
    return f"{y:04d}-{code}", begin, month_end(end_year, last)


def easter(y: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    golden = y % 19
    century, rest = divmod(y, 100)
    leap_c, leap_r = divmod(century, 4)
    moon_fix = (century + 8) // 25
    sun_fix = (century - moon_fix + 1) // 3
    epact = (19 * golden + century - leap_c - sun_fix + 15) % 30
    q, r = divmod(rest, 4)
    weekday = (32 + 2 * leap_r + 2 * q - epact - r) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return dt.date(y, month, day + 1)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO ``weekday`` of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = month_end(y, m)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def is_fixed_holiday(rule: str) -> bool:
    return "#" not in rule and not rule.startswith("easter")


def holiday_date(rule: str, y: int) -> dt.date:
    """A holiday rule: ``MM-DD``, ``MM-W#N`` (N-th ISO weekday W of month MM, N=-1 the
    last) or ``easter+K`` / ``easter-K`` (days from Easter Sunday)."""
    if rule.startswith("easter"):
        return easter(y) + dt.timedelta(days=int(rule[6:] or 0))
    month, rest = rule.split("-", 1)
    if "#" in rest:
        weekday, n = rest.split("#")
        day = nth_weekday(y, int(month), int(weekday), int(n))
        if day.month != int(month):  # "the fifth Monday of February" in a year with four
            raise ValueError(f"no such weekday in {y}-{month}: {rule}")
        return day
    return dt.date(y, int(month), int(rest))


def shift_unit(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(days=7 * n)
    if unit == "FN":
        return d + dt.timedelta(days=14 * n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_years(d, n)
    if unit == "DE":
        return add_years(d, 10 * n)
    if unit == "CE":
        return add_years(d, 100 * n)
    return d


def period_of(d: dt.date, unit: str) -> tuple[str, dt.date, dt.date, str]:
    """The calendar period of granularity ``unit`` containing ``d``."""
    if unit == "W":
        v, b, e = week_of(d)
    elif unit == "WE":
        v, b, e = week_of(d)
        v, b = v + "-WE", e - dt.timedelta(days=1)
    elif unit == "M":
        v, b, e = month_of(d.year, d.month)
    elif unit == "Q":
        v, b, e = quarter_of(d.year, (d.month - 1) // 3 + 1)
    elif unit == "Y":
        v, b, e = year_of(d.year)
    elif unit == "DE":
        v, b, e = decade_of(d.year)
    elif unit == "CE":
        v, b, e = century_of(d.year)
    else:
        return d.isoformat(), d, d, "day"
    return v, b, e, UNIT_PRECISION.get(unit, "day")


def narrow(
    begin: dt.date, until: dt.date, fraction: tuple[float, float]
) -> tuple[dt.date, dt.date]:
    """Keep a fraction of an interval (used for START/MID/END modifiers).

    Intervals of whole months keep whole months ("early 2022" = January to April).
    """
    months = (until.year - begin.year) * 12 + until.month - begin.month + 1
    if begin.day == 1 and until == month_end(until.year, until.month) and months >= 3:
        first = int(round(months * fraction[0]))
        last = max(first + 1, int(round(months * fraction[1])))
        a = add_months(begin, first)
        b = add_months(begin, last - 1)
        return a, month_end(b.year, b.month)
    span = (until - begin).days
    a = begin + dt.timedelta(days=int(round(span * fraction[0])))
    b = begin + dt.timedelta(days=int(round(span * fraction[1])))
    return a, max(a, b)


def clock_minutes(value: str) -> int | None:
    """Minutes after midnight of a TIMEX3 time value ("2010-06-15T20:00" -> 1200); None
    for a value with no clock time ("2010-06-15TNI")."""
    m = _CLOCK_VALUE.match(value, 10)
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None
