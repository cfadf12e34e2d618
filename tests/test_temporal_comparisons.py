"""Periods compared with: a year or month after "from/after ... an amount ... in", a day
right after an amount and "from"."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.temporal.comparisons import Comparisons
from eventwire.temporal.norms import Norm
from eventwire.temporal.resources import load_resources


@pytest.fixture(scope="module")
def compared():
    return Comparisons(load_resources("en"))


def _norm(precision: str, relative: bool = False) -> Norm:
    day = dt.date(1987, 1, 1)
    return Norm("X", "DATE", None, day, day, precision, relative)


def _at(text: str, word: str) -> int:
    return text.index(word)


def test_year_after_an_amount_is_compared(compared):
    text = "Profit rose to 635.5 mln dlrs from 603.4 mln in 1985."
    assert compared.period(text, _at(text, "1985"), "date", _norm("year"))


def test_year_with_no_amount_is_not_compared(compared):
    text = "Profit rose after the merger in 1985."
    assert not compared.period(text, _at(text, "1985"), "date", _norm("year"))


def test_month_after_a_figure_is_compared(compared):
    text = "Output rose 0.1 pct after a 1.6 pct increase in January."
    assert compared.period(text, _at(text, "January"), "date", _norm("month"))


def test_month_after_an_amount_of_time_is_not_compared(compared):
    text = "He returned from exile after 20 years in March."
    assert not compared.period(text, _at(text, "March"), "date", _norm("month"))


def test_relative_year_is_never_compared(compared):
    text = "Profit rose to 635.5 mln from 603.4 mln in last year."
    assert not compared.period(text, _at(text, "last year"), "relative", _norm("year", True))


def test_day_after_points_is_compared(compared):
    text = "The index was up 307 points, or 1.6 percent, from Monday."
    assert compared.day(text, _at(text, "Monday"), _norm("day"))


def test_day_after_a_strike_length_is_not_compared(compared):
    text = "Workers began a 48-hour strike from Monday."
    assert not compared.day(text, _at(text, "Monday"), _norm("day"))
