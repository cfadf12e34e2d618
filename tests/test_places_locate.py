"""Choosing an event's location: predicate attachment, visit host, dateline, none."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pytest
import yaml

from eventwire.places import Gazetteer
from eventwire.records import Actor, ActorMention

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "places_locate.yaml").read_text())
RULES = yaml.safe_load(
    (resources.files("eventwire") / "data" / "places" / "locate.yaml").read_text(encoding="utf-8")
)
STEPS = ("predicate", "visit", "dateline", "none")


@dataclass
class Coded:
    """The fields of a coded event that locating reads."""

    head: int
    cameo: str
    trigger: tuple[int, ...] = ()
    source: ActorMention | None = None
    target: ActorMention | None = None
    extra: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer()


def _index(sentence, word):
    words = [t.text for t in sentence.tokens]
    assert word in words, f"{word!r} not in {words}"
    return words.index(word)


def _mention(sentence, spec):
    if not spec:
        return None
    i = _index(sentence, spec["word"])
    tok = sentence.tokens[i]
    actor = Actor(spec["word"], spec["word"], spec["country"], None, spec["country"] or "IGO")
    return ActorMention(sentence.index, i, i + 1, i, tok.start, tok.end, actor)


def _coded(sentence, case):
    head = case["head_index"] if "head_index" in case else _index(sentence, case["head"])
    trigger = tuple(_index(sentence, w) for w in case.get("trigger", [])) or (head,)
    return Coded(
        head=head,
        cameo=case["cameo"],
        trigger=trigger,
        source=_mention(sentence, case.get("source")),
        target=_mention(sentence, case.get("target")),
    )


def _locate(gaz, parse, case):
    sentence = parse(case["sentence"]).sentences[0]
    return gaz.locate(
        sentence,
        _coded(sentence, case),
        dateline=tuple(case.get("dateline", ())),
        context_countries=tuple(case.get("context_countries", ())),
    )


def _check(place, expect):
    if expect is None:
        assert place is None
        return
    assert place is not None
    got = place.to_dict()
    assert {k: got[k] for k in expect} == expect


@pytest.mark.parametrize("case", CASES, ids=[f"{c['step']}:{c['sentence'][:40]}" for c in CASES])
def test_locate_cases(gaz, parse, case):
    _check(_locate(gaz, parse, case), case["location"])


def test_cases_cover_every_step():
    assert {c["step"] for c in CASES} == set(STEPS)


@pytest.mark.parametrize("example", RULES["examples"], ids=lambda e: e["sentence"][:40])
def test_rule_file_examples(gaz, parse, example):
    case = {**example, "step": "predicate"}
    place = _locate(gaz, parse, case)
    assert place is not None and place.name == example["location"]


def test_predicate_place_wins_over_visit_host_and_dateline(gaz, parse):
    case = {
        "sentence": "Putin hosted Xi in Sochi on Monday.",
        "head": "hosted",
        "cameo": "043",
        "source": {"word": "Putin", "country": "RUS"},
        "target": {"word": "Xi", "country": "CHN"},
        "dateline": ["Beijing"],
    }
    place = _locate(gaz, parse, case)
    assert (place.name, place.feature) == ("Sochi", "city")


def test_visit_host_wins_over_dateline(gaz, parse):
    case = {
        "sentence": "Putin hosted Xi on Monday.",
        "head": "hosted",
        "cameo": "043",
        "source": {"word": "Putin", "country": "RUS"},
        "dateline": ["Beijing"],
    }
    assert _locate(gaz, parse, case).country == "RUS"


def test_visit_host_without_country_falls_back_to_dateline(gaz, parse):
    case = {
        "sentence": "The envoy will visit the United Nations next week.",
        "head": "visit",
        "cameo": "042",
        "target": {"word": "Nations", "country": None},
        "dateline": ["Geneva"],
    }
    assert _locate(gaz, parse, case).name == "Geneva"


def test_a_place_elsewhere_in_the_sentence_is_not_the_location(gaz, parse):
    case = {
        "sentence": "The ambassador in Moscow criticized the sanctions.",
        "head": "criticized",
        "cameo": "111",
    }
    assert _locate(gaz, parse, case) is None


def test_locate_reads_the_predicate_not_the_sentence_root(gaz, parse):
    text = "Officials said the two leaders met in Samarkand."
    sentence = parse(text).sentences[0]
    said = Coded(head=_index(sentence, "said"), cameo="010", trigger=(_index(sentence, "said"),))
    met = Coded(head=_index(sentence, "met"), cameo="040", trigger=(_index(sentence, "met"),))
    assert gaz.locate(sentence, said) is None
    assert gaz.locate(sentence, met).name == "Samarkand"


def test_capital_without_dateline_or_country_is_not_resolved(gaz, parse):
    case = {
        "sentence": "A bombing in the capital killed five people.",
        "head": "bombing",
        "cameo": "183",
    }
    assert _locate(gaz, parse, case) is None


def test_capital_of_a_non_capital_dateline_is_not_guessed(gaz, parse):
    case = {
        "sentence": "A bombing in the capital killed five people.",
        "head": "bombing",
        "cameo": "183",
        "dateline": ["Lyon"],
    }
    # the dateline still locates the event, but not as "the capital"
    assert _locate(gaz, parse, case).name == "Lyon"


def test_bad_rule_file_is_reported_with_its_name(tmp_path):
    from eventwire.places import GazetteerDataError

    rules = tmp_path / "locate.yaml"
    text = (resources.files("eventwire") / "data" / "places" / "locate.yaml").read_text(
        encoding="utf-8"
    )
    rules.write_text(text.replace('["on", of]', "[on, of]"), encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"locate\.yaml: 'place_noun_prepositions'"):
        Gazetteer(rules=rules)
