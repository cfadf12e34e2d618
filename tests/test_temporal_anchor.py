"""Event dates from time expressions attached to predicates (tests/cases/timex_anchor.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from eventwire.temporal.anchor import Anchorer
from eventwire.temporal.tagger import TimeTagger

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "timex_anchor.yaml").read_text())


@pytest.fixture(scope="module")
def tools():
    return TimeTagger(), Anchorer()


def _date_for(tools, parse, text, dct, predicate, modality, occurrence=1):
    tagger, anchorer = tools
    parsed = parse(text, dct)
    timexes = tagger.tag(text, dct, sentences=parsed.sentences)
    seen = 0
    for sentence in parsed.sentences:
        for tok in sentence.tokens:
            if tok.text == predicate:
                seen += 1
                if seen == occurrence:
                    inside = [t for t in timexes if sentence.start <= t.start < sentence.end]
                    return anchorer.date_for(
                        sentence, tok.i, inside, dct, modality=modality, context=timexes
                    )
    raise AssertionError(f"predicate {predicate!r} not in {text!r}")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_anchor_case(tools, parse, case):
    got = _date_for(
        tools,
        parse,
        case["text"],
        case["dct"],
        case["predicate"],
        case["modality"],
        case.get("occurrence", 1),
    )
    exp = case["date"]
    assert (got.start, got.end) == (exp["start"], exp["end"])
    assert got.start <= got.end
    for key in ("precision", "basis", "timex", "text"):
        if key in exp:
            assert getattr(got, key) == exp[key], key


ARTICLE = (
    "Chinese President Xi Jinping will pay a state visit to Russia from March 20-22, "
    "the foreign ministry said. Xi and Putin spoke by phone on Thursday. "
    "Xi last visited Russia in mid-2019, and Putin travelled to Beijing in early 2022. "
    "The two leaders met in Samarkand in September."
)


@pytest.mark.parametrize(
    ("predicate", "modality", "start", "end"),
    [
        ("visit", "planned", dt.date(2023, 3, 20), dt.date(2023, 3, 22)),
        ("spoke", "occurred", dt.date(2023, 3, 16), dt.date(2023, 3, 16)),
        ("visited", "occurred", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        ("travelled", "occurred", dt.date(2022, 1, 1), dt.date(2022, 4, 30)),
        ("met", "occurred", dt.date(2022, 9, 1), dt.date(2022, 9, 30)),
    ],
)
def test_one_article_many_dates(tools, parse, predicate, modality, start, end):
    got = _date_for(tools, parse, ARTICLE, dt.date(2023, 3, 17), predicate, modality)
    assert start <= got.start <= got.end <= end


def test_expression_of_another_sentence_is_ignored(tools, parse):
    text = "The talks ended on Monday. Delegates arrested two men."
    got = _date_for(tools, parse, text, dt.date(2023, 3, 17), "arrested", "occurred")
    assert got.basis == "document"
