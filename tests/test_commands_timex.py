"""`eventwire timex`: JSON lines and TimeML output for plain text and dated articles."""

from __future__ import annotations

import argparse
import io
import json

from eventwire.commands import timex as cmd
from eventwire.evaluate.timeml import parse_timeml


def _run(argv, stdin=None):
    parser = argparse.ArgumentParser()
    cmd.configure(parser)
    out = io.StringIO()
    rc = cmd.run(parser.parse_args(argv), stdout=out, stdin=stdin)
    return rc, out.getvalue()


def test_plain_text_with_dct_gives_json_lines(tmp_path):
    path = tmp_path / "note.txt"
    text = "The ministers met on Thursday and will meet again next week."
    path.write_text(text, encoding="utf-8")
    rc, out = _run([str(path), "--dct", "2023-03-17"])
    rows = [json.loads(line) for line in out.splitlines()]
    assert rc == 0
    assert [(r["text"], r["value"], r["type"]) for r in rows] == [
        ("Thursday", "2023-03-16", "DATE"),
        ("next week", "2023-W12", "DATE"),
    ]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert set(rows[0]) == {"doc_id", "start", "end", "text", "type", "value", "mod"}


def test_stdin_is_read_with_dash():
    rc, out = _run(["-", "--dct", "2023-03-17"], stdin=io.StringIO("Talks end in early 2024."))
    row = json.loads(out)
    assert (rc, row["value"], row["mod"]) == (0, "2024", "START")


def test_tml_output_reads_back(tmp_path):
    path = tmp_path / "note.txt"
    text = "Talks on Friday & the vote <soon> in May 2024."
    path.write_text(text, encoding="utf-8")
    rc, out = _run([str(path), "--dct", "2023-03-15", "--format", "tml"])
    doc = parse_timeml(out, "out.tml")
    assert rc == 0 and doc.text == text
    assert [(g.text, g.value) for g in doc.timexes] == [
        ("Friday", "2023-03-17"),
        ("soon", "FUTURE_REF"),
        ("May 2024", "2024-05"),
    ]


def test_dated_article_offsets_are_in_the_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-05-10 PARIS - The minister will visit Paris on Tuesday.\n")
    rc, out = _run([str(path)])
    row = json.loads(out)
    assert rc == 0 and row["value"] == "2024-05-14" and row["text"] == "Tuesday"


def test_missing_file_is_reported_and_others_still_run(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("They met yesterday.", encoding="utf-8")
    rc, out = _run([str(tmp_path / "missing.txt"), str(good), "--dct", "2023-03-17"])
    assert rc == 1
    assert "missing.txt" in capsys.readouterr().err
    assert json.loads(out)["value"] == "2023-03-16"


def test_bad_dct_is_rejected(capsys):
    rc, _ = _run(["x.txt", "--dct", "17/03/2023"])
    assert rc == 2 and "--dct" in capsys.readouterr().err


def test_jsonl_input_keeps_the_given_id(tmp_path):
    path = tmp_path / "news.jsonl"
    rec = {"id": "doc-7", "date": "2023-03-17", "text": "The envoys met on Thursday."}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    rc, out = _run([str(path)])
    row = json.loads(out)
    assert (rc, row["doc_id"], row["value"]) == (0, "doc-7", "2023-03-16")
