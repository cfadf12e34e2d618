"""Speed of the TIMEX3 tagger alone (no parse) on news JSONL.

Usage: python benchmarks/bench_temporal.py [FILE.jsonl.gz ...] [--limit N]

Defaults to ../shared/data/news/*.jsonl.gz.  Tokens are whitespace-separated words.
Prints documents, tokens, expressions, seconds and tokens per second (one core).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import gzip
import json
import time
from pathlib import Path

from eventwire.temporal.tagger import TimeTagger

ROOT = Path(__file__).resolve().parents[1]


def load(paths: list[str], limit: int) -> list[tuple[str, dt.date]]:
    docs = []
    for p in paths:
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                try:
                    date = dt.date.fromisoformat(str(rec.get("date", ""))[:10])
                except ValueError:
                    continue
                docs.append((rec.get("text") or "", date))
                if len(docs) >= limit:
                    return docs
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--limit", type=int, default=5000, help="documents to read (default 5000)")
    args = ap.parse_args()
    files = args.files or sorted(glob.glob(str(ROOT.parent / "shared/data/news/*.jsonl.gz")))
    docs = load(files, args.limit)
    tokens = sum(len(text.split()) for text, _ in docs)
    tagger = TimeTagger()
    t0 = time.perf_counter()
    found = sum(len(tagger.tag(text, date)) for text, date in docs)
    secs = time.perf_counter() - t0
    print(
        f"docs={len(docs)} tokens={tokens} timexes={found} seconds={secs:.2f} "
        f"tokens_per_second={tokens / secs:,.0f}"
    )


if __name__ == "__main__":
    main()
