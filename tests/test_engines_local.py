"""The local engine: worker processes give the same events, in input order."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.engines.local import LocalEngine
from eventwire.ingest import read_articles
from eventwire.records import IngestError

DEMO = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "demo"


@pytest.fixture(scope="module")
def articles():
    return [a for a in read_articles([DEMO]) if not isinstance(a, IngestError)]


@pytest.fixture(scope="module")
def in_process(articles):
    engine = LocalEngine(workers=1)
    return [(a.doc_id, [e.to_dict() for e in evs]) for a, evs in engine.code_articles(articles)]


def test_two_workers_give_the_same_events_in_input_order(articles, in_process):
    with LocalEngine(workers=2, chunk_size=3) as engine:
        out = [(a.doc_id, [e.to_dict() for e in evs]) for a, evs in engine.code_articles(articles)]
        assert engine.versions["eventwire"]
    assert [d for d, _ in out] == [a.doc_id for a in articles]
    assert out == in_process
    assert len(engine.stats.peak_rss_mb) == 2
    assert engine.stats.timings["spacy"] > 0


def test_code_paths_reports_bad_input_and_codes_the_rest(tmp_path, in_process):
    (tmp_path / "bad.txt").write_text("no date here\n", encoding="utf-8")
    good = sorted(DEMO.glob("*.txt"))[0]
    (tmp_path / "good.txt").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    items = list(LocalEngine(workers=1).code_paths([tmp_path]))
    errors = [i for i in items if isinstance(i, IngestError)]
    coded = [i for i in items if not isinstance(i, IngestError)]
    assert len(errors) == 1 and str(errors[0]).startswith(str(tmp_path / "bad.txt"))
    assert len(coded) == 1 and coded[0][1]


def test_code_command_with_two_workers_prints_the_same_events(in_process, capsys):
    from eventwire.cli import main

    assert main(["code", str(DEMO), "--workers", "2", "--no-store", "--format", "jsonl"]) == 0
    import json

    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = [e for _, evs in in_process for e in evs]
    assert [e["event_id"] for e in printed] == [e["event_id"] for e in expected]
