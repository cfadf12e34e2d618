"""Every ``examples`` entry of the lexicon files, coded from a real parse.

Actors come from the entity fixture in ``test_coding_helpers`` so that the examples
check the lexicon and the coder alone.  An example passes when one coded event has
its cameo (the pattern's code unless the example names another), and -- where the
example gives them -- the source and target mention texts, modality and reciprocity.
``cameo: null`` means the sentence must code no event at all.
"""

from __future__ import annotations

import pytest

from eventwire.coding.coder import Coder
from eventwire.coding.lexicon import Lexicon
from eventwire.coding.ontology import Ontology
from test_coding_helpers import entity_mentions

_ONTOLOGY = Ontology.load()
_LEXICON = Lexicon.load(_ONTOLOGY)
EXAMPLES = _LEXICON.examples


@pytest.fixture(scope="module")
def coder():
    return Coder(lexicon=_LEXICON, ontology=_ONTOLOGY)


def _text(mention):
    return mention.actor.text if mention is not None else None


def _matches(ex, event) -> bool:
    return (
        event.cameo == ex.cameo
        and (ex.source is None or _text(event.source) == ex.source)
        and (ex.target is None or _text(event.target) == ex.target)
        and (ex.modality is None or event.modality == ex.modality)
        and (ex.reciprocal is None or event.reciprocal == ex.reciprocal)
    )


@pytest.mark.parametrize("ex", EXAMPLES, ids=[f"{e.pattern}:{e.text[:40]}" for e in EXAMPLES])
def test_lexicon_example(ex, parse, coder):
    sentence = parse(ex.text).sentences[0]
    events = coder.code_sentence(sentence, entity_mentions(sentence))
    shown = [
        (e.cameo, e.trigger_text, _text(e.source), _text(e.target), e.modality, e.reciprocal)
        for e in events
    ]
    if ex.cameo is None:
        assert events == [], shown
    else:
        assert any(_matches(ex, e) for e in events), shown
