"""The day of writing read from a story's dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.temporal.datelines import dateline_day, stamps_dropped
from eventwire.temporal.tagger import TimeTagger


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def _day(tagger, text: str, dct: dt.date):
    found = tagger._candidates(text, 0, len(text))
    return dateline_day(tagger.res, text, dct, found)


def test_a_dateline_a_day_before_the_document_date_is_the_day_of_writing(tagger):
    text = "LISBON, June 22 -- A report will be released on Thursday."
    assert _day(tagger, text, dt.date(2023, 6, 23)) == dt.date(2023, 6, 22)


def test_a_dateline_a_day_ahead_needs_a_city_opening_its_line(tagger):
    assert _day(tagger, "TOKYO, April 10 - Shares fell.", dt.date(1987, 4, 9)) == dt.date(
        1987, 4, 10
    )
    assert _day(tagger, "Shares fell in TOKYO, April 10 - a drop.", dt.date(1987, 4, 9)) is None


def test_a_date_in_the_body_is_no_dateline(tagger):
    text = "The unions said the strike that began on June 20 would go on."
    assert _day(tagger, text, dt.date(2023, 6, 23)) is None


def test_a_dateline_on_the_document_date_changes_nothing(tagger):
    assert _day(tagger, "LISBON, June 23 -- Talks ended.", dt.date(2023, 6, 23)) is None


def test_entry_times_of_a_live_report_are_no_years(tagger):
    text = "1541 Obama says the talks go on. 1532 Rebels shell the port. 1510 Markets fall."
    chosen = tagger._candidates(text, 0, len(text))
    assert [text[s:e] for s, e, _, _ in stamps_dropped(text, chosen)] == []
    assert {text[s:e] for s, e, _, _ in chosen} >= {"1541", "1532", "1510"}


def test_years_out_of_order_stay_years(tagger):
    # each a valid clock time opening a sentence, but not in one direction: years
    text = "1215 Rebels took the town. 1430 Rebels came back. 1305 Talks began."
    chosen = tagger._candidates(text, 0, len(text))
    assert {text[s:e] for s, e, _, _ in chosen} >= {"1215", "1430", "1305"}
    assert stamps_dropped(text, chosen) == chosen
