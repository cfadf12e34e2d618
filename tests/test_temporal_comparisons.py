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


PERIODS = [
    # text, the expression, its action, precision, relative, compared with
    ("Profit rose to 635.5 mln dlrs from 603.4 mln in 1985.", "1985", "date", "year", False, True),
    ("Profit rose after the merger in 1985.", "1985", "date", "year", False, False),
    (
        "Output rose 0.1 pct after a 1.6 pct increase in January.",
        "January",
        "date",
        "month",
        False,
        True,
    ),
    ("He returned from exile after 20 years in March.", "March", "date", "month", False, False),
    (
        "Profit rose to 635.5 mln from 603.4 mln in last year.",
        "last year",
        "relative",
        "year",
        True,
        False,
    ),
]


@pytest.mark.parametrize(("text", "word", "action", "precision", "relative", "expected"), PERIODS)
def test_period_compared_with(compared, text, word, action, precision, relative, expected):
    norm = _norm(precision, relative)
    assert compared.period(text, text.index(word), action, norm) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The index was up 307 points, or 1.6 percent, from Monday.", True),
        ("Workers began a 48-hour strike from Monday.", False),
    ],
)
def test_day_compared_with(compared, text, expected):
    assert compared.day(text, text.index("Monday"), _norm("day")) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rate was the lowest since December 1977.", True),
        ("The rate was the country's second-lowest since December 1977.", True),
        ("At least 40 people have died since Monday.", False),
        ("It has been half a year since April 20, when the rig exploded.", False),
    ],
)
def test_record_before_since(compared, text, expected):
    since = text.index(" since ") + len(" since ")
    assert compared.record(text, since) is expected


def test_a_quantifier_opening_the_sentence_is_no_record(compared):
    text = "Most shops have been closed since March 3."
    assert not compared.record(text, text.index("March"))
