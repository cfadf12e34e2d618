"""Every rule block in data/temporal/en/rules.yaml carries examples; run them all."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.temporal.resources import load_resources
from eventwire.temporal.tagger import TimeTagger

RESOURCES = load_resources("en")
EXAMPLES = [
    pytest.param(rule.id, ex, id=f"{rule.id}-{k}")
    for rule in RESOURCES.rules
    for k, ex in enumerate(rule.examples)
]


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def test_every_rule_has_examples():
    assert [r.id for r in RESOURCES.rules if not r.examples] == []


@pytest.mark.parametrize(("rule_id", "example"), EXAMPLES)
def test_rule_example(tagger, rule_id, example):
    found = tagger.tag(example["text"], _date(example["dct"]))
    if example["find"] is None:
        assert found == []
        return
    hits = [t for t in found if t.text == example["find"]]
    assert hits, f"{example['find']!r} not found in {[t.text for t in found]}"
    tx = hits[0]
    assert tx.value == str(example["value"])
    if "type" in example:
        assert tx.type == example["type"]
    if "mod" in example:
        assert tx.mod == example["mod"]
