"""`eventwire eval timeline`: event dates against gold timelines (date selection)."""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
from collections import Counter

import pytest

from eventwire.evaluate import timeline as ev
from eventwire.evaluate.common import GoldError

D = dt.date

# invented wire copy: each article reports an event of an earlier day
ARTICLES = [
    {
        "id": "a1",
        "topic": "ruritania",
        "date": "2024-05-10",
        "text": "OSTRAVA - Ruritanian troops shelled the border town of Kalvo on Tuesday, "
        "killing four civilians, local officials said.",
    },
    {
        "id": "a2",
        "topic": "ruritania",
        "date": "2024-05-11",
        "text": "OSTRAVA - Ruritanian troops attacked Kalvo on Tuesday, officials said. "
        "The Ruritanian army arrested 20 protesters in the capital on Thursday.",
    },
    {
        "id": "a3",
        "topic": "ruritania",
        "date": "2024-05-12",
        "text": "OSTRAVA - Police arrested 20 protesters in the capital on Thursday, "
        "a rights group said.",
    },
]
GOLD = [["2024-05-07", ["Troops shell Kalvo."]], ["2024-05-09", ["Protesters are arrested."]]]


def _write_corpus(tmp_path, articles=ARTICLES, extra_lines=()):
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "ruritania.timelines.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    return path, gold


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


def test_timelines_are_read_as_sets_of_days(tmp_path):
    path = tmp_path / "g.timelines.jsonl"
    path.write_text(json.dumps(GOLD) + "\n" + json.dumps(GOLD[:1]) + "\n", encoding="utf-8")
    tls = ev.read_timelines(path, "g")
    assert [t.dates for t in tls] == [
        frozenset({D(2024, 5, 7), D(2024, 5, 9)}),
        frozenset({D(2024, 5, 7)}),
    ]
    assert [t.index for t in tls] == [1, 2]


def test_a_broken_timeline_names_its_file_and_line(tmp_path):
    path = tmp_path / "g.timelines.jsonl"
    path.write_text(json.dumps(GOLD) + "\n" + '[["May 9", ["x"]]]\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"g\.timelines\.jsonl:2"):
        ev.read_timelines(path, "g")


def test_a_broken_article_line_is_reported_and_the_rest_kept(tmp_path):
    path, _ = _write_corpus(
        tmp_path,
        extra_lines=['{"date": "2024-05-13"', '{"date": "2024-05-13", "topic": "ruritania"}'],
    )
    err = io.StringIO()
    groups = ev.read_groups(path, err=err)
    assert [a["id"] for a in groups["ruritania"]] == ["a1", "a2", "a3"]
    assert "news.jsonl.gz:4: skipped: invalid JSON" in err.getvalue()
    assert "news.jsonl.gz:5: skipped: no 'text'" in err.getvalue()


def test_a_truncated_gzip_file_names_itself(tmp_path):
    path, _ = _write_corpus(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(GoldError, match=r"news\.jsonl\.gz: cannot read"):
        ev.read_groups(path, err=io.StringIO())


def test_selection_takes_the_busiest_days_inside_the_timeline_span():
    tl = ev.Timeline("g", 1, frozenset({D(2024, 5, 7), D(2024, 5, 9)}))
    counts = Counter({D(2024, 5, 1): 9, D(2024, 5, 8): 3, D(2024, 5, 9): 3, D(2024, 5, 7): 1})
    # May 1 lies before the span; May 8 and 9 tie and the earlier goes first
    assert ev.select(counts, tl) == [D(2024, 5, 8), D(2024, 5, 9)]


def test_only_occurred_single_day_events_count_as_dated():
    events = [
        {
            "modality": "occurred",
            "date": {"start": "2024-05-07", "end": "2024-05-07", "basis": "relative"},
        },
        {
            "modality": "planned",
            "date": {"start": "2024-05-14", "end": "2024-05-14", "basis": "relative"},
        },
        {
            "modality": "occurred",
            "date": {"start": "2024-05-01", "end": "2024-05-31", "basis": "explicit"},
        },
        {
            "modality": "occurred",
            "date": {"start": "2024-05-10", "end": "2024-05-10", "basis": "document"},
        },
    ]
    c = ev.day_counts([(D(2024, 5, 10), events)])
    assert c["publication"] == Counter({D(2024, 5, 10): 3})
    assert c["eventwire"] == Counter({D(2024, 5, 7): 1, D(2024, 5, 10): 1})
    assert c["text only"] == Counter({D(2024, 5, 7): 1})


def test_moved_events_count_where_they_land_and_where_they_left():
    tl = ev.Timeline("g", 1, frozenset({D(2024, 5, 7), D(2024, 5, 9)}))
    moved = Counter(
        {
            (D(2024, 5, 9), D(2024, 5, 7)): 2,  # to a gold day, from a gold day
            (D(2024, 5, 8), D(2024, 5, 7)): 1,  # to a gold day, from another
            (D(2024, 5, 12), D(2024, 5, 8)): 1,  # into the span, not to a gold day
            (D(2024, 6, 8), D(2023, 1, 1)): 5,  # both days out of the span: not counted
        }
    )
    m = ev.moved_hits(moved, tl)
    assert (m["events"], m["on_gold"], m["article_on_gold"]) == (4, 3, 2)
    assert m["event_day_in_gold"] == 0.75 and m["article_day_in_gold"] == 0.5


def test_event_dates_find_the_gold_days_publication_dates_miss(tmp_path, pipeline):
    path, gold = _write_corpus(tmp_path)
    result = ev.evaluate(path, gold, pipeline=pipeline)
    (row,) = result["rows"]
    assert row["articles"] == 3 and row["gold_dates"] == 2
    assert row["eventwire"]["f1"] == 1.0  # Tuesday May 7 and Thursday May 9
    assert row["publication"]["f1"] == 0.0  # May 10-12: outside the gold days
    assert result["mean_date_f1"]["text only"] == 1.0
    assert result["moved"]["event_day_in_gold"] == 1.0


def test_groups_without_gold_are_listed_not_scored(tmp_path, pipeline):
    other = dict(ARTICLES[0], id="b1", topic="elsewhere")
    path, gold = _write_corpus(tmp_path, articles=[*ARTICLES, other])
    result = ev.evaluate(path, gold, pipeline=pipeline)
    assert result["groups_without_gold"] == ["elsewhere"]
    assert [r["group"] for r in result["rows"]] == ["ruritania"]


def test_command_prints_a_table_and_fails_cleanly_without_gold(tmp_path, capsys):
    path, gold = _write_corpus(tmp_path)
    parser = argparse.ArgumentParser()
    ev.configure(parser)
    rc = ev.run(parser.parse_args([str(path), "--gold", str(tmp_path / "missing")]))
    assert rc == 2
    assert "missing: no such folder" in capsys.readouterr().err
