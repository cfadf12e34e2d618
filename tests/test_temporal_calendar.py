"""Calendar arithmetic on TIMEX3 granularities."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.temporal import calendar as cal

D = dt.date


def test_period_of_week_month_quarter_year():
    day = D(2023, 3, 17)
    assert cal.period_of(day, "W") == ("2023-W11", D(2023, 3, 13), D(2023, 3, 19), "week")
    assert cal.period_of(day, "WE")[:3] == ("2023-W11-WE", D(2023, 3, 18), D(2023, 3, 19))
    assert cal.period_of(day, "M")[0] == "2023-03"
    assert cal.period_of(day, "Q")[:3] == ("2023-Q1", D(2023, 1, 1), D(2023, 3, 31))
    assert cal.period_of(day, "DE")[0] == "202"


def test_winter_runs_into_the_next_year():
    assert cal.season_of(2022, "WI", (12, 2)) == ("2022-WI", D(2022, 12, 1), D(2023, 2, 28))


def test_narrow_keeps_whole_months_for_long_intervals():
    year = (D(2022, 1, 1), D(2022, 12, 31))
    assert cal.narrow(*year, (0.0, 0.3334)) == (D(2022, 1, 1), D(2022, 4, 30))
    assert cal.narrow(*year, (0.3333, 0.6667)) == (D(2022, 5, 1), D(2022, 8, 31))
    assert cal.narrow(*year, (0.6666, 1.0)) == (D(2022, 9, 1), D(2022, 12, 31))


def test_narrow_uses_days_within_a_month():
    assert cal.narrow(D(2023, 1, 1), D(2023, 1, 31), (0.0, 0.3334)) == (
        D(2023, 1, 1),
        D(2023, 1, 11),
    )


def test_month_and_year_shifts_clip_the_day():
    assert cal.add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert cal.add_years(D(2024, 2, 29), -1) == D(2023, 2, 28)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(1998, "1998-04-12"), (2000, "2000-04-23"), (2019, "2019-04-21"), (2024, "2024-03-31")],
)
def test_easter_sunday(year, expected):
    assert cal.easter(year).isoformat() == expected


def test_nth_and_last_weekday_of_a_month():
    assert cal.nth_weekday(2023, 11, 4, 4) == dt.date(2023, 11, 23)  # fourth Thursday
    assert cal.nth_weekday(2023, 5, 1, -1) == dt.date(2023, 5, 29)  # last Monday
    assert cal.nth_weekday(2023, 9, 1, 1) == dt.date(2023, 9, 4)  # first Monday


def test_holiday_rules():
    assert cal.holiday_date("easter-2", 1998) == dt.date(1998, 4, 10)
    assert cal.holiday_date("12-25", 2023) == dt.date(2023, 12, 25)
    assert cal.is_fixed_holiday("12-25") and not cal.is_fixed_holiday("11-4#4")
