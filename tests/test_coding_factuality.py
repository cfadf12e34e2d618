"""Modality of coded events (tests/cases/coding_modality.yaml) and the cue data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.coding.coder import Coder
from eventwire.coding.factuality import Factuality
from eventwire.coding.lexicon import Lexicon
from eventwire.coding.ontology import Ontology
from test_coding_helpers import entity_mentions

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "coding_modality.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.load(Ontology.load())


@pytest.fixture(scope="module")
def coder(lexicon):
    return Coder(lexicon=lexicon, ontology=Ontology.load())


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:45] for c in CASES])
def test_modality(case, parse, coder):
    sentence = parse(case["text"]).sentences[0]
    events = [e for e in coder.code_sentence(sentence, entity_mentions(sentence))]
    found = [(e.cameo, e.trigger_text, e.modality) for e in events]
    assert any(e.cameo[:2] == case["root"] for e in events), found
    assert {e.modality for e in events if e.cameo[:2] == case["root"]} == {case["modality"]}, found


def test_hypothetical_is_never_occurred(parse, coder):
    sentence = parse("Unless Iran stops enrichment, Israel will strike Iran.").sentences[0]
    events = coder.code_sentence(sentence, entity_mentions(sentence))
    assert events and all(e.modality != "occurred" for e in events)


def test_cues_are_data(lexicon):
    cues = lexicon.modality
    assert cues.aux["will"] == "planned" and cues.aux["may"] == "possible"
    assert cues.governors["refuse"] == "negated"
    assert ("on", "the", "cards") in [p for p, _ in cues.phrases]


def test_plain_past_clause_is_occurred(parse, lexicon):
    sentence = parse("Russia attacked Ukraine.").sentences[0]
    head = next(t.i for t in sentence.tokens if t.text == "attacked")
    assert Factuality(lexicon.modality).modality(sentence, head) == "occurred"
