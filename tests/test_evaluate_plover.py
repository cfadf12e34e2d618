"""eventwire eval plover: scoring on hand-made sets, the gold loader, one real run."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate import plover
from eventwire.evaluate.common import GoldError

GOLD = [
    {"id": "a", "date": "2000-01-01", "event": "AGREE", "text": "Ruritania agreed to talks."},
    {"id": "b", "date": "2000-01-01", "event": "DEMAND", "text": "Ruritania demanded talks."},
    {"id": "c", "date": "2000-01-01", "event": "FIGHT", "text": "Rebels attacked a town."},
]
PRED = [
    [
        {"plover": "AGREE", "confidence": 0.9, "modality": "occurred"},
        {"plover": "CONSULT", "confidence": 0.6, "modality": "planned"},
    ],
    [{"plover": "REQUEST", "confidence": 0.4, "modality": "possible"}],
    [],
]


@pytest.fixture()
def hand_scores():
    gold = [plover.parse_record(g, f"hand:{i}", i) for i, g in enumerate(GOLD, 1)]
    return plover.score(gold, PRED)


def test_old_type_names_are_mapped():
    assert plover.normalize_type("DEMAND") == "REQUEST"
    assert plover.normalize_type("disapprove") == "ACCUSE"
    assert plover.normalize_type("INVESTIGATE") == "ACCUSE"
    assert plover.normalize_type("FIGHT") == "ASSAULT"
    assert plover.normalize_type("AGREE") == "AGREE"


def test_record_with_several_types_keeps_all():
    rec = plover.parse_record({"event": "DEMAND, THREATEN", "text": "x"}, "hand:1")
    assert rec.events == ("REQUEST", "THREATEN")


def test_overall_scores(hand_scores):
    s = hand_scores
    assert (s["records"], s["records_with_event"], s["coverage"]) == (3, 2, 0.6667)
    assert (s["events"], s["events_correct"], s["records_recalled"]) == (3, 2, 2)
    assert s["recall"] == 0.6667
    assert s["precision"] == 0.6667
    assert s["f1"] == 0.6667


def test_per_category_table(hand_scores):
    cats = hand_scores["categories"]
    assert cats["AGREE"] == {"gold": 1, "coded": 1, "recall": 1.0, "precision": 1.0}
    assert cats["REQUEST"] == {"gold": 1, "coded": 1, "recall": 1.0, "precision": 1.0}
    assert cats["ASSAULT"] == {"gold": 1, "coded": 0, "recall": 0.0, "precision": None}
    assert cats["CONSULT"] == {"gold": 0, "coded": 1, "recall": None, "precision": 0.0}
    assert set(cats) == {"AGREE", "REQUEST", "ASSAULT", "CONSULT"}


def test_confidence_bands(hand_scores):
    bands = hand_scores["confidence_bands"]
    assert list(bands) == ["<0.5", "0.5-0.7", "0.7-0.85", ">=0.85"]
    assert bands["<0.5"] == {"events": 1, "correct": 1, "precision": 1.0}
    assert bands["0.5-0.7"] == {"events": 1, "correct": 0, "precision": 0.0}
    assert bands["0.7-0.85"] == {"events": 0, "correct": 0, "precision": None}
    assert bands[">=0.85"] == {"events": 1, "correct": 1, "precision": 1.0}


def test_band_edges():
    got = [plover.band_of(x) for x in (0.0, 0.49, 0.5, 0.7, 0.84, 0.85, 1.0)]
    assert got == ["<0.5", "<0.5", "0.5-0.7", "0.7-0.85", "0.7-0.85", ">=0.85", ">=0.85"]


def test_modality_distribution(hand_scores):
    assert hand_scores["modality"] == {
        "occurred": {"events": 1, "correct": 1, "precision": 1.0},
        "planned": {"events": 1, "correct": 0, "precision": 0.0},
        "possible": {"events": 1, "correct": 1, "precision": 1.0},
    }


def test_score_refuses_mismatched_lengths():
    gold = [plover.parse_record(GOLD[0], "hand:1")]
    with pytest.raises(ValueError):
        plover.score(gold, [])


def test_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:2"):
        plover.load_gold(path)


def test_record_without_text_is_an_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"event": "AGREE"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:1: record has no 'text'"):
        plover.load_gold(path)


def test_load_real_gold(shared_data):
    gold = plover.load_gold(shared_data / "events" / "plover_gsr_dev.jsonl")
    assert len(gold) == 164
    types = {t for g in gold for t in g.events}
    assert not types & set(plover.RENAMED)
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= types
    assert sum(g.reciprocal for g in gold) >= 1
    assert all(g.text for g in gold)


def test_load_real_gold_limit(shared_data):
    gold = plover.load_gold(shared_data / "events" / "plover_gsr_dev.jsonl", limit=5)
    assert len(gold) == 5


def test_command_end_to_end(shared_data, capsys):
    from eventwire.cli import main

    path = shared_data / "events" / "plover_gsr_dev.jsonl"
    assert main(["eval", "plover", str(path), "--limit", "20", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["records"] == 20
    assert result["events"] == sum(v["coded"] for v in result["categories"].values())
    assert 0.0 <= result["recall"] <= 1.0


def test_text_report_lists_every_table(hand_scores):
    text = plover.report(hand_scores)
    assert "overall      0.667   0.667  0.667" in text
    assert "ASSAULT         1      0   0.000          -" in text
    assert ">=0.85" in text and "possible" in text


def test_table_aligns_columns():
    from eventwire.evaluate.common import table

    assert table(["name", "n"], [["ab", 1], ["c", 0.5]]).splitlines() == [
        "name      n",
        "ab        1",
        "c     0.500",
    ]


def test_plover_convention_types_planned_cooperation_as_agree():
    from eventwire.coding.ontology import Ontology
    from eventwire.evaluate.plover import under_plover_convention

    planned_aid = {"cameo": "070", "plover": "AID", "modality": "planned"}
    done_aid = {"cameo": "070", "plover": "AID", "modality": "occurred"}
    out = under_plover_convention([[planned_aid, done_aid]], Ontology.load())
    assert [e["plover"] for e in out[0]] == ["AGREE", "AID"]
    assert planned_aid["plover"] == "AID", "the records themselves are not changed"
