"""``eventwire code PATH...``: code articles, print the events, store them in DuckDB."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from eventwire.nlp.filter import MODES
from eventwire.output import FORMATS, make_writer
from eventwire.records import IngestError

HELP = "Code dated articles into events; print them and store them in DuckDB."

DEFAULT_DB = "eventwire.duckdb"
BATCH_ARTICLES = 64  # articles per store transaction
KNOWN_IDS_IN_MEMORY = 5_000_000  # up to this many stored articles, resume from a set of ids


@dataclass
class Summary:
    articles: int = 0  # articles coded in this run
    events: int = 0  # events coded from them
    skipped: int = 0  # inputs that could not be read (IngestError)
    stored: int = 0  # new articles written to the store
    resumed: int = 0  # articles already in the store, not coded again
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        parts = [_count(self.articles, "article"), _count(self.events, "event")]
        if self.resumed:
            parts.append(f"{self.resumed} already stored")
        parts.append(f"{self.skipped} skipped")
        parts.append(f"{self.seconds:.1f} s ({rate:.1f} articles/s)")
        return "coded " + ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class _Progress:
    """A single self-overwriting status line on a terminal."""

    def __init__(self, err: TextIO, enabled: bool, every: float = 0.5) -> None:
        self.err, self.enabled, self.every = err, enabled, every
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, summary: Summary) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < self.every:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        self.err.write(
            f"\r{summary.articles} articles, {summary.events} events, "
            f"{summary.skipped} skipped, {summary.articles / elapsed:.1f} articles/s\x1b[K"
        )
        self.err.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.err.write("\r\x1b[K")
            self.err.flush()
            self.shown = False


def run_code(
    pipeline,
    paths: Sequence[str | Path],
    *,
    store=None,
    out: TextIO,
    fmt: str = "jsonl",
    err: TextIO,
    batch_size: int = BATCH_ARTICLES,
    progress: bool = False,
    width: int | None = None,
) -> Summary:
    """Code ``paths`` with ``pipeline``; print events to ``out`` and store them in ``store``.

    Each unreadable input is reported on ``err`` as ``path:line: message`` and skipped;
    everything else is coded, printed and stored (``batch_size`` articles per store
    transaction).  Articles the store already holds are not coded again: their stored
    events are printed instead, so the output always covers the whole input.
    """
    summary = Summary()
    writer = make_writer(fmt, out, width=width)
    status = _Progress(err, progress)
    started = time.monotonic()
    run_id = None
    known: set[str] | None = None
    if store is not None:
        if store.counts()["articles"] <= KNOWN_IDS_IN_MEMORY:
            known = store.doc_ids()
        run_id = store.start_run(
            versions=getattr(pipeline, "versions", None), inputs=[str(p) for p in paths]
        )

    def already_stored(doc_id: str) -> bool:
        if not (doc_id in known if known is not None else store.has_article(doc_id)):
            return False
        summary.resumed += 1
        status.clear()
        writer.write(store.events(doc_id=doc_id))
        return True

    batch: list[tuple[Any, list[Any]]] = []

    def flush() -> None:
        if batch and store is not None:
            summary.stored += store.add_batch(batch, run_id=run_id)
        batch.clear()

    skip = already_stored if store is not None else None
    complete = False
    try:
        for item in pipeline.code_paths(paths, skip=skip):
            if isinstance(item, IngestError):
                summary.skipped += 1
                status.clear()
                err.write(f"{item}\n")
                err.flush()
                continue
            article, events = item
            summary.articles += 1
            summary.events += len(events)
            batch.append((article, events))
            if events:
                status.clear()
                writer.write(events)
            if len(batch) >= batch_size:
                flush()
            status.update(summary)
        flush()
        complete = True
    finally:
        status.clear()
        summary.seconds = time.monotonic() - started
        if store is not None and store.con is not None:
            if not complete:  # interrupted: keep what was coded, then let the error through
                try:
                    flush()
                except Exception:  # the store itself may be what failed
                    pass
            store.finish_run(
                run_id,
                articles=summary.articles,
                events=summary.events,
                skipped=summary.skipped,
                complete=complete,
            )
        writer.close()
    return summary


# --------------------------------------------------------------------------- command line


def configure(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - for stdin")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: table on a terminal, jsonl otherwise)",
    )
    parser.add_argument(
        "--db", default=DEFAULT_DB, metavar="FILE", help=f"DuckDB store (default: {DEFAULT_DB})"
    )
    parser.add_argument("--no-store", action="store_true", help="print only; store nothing")
    parser.add_argument(
        "--actors",
        action="append",
        default=[],
        metavar="FILE",
        help="a user actor dictionary (repeat for several)",
    )
    parser.add_argument(
        "--sentence-filter",
        choices=MODES,
        default=None,
        help="parse only sentences that may hold an event or name an actor (context: "
        "no sentence an event depends on is skipped), or only those that may hold an "
        "event (predicates: faster, may lose actors known from a skipped sentence)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=BATCH_ARTICLES,
        metavar="N",
        help=f"articles per store transaction (default: {BATCH_ARTICLES})",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress line and no summary")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes, one model each (0 = all cores; default: 1)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster writing a Parquet dataset (see --out)",
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster)"
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        default="eventwire-dataset",
        help="with --engine dask: the Parquet dataset folder (default: %(default)s)",
    )
    parser.add_argument(
        "--partition-size",
        type=int,
        default=200,
        metavar="N",
        help="with --engine dask: articles per partition (default: %(default)s)",
    )


def _isatty(fp) -> bool:
    try:
        return fp.isatty()
    except (AttributeError, ValueError):
        return False


def run(args, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    fmt = args.format or ("table" if _isatty(out) else "jsonl")

    if args.engine == "dask":
        return _run_dask(args, err)

    from eventwire.engines.local import LocalEngine, default_workers
    from eventwire.pipeline import Pipeline

    workers = args.workers if args.workers > 0 else default_workers()
    try:  # dictionaries and rules are read here: a bad user file stops before any output
        settings = {"actors": args.actors, "sentence_filter": args.sentence_filter}
        if workers == 1:
            pipeline = Pipeline(**settings)
        else:
            pipeline = LocalEngine(workers=workers, **settings)
            pipeline.start()
    except (ValueError, OSError, RuntimeError) as exc:
        err.write(f"eventwire code: {exc}\n")
        return 2
    store = None
    if not args.no_store:
        from eventwire.store import StoreError, open_store

        try:
            store = open_store(args.db)
        except StoreError as exc:
            err.write(f"eventwire code: {exc}\n")
            return 2
    try:
        summary = run_code(
            pipeline,
            args.paths,
            store=store,
            out=out,
            fmt=fmt,
            err=err,
            batch_size=max(1, args.batch_size),
            progress=not args.quiet and _isatty(err),
        )
        clustered = store.cluster() if store is not None and store.con is not None else None
    finally:
        if store is not None:
            store.close()
        if workers > 1:
            pipeline.close()
    if not args.quiet:
        where = "" if store is None else f"; store: {args.db}"
        if clustered is not None and clustered.mentions:
            where += f"; {clustered.mentions} mentions clustered into {clustered.clusters} events"
        err.write(summary.line() + where + "\n")
    if summary.skipped:
        err.write(f"{summary.skipped} input(s) skipped\n")
    return summary.exit_code


def _run_dask(args, err: TextIO) -> int:
    """Code on a Dask cluster into a Parquet dataset (``eventwire store import-parquet``
    loads it into DuckDB)."""
    try:
        from eventwire.engines.dask import run_dask
    except ImportError as exc:  # the optional [dask] extra is not installed
        err.write(f"eventwire code: --engine dask needs `pip install eventwire[dask]` ({exc})\n")
        return 2
    failed: list[str] = []

    def report(item) -> None:
        failed.append(str(item))
        err.write(f"{item}\n")

    started = time.monotonic()
    summary = run_dask(
        args.paths,
        out_dir=args.out,
        scheduler=args.scheduler,
        partition_size=max(1, args.partition_size),
        on_error=report,
        actors=list(args.actors),
        sentence_filter=args.sentence_filter,
    )
    if not args.quiet:
        err.write(
            f"coded {summary.articles} articles, {summary.events} events in "
            f"{summary.partitions} partitions ({summary.already_done} already done), "
            f"{time.monotonic() - started:.1f} s; dataset: {args.out} "
            f"(load it with: eventwire store import-parquet {args.out} --db FILE)\n"
        )
    if failed:
        err.write(f"{len(failed)} input(s) skipped\n")
        return 1
    return 0
