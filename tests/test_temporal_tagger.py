"""The TIMEX3 tagger on golden cases (tests/cases/timex_tagger.yaml), with and without a parse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from eventwire.temporal.tagger import TimeTagger

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "timex_tagger.yaml").read_text())


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def _check(found, case):
    if case.get("expect") == []:  # `expect: []`: no time expression at all
        assert [t.text for t in found] == []
    by_text: dict[str, list] = {}
    for t in found:
        by_text.setdefault(t.text, []).append(t)
    for exp in case.get("expect", ()):
        assert exp["text"] in by_text, f"{exp['text']!r} not in {list(by_text)}"
        same = by_text[exp["text"]]
        # `count`: how many expressions have this text
        assert len(same) == exp.get("count", len(same)), (exp["text"], len(same))
        # `occurrence`: the n-th expression with this text (default: the last)
        n = exp.get("occurrence", len(same))
        assert n <= len(same), (exp["text"], n, len(same))
        tx = same[n - 1]
        assert tx.value == str(exp["value"]), exp["text"]
        for key in ("type", "mod", "begin", "until"):
            if key in exp:
                assert getattr(tx, key) == exp[key], (exp["text"], key)
    for text in case.get("forbid", ()):
        assert not any(text in t.text for t in found), text


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_raw_text(tagger, case):
    _check(tagger.tag(case["text"], case["dct"]), case)


# a case marked `parse: false` holds for the raw-text cues only (its note says why)
PARSED_CASES = [c for c in CASES if c.get("parse") is not False]


@pytest.mark.parametrize("case", PARSED_CASES, ids=[c["id"] for c in PARSED_CASES])
def test_case_with_parse(tagger, parse, case):
    parsed = parse(case["text"], case["dct"])
    found = tagger.tag(case["text"], case["dct"], sentences=parsed.sentences)
    _check(found, case)
    assert all(t.sentence_index is not None for t in found)


def test_offsets_point_into_the_text(tagger):
    text = "MOSCOW - The talks ended on Friday. REUTERS"
    found = tagger.tag(text, dt.date(2023, 3, 17))
    assert [(t.start, t.end, text[t.start : t.end]) for t in found] == [(28, 34, "Friday")]


def test_start_and_end_bound_the_search(tagger):
    text = "Monday: the vote is on Friday. Filed Tuesday."
    found = tagger.tag(text, dt.date(2023, 3, 15), start=8, end=30)
    assert [t.text for t in found] == ["Friday"]


def test_rule_id_and_relative_flag_are_recorded(tagger):
    found = tagger.tag("It began on March 3, 2021 and ended yesterday.", dt.date(2023, 3, 17))
    assert [(t.rule, t.relative) for t in found] == [
        ("date_month_day_year", False),
        ("day_word", True),
    ]


def test_parse_decides_direction_where_text_cues_mislead(tagger, parse):
    text = "Officials expected the vote to take place on Friday."
    dct = dt.date(2023, 3, 15)
    parsed = parse(text, dct)
    found = tagger.tag(text, dct, sentences=parsed.sentences)
    assert [t.value for t in found] == ["2023-03-17"]


def test_two_taggers_are_independent():
    a, b = TimeTagger(), TimeTagger()
    a.res.rules.clear()
    assert b.tag("They met on Monday.", dt.date(2023, 3, 15))[0].value == "2023-03-13"
    assert a.tag("They met on Monday.", dt.date(2023, 3, 15)) == []
    assert a.version == b.version and a.version.startswith("en:")


def test_the_version_names_the_content_of_the_rule_files():
    import hashlib
    from importlib import resources

    from eventwire.temporal.resources import load_resources

    folder = resources.files("eventwire") / "data" / "temporal" / "en"
    content = hashlib.sha1()
    for name in ("tables.yaml", "patterns.yaml", "rules.yaml"):
        content.update((folder / name).read_text(encoding="utf-8").encode("utf-8"))
    declared, _, digest = load_resources("en").version.partition("+")
    assert declared and digest == content.hexdigest()[:8]


LIVE_REPORT = (
    "Rescue teams reached the capital on Wednesday. 1541 President Barack Obama says aid "
    "is on its way. 1536 Susan Westwood says food is short. 1532 Among those trapped is a "
    "UN official. 1528 The UN says the main hospital has collapsed. Today it is difficult "
    "to keep hope, and teams will arrive throughout Wednesday and Thursday."
)


def test_entry_times_of_a_live_report_are_no_years(tagger):
    found = {(t.text, t.value) for t in tagger.tag(LIVE_REPORT, dt.date(2010, 1, 13))}
    assert not {v for _, v in found} & {"1541", "1536", "1532", "1528"}
    assert ("Today", "2010-01-13") in found and ("Thursday", "2010-01-14") in found


def test_a_year_after_since_does_not_set_the_story(tagger):
    text = (
        "The Assad family has been in power since 1971. The president inherited power in "
        "2000. The emergency law, in place since 1963, was lifted on 21 April. The protests "
        "started in Deraa on 18 March."
    )
    found = {t.text: t.value for t in tagger.tag(text, dt.date(2011, 6, 21))}
    assert found["21 April"] == "2011-04-21" and found["18 March"] == "2011-03-18"


def test_a_dateline_before_the_tagged_part_still_dates_the_story(tagger):
    text = "LISBON, June 22 -- Dock workers will strike on Thursday, the union said."
    body = text.index("Dock")
    found = tagger.tag(text, dt.date(2023, 6, 23), start=body)
    assert [(t.text, t.value) for t in found] == [("Thursday", "2023-06-22")]
