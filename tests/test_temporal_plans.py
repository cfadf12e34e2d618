"""Cues of a plan around a time expression."""

from __future__ import annotations

import pytest

from eventwire.temporal.directions import PLAN_PAST
from eventwire.temporal.resources import load_resources
from eventwire.temporal.tense import TenseGuesser


@pytest.fixture(scope="module")
def guess():
    return TenseGuesser(load_resources("en"))


def _direction(guess, text: str, word: str) -> int:
    i = text.index(word)
    return guess.from_text(text, i, i + len(word))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a plan participle after a noun takes the clause before it
        ("The emissaries failed to show up for meetings scheduled Friday.", "Friday", PLAN_PAST),
        ("The leaders will attend talks scheduled Friday.", "Friday", 1),
        # a happening set "for" a day under a future verb is to come; under a past one the
        # nearest such day
        ("The emissaries will attend a meeting scheduled for Friday.", "Friday", 1),
        ("Officials cancelled a meeting scheduled for Friday.", "Friday", PLAN_PAST),
        # a present of schedule right before the day
        ("The two leaders meet Monday in Geneva.", "Monday", 1),
    ],
)
def test_plan_direction(guess, text, word, expected):
    assert _direction(guess, text, word) == expected


def test_a_pronoun_verb_is_no_reduced_plan(guess):
    text = "The union said it expected Friday to be calm."
    i = text.index("Friday")
    lw, rw, _ = guess._context(text, i, i + 6)
    assert guess._reduced_plan(lw, rw) is None
