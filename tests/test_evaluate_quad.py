"""eventwire eval quad: labels, the main-event rule, scores, the loader, one real run."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate import quad
from eventwire.evaluate.common import GoldError


@pytest.mark.parametrize(
    ("cameo", "label"),
    [("010", 0), ("0231", 0), ("036", 1), ("05", 1), ("061", 2), ("08", 2), ("09", 3),
     ("1311", 3), ("14", 4), ("1823", 4), ("20", 4), ("", None), ("XX", None)],
)  # fmt: skip
def test_label_of_cameo_root(cameo, label):
    assert quad.label_of({"cameo": cameo}) == label


def test_main_event_is_the_most_confident():
    events = [
        {"cameo": "042", "confidence": 0.6, "span": [0, 5]},
        {"cameo": "190", "confidence": 0.8, "span": [10, 15]},
    ]
    assert quad.predict(events) == 4


def test_main_event_tie_prefers_more_actors():
    events = [
        {"cameo": "042", "confidence": 0.8, "span": [0, 5], "source": {"code": "A"}},
        {"cameo": "111", "confidence": 0.8, "span": [9, 15], "source": {}, "target": {}},
    ]
    assert quad.predict(events) == 3


def test_main_event_tie_then_earliest_trigger():
    events = [
        {"cameo": "111", "confidence": 0.8, "span": [20, 25], "source": {}},
        {"cameo": "061", "confidence": 0.8, "span": [3, 9], "source": {}},
    ]
    assert quad.predict(events) == 2


def test_no_event_predicts_nothing():
    assert quad.predict([]) is None


@pytest.fixture()
def hand_scores():
    return quad.score([0, 1, 2, 3, 4, 4], [0, 1, 3, 3, None, 4])


def test_accuracy_and_coverage(hand_scores):
    s = hand_scores
    assert (s["sentences"], s["with_event"]) == (6, 5)
    assert s["coverage"] == 0.8333
    assert s["accuracy"] == 0.6667
    assert s["accuracy_with_event"] == 0.8


def test_per_label_scores(hand_scores):
    labels = hand_scores["labels"]
    assert labels[0] == {"name": "statement/appeal", "tp": 1, "pred": 1, "gold": 1,
                              "precision": 1.0, "recall": 1.0, "f1": 1.0}  # fmt: skip
    assert (labels[2]["precision"], labels[2]["recall"], labels[2]["f1"]) == (None, 0.0, 0.0)
    assert (labels[3]["precision"], labels[3]["recall"], labels[3]["f1"]) == (0.5, 1.0, 0.6667)
    assert (labels[4]["precision"], labels[4]["recall"], labels[4]["f1"]) == (1.0, 0.5, 0.6667)


def test_macro_f1(hand_scores):
    assert hand_scores["macro_f1"] == 0.6667


def test_confusion_matrix_has_a_no_event_column(hand_scores):
    c = hand_scores["confusion"]
    assert c[2] == {0: 0, 1: 0, 2: 0, 3: 1, 4: 0, "none": 0}
    assert c[4] == {0: 0, 1: 0, 2: 0, 3: 0, 4: 1, "none": 1}
    assert sum(sum(row.values()) for row in c.values()) == 6


def test_macro_f1_skips_labels_absent_from_gold_and_predictions():
    assert quad.score([0, 1], [0, 0])["macro_f1"] == round((0.6667 + 0.0) / 2, 4)


def test_loader_skips_a_header_and_checks_labels(tmp_path):
    path = tmp_path / "s.tsv"
    path.write_text("sentence\tlabel\nTroops fired on a crowd.\t4\n\nTalks began.\t1\n")
    gold = quad.load_gold(path)
    assert [(g.line, g.label) for g in gold] == [(2, 4), (4, 1)]
    path.write_text("Troops fired on a crowd.\t4\nTalks began.\t7\n")
    with pytest.raises(GoldError, match=r"s\.tsv:2: label 7"):
        quad.load_gold(path)


def test_loader_needs_a_tab(tmp_path):
    path = tmp_path / "s.tsv"
    path.write_text("Troops fired on a crowd. 4\n")
    with pytest.raises(GoldError, match=r"s\.tsv:1"):
        quad.load_gold(path)


def test_load_real_file(shared_data):
    gold = quad.load_gold(shared_data / "events" / "conflibert" / "cameo_class_train.tsv")
    assert len(gold) == 1349
    assert {g.label for g in gold} == {0, 1, 2, 3, 4}
    assert all("\t" not in g.text for g in gold)


def test_command_end_to_end(shared_data, capsys):
    from eventwire.cli import main

    path = shared_data / "events" / "conflibert" / "cameo_class_train.tsv"
    assert main(["eval", "quad", str(path), "--limit", "20", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["sentences"] == 20
    assert sum(sum(r.values()) for r in result["confusion"].values()) == 20
    assert 0.0 <= result["accuracy"] <= 1.0


def test_text_report_shows_the_confusion_matrix(hand_scores):
    text = quad.report(hand_scores)
    assert "4 material conflict  0  0  0  0  1     1" in text
    assert "macro-F1 0.6667" in text
