"""Cues of a plan around a time expression."""

from __future__ import annotations

import pytest

from eventwire.temporal.directions import PLAN_PAST

PLAN_CASES = [
    # a plan participle after a noun takes the clause before it
    ("The emissaries failed to show up for meetings scheduled Friday.", "Friday", PLAN_PAST),
    ("The leaders will attend talks scheduled Friday.", "Friday", 1),
    # a happening set "for" a day under a future verb is to come; under a past one the
    # nearest such day
    ("The emissaries will attend a meeting scheduled for Friday.", "Friday", 1),
    ("Officials cancelled a meeting scheduled for Friday.", "Friday", PLAN_PAST),
    # a present of schedule right before the day
    ("The two leaders meet Monday in Geneva.", "Monday", 1),
]


@pytest.mark.parametrize(("text", "word", "expected"), PLAN_CASES, ids=lambda c: str(c)[:30])
def test_plan_direction(direction, text, word, expected):
    got = direction(text, word)
    assert got == expected, (text, got)


def test_a_pronoun_verb_is_no_reduced_plan(guess):
    text = "The union said it expected Friday to be calm."
    i = text.index("Friday")
    lw, rw, _ = guess._context(text, i, i + 6)
    assert guess._reduced_plan(lw, rw) is None


def test_happening_set_for_a_month(guess):
    assert guess._happening_set_for(["a", "for", "together"], ["meeting"])


def test_no_happening_set_for_under_a_past_verb(guess):
    assert not guess._happening_set_for(["the", "for", "low", "was", "Turnout"], ["elections"])
