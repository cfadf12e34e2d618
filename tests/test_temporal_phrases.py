"""Phrases around a time expression that fix its direction whatever the verb."""

from __future__ import annotations

import pytest

from eventwire.temporal.directions import FIRM_PAST, MOSTLY_AHEAD, PLAN_PAST


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # "since" right before: a firm past
        ("Prices have risen since March.", "March", FIRM_PAST),
        # a happening set "for" the day: a plan made then
        ("The opposition called a rally for Sunday.", "Sunday", PLAN_PAST),
        # a plan overtaken in a past perfect: no tense, the nearest such day
        ("A visit that had been scheduled for Sunday was postponed.", "Sunday", 0),
        # a month of delivery is mostly to come, after a past verb too
        ("Crude for delivery in January slipped 29 cents.", "January", MOSTLY_AHEAD),
        ("Brent crude for January delivery fell 20 cents.", "January", MOSTLY_AHEAD),
        ("June T-bond futures made lows.", "June", 1),
        # a past verb right before "in": a firm past
        ("A bomb killed 19 servicemen in June.", "June", FIRM_PAST),
        # ... not after a verb announcing a happening, nor before a modal
        ("The junta promised free elections in June.", "June", -1),
        ("Officials said talks in June could resume.", "June", -1),
        # ... but not a present passive, nor across an infinitive
        ("The contracts are being sold in June.", "June", 0),
        ("They agreed to hold talks in June.", "June", PLAN_PAST),
        # the subject of a future verb is to come
        ("They have alleged the January 23 polls will be rigged.", "January 23", 1),
        # ... but not a past happening whose effects are to come: firmly past
        ("He said the April 20 spill will cost BP billions.", "April 20", FIRM_PAST),
        # "ahead of" a scheduled happening: after the verb's time
        ("Shares rose ahead of the celebrations in September.", "September", PLAN_PAST),
        # a deadline verb and "until": to come
        ("The hearing was adjourned until Monday.", "Monday", 1),
    ],
)
def test_phrase_fixes_the_direction(direction, text, word, expected):
    assert direction(text, word) == expected


def test_past_right_before_a_weekday(guess):
    text = "Gibbs referred to a chart gap in June bonds created Friday."
    assert guess.past_right_before(text, text.index("Friday"))


def test_no_past_right_before_when_the_participle_modifies_the_day(guess):
    text = "Critics attacked the delayed Friday vote."
    assert not guess.past_right_before(text, text.index("Friday"))


def test_no_past_right_before_when_the_day_is_an_object(guess):
    text = "The president has declared Saturday a public holiday."
    assert not guess.past_right_before(text, text.index("Saturday"))


def test_past_clause_takes_the_nearest_cue(guess):
    # nearest first: "can" comes before "lost"
    assert not guess._past_clause(["top", "go", "can", "week", "last", "lost", "that", "team"])
    assert guess._past_clause(["know", "not", "did", "Officials"])


def test_after_possessive(guess):
    assert guess._after_possessive(["the", "company's", "best"])
    assert guess._after_possessive(["Obama's"])
    assert not guess._after_possessive(["Obama's", "aides"])


def test_after_possessive_with_one_word_before(guess):
    assert not guess._after_possessive(["inquest"])


def test_possessive_phrase_before_a_clock_time(guess):
    text = "up from Thursday's quotes of 118.75-85 yen at 4 p.m. in London"
    a = text.index("Thursday") + len("Thursday")
    assert guess.possessive_phrase(text, a, text.index("4 p.m."))
    assert not guess.possessive_phrase("Thursday's quotes rose. At 4 p.m.", 8, 27)
