"""`eventwire bench`: figures of a real run against bare spaCy on the same texts."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

from eventwire.cli import main

REQUIRED = {
    "articles",
    "workers",
    "articles_per_s",
    "tokens_per_s",
    "events_per_s",
    "spacy_articles_per_s",
    "ratio_vs_spacy",
    "peak_rss_mb",
    "stages",
}


def test_bench_json_reports_every_figure_for_the_demo_corpus():
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["bench", "--limit", "3", "--workers", "1", "--json"]) == 0
    result = json.loads(buf.getvalue())
    assert REQUIRED <= set(result)
    assert result["articles"] == 3 and result["workers"] == 1
    assert result["tokens"] > 0 and result["events"] > 0
    assert result["articles_per_s"] > 0 and result["spacy_articles_per_s"] > 0
    assert (
        abs(result["ratio_vs_spacy"] - result["articles_per_s"] / result["spacy_articles_per_s"])
        < 0.01
    )
    assert set(result["stages"]) == {"ingest", "spacy", "temporal", "actors", "coding", "store"}
    assert result["peak_rss_mb"] > 50


def test_bench_table_names_the_reference():
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["bench", "--limit", "1", "--workers", "1"]) == 0
    text = buf.getvalue()
    assert "bare spaCy articles/s" in text and "ratio vs bare spaCy" in text


def _bench_json(*argv: str) -> dict:
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["bench", *argv, "--json"]) == 0
    return json.loads(buf.getvalue())


def test_bench_with_two_workers_reports_both_throughputs():
    result = _bench_json("--limit", "4", "--workers", "2", "--block", "2")
    assert result["workers"] == 2 and 1 <= len(result["peak_rss_mb_per_worker"]) <= 2
    assert result["articles"] == 4 and result["tokens"] > 0
    assert result["spacy_articles_per_s"] > 0 and result["ratio_vs_spacy"] > 0


def test_bench_records_the_sentence_filter():
    result = _bench_json("--limit", "2", "--workers", "1", "--sentence-filter", "context")
    assert result["sentence_filter"] == "context" and result["events"] > 0


def test_bench_reads_the_corpus_block_by_block_and_counts_bad_lines(tmp_path):
    corpus = tmp_path / "news.jsonl"
    good = '{"date": "2023-03-17", "text": "Russian troops shelled Kherson on Monday."}'
    lines = [good, good.replace("Monday", "Tuesday"), "{not json", good.replace("Kherson", "Kyiv")]
    lines += [good.replace("troops", "forces")] * 3
    corpus.write_text("\n".join(lines) + "\n")
    result = _bench_json(str(corpus), "--limit", "5", "--workers", "1", "--block", "2")
    assert result["articles"] == 5 and result["skipped"] == 1
    assert result["events"] >= 5 and result["tokens"] > 0
