"""Throughput of the whole pipeline, measured against bare spaCy on the same texts.

``run_bench`` codes a corpus with the local engine, writes the events to a scratch
DuckDB store, and in the same run passes the same texts through bare ``nlp.pipe`` with
the same model and components; the ratio of the two throughputs is eventwire's
overhead over its parser.
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

    def to_dict(self) -> dict:
        return asdict(self)


def load_articles(corpus: str | Path, limit: int | None) -> tuple[list[Article], int]:
    from eventwire.ingest import read_articles

    articles: list[Article] = []
    skipped = 0
    for item in read_articles([corpus]):
        if isinstance(item, IngestError):
            skipped += 1
            continue
        articles.append(item)
        if limit is not None and len(articles) >= limit:
            break
    return articles, skipped


def bare_spacy(articles: list[Article], *, workers: int, batch_size: int) -> tuple[float, int, int]:
    """Seconds for bare ``nlp.pipe`` over the same texts; also sentences and tokens."""
    from eventwire.nlp.parse import load_model

    nlp = load_model()
    texts = [a.coded_text for a in articles]
    sentences = tokens = 0
    start = time.perf_counter()
    kwargs = {"n_process": workers} if workers > 1 else {}
    for doc in nlp.pipe(texts, batch_size=batch_size, **kwargs):
        tokens += len(doc)
        sentences += sum(1 for _ in doc.sents)
    return time.perf_counter() - start, sentences, tokens


def run_bench(
    corpus: str | Path | None = None,
    *,
    workers: int = 1,
    limit: int | None = None,
    batch_size: int = 32,
    reference: bool = True,
) -> BenchResult:
    from eventwire.engines.local import LocalEngine
    from eventwire.store import open_store

    corpus = corpus or demo_corpus()
    t0 = time.perf_counter()
    articles, skipped = load_articles(corpus, limit)
    ingest_seconds = time.perf_counter() - t0

    engine = LocalEngine(workers=workers, batch_size=batch_size)
    engine.start()  # load the model(s) before the clock starts
    events = 0
    store_seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.duckdb") as store:
        batch: list = []

        def store_batch() -> None:
            nonlocal store_seconds
            s = time.perf_counter()
            store.add_batch(batch)
            store_seconds += time.perf_counter() - s
            batch.clear()

        start = time.perf_counter()
        for article, article_events in engine.code_articles(articles):
            events += len(article_events)
            batch.append((article, article_events))
            if len(batch) >= 64:
                store_batch()
        if batch:
            store_batch()
        seconds = time.perf_counter() - start
    engine.close()

    stages = {"ingest": round(ingest_seconds, 3)}
    stages.update({k: round(v, 3) for k, v in engine.stats.timings.items() if k != "ingest"})
    stages["store"] = round(store_seconds, 3)
    n = len(articles)
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
        stages=stages,
        skipped=skipped,
    )
    if reference:
        spacy_seconds, sentences, tokens = bare_spacy(
            articles, workers=engine.workers, batch_size=batch_size
        )
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
