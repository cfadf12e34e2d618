"""Loading the temporal data: tables, named patterns, rules."""

from __future__ import annotations

import pytest

from eventwire.temporal.resources import ResourceError, load_resources


def test_rules_are_compiled_with_their_groups_and_triggers():
    res = load_resources("en")
    rule = next(r for r in res.rules if r.id == "date_month_day_year")
    assert rule.groups == {"mod": "mod", "month": "month", "day": "day", "year": "year"}
    assert rule.trigger is not None and rule.trigger.search("on march 20, 2019")
    assert rule.regex.search("It ended on March 20, 2019.").group(0) == "March 20, 2019"


def test_lookup_accepts_abbreviations_and_case():
    res = load_resources("en")
    assert res.lookup("month", "Sept.") == 9
    assert res.lookup("month", "SEPTEMBER") == 9
    assert res.lookup("weekday", "Thurs.") == 4
    assert "will" in res.words("future_cues")


def test_each_load_is_independent():
    a, b = load_resources("en"), load_resources("en")
    a.tables["month"]["brumaire"] = 11
    assert "brumaire" not in b.tables["month"]


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ResourceError, match="data/temporal/xx/tables.yaml"):
        load_resources("xx")
