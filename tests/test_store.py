"""The DuckDB store: round trips, idempotence, transactions, schema versions."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from eventwire.records import Article, Event, EventDate, Place
from eventwire.store import StoreError, open_store
from eventwire.store.migrations import CURRENT_VERSION
from sample_records import sample_event

VERSIONS = {"eventwire": "0.1.0", "lexicon": "lexicon-test", "actors": "actors-test"}


def make_article(doc_id: str, **kw) -> Article:
    text = kw.pop(
        "text",
        "PARIS - Ruritania's Foreign Minister will visit Paris on Tuesday.   REUTERS",
    )
    fields = dict(
        doc_id=doc_id,
        date=dt.date(2024, 5, 10),
        text=text,
        title="Minister to visit Paris",
        url="https://example.org/a",
        source="wire",
        path="in/articles.txt",
        line=3,
        dateline=("PARIS",),
        dateline_span=(0, 5),
        credits=("REUTERS",),
        credits_span=(67, 74),
        code_start=8,
        code_end=64,
    )
    fields.update(kw)
    return Article(**fields)


def make_event(doc_id: str, k: int = 0, **kw) -> Event:
    fields = dict(
        event_id=f"{doc_id}-e{k}",
        doc_id=doc_id,
        sentence_index=k,
        span=(8, 57),
        confidence=0.8123,
        plover_mode="visit",
        versions=VERSIONS,
    )
    fields.update(kw)
    return sample_event(**fields)


def batch(prefix: str, n: int, per: int = 2) -> list[tuple[Article, list[Event]]]:
    return [
        (make_article(f"{prefix}{i}"), [make_event(f"{prefix}{i}", k) for k in range(per)])
        for i in range(n)
    ]


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "events.duckdb") as st:
        yield st


def test_new_store_has_current_schema_version(tmp_path):
    with open_store(tmp_path / "new.duckdb") as st:
        assert st.schema_version == CURRENT_VERSION
        assert st.counts() == {"articles": 0, "mentions": 0}


def test_memory_store_works():
    with open_store(":memory:") as st:
        assert st.add_batch(batch("m", 2)) == 2
        assert st.counts() == {"articles": 2, "mentions": 4}


def test_events_round_trip_to_dict(store):
    events = [
        make_event("d1", 0),
        make_event(
            "d1",
            1,
            source=None,
            target=None,
            location=None,
            plover=None,
            plover_mode=None,
            plover_context="diplomatic",
            modality="negated",
            historical=True,
            reciprocal=True,
            goldstein=-7.2,
            quad_class=4,
            cameo="1823",
            cameo_label="Kill by physical assault",
            date=EventDate(
                dt.date(2023, 1, 1), dt.date(2023, 3, 31), "quarter", None, None, "explicit"
            ),
            confidence=1 / 3,
        ),
        make_event(
            "d1",
            2,
            sentence="Quotes \"', tabs\tand\nlines, unicode São Tomé – 中国, and \x1f\x1e too.",
            trigger="",
            location=Place("Somewhere", None, None, None, None, "other"),
        ),
    ]
    store.add_batch([(make_article("d1"), events)])
    assert store.events() == [e.to_dict() for e in events]


def test_events_filter_by_doc_and_limit_keep_insertion_order(store):
    store.add_batch(batch("b", 3, per=3))
    assert [e["event_id"] for e in store.events(doc_id="b1")] == ["b1-e0", "b1-e1", "b1-e2"]
    assert [e["event_id"] for e in store.events(limit=4)] == ["b0-e0", "b0-e1", "b0-e2", "b1-e0"]


def test_article_row_keeps_provenance(store):
    article = make_article("p1", dateline=(), credits=("AFP", ""))
    store.add_batch([(article, [make_event("p1")])])
    row = store.con.execute(
        "SELECT date, title, path, line, dateline, credits, text_length, code_start, events "
        "FROM articles WHERE doc_id = 'p1'"
    ).fetchone()
    assert row == (
        dt.date(2024, 5, 10),
        "Minister to visit Paris",
        "in/articles.txt",
        3,
        [],
        ["AFP", ""],
        len(article.text),
        8,
        1,
    )


def test_adding_the_same_articles_again_adds_nothing(store):
    items = batch("r", 4)
    assert store.add_batch(items) == 4
    assert store.add_batch(items) == 0
    assert store.counts() == {"articles": 4, "mentions": 8}


def test_an_article_twice_in_one_batch_is_stored_once(store):
    items = batch("t", 1) + batch("t", 1)
    assert store.add_batch(items) == 1
    assert store.counts() == {"articles": 1, "mentions": 2}


def test_an_article_without_events_is_stored(store):
    store.add_batch([(make_article("empty"), [])])
    assert store.has_article("empty")
    assert store.counts() == {"articles": 1, "mentions": 0}


def test_has_article_and_doc_ids(store):
    store.add_batch(batch("h", 2))
    assert store.has_article("h0") and not store.has_article("h9")
    assert store.doc_ids() == {"h0", "h1"}


def test_a_failing_batch_leaves_nothing_behind(store):
    store.add_batch(batch("ok", 1))
    bad = batch("bad", 2)
    # an offset outside the INTEGER column fails in the mentions insert, after the articles
    bad[1][1][0] = make_event("bad1", 0, span=(2**40, 2**40 + 5))
    with pytest.raises(duckdb.Error):
        store.add_batch(bad)
    assert store.counts() == {"articles": 1, "mentions": 2}
    assert not store.has_article("bad0")


def test_stored_data_survives_reopening(tmp_path):
    path = tmp_path / "keep.duckdb"
    with open_store(path) as st:
        st.add_batch(batch("k", 2))
    with open_store(path) as st:
        assert st.counts() == {"articles": 2, "mentions": 4}
        assert st.events(doc_id="k1")[0] == make_event("k1", 0).to_dict()


def test_runs_are_recorded(store):
    run_id = store.start_run(versions=VERSIONS, inputs=["a.txt"])
    store.add_batch(batch("u", 2), run_id=run_id)
    store.finish_run(run_id, articles=2, events=4, skipped=1)
    (run,) = store.runs()
    assert (run["id"], run["articles"], run["events"], run["skipped"]) == (run_id, 2, 4, 1)
    assert run["inputs"] == ["a.txt"] and run["versions"] == VERSIONS
    assert run["finished"] is not None
    ids = store.con.execute("SELECT DISTINCT run_id FROM mentions").fetchall()
    assert ids == [(run_id,)]


def test_cluster_id_is_empty_until_deduplication(store):
    store.add_batch(batch("c", 1))
    assert store.con.execute("SELECT count(cluster_id) FROM mentions").fetchone() == (0,)


def _columns(con, table):
    return con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()


def test_version_1_store_is_migrated_forward(tmp_path):
    fresh = open_store(tmp_path / "fresh.duckdb")
    expected = {t: _columns(fresh.con, t) for t in ("articles", "mentions", "runs")}
    fresh.close()
    # a store as version 1 wrote it: no mentions.cluster_id
    path = tmp_path / "old.duckdb"
    with open_store(path) as st:
        st.add_batch(batch("o", 2))
        st.con.execute("ALTER TABLE mentions DROP COLUMN cluster_id")
        st.con.execute("DELETE FROM schema_version")
        st.con.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")
    with open_store(path) as st:
        assert st.schema_version == CURRENT_VERSION
        assert {t: _columns(st.con, t) for t in expected} == expected
        assert st.events(doc_id="o1") == [make_event("o1", k).to_dict() for k in range(2)]


def test_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    with open_store(path) as st:
        st.con.execute(
            "INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [CURRENT_VERSION + 1]
        )
    with pytest.raises(StoreError, match="future.duckdb"):
        open_store(path)


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from test_store import batch
    from eventwire.store import open_store

    st = open_store({path!r})
    n = 0
    while True:
        st.add_batch(batch(f"k{{n}}-", 20, per=3))
        n += 1
        print(n, flush=True)
    """
)


