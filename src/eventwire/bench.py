"""Throughput of the whole pipeline, measured against bare spaCy on the same texts.

``run_bench`` codes a corpus with the local engine, writes the events to a scratch
DuckDB store, and in the same run passes the same texts through bare ``nlp.pipe`` with
the same model and components, in as many processes; the ratio of the two throughputs
is eventwire's overhead over its parser.  The two alternate in blocks of articles, so a
busy machine slows both alike.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.records import Article, IngestError


def demo_corpus() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "demo"))


@dataclass
class BenchResult:
    corpus: str
    articles: int
    workers: int
    sentences: int = 0
    tokens: int = 0
    events: int = 0
    seconds: float = 0.0
    articles_per_s: float = 0.0
    sentences_per_s: float = 0.0
    tokens_per_s: float = 0.0
    events_per_s: float = 0.0
    spacy_seconds: float = 0.0
    spacy_articles_per_s: float = 0.0
    ratio_vs_spacy: float = 0.0
    peak_rss_mb: float = 0.0
    peak_rss_mb_per_worker: list[float] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)
    skipped: int = 0
    sentence_filter: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


class _Reader:
    """The corpus's articles, ``block`` at a time, read as they are needed (a corpus of any
    size is benchmarked in the memory of one block); counts skipped input and the time
    spent reading."""

    def __init__(self, corpus: str | Path, limit: int | None, block: int) -> None:
        from eventwire.ingest import read_articles

        self.items = iter(read_articles([corpus]))
        self.limit = limit
        self.block = max(1, block)
        self.articles = self.skipped = 0
        self.seconds = 0.0

    def __iter__(self):
        while self.limit is None or self.articles < self.limit:
            start = time.perf_counter()
            part: list[Article] = []
            for item in self.items:
                if isinstance(item, IngestError):
                    self.skipped += 1
                    continue
                part.append(item)
                self.articles += 1
                if len(part) >= self.block or self.articles == self.limit:
                    break
            self.seconds += time.perf_counter() - start
            if not part:
                return
            yield part


# The bare model of a reference worker process, set by the pool initializer there.
_REFERENCE: dict[str, object] = {}


def _init_reference() -> None:
    from eventwire.nlp.parse import load_model

    _REFERENCE["nlp"] = load_model()


def _pipe(nlp, texts: list[str], batch_size: int) -> tuple[int, int]:
    sentences = tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
        sentences += sum(1 for _ in doc.sents)
    return sentences, tokens


def _pipe_in_worker(task: tuple[list[str], int]) -> tuple[int, int]:
    texts, batch_size = task
    return _pipe(_REFERENCE["nlp"], texts, batch_size)


class BareSpacy:
    """The reference: bare ``nlp.pipe`` with the same model and components, in as many
    processes as the engine, each loading the model once, fed the same chunks of texts.
    It always runs in processes of its own, even beside a one-worker engine coding in this
    process, so that the engine's peak memory is its own."""

    def __init__(self, *, workers: int, batch_size: int, chunk_size: int) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self.chunk_size = chunk_size
        self._pool = None

    def start(self) -> None:
        import multiprocessing as mp

        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self._pool = mp.get_context(method).Pool(self.workers, initializer=_init_reference)
        # wait until every worker has its model, as the engine does before its clock starts
        self._pool.map(_pipe_in_worker, [([""], 1)] * self.workers, chunksize=1)

    def run(self, texts: list[str]) -> tuple[int, int]:
        """Sentences and tokens of ``texts``."""
        # one worker gets the texts as the one-process engine does: a batch at a time
        step = self.chunk_size if self.workers > 1 else self.batch_size
        tasks = [(texts[i : i + step], self.batch_size) for i in range(0, len(texts), step)]
        sentences = tokens = 0
        for s, t in self._pool.imap(_pipe_in_worker, tasks, chunksize=1):
            sentences += s
            tokens += t
        return sentences, tokens

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None


