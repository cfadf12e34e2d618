"""The `examples` written in each actor data file, run on real parses."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from eventwire.actors import ActorKB, ActorResolver

DATA = resources.files("eventwire") / "data" / "actors"
FILES = (
    "countries.yaml",
    "regions.yaml",
    "igos.yaml",
    "sectors.yaml",
    "resolution.yaml",
    "peoples.yaml",
)
EXAMPLES = [
    (name, ex)
    for name in FILES
    for ex in yaml.safe_load((DATA / name).read_text(encoding="utf-8")).get("examples", ())
]


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(ActorKB.load())


def test_every_file_has_examples():
    assert {name for name, _ in EXAMPLES} == set(FILES)


@pytest.mark.parametrize(
    ("name", "example"), EXAMPLES, ids=[f"{n}:{e['text']}" for n, e in EXAMPLES]
)
def test_example(name, example, parse, resolver):
    parsed = parse(example["text"], str(example.get("date", "2023-03-17")))
    actors = resolver.resolve(parsed)
    got = {}
    for s in parsed.sentences:
        for m in actors.mentions(s.index):
            got[s.span_text(m.token_start, m.token_end)] = m.actor.code
    for text, code in example["expect"].items():
        assert got.get(text) == code, (name, text, got)