def test_killed_writer_leaves_whole_batches(tmp_path):
    path = str(tmp_path / "killed.duckdb")
    code = WRITER.format(tests=os.path.dirname(__file__), path=path)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(3):  # at least three batches committed, the next one under way
            assert proc.stdout.readline().strip()
        time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    with open_store(path) as st:
        counts = st.counts()
        assert counts["articles"] >= 60 and counts["articles"] % 20 == 0
        assert counts["mentions"] == 3 * counts["articles"]
        per_doc = st.con.execute(
            "SELECT count(*) FROM articles a WHERE events != "
            "(SELECT count(*) FROM mentions m WHERE m.doc_id = a.doc_id)"
        ).fetchone()
        assert per_doc == (0,)


def test_text_full_of_control_characters_round_trips(store):
    odd = "".join(chr(c) for c in range(1, 32)) + "end"
    events = [make_event("x1", 0, sentence=odd, trigger=odd[:5])]
    store.add_batch([(make_article("x1", dateline=(odd, "\x1c"), text=odd), events)])
    assert store.events() == [events[0].to_dict()]
    assert store.con.execute("SELECT dateline FROM articles").fetchone() == ([odd, "\x1c"],)


def test_read_only_store_reads_but_does_not_write(tmp_path):
    path = tmp_path / "ro.duckdb"
    with open_store(path) as st:
        st.add_batch(batch("ro", 1))
    with open_store(path, read_only=True) as st:
        assert st.events()[0] == make_event("ro0", 0).to_dict()
        with pytest.raises(duckdb.Error):
            st.add_batch(batch("new", 1))


def test_version_2_store_gets_the_event_tables(tmp_path):
    fresh = open_store(tmp_path / "fresh.duckdb")
    tables = ("clusters", "actors", "places")
    expected = {t: _columns(fresh.con, t) for t in tables}
    fresh.close()
    path = tmp_path / "v2.duckdb"
    with open_store(path) as st:  # a store as version 2 wrote it: no event tables
        st.add_batch(batch("v", 1))
        for t in tables:
            st.con.execute(f"DROP TABLE {t}")
        st.con.execute("DELETE FROM schema_version")
        st.con.execute("INSERT INTO schema_version VALUES (2, now()::TIMESTAMP)")
    with open_store(path) as st:
        assert st.schema_version == CURRENT_VERSION == 3
        assert {t: _columns(st.con, t) for t in tables} == expected
        assert st.cluster().mentions == 2


def test_open_store_is_the_package_api(tmp_path):
    import eventwire

    with eventwire.open_store(tmp_path / "api.duckdb") as st:
        assert st.counts() == {"articles": 0, "mentions": 0}
