"""Dates named together: spans and lists, put in order."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.temporal.joined import JoinedDates, years_on
from eventwire.temporal.norms import Norm
from eventwire.temporal.resources import load_resources
from eventwire.temporal.tagger import TimeTagger
from eventwire.temporal.tense import TenseGuesser


@pytest.fixture(scope="module")
def joined():
    res = load_resources("en")
    return JoinedDates(res, TenseGuesser(res))


def _span(joined, text: str, first: str, second: str) -> bool:
    a = text.index(first)
    b = text.index(second, a + len(first))
    return joined.is_span(text, a, a + len(first), b)


@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [
        ("Exports from January to October rose.", "January", "October", True),
        ("Between January and October, exports rose.", "January", "October", True),
        ("The July-June fiscal year ended.", "July", "June", True),
        ("Expiration months are June and September.", "June", "September", False),
        ("Wheat for May/June shipment was bought.", "May", "June", False),
        ("TORONTO, June 1 - April 30 end", "June 1", "April 30", False),
        ("The bill moves the cut from December 1 to January 1.", "December 1", "January 1", False),
    ],
)
def test_span_or_list(joined, text, first, second, expected):
    assert _span(joined, text, first, second) is expected


def test_years_on_moves_a_month_and_keeps_its_form():
    june = Norm("2010-06", "DATE", None, dt.date(2010, 6, 1), dt.date(2010, 6, 30), "month", True)
    moved = years_on(june, -1)
    assert (moved.value, moved.begin, moved.until) == (
        "2009-06",
        dt.date(2009, 6, 1),
        dt.date(2009, 6, 30),
    )


def test_years_on_has_no_february_29_in_a_common_year():
    leap = Norm("2012-02-29", "DATE", None, dt.date(2012, 2, 29), dt.date(2012, 2, 29), "day", True)
    assert years_on(leap, 1) is None


def test_backwards_span_with_a_past_end_starts_a_year_back():
    found = TimeTagger().tag(
        "The company made a profit in the July-June fiscal year.", dt.date(2010, 8, 10)
    )
    assert [(t.text, t.value) for t in found] == [("July", "2009-07"), ("June", "2010-06")]


def test_backwards_span_with_a_present_runs_forward():
    found = TimeTagger().tag("The fiscal year runs April-March.", dt.date(2010, 11, 15))
    assert [(t.text, t.value) for t in found] == [("April", "2010-04"), ("March", "2011-03")]


def test_years_on_ends_a_february_in_a_common_year_on_the_28th():
    feb = Norm("2024-02", "DATE", None, dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month", True)
    assert years_on(feb, 1).until == dt.date(2025, 2, 28)


@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [
        ("comes into force on Monday in Ulster and Tuesday in Scotland", "Monday", "Tuesday", True),
        ("rain fell on Sunday and Tuesday is expected to bring storms", "Sunday", "Tuesday", False),
        (
            "adjourned the trial on Tuesday and Monday's hearing will decide",
            "Tuesday",
            "Monday",
            False,
        ),
        ("met on Monday, and Tuesday in Paris", "Monday", "Tuesday", False),
        ("met on Monday in Paris before Tuesday in Rome", "Monday", "Tuesday", False),
    ],
)
def test_day_joined_to_the_last_one(joined, text, first, second, expected):
    a = text.index(first) + len(first)
    b = text.index(second, a)
    assert joined.joined_to_last(text, a, b, b + len(second)) is expected
