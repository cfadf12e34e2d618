"""PLOVER category recall / precision of the coder on the PLOVER gold-standard dev
records (../shared/data/events/plover_gsr_dev.jsonl), with entity-fixture actors.

Run with ``-s`` to see the figures.  Older PLOVER names in the gold are mapped to the
current ones.  A record counts as recalled when one coded event has its type;
precision is over the distinct types coded per record.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from eventwire.coding.coder import Coder
from eventwire.coding.lexicon import Lexicon
from eventwire.coding.ontology import Ontology
from test_coding_helpers import entity_mentions

RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def score(records, parse, coder, ontology) -> dict:
    tp = fp = fn = 0
    per = Counter()
    for r in records:
        gold = RENAMED.get(r["event"], r["event"])
        predicted = set()
        for s in parse(r["text"], "2000-01-01").sentences:
            for e in coder.code_sentence(s, entity_mentions(s)):
                plover = ontology.cameo(e.cameo).plover
                if plover:
                    predicted.add(plover)
        if gold in predicted:
            tp += 1
            per[gold, "tp"] += 1
        else:
            fn += 1
            per[gold, "fn"] += 1
        fp += len(predicted - {gold})
    return {
        "records": len(records),
        "recall": tp / max(1, tp + fn),
        "precision": tp / max(1, tp + fp),
        "per_type": per,
    }


def test_plover_dev_recall_and_precision(shared_data, parse):
    path = shared_data / "events" / "plover_gsr_dev.jsonl"
    if not path.exists():
        pytest.skip("plover_gsr_dev.jsonl is not present")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    ontology = Ontology.load()
    coder = Coder(lexicon=Lexicon.load(ontology), ontology=ontology)
    result = score(records, parse, coder, ontology)
    print(
        f"\nPLOVER dev: {result['records']} records, recall {result['recall']:.3f}, "
        f"precision {result['precision']:.3f}"
    )
    assert result["recall"] >= 0.72
    assert result["precision"] >= 0.7
