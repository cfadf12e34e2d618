"""Direction of relative expressions from raw text and from a parse."""

from __future__ import annotations

import pytest

from eventwire.temporal.tense import FIRM_PAST, PLAN_PAST


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
        ("A news conference had been scheduled for Friday.", 0),
        ("The offer had been due to expire on Friday.", 0),
        ("The verdict is due on Friday.", 1),
        ("Troops will be sent south, and military sources said Friday they would stay.", -1),
        ("The talks will be held Friday.", 1),
        ("Elections for the assembly are held on Friday.", 1),
        ("We hope to complete the review by Friday.", 1),
        ("Exports stopped due to the earthquake on Friday.", -1),
        ("Reserves fell on Friday due to a number of corrections.", -1),
        ("Prices are seen on Friday due to a shortage.", 0),
        ("Officials said Friday that talks would resume.", -1),
        ("Friday's ruling angered the opposition.", -1),
        ("Friday's concert will raise money for charity.", 1),
        ("The opposition plans to appeal Friday's ruling.", 0),
        ("Protesters are calling Friday for a day of departure.", 1),
        ("The WTO has called a special meeting for Friday.", 2),
        ("He has a status hearing set for Friday.", 2),
        ("He said so in an interview to be published on Friday.", 1),
        ("The refugees were to be flown home on Friday, a spokesman said.", 2),
        ("Friday's election will be the first in a decade.", 1),
        ("A man is being questioned over the shooting on Friday.", 0),
        ("The agency is reporting that the attack on Friday killed five people.", -1),
        ("He asked if the talks on Friday had gone well.", -1),
        ("The pipe appeared to be broken on Friday.", -1),
        ("Friday being a holiday, markets were closed.", 0),
        ("Envoys will meet to discuss Friday's collapse of talks.", 0),
        ("The leaders will have talks on Friday.", 1),
        ("The crisis could spiral out of control on Friday.", 1),
        ("He could not attend the meeting on Friday.", 0),
        ("The leaders have met on Friday.", -1),
        ("The bill, which has already hit $5 million as of Friday, rose.", -1),
        ("Democrats, who are facing big losses in the elections on Friday, met.", 1),
        ("The hearing was adjourned until Friday.", 1),
        ("The fighting went on until Friday.", -1),
        ("The bourse is to resume trading in the shares Friday.", 1),
        ("A major rally is set for Friday.", 1),
        ("The vote was set for Friday.", PLAN_PAST),  # a plan made then: the nearest Friday
        ("Schools have been closed and are likely to reopen on Friday.", 1),
        (
            "Two men were admitted to hospital in Airdrie, Lanarkshire, after returning on Friday.",
            -1,
        ),
        ("The peace talks, set to resume Friday, were postponed.", 1),
        ("The talks, which began on Friday, are scheduled to end next week.", -1),
        ("He will meet Lt. Gen. Salem on Friday.", 1),
        ("The motor show, which opens on Friday, drew record bookings.", 1),
        ("The minister's speech on Friday starts at noon.", 1),
        ("Trading may resume on Friday.", 1),
        ("The two leaders meet separately on Friday.", 1),
        ("The two leaders did not meet on Friday.", -1),
        ("All bids must be entered by Friday.", 1),
        ("Thirty members had filed their reports by Friday.", -1),
        ("The rebels may have left the town on Friday.", -1),
        ("The coalition vowed Monday to return to power by Friday.", 1),
        ("A deal is likely before parliament resumes its session on Friday.", 1),
        ("The unit starts to 1.1 mln in Friday trading.", 0),
        ("Later Friday, the government called for a ceasefire.", -1),
        ("The minister will speak later Friday.", 1),
        ("Shares rose ahead of Friday's summit.", PLAN_PAST),
        ("If the spill persists until Friday, it could reach the beaches.", 1),
        ("He asked if the vote was held on Friday.", -1),
        ("Friday is the deadline for claims.", 1),
        ("The attack on Friday is the latest in a series.", 0),
        ("Troops deployed in the city in advance of Friday prayers.", PLAN_PAST),
        ("Factions clashed ahead of the presidential vote on Friday.", PLAN_PAST),
    ],
)
def test_from_text(guess, text, expected):
    assert guess.from_text(text, *_at(text, "Friday")) == expected


def test_reporting_clause_after_a_comma_is_not_the_tense(guess):
    text = "The vote will take place on Friday, officials said."
    assert guess.from_text(text, *_at(text, "Friday")) == 1


def test_fronted_time_phrase_takes_the_main_clause_verb(guess):
    text = (
        "In January, a week after the anniversary of the ceasefire, a car bomb killed two guards."
    )
    assert guess.from_text(text, *_at(text, "January")) == -1
    text = "In January, a week after the anniversary of the ceasefire, the two sides will meet."
    assert guess.from_text(text, *_at(text, "January")) == 1


def test_since_points_to_the_past_whatever_the_verb(guess, parse):
    text = "NATO warplanes will keep bombing the coast, as they have since late March."
    assert guess.from_text(text, *_at(text, "late March")) == FIRM_PAST
    sent = parse(text).sentences[0]
    assert guess.from_parse(sent, *_at(text, "late March")) == FIRM_PAST


def test_from_parse_uses_the_governing_verb(guess, parse):
    text = "The king said on Monday that he will visit Paris on Friday."
    sent = parse(text).sentences[0]
    assert guess.from_parse(sent, *_at(text, "Monday")) == -1
    assert guess.from_parse(sent, *_at(text, "Friday")) == 1


def test_a_past_opened_by_since_is_firm(guess, parse):
    text = "More than 7,000 people have been killed since the uprising began in April."
    assert guess.from_text(text, *_at(text, "April")) == FIRM_PAST
    sent = parse(text).sentences[0]
    assert guess.from_parse(sent, *_at(text, "April")) == FIRM_PAST
    text = "Sales may not rise at the same rate, since Easter falls late in April."
    assert guess.from_text(text, *_at(text, "Easter")) == -1


def test_since_before_a_determiner_reads_alike_with_and_without_a_parse(guess, parse):
    text = "Oil has leaked into the Gulf since the April explosion."
    assert guess.from_text(text, *_at(text, "April")) == FIRM_PAST
    sent = parse(text).sentences[0]
    assert guess.from_parse(sent, *_at(text, "April")) == FIRM_PAST
