"""Run the pipeline on a Dask cluster and write a partitioned Parquet dataset.

The client reads the input (cheap) and submits partitions of articles as it goes, with
a bounded number in flight; each Dask worker builds one ``Pipeline`` (the model loads
once per worker) and writes, per partition::

    OUT/articles/part-<id>.parquet   one row per coded article (the store's columns)
    OUT/mentions/part-<id>.parquet   one row per event mention (the store's columns)
    OUT/manifest/part-<id>.json      the doc_ids of the partition, written last

A partition counts as done only once its manifest exists, so a rerun over the same
input skips every article already listed in a manifest and recodes the rest.
``eventwire store import-parquet OUT`` loads the dataset into DuckDB.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwire.records import Article, IngestError

PIPELINE_ATTR = "_eventwire_pipelines"


@dataclass
class DaskRunSummary:
    articles: int = 0
    events: int = 0
    partitions: int = 0
    skipped: int = 0  # bad input
    already_done: int = 0  # articles found in the manifest of an earlier run
    failed: int = 0  # articles a stage failed on (reported, not stored)


def done_doc_ids(out_dir: Path) -> set[str]:
    """doc_ids listed in the manifests of finished partitions."""
    done: set[str] = set()
    manifest = out_dir / "manifest"
    if manifest.is_dir():
        for path in sorted(manifest.glob("part-*.json")):
            done.update(json.loads(path.read_text(encoding="utf-8"))["doc_ids"])
    return done


def _worker_pipeline(settings: dict):
    """The pipeline of this Dask worker (built once per worker and settings)."""
    key = json.dumps(settings, sort_keys=True, default=str)
    try:
        from distributed import get_worker

        holder = get_worker()
    except (ImportError, ValueError):  # not on a worker (synchronous scheduler)
        holder = _worker_pipeline
    cache = getattr(holder, PIPELINE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(holder, PIPELINE_ATTR, cache)
    if key not in cache:
        from eventwire.pipeline import Pipeline

        cache[key] = Pipeline(**settings)
    return cache[key]


def code_partition(
    part_id: str, articles: list[Article], settings: dict, out_dir: str
) -> tuple[int, list[str]]:
    """Code one partition on a worker and write its Parquet files; returns the event count
    and the reports of articles that could not be coded.

    The rows are laid out by the store itself: the partition is written to an in-memory
    store and its tables copied out, so the dataset has exactly the store's columns.
    """
    from eventwire.store import open_store

    pipeline = _worker_pipeline(settings)
    out = Path(out_dir)
    failures: list[IngestError] = []
    results = list(pipeline.code_articles(articles, on_error=failures.append))
    events = sum(len(e) for _, e in results)
    with open_store(":memory:") as store:
        store.add_batch(results)
        for table in ("articles", "mentions"):
            folder = out / table
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".part-{part_id}.parquet.tmp"
            store.con.execute(f"COPY {table} TO '{_sql_path(tmp)}' (FORMAT parquet)")
            os.replace(tmp, folder / f"part-{part_id}.parquet")
    manifest = out / "manifest"
    manifest.mkdir(parents=True, exist_ok=True)
    tmp = manifest / f".part-{part_id}.json.tmp"
    record = {"doc_ids": [a.doc_id for a in articles], "errors": [str(e) for e in failures]}
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, manifest / f"part-{part_id}.json")
    return events, [str(e) for e in failures]


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def import_parquet(store, out_dir: str | Path) -> dict[str, int]:
    """Load a dataset written by ``run_dask`` into ``store``; articles already stored
    are left alone, so importing twice adds nothing.  Returns counts of new rows."""
    out = Path(out_dir)
    con = store.con
    added = {}
    finished = sorted(p.stem for p in (out / "manifest").glob("part-*.json"))
    files = {
        t: [
            out / t / f"{stem}.parquet"
            for stem in finished
            if (out / t / f"{stem}.parquet").exists()
        ]
        for t in ("articles", "mentions")
    }
    con.execute("BEGIN TRANSACTION")
    try:
        new_docs = "(SELECT doc_id FROM _import_articles)"
        for table in ("articles", "mentions"):
            if not files[table]:
                added[table] = 0
                continue
            listing = ", ".join(f"'{_sql_path(f)}'" for f in files[table])
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE _import_{table} AS "
                f"SELECT * FROM read_parquet([{listing}], union_by_name = true)"
            )
        if not files["articles"]:
            con.execute("ROLLBACK")
            return {"articles": 0, "mentions": 0}
        con.execute("DELETE FROM _import_articles WHERE doc_id IN (SELECT doc_id FROM articles)")
        for table in ("articles", "mentions"):
            if not files[table]:
                continue
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            base = con.execute(f"SELECT coalesce(max(seq), 0) FROM {table}").fetchone()[0]
            fresh = {
                "seq": f"{base} + row_number() OVER (ORDER BY seq)",
                "run_id": "NULL",
                "cluster_id": "NULL",
            }
            select = ", ".join(fresh.get(c, c) for c in cols)
            count_before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            con.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select} "
                f"FROM _import_{table} WHERE doc_id IN {new_docs}"
            )
            added[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - count_before
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return added


def _part_id(articles: list[Article]) -> str:
    digest = hashlib.sha1("\n".join(a.doc_id for a in articles).encode("utf-8"))
    return digest.hexdigest()[:16]


def run_dask(
    paths: Iterable[str | Path],
    *,
    out_dir: str | Path,
    scheduler: str | None = None,
    client=None,
    partition_size: int = 200,
    max_in_flight: int | None = None,
    on_error=None,
    **settings,
) -> DaskRunSummary:
    """Code ``paths`` on a Dask cluster (``scheduler`` address, a given ``client``, or a
    local cluster) into a Parquet dataset under ``out_dir``."""
    from distributed import Client, as_completed

    from eventwire.ingest import read_articles

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    done = done_doc_ids(out)
    summary = DaskRunSummary()
    own_client = client is None
    if own_client:
        client = Client(scheduler) if scheduler else Client(processes=True)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = max_in_flight or 2 * workers
        pending = as_completed()
        in_flight = 0

        def submit(batch: list[Article]) -> None:
            nonlocal in_flight
            part = _part_id(batch)
            pending.add(
                client.submit(code_partition, part, batch, settings, str(out), key=f"ew-{part}")
            )
            summary.partitions += 1
            summary.articles += len(batch)
            in_flight += 1

        def drain(until: int) -> None:
            nonlocal in_flight
            while in_flight > until:
                future = next(pending)
                events, failures = future.result()
                summary.events += events
                summary.failed += len(failures)
                for message in failures:
                    if on_error:
                        on_error(message)
                in_flight -= 1

        batch: list[Article] = []
        for item in read_articles(paths, max_bytes=settings.pop("max_bytes", None)):
            if isinstance(item, IngestError):
                summary.skipped += 1
                if on_error:
                    on_error(item)
                continue
            if item.doc_id in done:
                summary.already_done += 1
                continue
            done.add(item.doc_id)
            batch.append(item)
            if len(batch) >= partition_size:
                submit(batch)
                batch = []
                drain(limit)
        if batch:
            submit(batch)
        drain(0)
    finally:
        if own_client:
            client.close()
    return summary
