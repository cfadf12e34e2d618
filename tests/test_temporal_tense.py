"""Direction of relative expressions from raw text and from a parse."""

from __future__ import annotations

import pytest

from eventwire.temporal.resources import load_resources
from eventwire.temporal.tense import TenseGuesser


@pytest.fixture(scope="module")
def guess():
    return TenseGuesser(load_resources("en"))


def _at(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on Friday.", -1),
        ("The ministers will meet on Friday.", 1),
        ("The talks will be held on Friday.", 1),
        ("A news conference has been scheduled for Friday.", 1),
        ("Officials said Friday that talks would resume.", -1),
        ("Friday's ruling angered the opposition.", 0),
    ],
)
def test_from_text(guess, text, expected):
    assert guess.from_text(text, *_at(text, "Friday")) == expected


def test_reporting_clause_after_a_comma_is_not_the_tense(guess):
    text = "The vote will take place on Friday, officials said."
    assert guess.from_text(text, *_at(text, "Friday")) == 1


def test_from_parse_uses_the_governing_verb(guess, parse):
    text = "The king said on Monday that he will visit Paris on Friday."
    sent = parse(text).sentences[0]
    assert guess.from_parse(sent, *_at(text, "Monday")) == -1
    assert guess.from_parse(sent, *_at(text, "Friday")) == 1
