"""Coreference of the actor resolver (eventwire.actors.coref) on real parses."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorKB, ActorResolver


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(ActorKB.load())


def _codes(resolver, parsed, index):
    s = parsed.sentences[index]
    return {
        s.span_text(m.token_start, m.token_end): m.actor.code
        for m in resolver.resolve(parsed).mentions(index)
    }


def test_courtesy_title_and_surname_refer_back(resolver, parse):
    parsed = parse("Chinese President Xi Jinping arrived in Moscow. Mr Xi met Putin on Tuesday.")
    assert _codes(resolver, parsed, 1)["Mr Xi"] == "CHNGOV"


def test_two_leaders_are_the_two_named_before(resolver, parse):
    parsed = parse("Xi Jinping met Vladimir Putin in Moscow. The two leaders signed a statement.")
    s = parsed.sentences[1]
    head = next(t.i for t in s.tokens if t.text == "leaders")
    codes = sorted(m.actor.code for m in resolver.resolve(parsed).all_at(1, head))
    assert codes == ["CHNGOV", "RUSGOV"]


def test_acronym_does_not_refer_to_a_surname(resolver, parse):
    parsed = parse("The UN rights council condemned the attacks.", "2019-03-01")
    assert _codes(resolver, parsed, 0).get("UN") == "IGOUNO"
