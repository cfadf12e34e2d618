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
    sentence_filter = SentenceFilter.from_lemmas({"shell"}, parser.nlp, margin=0)
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


def _filtered(parser, sentence_filter, article):
    parser.sentence_filter = sentence_filter
    try:
        return next(parser.parse([article]))
    finally:
        parser.sentence_filter = None


def test_a_skipped_run_of_sentences_leaves_a_gap_in_the_sentence_indices(parser):
    body = (
        "Russian troops shelled the town of Bakhmut on Monday.\n"
        "The weather in the region was mild.\n"
        "Ukrainian forces shelled positions near the town on Tuesday."
    )
    article = Article(doc_id="g", date=dt.date(2023, 3, 17), text=body)
    sentence_filter = SentenceFilter.from_lemmas({"shell"}, parser.nlp, margin=0)
    parsed = _filtered(parser, sentence_filter, article)
    full = parser.parse_text(body, dt.date(2023, 3, 17))
    assert [s.index for s in parsed.sentences] == [0, 2]
    assert [s.text for s in parsed.sentences] == [full.sentences[0].text, full.sentences[2].text]


def test_a_kept_sentence_is_parsed_with_its_neighbours(parser):
    body = (
        "Russian troops shelled the town of Bakhmut on Monday.\n"
        "The weather in the region was mild.\n"
        "Markets were closed for the holiday.\n"
        "The roads were quiet.\n"
        "Ukrainian forces shelled positions near the town on Tuesday."
    )
    article = Article(doc_id="m", date=dt.date(2023, 3, 17), text=body)
    parsed = _filtered(parser, SentenceFilter.from_lemmas({"shell"}, parser.nlp), article)
    assert [s.index for s in parsed.sentences] == [0, 1, 3, 4]


def test_context_cues_keep_sentences_that_name_actors(parser):
    words = "Chinese President Xi Jinping was in Moscow".split()
    forms = surface_forms({"shell"}, parser.nlp)
    assert not SentenceFilter(forms).keep(words)
    cued = SentenceFilter(forms, cues=frozenset({"president"}))
    assert cued.keep(words)
    assert not cued.keep("the weather was mild".split())
    # a capitalised word may be a name the model tags as a person; a capitalised stop word
    # opening the sentence is not
    named = SentenceFilter(forms, cues=frozenset({"x"}), stop_words=frozenset({"the"}))
    assert named.keep("the talks with Petrova were long".split())
    assert not named.keep("The weather was mild".split())


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


def _records(pipeline, articles, mode):
    from dataclasses import asdict

    pipeline.parser.sentence_filter = pipeline.build_sentence_filter(mode) if mode else None
    try:
        events = [e for _, evs in pipeline.code_articles(articles) for e in evs]
    finally:
        pipeline.parser.sentence_filter = None
    return sorted(
        (tuple(sorted((k, repr(v)) for k, v in asdict(e).items() if k != "sentence_index")))
        for e in events
    )


def test_the_context_filter_gives_the_events_of_a_full_parse(pipeline):
    # "He" and "Ms Petrova" get their actors from sentences with no predicate
    body = (
        "MOSCOW - Russian President Vladimir Putin was in a buoyant mood on Monday.\n"
        "He praised Chinese President Xi Jinping.\n"
        "It rained all day.\n"
        "The streets were wet.\n"
        "It was cold.\n"
        "Ruritanian opposition leader Anna Petrova was in the city too.\n"
        "Ms Petrova criticised the Kremlin."
    )
    article = Article(doc_id="ctx", date=dt.date(2023, 3, 22), text=body)
    full = _records(pipeline, [article], None)
    assert len(full) == 2
    pipeline.parser.filtered = [0, 0]
    assert _records(pipeline, [article], "context") == full
    # only the middle line about the weather is skipped: its neighbours are parsed too
    assert pipeline.parser.filtered == [7, 6]
    assert _records(pipeline, [article], "predicates") != full


def test_an_unknown_filter_mode_is_refused(pipeline):
    with pytest.raises(ValueError, match="context, predicates"):
        pipeline.build_sentence_filter("fast")
