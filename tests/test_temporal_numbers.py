"""Numbers in digits or words, and years in words."""

from __future__ import annotations

import pytest

from eventwire.temporal.numbers import NumberWords
from eventwire.temporal.resources import load_resources


@pytest.fixture(scope="module")
def numbers():
    return NumberWords(load_resources("en"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,460", 1460),
        ("8-1/2", 8.5),
        ("3-1\\/2", 3.5),  # an archive's escaped slash
        ("2.5", 2.5),
        ("two thousand", 2000),
        ("twenty-five", 25),
        ("a hundred", 100),
        ("several", "X"),
    ],
)
def test_number(numbers, text, expected):
    assert numbers.number(text) == expected


def test_number_with_an_unknown_word_is_none(numbers):
    assert numbers.number("twenty fish") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("nineteen ninety-six", 1996), ("two thousand and one", 2001), ("eighteen hundred", None)],
)
def test_year_in_words(numbers, text, expected):
    assert numbers.year(text) == expected
