"""Places the actor knowledge base does not list (eventwire.actors.placenames)."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorKB
from eventwire.actors.kb import pick_entry
from eventwire.actors.placenames import PlaceNames
from eventwire.places.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def finder():
    return PlaceNames(ActorKB.load(), Gazetteer())


def _places(finder, parsed):
    s = parsed.sentences[0]
    found = finder.add(s, finder.kb.match(s))
    return {s.span_text(m.start, m.end): pick_entry(m.entries).code for m in found}


def test_city_in_a_prepositional_phrase(finder, parse):
    assert _places(finder, parse("Police in Lagos arrested two men."))["Lagos"] == "NGA"


def test_region_word_inside_a_place_name(finder, parse):
    found = _places(finder, parse("Rebels attacked villages in West Darfur State."))
    assert "West" not in found
    assert "SDN" in found.values()


def test_title_and_name_are_not_places(finder, parse):
    found = _places(finder, parse("President Bush spoke to reporters."))
    assert "Bush" not in found


def test_capitals_are_not_looked_up_as_towns(finder, parse):
    found = _places(finder, parse("POLICE ARREST MAN AFTER STABBING IN READING"))
    assert "MAN" not in found and "READING" not in found


def test_country_name_misspelt_by_one_letter(finder, parse):
    found = _places(finder, parse("Ethopia has agreed to reopen its border with Eritrea."))
    assert found["Ethopia"] == "ETH"


def test_one_letter_correction_needs_a_single_country_and_a_long_name(finder, parse):
    found = _places(finder, parse("Troops from the Americas and Irak arrived on Monday."))
    assert "Americas" not in found and "Irak" not in found


def test_one_edit_distance():
    from eventwire.actors.placenames import _one_edit

    assert _one_edit("ethiopia", "ethopia")  # a letter dropped
    assert _one_edit("israel", "isreal")  # two letters swapped
    assert _one_edit("britain", "britian")
    assert not _one_edit("austria", "australia")
    assert not _one_edit("israel", "israel")
