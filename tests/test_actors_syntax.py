"""Noun-phrase and clause helpers (eventwire.actors.syntax) on real parses."""

from __future__ import annotations

from eventwire.actors.syntax import appos_joins, headline, np_tokens, same_report


def _index(sentence, word):
    return next(t.i for t in sentence.tokens if t.text == word)


def test_headline_in_capitals(parse):
    assert headline(parse("PUTIN MEETS XI IN MOSCOW").sentences[0])
    assert not headline(parse("Putin met Xi in Moscow on Monday.").sentences[0])


def test_reported_speech_separates_clauses(parse):
    s = parse("A Russian army spokesman said rebel fighters attacked a police station.")
    s = s.sentences[0]
    assert not same_report(s, _index(s, "fighters"), _index(s, "Russian"))
    assert same_report(s, _index(s, "spokesman"), _index(s, "Russian"))


def test_apposition_must_agree_in_number(parse):
    s = parse("Kuleba, Ukraine's foreign minister, arrived on Monday.").sentences[0]
    assert appos_joins(s, _index(s, "Kuleba"), _index(s, "minister"))
    s = parse("Croatian authorities failed Serb refugees, a rights group said.").sentences[0]
    assert not appos_joins(s, _index(s, "refugees"), _index(s, "group"))


def test_np_tokens_drop_leading_dates_and_close_brackets(parse):
    s = parse("The Nigerian Air Force (NAF) bombed the camp.").sentences[0]
    span = np_tokens(s, _index(s, "Force"))
    assert s.span_text(min(span), max(span) + 1) == "The Nigerian Air Force (NAF)"
