"""`eventwire eval timex`: the TimeML reader and the TempEval-3 measures."""

from __future__ import annotations

import argparse
import datetime as dt
import json

import pytest

from eventwire.evaluate import timex as ev
from eventwire.evaluate.timeml import GoldTimex, TimeMLError, parse_timeml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-03-17" functionInDocument="CREATION_TIME">20230317</TIMEX3></DCT>
<TEXT>The envoys <EVENT eid="e1">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2023-03-16">Thursday</TIMEX3> &amp; will meet again <TIMEX3 tid="t2" type="DATE" value="2023-W12">next week</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>.</TEXT>
</TimeML>
"""


def test_reader_strips_tags_and_keeps_offsets():
    doc = parse_timeml(DOC, "demo.tml")
    assert doc.dct == dt.date(2023, 3, 17)
    assert doc.doc_id == "demo-1"
    assert doc.text.startswith("The envoys met on Thursday & will")
    assert [(doc.text[g.start : g.end], g.value) for g in doc.timexes] == [
        ("Thursday", "2023-03-16"),
        ("next week", "2023-W12"),
        ("two days", "P2D"),
    ]


def test_reader_names_the_file_when_the_dct_is_missing():
    with pytest.raises(TimeMLError, match="broken.tml"):
        parse_timeml("<TimeML><TEXT>x</TEXT></TimeML>", "broken.tml")


def test_scores_follow_tempeval3_definitions():
    doc = parse_timeml(DOC, "demo.tml")
    g = doc.timexes
    system = [
        GoldTimex(g[0].start, g[0].end, "Thursday", "DATE", "2023-03-16"),  # strict, right
        GoldTimex(g[1].start + 5, g[1].end, "week", "DATE", "2023-W11"),  # relaxed, wrong value
        GoldTimex(0, 3, "The", "DATE", "PRESENT_REF"),  # spurious
    ]
    c = ev.score_doc(doc, system)
    s = c.scores()
    assert (c.strict, c.relaxed, c.value, c.type) == (1, 2, 1, 2)
    assert s["strict_p"] == round(1 / 3, 4) and s["strict_r"] == round(1 / 3, 4)
    assert s["relaxed_f1"] == round(2 / 3, 4)
    assert s["value_f1"] == round(1 / 3, 4)  # P = 1/3, R = 1/3
    assert s["type_f1"] == round(2 / 3, 4)


def _run(argv, capsys):
    parser = argparse.ArgumentParser()
    ev.configure(parser)
    rc = ev.run(parser.parse_args(argv))
    return rc, capsys.readouterr()


def test_run_reports_overall_and_per_folder(tmp_path, capsys):
    for corpus in ("alpha", "beta"):
        (tmp_path / corpus).mkdir()
        (tmp_path / corpus / "d.tml").write_text(DOC, encoding="utf-8")
    rc, out = _run([str(tmp_path), "--json"], capsys)
    assert rc == 0
    result = json.loads(out.out)
    assert set(result["corpora"]) == {"alpha", "beta"}
    assert result["overall"]["gold"] == 6
    assert result["overall"]["relaxed_f1"] == 1.0


def test_run_reports_a_bad_file_and_goes_on(tmp_path, capsys):
    (tmp_path / "good.tml").write_text(DOC, encoding="utf-8")
    (tmp_path / "bad.tml").write_text("<TimeML></TimeML>", encoding="utf-8")
    rc, out = _run([str(tmp_path), "--json"], capsys)
    assert rc == 0
    assert "bad.tml" in out.err
    assert json.loads(out.out)["overall"]["docs"] == 1


def test_missing_path_is_an_error(tmp_path, capsys):
    rc, out = _run([str(tmp_path / "nope")], capsys)
    assert rc == 2 and "nope" in out.err


def test_timebank_scores(shared_data):
    per = ev.evaluate([str(shared_data / "timex" / "tbaq-cleaned" / "TimeBank")])
    total = ev.Counts()
    for c in per.values():
        total.add(c)
    s = total.scores()
    assert s["docs"] == 183
    assert s["relaxed_f1"] >= 0.88
    assert s["value_f1"] >= 0.72