def run_bench(
    corpus: str | Path | None = None,
    *,
    workers: int = 1,
    limit: int | None = None,
    batch_size: int = 32,
    reference: bool = True,
    sentence_filter: str | None = None,
    block: int = 100,
) -> BenchResult:
    """Code ``corpus`` and, with ``reference``, pass the same texts through bare spaCy.

    The two alternate block by block (``block`` articles at a time), so that whatever
    else the machine does slows both alike and the ratio stays a fair measure.
    """
    from eventwire.engines.local import LocalEngine
    from eventwire.store import open_store

    corpus = corpus or demo_corpus()
    reader = _Reader(corpus, limit, block)

    engine = LocalEngine(workers=workers, batch_size=batch_size, sentence_filter=sentence_filter)
    bare = BareSpacy(workers=engine.workers, batch_size=batch_size, chunk_size=engine.chunk_size)
    engine.start()  # load the model(s) before the clock starts
    if reference:
        bare.start()
    events = sentences = tokens = 0
    seconds = spacy_seconds = store_seconds = 0.0
    try:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.duckdb") as store:
            batch: list = []

            def store_batch() -> None:
                nonlocal store_seconds
                s = time.perf_counter()
                store.add_batch(batch)
                store_seconds += time.perf_counter() - s
                batch.clear()

            for part in reader:
                start = time.perf_counter()
                for article, article_events in engine.code_articles(part):
                    events += len(article_events)
                    batch.append((article, article_events))
                    if len(batch) >= 64:
                        store_batch()
                if batch:
                    store_batch()
                seconds += time.perf_counter() - start
                if reference:
                    start = time.perf_counter()
                    s, t = bare.run([a.coded_text for a in part])
                    spacy_seconds += time.perf_counter() - start
                    sentences += s
                    tokens += t
    finally:
        engine.close()
        bare.close()

    stages = {"ingest": round(reader.seconds, 3)}
    stages.update({k: round(v, 3) for k, v in engine.stats.timings.items() if k != "ingest"})
    stages["store"] = round(store_seconds, 3)
    n = reader.articles
    result = BenchResult(
        corpus=str(corpus),
        articles=n,
        workers=engine.workers,
        events=events,
        seconds=round(seconds, 3),
        articles_per_s=round(n / seconds, 2) if seconds else 0.0,
        events_per_s=round(events / seconds, 2) if seconds else 0.0,
        peak_rss_mb_per_worker=[round(x, 1) for x in engine.stats.peak_rss_mb],
        peak_rss_mb=round(max(engine.stats.peak_rss_mb or [0.0]), 1),
        sentence_filter=sentence_filter,
        stages=stages,
        skipped=reader.skipped,
    )
    if reference:
        result.spacy_seconds = round(spacy_seconds, 3)
        result.sentences = sentences
        result.tokens = tokens
        result.sentences_per_s = round(sentences / seconds, 2) if seconds else 0.0
        result.tokens_per_s = round(tokens / seconds, 1) if seconds else 0.0
        result.spacy_articles_per_s = round(n / spacy_seconds, 2) if spacy_seconds else 0.0
        if result.spacy_articles_per_s:
            result.ratio_vs_spacy = round(result.articles_per_s / result.spacy_articles_per_s, 3)
    return result


def format_result(r: BenchResult) -> str:
    rows = [
        ("corpus", r.corpus),
        ("articles", f"{r.articles} ({r.skipped} skipped)"),
        ("workers", r.workers),
        ("sentence filter", r.sentence_filter or "none"),
        ("sentences / tokens / events", f"{r.sentences} / {r.tokens} / {r.events}"),
        ("wall time", f"{r.seconds:.2f} s"),
        ("articles/s", f"{r.articles_per_s:.1f}"),
        ("sentences/s", f"{r.sentences_per_s:.1f}"),
        ("tokens/s", f"{r.tokens_per_s:.0f}"),
        ("events/s", f"{r.events_per_s:.1f}"),
        ("bare spaCy articles/s", f"{r.spacy_articles_per_s:.1f} ({r.spacy_seconds:.2f} s)"),
        ("ratio vs bare spaCy", f"{r.ratio_vs_spacy:.3f}"),
        ("peak RSS per worker", ", ".join(f"{x:.0f} MB" for x in r.peak_rss_mb_per_worker)),
    ]
    rows += [(f"  stage {k}", f"{v:.2f} s") for k, v in r.stages.items()]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)
