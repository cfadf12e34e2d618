"""The spaCy adapter: sentences, tokens and offsets as eventwire records."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.records import Article

TEXT = "Xi Jinping met Vladimir Putin in Moscow. They signed a trade deal on Tuesday."


def test_sentences_are_split_and_numbered(parse):
    parsed = parse(TEXT)
    assert [s.index for s in parsed.sentences] == [0, 1]
    assert parsed.sentences[1].text == "They signed a trade deal on Tuesday."


def test_token_offsets_point_into_the_body(parse):
    parsed = parse(TEXT)
    for sentence in parsed.sentences:
        for tok in sentence.tokens:
            assert TEXT[tok.start : tok.end] == tok.text
        assert TEXT[sentence.start : sentence.end] == sentence.text


def test_dependencies_have_one_root_and_consistent_children(parse):
    sentence = parse(TEXT).sentences[0]
    roots = [t.i for t in sentence.tokens if t.dep == "ROOT"]
    assert roots == [sentence.root()]
    assert sentence.tokens[sentence.root()].lemma == "meet"
    for tok in sentence.tokens:
        if tok.dep != "ROOT":
            assert tok.i in sentence.children[tok.head]
    assert sentence.subtree(sentence.root()) == list(range(len(sentence.tokens)))


def test_entities_carry_token_and_char_spans(parse):
    sentence = parse(TEXT).sentences[0]
    ents = {e.text: e for e in sentence.entities}
    assert ents["Moscow"].label == "GPE"
    putin = ents["Vladimir Putin"]
    assert sentence.span_text(putin.token_start, putin.token_end) == "Vladimir Putin"
    assert TEXT[putin.start : putin.end] == "Vladimir Putin"


def test_only_the_coded_region_is_parsed_and_offsets_stay_body_offsets(parser):
    body = "MOSCOW - Putin hosted Xi on Monday.   REUTERS"
    article = Article(doc_id="d1", date=dt.date(2023, 3, 20), text=body, code_start=9, code_end=35)
    parsed = next(parser.parse([article]))
    words = [t.text for s in parsed.sentences for t in s.tokens]
    assert "MOSCOW" not in words and "REUTERS" not in words
    first = parsed.sentences[0].tokens[0]
    assert (first.text, first.start) == ("Putin", 9)


def test_batches_keep_article_order(parser):
    articles = [
        Article(doc_id=str(i), date=dt.date(2023, 1, 1), text=f"Sentence number {i} is here.")
        for i in range(5)
    ]
    out = list(parser.iter_parse(articles, chunk=2))
    assert [p.article.doc_id for p in out] == ["0", "1", "2", "3", "4"]


def test_long_articles_go_through_in_smaller_batches(parser):
    article = Article(doc_id="x", date=dt.date(2023, 1, 1), text="x")
    batches = list(parser._batches([article] * 5, lambda a: 30_000))
    assert [len(b) for b in batches] == [1, 1, 1, 1, 1]
    assert [len(b) for b in parser._batches([article] * 70, lambda a: 10)] == [32, 32, 6]


def test_each_sentence_has_exactly_the_entities_spacy_puts_inside_it(parser):
    text = (
        "Chinese President Xi Jinping met Vladimir Putin in Moscow on Monday. "
        "The talks lasted three hours, the Kremlin said. "
        "Olaf Scholz and Emmanuel Macron spoke by phone from Berlin and Paris. "
        "Nothing else happened."
    )
    parsed = parser.parse_text(text, dt.date(2023, 3, 21))
    doc = parser.nlp(text)
    expected = [
        [(e.start_char, e.end_char, e.label_) for e in span.ents]
        for span in doc.sents
        if span.text.strip()
    ]
    got = [[(e.start, e.end, e.label) for e in s.entities] for s in parsed.sentences]
    assert got == expected
    assert sum(map(len, got)) >= 6


@pytest.mark.parametrize("separator", ["\n", " "], ids=["line-breaks", "no-line-breaks"])
def test_a_very_long_article_is_parsed_in_pieces_cut_between_sentences(parser, separator):
    # cut at a line break where there is one, else after a full stop and its space
    from eventwire.nlp.parse import Parser

    sentences = [
        "Russian troops shelled the town of Bakhmut on Monday, officials said.",
        "Ukrainian President Volodymyr Zelensky visited the front on Tuesday.",
        "Chinese President Xi Jinping will travel to Moscow next week.",
    ] * 4
    body = separator.join(sentences)
    small = Parser(nlp=parser.nlp, max_doc_chars=200)
    article = Article(doc_id="long", date=dt.date(2023, 3, 17), text=body)
    pieces = next(small.parse([article]))
    whole = next(parser.parse([article]))
    assert len(body) > 4 * small.max_doc_chars
    assert [s.text.strip() for s in pieces.sentences] == sentences
    assert [s.index for s in pieces.sentences] == list(range(len(sentences)))
    assert [(s.start, s.text.strip()) for s in pieces.sentences] == [
        (s.start, s.text.strip()) for s in whole.sentences
    ]
    assert all(
        body[t.start : t.start + len(t.text)] == t.text for s in pieces.sentences for t in s.tokens
    )


def test_a_blank_line_ends_a_sentence(parse):
    text = "Kyiv has said it wants to talk to Xi.\n\nWestern officials have criticised China."
    sentences = [s.text.strip() for s in parse(text).sentences]
    assert sentences == [
        "Kyiv has said it wants to talk to Xi.",
        "Western officials have criticised China.",
    ]
