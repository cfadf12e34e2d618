"""Does the sentence filter lose events, and how much faster does it make a run?

Usage: python benchmarks/bench_filter.py [FILE.jsonl.gz ...] [--limit N]

Codes the same articles twice in one process -- every sentence parsed, then only the
sentences the filter keeps -- and compares the two event sets on their content
(document, evidence span, CAMEO code, source, target, modality and date).  Prints the
share of sentences parsed, both wall times, the speed-up and every event that differs.
Defaults to ../shared/data/news/*.jsonl.gz.
"""

from __future__ import annotations

import argparse
import glob
import time
from pathlib import Path

from eventwire.ingest import read_articles
from eventwire.nlp.filter import SentenceFilter
from eventwire.pipeline import Pipeline
from eventwire.records import IngestError

ROOT = Path(__file__).resolve().parents[1]


def key(e) -> tuple:
    return (
        e.doc_id,
        e.span,
        e.cameo,
        e.source.code if e.source else None,
        e.target.code if e.target else None,
        e.modality,
        e.date.start,
        e.date.end,
    )


def run(pipeline: Pipeline, articles) -> tuple[set, float]:
    start = time.perf_counter()
    events = {key(e) for _, evs in pipeline.code_articles(articles) for e in evs}
    return events, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--limit", type=int, default=500, help="articles per file (default 500)")
    args = ap.parse_args()
    files = args.files or sorted(glob.glob(str(ROOT.parent / "shared/data/news/*.jsonl.gz")))
    pipeline = Pipeline()
    sentence_filter = SentenceFilter.from_lemmas(pipeline.lexicon.lemmas(), pipeline.parser.nlp)
    for path in files:
        articles = []
        for item in read_articles([path]):
            if not isinstance(item, IngestError):
                articles.append(item)
            if len(articles) >= args.limit:
                break
        pipeline.parser.sentence_filter = None
        full, t_full = run(pipeline, articles)
        pipeline.parser.sentence_filter = sentence_filter
        pipeline.parser.filtered = [0, 0]
        kept, t_kept = run(pipeline, articles)
        seen, parsed = pipeline.parser.filtered
        lost, gained = full - kept, kept - full
        print(f"{Path(path).name}: {len(articles)} articles")
        print(f"  sentences parsed with the filter: {parsed}/{seen} ({parsed / max(seen, 1):.1%})")
        print(f"  events without / with filter: {len(full)} / {len(kept)}")
        print(f"  events lost: {len(lost)}, events only with the filter: {len(gained)}")
        print(
            f"  time without / with filter: {t_full:.1f} s / {t_kept:.1f} s "
            f"(speed-up {t_full / t_kept:.2f}x)"
        )
        for e in sorted(lost, key=str)[:20]:
            print("  - lost", e)
        for e in sorted(gained, key=str)[:20]:
            print("  + gained", e)


if __name__ == "__main__":
    main()
