"""Deduplication: mentions of one real event form one cluster, distinct events stay apart."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest
import yaml

from eventwire.records import Actor, EventDate, Place
from eventwire.store import open_store

sys.path.insert(0, os.path.dirname(__file__))
from test_store import make_article, make_event  # noqa: E402

CORPUS = Path(__file__).parent / "cases" / "dedup_corpus.yaml"


def day(start: str, end: str | None = None, precision: str = "day") -> EventDate:
    a = dt.date.fromisoformat(start)
    b = dt.date.fromisoformat(end) if end else a
    return EventDate(a, b, precision, None, None, "explicit")


def report(doc_id: str, when: EventDate, k: int = 0, publisher: str = "wire", **kw):
    """One article (``doc_id``) with one event dated ``when``."""
    return (make_article(doc_id, source=publisher), [make_event(doc_id, k, date=when, **kw)])


def clusters_of(store) -> dict[str, list[str]]:
    """cluster id -> event ids of its mentions."""
    rows = store.con.execute(
        "SELECT cluster_id, list(event_id ORDER BY event_id) FROM mentions GROUP BY 1"
    ).fetchall()
    return dict(rows)


def groups(store) -> set[tuple[str, ...]]:
    return {tuple(ids) for ids in clusters_of(store).values()}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "dedup.duckdb") as st:
        yield st


def test_same_event_from_three_articles_is_one_cluster(store):
    store.add_batch([report(f"a{k}", day("2024-05-14"), publisher=f"s{k % 2}") for k in range(3)])
    store.cluster()
    (cluster,) = store.clusters()
    assert (cluster["n_mentions"], cluster["n_articles"], cluster["n_sources"]) == (3, 3, 2)
    assert cluster["first_report"] == cluster["last_report"] == dt.date(2024, 5, 10)


def test_two_attacks_on_different_days_stay_apart(store):
    store.add_batch([report("a1", day("2024-05-14")), report("a2", day("2024-05-16"))])
    store.cluster()
    assert groups(store) == {("a1-e0",), ("a2-e0",)}


def test_a_year_window_does_not_swallow_precise_dates(store):
    year = day("2024-01-01", "2024-12-31", "year")
    store.add_batch(
        [report("y", year), report("d1", day("2024-05-14")), report("d2", day("2024-05-14"))]
    )
    store.cluster()
    assert groups(store) == {("y-e0",), ("d1-e0", "d2-e0")}


def test_a_week_joins_the_one_day_it_contains(store):
    store.add_batch(
        [report("w", day("2024-05-13", "2024-05-19", "week")), report("d", day("2024-05-14"))]
    )
    store.cluster()
    assert groups(store) == {("d-e0", "w-e0")}


def test_a_month_containing_two_events_joins_neither(store):
    month = day("2024-05-01", "2024-05-31", "month")
    store.add_batch(
        [report("m", month), report("d1", day("2024-05-03")), report("d2", day("2024-05-20"))]
    )
    store.cluster()
    assert groups(store) == {("m-e0",), ("d1-e0",), ("d2-e0",)}


def test_planned_and_occurred_reports_merge_into_an_occurred_event(store):
    store.add_batch(
        [
            report("p", day("2024-05-14"), modality="planned"),
            report("o", day("2024-05-14"), modality="occurred"),
        ]
    )
    store.cluster()
    (cluster,) = store.clusters()
    assert cluster["modality"] == "occurred" and cluster["n_mentions"] == 2


def test_a_negated_report_never_merges_with_an_occurred_one(store):
    store.add_batch(
        [
            report("n", day("2024-05-14"), modality="negated"),
            report("o", day("2024-05-14"), modality="occurred"),
        ]
    )
    store.cluster()
    assert groups(store) == {("n-e0",), ("o-e0",)}


def test_different_cameo_roots_stay_apart_and_sub_codes_merge(store):
    store.add_batch(
        [
            report("a", day("2024-05-14"), cameo="190"),
            report("b", day("2024-05-14"), cameo="1951"),
            report("c", day("2024-05-14"), cameo="042"),
        ]
    )
    store.cluster()
    assert groups(store) == {("a-e0", "b-e0"), ("c-e0",)}


def test_places_in_two_countries_split_and_the_unlocated_join_the_majority(store):
    berlin = Place("Berlin", "DEU", None, None, None, "city")
    store.add_batch(
        [
            report("p1", day("2024-05-14")),  # Paris
            report("p2", day("2024-05-14")),  # Paris
            report("b", day("2024-05-14"), location=berlin),
            report("u", day("2024-05-14"), location=None),
        ]
    )
    store.cluster()
    assert groups(store) == {("p1-e0", "p2-e0", "u-e0"), ("b-e0",)}


def test_representative_is_most_confident_then_earliest(store):
    store.add_batch(
        [
            report("low", day("2024-05-14"), confidence=0.5),
            report("high2", day("2024-05-14"), confidence=0.9),
            report("high1", day("2024-05-14"), confidence=0.9),
        ]
    )
    store.cluster()
    (cluster,) = store.clusters()
    assert cluster["rep_event_id"] == "high1-e0"


def test_reciprocal_clusters_share_a_pair_id(store):
    a = Actor("Ruritania", "Ruritania", "RUR", None, "RUR")
    b = Actor("France", "France", "FRA", None, "FRA")
    store.add_batch(
        [
            report("ab", day("2024-05-14"), source=a, target=b),
            report("ba", day("2024-05-14"), source=b, target=a),
            report("later", day("2024-06-20"), source=b, target=a),
        ]
    )
    store.cluster()
    pairs = {c["rep_event_id"]: c["pair_id"] for c in store.clusters()}
    assert pairs["ab-e0"] == pairs["ba-e0"] is not None
    assert pairs["later-e0"] is None


def test_batch_order_and_increments_do_not_change_the_clusters(tmp_path):
    items = [
        report("a", day("2024-05-14")),
        report("b", day("2024-05-13", "2024-05-19", "week")),
        report("c", day("2024-05-16")),
        report("d", day("2024-05-14"), modality="occurred"),
        report("e", day("2024-01-01", "2024-12-31", "year")),
        report("f", day("2024-05-16")),
    ]
    with open_store(tmp_path / "all.duckdb") as st:
        st.add_batch(items)
        st.cluster()
        expected = clusters_of(st)
    with open_store(tmp_path / "steps.duckdb") as st:
        for k in (5, 3, 1, 4, 0, 2):  # one article at a time, clustering after each
            st.add_batch([items[k]])
            st.cluster()
        assert clusters_of(st) == expected
        st.cluster(full=True)
        assert clusters_of(st) == expected
        assert st.con.execute("SELECT count(*) FROM clusters").fetchone()[0] == len(expected)


def test_new_articles_join_existing_clusters(store):
    store.add_batch([report("a", day("2024-05-14"))])
    store.cluster()
    store.add_batch([report("b", day("2024-05-14"))])
    assert store.unclustered() == 1
    stats = store.cluster()
    assert stats.mentions == 2 and store.unclustered() == 0
    (cluster,) = store.clusters()
    assert cluster["n_mentions"] == 2


def test_clustering_fills_actors_and_places(store):
    store.add_batch([report("a", day("2024-05-14"))])
    store.cluster()
    actors = dict(store.con.execute("SELECT code, n_mentions FROM actors").fetchall())
    assert actors == {"RURGOV": 1, "FRA": 1}
    assert store.con.execute("SELECT name, country FROM places").fetchall() == [("Paris", "FRA")]


# --------------------------------------------------------------------------- real pipeline


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    from eventwire.ingest.readers import make_article as read_article
    from eventwire.pipeline import Pipeline

    case = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    articles = [
        read_article(a["text"], date=dt.date.fromisoformat(a["date"]), doc_id=a["doc_id"])
        for a in case["articles"]
    ]
    path = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    with open_store(path) as st:
        st.add_batch(list(Pipeline().code_articles(articles)))
        st.cluster()
    st = open_store(path)
    yield case, st
    st.close()


def _mentions_of(st, event):
    return st.con.execute(
        "SELECT doc_id, cluster_id FROM mentions WHERE source_code = ? AND target_code = ? "
        "AND cameo_root = ? AND doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [event["source"], event["target"], event["cameo_root"], event["articles"]],
    ).fetchall()


def test_corpus_gives_one_cluster_per_real_event(corpus_store):
    case, st = corpus_store
    seen = {}
    for event in case["events"]:
        rows = _mentions_of(st, event)
        assert sorted({doc for doc, _ in rows}) == sorted(event["articles"]), event["name"]
        ids = {cluster for _, cluster in rows}
        assert len(ids) == 1, event["name"]
        seen[event["name"]] = ids.pop()
    assert len(set(seen.values())) == len(seen)  # no two real events merged


def test_corpus_clusters_carry_event_dates_and_counts(corpus_store):
    case, st = corpus_store
    for event in case["events"]:
        (cluster_id,) = {c for _, c in _mentions_of(st, event)}
        row = st.con.execute(
            "SELECT date_start, modality, n_articles FROM clusters WHERE cluster_id = ?",
            [cluster_id],
        ).fetchone()
        assert row == (
            dt.date.fromisoformat(event["date"]),
            event["modality"],
            len(event["articles"]),
        ), event["name"]


def test_corpus_reciprocal_meeting_is_a_pair(corpus_store):
    case, st = corpus_store
    for source, target, root in case["pairs"]:
        rows = st.con.execute(
            "SELECT pair_id FROM clusters WHERE cameo_root = ? AND "
            "((source_code = ? AND target_code = ?) OR (source_code = ? AND target_code = ?))",
            [root, source, target, target, source],
        ).fetchall()
        assert len(rows) == 2 and rows[0][0] is not None and rows[0] == rows[1]
