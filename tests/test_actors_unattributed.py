"""The unnamed doer of an attack, coded as unaligned armed forces of the place."""

from __future__ import annotations

import pytest

from eventwire.actors.unattributed import doer_phrases, unattributed_source
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _sources(pipeline, text, date="2006-08-14"):
    return [
        (e["cameo"][:2], (e["source"] or {}).get("code"), (e["source"] or {}).get("text"))
        for e in pipeline.code(text, date=date)
    ]


def test_an_attack_in_a_named_place_with_no_doer_is_done_by_unaligned_forces(pipeline):
    got = _sources(pipeline, "A car bomb explosion in central Mosul killed six policemen.")
    assert ("18", "IRQUAF", "A car bomb explosion") in got


def test_a_passive_attack_has_no_doer_phrase_and_an_empty_mention(pipeline):
    got = _sources(pipeline, "Six policemen were killed in a car bomb explosion in Mosul.")
    assert ("18", "IRQUAF", "") in got


def test_no_place_in_the_sentence_leaves_the_doer_unknown(pipeline):
    got = _sources(pipeline, "Six policemen were killed on Sunday.")
    assert got and all(code is None for _, code, _ in got)


def test_a_named_doer_the_knowledge_base_does_not_know_is_not_unaligned(pipeline):
    got = _sources(pipeline, "A Zafrani Brigade attack in Mosul killed six policemen.")
    assert all(code != "IRQUAF" for _, code, _ in got)


def test_a_cooperative_act_gets_no_unaligned_doer(pipeline, parse):
    sentence = parse("Aid was delivered in Mosul.").sentences[0]

    class Coded:
        source = target = None
        cameo = "070"
        head = next(t.i for t in sentence.tokens if t.text == "delivered")
        trigger = (head,)
        trigger_text = "delivered"

    place = pipeline.gazetteer.locate(sentence, Coded, attached_only=True)
    assert place is not None and place.country == "IRQ"
    asked = []
    assert (
        unattributed_source(sentence, Coded, lambda: asked.append(1) or place, pipeline.kb) is None
    )
    assert asked == []  # no place is looked up for an act that can have no attacker
    assert doer_phrases(sentence, Coded.head) == []


def test_a_subject_that_is_no_attack_or_weapon_gets_no_unaligned_doer(pipeline):
    got = _sources(pipeline, "A new kind of flu that struck seven people in Texas spread.")
    assert all(code != "USAUAF" for _, code, _ in got)


def test_a_nationality_on_the_act_noun_names_the_doer(pipeline):
    got = _sources(pipeline, "Diplomacy has forestalled an Israeli attack on Iran.")
    assert all(code != "IRNUAF" for _, code, _ in got)
