"""eventwire eval actors: record agreement and span scores on hand-made sets, loaders, runs."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate import actors, plover
from eventwire.evaluate.common import GoldError


def _gold(i, event, source, target="", markup=""):
    obj = {"event": event, "text": f"sentence {i}", "source": source, "target": target}
    if markup:
        obj["textInfo"] = {"markup": markup}
    return plover.parse_record(obj, f"hand:{i}", i)


def _actor(country, sector=None, code=None):
    return {"text": "x", "country": country, "sector": sector, "code": code or country or ""}


GOLD = [
    _gold(1, "AGREE", [{"code": "USA", "sector": "GOV"}], [{"code": "IRQ"}]),
    _gold(2, "AID", [{"code": "IGO"}], [{"code": "LBR", "sector": "REF"}]),
    _gold(3, "AGREE", [{"code": "ISR"}, {"code": "PSE"}], "", "(SRC/TAR: Israel) and ..."),
    _gold(4, "SUPPORT", [{"code": "FRA"}], [{"code": "DEU"}]),
    _gold(5, "FIGHT", [{"code": "RUS", "sector": "MIL"}]),
]
PRED = [
    [
        {"plover": "CONSULT", "confidence": 0.9, "source": _actor("USA", "GOV"),
         "target": _actor("IRQ")},
        {"plover": "AGREE", "confidence": 0.5, "source": _actor("USA", "GOV"),
         "target": _actor("IRQ", "MIL")},
    ],
    [{"plover": "AID", "confidence": 0.7, "source": _actor(None, "IGO", "IGOUNOWFP"),
      "target": _actor("LBR", "REF")}],
    [{"plover": "CONSULT", "confidence": 0.7, "source": _actor("ISR"), "target": _actor("PSE")}],
    [],
    [{"plover": "ASSAULT", "confidence": 0.7, "source": None, "target": _actor("UKR")}],
]  # fmt: skip


@pytest.fixture()
def record_scores():
    return actors.score_records(GOLD, PRED)


def test_pick_event_prefers_the_gold_type():
    assert actors.pick_event(PRED[0], ("AGREE",))["plover"] == "AGREE"
    assert actors.pick_event(PRED[0], ("ASSAULT",))["plover"] == "CONSULT"
    assert actors.pick_event([], ("AGREE",)) is None


def test_record_coverage(record_scores):
    s = record_scores
    assert (s["records"], s["records_with_event"], s["coverage"]) == (5, 4, 0.8)
    assert s["event_type_matches"] == 3


def test_record_countries(record_scores):
    c = record_scores["country"]
    assert c["source"] == {"records": 4, "right": 3, "share": 0.75}
    assert c["target"] == {"records": 3, "right": 3, "share": 1.0}
    assert c["both"] == {"records": 3, "right": 3, "share": 1.0}


def test_record_sectors(record_scores):
    c = record_scores["country_and_sector"]
    assert c["source"] == {"records": 4, "right": 3, "share": 0.75}
    assert c["target"] == {"records": 3, "right": 2, "share": 0.6667}
    assert c["both"] == {"records": 3, "right": 2, "share": 0.6667}


def test_side_match_rules():
    gold = actors.gold_side([{"code": "SDN", "sector": "REBmos"}, {"code": "USA", "sector": "***"}])
    assert gold == [("SDN", "REB"), ("USA", None)]
    assert actors.side_match(_actor("SDN", "REB"), gold) == (True, True)
    assert actors.side_match(_actor("SDN", "GOV"), gold) == (True, False)
    assert actors.side_match(_actor("USA"), gold) == (True, True)
    assert actors.side_match(_actor("EGY"), gold) == (False, False)
    assert actors.side_match(None, gold) == (False, False)


def test_gold_codes_that_are_not_iso3_are_read_as_iso3():
    gold = actors.gold_side([{"code": "JAP", "sector": "GOV"}, {"code": "ITL"}])
    assert gold == [("JPN", "GOV"), ("ITA", None)]
    assert actors.side_match(_actor("JPN", "GOV"), gold) == (True, True)


def test_span_scores():
    gold = [
        [("S", 0, 2), ("T", 3, 5)],
        [("R", 0, 1), ("R", 2, 3), ("S", 5, 7)],
        [],
    ]
    pred = [
        [("S", 0, 2), ("T", 4, 6)],
        [("S", 0, 1), ("T", 2, 3)],
        [("S", 1, 3)],
    ]
    s = actors.score_spans(gold, pred)
    assert s["sentences"] == 3
    assert s["source"]["exact"] == {"tp": 1, "pred": 2, "gold": 2, "precision": 0.5,
                                    "recall": 0.5, "f1": 0.5}  # fmt: skip
    assert s["source"]["overlap"]["tp"] == 1
    assert s["target"]["exact"] == {"tp": 0, "pred": 1, "gold": 1, "precision": 0.0,
                                    "recall": 0.0, "f1": 0.0}  # fmt: skip
    assert s["target"]["overlap"] == {"tp": 1, "pred": 1, "gold": 1, "precision": 1.0,
                                      "recall": 1.0, "f1": 1.0}  # fmt: skip
    assert s["actor"]["exact"] == {"tp": 3, "pred": 5, "gold": 5, "precision": 0.6,
                                   "recall": 0.6, "f1": 0.6}  # fmt: skip
    assert s["actor"]["overlap"]["f1"] == 0.8


def test_overlap_matches_each_gold_span_once():
    c = actors.match_spans([(0, 4)], [(0, 1), (2, 3)], exact=False)
    assert c == {"tp": 1, "pred": 2, "gold": 1}


def test_bio_spans():
    tags = ["B-S", "I-S", "O", "B-T", "B-T", "I-T", "I-R", "O"]
    assert actors.bio_spans(tags) == [("S", 0, 2), ("T", 3, 4), ("T", 4, 6), ("R", 6, 7)]
    with pytest.raises(GoldError):
        actors.bio_spans(["X-S"])


def test_detokenize_keeps_token_offsets():
    toks = ["Ruritania", "'s", "army", "(", "RA", ")", "attacked", "a", "town", "."]
    text, offsets = actors.detokenize(toks)
    assert text == "Ruritania's army (RA) attacked a town."
    assert [text[a:b] for a, b in offsets] == toks


def test_predicted_spans_map_mentions_to_tokens():
    toks = ["The", "army", "attacked", "the", "army", "base", "."]
    text, offsets = actors.detokenize(toks)
    sent = actors.SpanSentence(1, tuple(toks), (), text, offsets)
    events = [{"span": [9, 17], "source": {"text": "The army"},
               "target": {"text": "army base"}},
              {"span": [9, 17], "source": {"text": "Someone else"}, "target": None}]  # fmt: skip
    spans, lost = actors.predicted_spans(sent, events)
    assert spans == [("S", 0, 2), ("T", 4, 6)]
    assert lost == 1


def test_locate_takes_the_occurrence_nearest_the_trigger():
    assert actors.locate("army and army", "army", 10) == (9, 13)
    assert actors.locate("army and army", "navy", 0) is None


def test_load_spans_bad_tag_names_the_line(tmp_path):
    path = tmp_path / "ner.txt"
    path.write_text("Troops B-S\nfired O\n\nRebels B-S\nfled Q-T\n")
    with pytest.raises(GoldError, match=r"ner\.txt:5"):
        actors.load_spans(path)


def test_load_spans_small_file(tmp_path):
    path = tmp_path / "ner.txt"
    path.write_text("Troops B-S\nfired O\non O\nrebels B-T\n\nTalks B-R\n")
    sents = actors.load_spans(path)
    assert [s.text for s in sents] == ["Troops fired on rebels", "Talks"]
    assert sents[0].spans == (("S", 0, 1), ("T", 3, 4))
    assert (sents[0].line, sents[1].line) == (1, 6)


def test_file_format_dispatch():
    assert actors.file_format("gold.jsonl") == "plover"
    assert actors.file_format("train.txt") == "ner"
    assert actors.file_format("x.dat", "ner") == "ner"
    with pytest.raises(GoldError, match="--format"):
        actors.file_format("x.dat")


def test_load_real_span_file(shared_data):
    sents = actors.load_spans(shared_data / "events" / "conflibert" / "cameo_ner_train.txt")
    assert len(sents) == 1153
    roles = {r for s in sents for r, _, _ in s.spans}
    assert roles == {"S", "T", "R"}
    for s in sents[:50]:
        assert [s.text[a:b] for a, b in s.offsets] == list(s.tokens)


def test_command_end_to_end_records(shared_data, capsys):
    from eventwire.cli import main

    path = shared_data / "events" / "plover_gsr_dev.jsonl"
    assert main(["eval", "actors", str(path), "--limit", "20", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["format"] == "plover"
    assert result["records"] == 20
    assert result["country"]["source"]["records"] <= result["records_with_event"]


def test_command_end_to_end_spans(shared_data, capsys):
    from eventwire.cli import main

    path = shared_data / "events" / "conflibert" / "cameo_ner_train.txt"
    assert main(["eval", "actors", str(path), "--limit", "20", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["format"] == "ner"
    assert result["sentences"] == 20
    assert result["source"]["exact"]["tp"] <= result["source"]["overlap"]["tp"]


def test_text_reports(record_scores):
    record_scores["format"] = "plover"
    assert "target        3    1.000           0.667" in actors.report(record_scores)
    spans = actors.score_spans([[("S", 0, 1)]], [[("S", 0, 1)]])
    spans.update(format="ner", sentences_with_event=1, mentions_not_found=0)
    assert "source exact       1     1   1      1.000   1.000  1.000" in actors.report(spans)
