"""The sentence filter: forms generated from lexicon lemmas, and filtered parsing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from eventwire.coding.lexicon import Lexicon
from eventwire.coding.ontology import Ontology
from eventwire.nlp.filter import SentenceFilter, surface_forms
from eventwire.records import Article

CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="module")
def lemmas():
    return Lexicon.load(Ontology.load()).lemmas()


@pytest.fixture(scope="module")
def sentence_filter(parser, lemmas):
    return SentenceFilter.from_lemmas(lemmas, parser.nlp)


def test_irregular_and_regular_forms_come_from_the_model_tables(parser):
    forms = surface_forms({"meet", "stop", "carry", "visit"}, parser.nlp)
    assert {"met", "meets", "meeting", "stopped", "stopping", "carried", "visited"} <= forms


def test_every_lexicon_predicate_in_the_golden_sentences_is_kept(parse, lemmas, sentence_filter):
    texts = []
    for path in sorted(CASES.glob("sentences_*.yaml")):
        texts += [case["text"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    assert len(texts) > 100
    missed = []
    for text in texts:
        for sentence in parse(text).sentences:
            for tok in sentence.tokens:
                if tok.lemma.lower() in lemmas and not sentence_filter.keep([tok.text]):
                    missed.append((tok.text, tok.lemma))
    assert missed == []


def test_filtered_parse_skips_sentences_without_predicates_and_keeps_offsets(parser):
    sentence_filter = SentenceFilter.from_lemmas({"shell"}, parser.nlp)
    body = (
        "The weather in the capital was mild. "
        "Russian troops shelled the town of Bakhmut on Monday. "
        "Markets were closed for the holiday."
    )
    article = Article(doc_id="f", date=dt.date(2023, 3, 17), text=body)
    parser.sentence_filter = sentence_filter
    try:
        parsed = next(parser.parse([article]))
    finally:
        parser.sentence_filter = None
    assert [s.text for s in parsed.sentences] == [
        "Russian troops shelled the town of Bakhmut on Monday."
    ]
    sentence = parsed.sentences[0]
    assert body[sentence.start : sentence.end] == sentence.text
    assert all(body[t.start : t.end] == t.text for t in sentence.tokens)
