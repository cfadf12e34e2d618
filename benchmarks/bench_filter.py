"""Does the sentence filter lose events, and how much faster does it make a run?

Usage: python benchmarks/bench_filter.py [FILE.jsonl.gz ...] [--limit N] [--mode MODE]
       [--margin N]

Codes the same articles twice in one process, alternating 25 articles at a time -- every
sentence parsed, and only the sentences the filter keeps (``--mode context``, the default, or ``predicates``) -- and
compares the two event sets on every field of the record but ``sentence_index`` (the
filter numbers sentences it never saw differently): id, document, evidence span,
CAMEO code, actors, modality, date, place, confidence.  Prints the share of sentences
parsed, both wall times, the speed-up and every event that differs.  Defaults to
../shared/data/news/*.jsonl.gz.
"""

from __future__ import annotations

import argparse
import glob
import time
from dataclasses import asdict
from pathlib import Path

from eventwire.ingest import read_articles
from eventwire.nlp.filter import MODES
from eventwire.pipeline import Pipeline
from eventwire.records import IngestError

ROOT = Path(__file__).resolve().parents[1]


def key(e) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in asdict(e).items() if k != "sentence_index"))


def show(e: tuple) -> str:
    d = dict(e)
    return " ".join(d[k] for k in ("doc_id", "span", "cameo", "source", "target", "modality"))


def run(pipeline: Pipeline, articles) -> tuple[set, float]:
    start = time.perf_counter()
    events = {key(e) for _, evs in pipeline.code_articles(articles) for e in evs}
    return events, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--limit", type=int, default=500, help="articles per file (default 500)")
    ap.add_argument("--mode", default="context", choices=MODES)
    ap.add_argument(
        "--margin",
        type=int,
        default=None,
        help="neighbours parsed on each side of a kept sentence (default: the mode's own)",
    )
    args = ap.parse_args()
    files = args.files or sorted(glob.glob(str(ROOT.parent / "shared/data/news/*.jsonl.gz")))
    pipeline = Pipeline()
    sentence_filter = pipeline.build_sentence_filter(args.mode)
    if args.margin is not None:
        sentence_filter.margin = args.margin
    for path in files:
        articles = []
        for item in read_articles([path]):
            if not isinstance(item, IngestError):
                articles.append(item)
            if len(articles) >= args.limit:
                break
        full: set = set()
        kept: set = set()
        t_full = t_kept = 0.0
        pipeline.parser.filtered = [0, 0]
        # the two runs alternate, 25 articles at a time, so a busy machine slows both alike
        for i in range(0, len(articles), 25):
            part = articles[i : i + 25]
            pipeline.parser.sentence_filter = None
            events, seconds = run(pipeline, part)
            full |= events
            t_full += seconds
            pipeline.parser.sentence_filter = sentence_filter
            events, seconds = run(pipeline, part)
            kept |= events
            t_kept += seconds
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
        for e in sorted(lost)[:20]:
            print("  - lost", show(e))
        for e in sorted(gained)[:20]:
            print("  + gained", show(e))


if __name__ == "__main__":
    main()
