"""``eventwire bench``: throughput against bare spaCy on the same texts."""

from __future__ import annotations

import json
import sys

from eventwire.nlp.filter import MODES

HELP = "Measure coding throughput (articles/s, tokens/s, stages, RSS) against bare spaCy."


def configure(parser) -> None:
    parser.add_argument("corpus", nargs="?", help="file or folder (default: the demo articles)")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--limit", type=int, default=None, help="code at most N articles")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--sentence-filter",
        choices=MODES,
        default=None,
        help="code with a sentence filter (see eventwire code --help)",
    )
    parser.add_argument(
        "--block",
        type=int,
        default=100,
        metavar="N",
        help="articles coded before the reference takes its turn (default: %(default)s)",
    )
    parser.add_argument("--no-reference", action="store_true", help="skip the bare spaCy run")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args) -> int:
    from eventwire.bench import format_result, run_bench
    from eventwire.engines.local import default_workers

    result = run_bench(
        args.corpus,
        workers=args.workers or default_workers(),
        limit=args.limit,
        batch_size=args.batch_size,
        reference=not args.no_reference,
        sentence_filter=args.sentence_filter,
        block=args.block,
    )
    if args.json:
        json.dump(result.to_dict(), sys.stdout)
        sys.stdout.write("\n")
    else:
        print(format_result(result))
    return 0
