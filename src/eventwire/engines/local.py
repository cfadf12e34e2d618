"""Run the pipeline in N worker processes, one model per process, output in input order.

The parent reads the input and hands out chunks of articles; each worker builds one
``Pipeline`` (the spaCy model loads once per worker) and codes its chunks; results come
back in input order so a single writer (the store) sees a deterministic stream.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.records import Article, Event, IngestError

# Per-process pipeline of a worker; set once by the pool initializer in that process.
_WORKER: dict[str, object] = {}


@dataclass
class EngineStats:
    workers: int
    timings: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: list[float] = field(default_factory=list)


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _init_worker(settings: dict) -> None:
    from eventwire.pipeline import Pipeline

    _WORKER["pipeline"] = Pipeline(**settings)


def _code_chunk(chunk: list[Article]):
    pipeline = _WORKER["pipeline"]
    before = dict(pipeline.timings)
    errors: list[IngestError] = []
    results = list(pipeline.code_articles(chunk, on_error=errors.append))
    delta = {k: pipeline.timings[k] - before.get(k, 0.0) for k in pipeline.timings}
    return results, errors, delta, os.getpid(), peak_rss_mb()


def _versions(_: int) -> dict[str, str]:
    return dict(_WORKER["pipeline"].versions)


def _ping(_: int) -> int:
    import time

    time.sleep(0.05)
    return os.getpid()


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    buf: list[Article] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def default_workers() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


class LocalEngine:
    """Codes articles with ``workers`` processes (1 = in this process)."""

    def __init__(self, *, workers: int | None = None, chunk_size: int = 4, **settings) -> None:
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        self.settings = settings
        self.stats = EngineStats(workers=self.workers)
        self._pipeline = None
        self._pool = None

    def __enter__(self) -> LocalEngine:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Start the workers and wait until each has loaded its pipeline."""
        if self.workers == 1:
            self.pipeline()
            return
        if self._pool is None:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            ctx = mp.get_context(method)
            self._pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=(self.settings,))
            seen: set[int] = set()
            while len(seen) < self.workers:
                seen.update(self._pool.map(_ping, range(self.workers * 2), chunksize=1))

    @property
    def versions(self) -> dict[str, str]:
        """Versions of the rules and dictionaries the workers code with."""
        if self.workers == 1:
            return self.pipeline().versions
        self.start()
        return self._pool.apply(_versions, (0,))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def pipeline(self):
        """The in-process pipeline (workers == 1), built on first use."""
        if self._pipeline is None:
            from eventwire.pipeline import Pipeline

            self._pipeline = Pipeline(**self.settings)
        return self._pipeline

    def code_articles(
        self,
        articles: Iterable[Article],
        *,
        on_error: Callable[[IngestError], None] | None = None,
    ) -> Iterator[tuple[Article, list[Event]]]:
        if self.workers == 1:
            pipeline = self.pipeline()
            yield from pipeline.code_articles(articles, on_error=on_error)
            self.stats.timings = dict(pipeline.timings)
            self.stats.peak_rss_mb = [peak_rss_mb()]
            return
        own_pool = self._pool is None
        self.start()
        rss: dict[int, float] = {}
        timings: dict[str, float] = {}
        try:
            for results, errors, delta, pid, worker_rss in self._pool.imap(
                _code_chunk, _chunks(articles, self.chunk_size)
            ):
                for error in errors:
                    if on_error is None:
                        warnings.warn(str(error), stacklevel=2)
                    else:
                        on_error(error)
                rss[pid] = max(rss.get(pid, 0.0), worker_rss)
                for k, v in delta.items():
                    timings[k] = timings.get(k, 0.0) + v
                yield from results
        finally:
            if own_pool:
                self.close()
        self.stats.timings = timings
        self.stats.peak_rss_mb = sorted(rss.values(), reverse=True)

    def code_paths(
        self,
        paths: Iterable[str | Path],
        *,
        skip: Callable[[str], bool] | None = None,
        max_bytes: int | None = None,
    ) -> Iterator[tuple[Article, list[Event]] | IngestError]:
        """Read input, report bad pieces as ``IngestError`` and code the rest, in order."""
        from eventwire.pipeline import code_inputs

        own_pool = self.workers > 1 and self._pool is None
        self.start()  # one pool for every chunk of the input
        try:
            yield from code_inputs(self.code_articles, paths, skip=skip, max_bytes=max_bytes)
        finally:
            if own_pool:
                self.close()
