"""``eventwire cluster``: deduplicate stored mentions into events."""

from __future__ import annotations

import sys

from eventwire.commands._events import add_db

HELP = "Deduplicate stored mentions into events (new mentions only; --full redoes all)."


def configure(parser) -> None:
    add_db(parser)
    parser.add_argument("--full", action="store_true", help="re-cluster every mention")


def run(args) -> int:
    from pathlib import Path

    from eventwire.store import StoreError, open_store

    if not Path(args.db).exists():
        print(f"eventwire cluster: {args.db}: no such store", file=sys.stderr)
        return 2
    try:
        store = open_store(args.db)
    except StoreError as exc:
        print(f"eventwire cluster: {exc}", file=sys.stderr)
        return 2
    with store:
        stats = store.cluster(full=args.full)
        total = store.con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    print(
        f"clustered {stats.mentions} mentions into {stats.clusters} events "
        f"({stats.blocks} blocks, {stats.seconds:.2f} s); {total} events in {args.db}",
        file=sys.stderr,
    )
    return 0
