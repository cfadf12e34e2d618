"""Store benchmarks: ingest rate, a dyad monthly series, clustering.

    python benchmarks/bench_store.py [--mentions 1000000] [--ingest 200000]

Prints one line per figure.  The data is generated: Event records for the ingest
figure (through ``Store.add_batch``, as ``eventwire code`` writes them), and rows
made by DuckDB itself for the 1,000,000-mention store the queries run on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from eventwire.analytics import dyad_series
from eventwire.records import Actor, Article, Event, EventDate, Place
from eventwire.store import open_store

ACTORS = [
    Actor(f"Country {k}", f"Country {k}", f"C{k:02d}", s, f"C{k:02d}{s or ''}")
    for k in range(40)
    for s in (None, "GOV", "MIL")
]
CODES = [("042", 1, 1.9), ("057", 2, 8.0), ("112", 3, -2.0), ("190", 4, -10.0), ("036", 1, 4.0)]
VERSIONS = {"eventwire": "bench", "lexicon": "bench"}


def make_items(n_mentions: int, per_article: int = 4, seed: int = 7):
    rnd = random.Random(seed)
    base = dt.date(2020, 1, 1)
    items = []
    for a in range(n_mentions // per_article):
        doc_id = f"bench-{a}"
        date = base + dt.timedelta(days=rnd.randrange(1500))
        text = "WIRE - " + "Some sentence about an event. " * 20
        article = Article(doc_id, date, text, title="t", source=f"src{a % 50}", code_start=7)
        events = []
        for k in range(per_article):
            cameo, quad, gold = rnd.choice(CODES)
            day = date - dt.timedelta(days=rnd.randrange(3))
            events.append(
                Event(
                    event_id=f"{doc_id}-{k}",
                    doc_id=doc_id,
                    doc_date=date,
                    sentence_index=k,
                    sentence="Some sentence about an event.",
                    span=(7 + 30 * k, 36 + 30 * k),
                    trigger="met",
                    source=rnd.choice(ACTORS),
                    target=rnd.choice(ACTORS),
                    cameo=cameo,
                    cameo_label="label",
                    plover="CONSULT",
                    quad_class=quad,
                    goldstein=gold,
                    modality="occurred",
                    date=EventDate(day, day, "day", "yesterday", day.isoformat(), "relative"),
                    location=Place("Capital", "C01", 1, 1.0, 2.0, "city"),
                    confidence=0.8,
                    versions=VERSIONS,
                )
            )
        items.append((article, events))
    return items


GENERATE = """
INSERT INTO mentions (seq, event_id, doc_id, doc_date, sentence_index, sentence,
    source_code, source_country, target_code, target_country, cameo, cameo_root,
    quad_class, goldstein, modality, historical, reciprocal, date_start, date_end,
    date_precision, location_country, confidence, versions)
SELECT i, 'g' || i, 'd' || (i // 4), d, i % 4, 'An event sentence.',
       s, s, t, t, c, left(c, 2), q, g, 'occurred', false, false, ev, ev, 'day',
       s, 0.5 + (hash(i) % 50) / 100.0, '{}'
FROM (
    SELECT i, d, d - CAST(hash(i * 7) % 3 AS INTEGER) AS ev,
           'C' || lpad(CAST(hash(i * 3) % 40 AS VARCHAR), 2, '0') AS s,
           'C' || lpad(CAST(hash(i * 5) % 40 AS VARCHAR), 2, '0') AS t,
           ['042', '057', '112', '190', '036'][1 + CAST(hash(i * 11) % 5 AS BIGINT)] AS c,
           [1, 2, 3, 4, 1][1 + CAST(hash(i * 11) % 5 AS BIGINT)] AS q,
           [1.9, 8.0, -2.0, -10.0, 4.0][1 + CAST(hash(i * 11) % 5 AS BIGINT)] AS g
    FROM (SELECT i, DATE '2020-01-01' + CAST(hash(i // 4) % 1500 AS INTEGER) AS d
          FROM range(?) r(i))
)
"""


def bench_ingest(folder: Path, n: int) -> None:
    items = make_items(n)
    for batch in (64, 512, 2048):  # articles per add_batch (eventwire code: --batch-size)
        with open_store(folder / f"ingest{batch}.duckdb") as store:
            started = time.perf_counter()
            for k in range(0, len(items), batch):
                store.add_batch(items[k : k + batch])
            seconds = time.perf_counter() - started
            count = store.counts()["mentions"]
        print(
            f"ingest ({batch} articles per batch): {count} mentions in {seconds:.2f} s "
            f"= {count / seconds:,.0f} mentions/s"
        )


def bench_queries(folder: Path, n: int) -> None:
    with open_store(folder / "big.duckdb") as store:
        started = time.perf_counter()
        store.con.execute(GENERATE, [n])
        print(f"generate: {n} mentions in {time.perf_counter() - started:.2f} s")
        for unit in ("mentions",):
            times = []
            for _ in range(5):
                started = time.perf_counter()
                rows = dyad_series(store, "C01", "C02", by="month", unit=unit)
                times.append(time.perf_counter() - started)
            print(
                f"dyad monthly series over {n} {unit}: best {min(times) * 1000:.0f} ms, "
                f"median {sorted(times)[2] * 1000:.0f} ms ({len(rows)} months)"
            )
        started = time.perf_counter()
        stats = store.cluster()
        seconds = time.perf_counter() - started
        print(
            f"clustering: {stats.mentions} mentions into {stats.clusters} events in "
            f"{seconds:.1f} s ({stats.blocks} blocks)"
        )
        times = []
        for _ in range(5):
            started = time.perf_counter()
            rows = dyad_series(store, "C01", "C02", by="month", unit="events")
            times.append(time.perf_counter() - started)
        print(f"dyad monthly series over {stats.clusters} events: best {min(times) * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--ingest", type=int, default=200_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_ingest(Path(tmp), args.ingest)
        bench_queries(Path(tmp), args.mentions)


if __name__ == "__main__":
    main()
