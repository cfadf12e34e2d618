"""What the store commands (export, dyads, timeline, network, cluster) share."""

from __future__ import annotations

import datetime as dt
import sys

DEFAULT_DB = "eventwire.duckdb"


def add_db(parser) -> None:
    parser.add_argument(
        "--db", default=DEFAULT_DB, metavar="FILE", help=f"DuckDB store (default: {DEFAULT_DB})"
    )


def add_unit(parser) -> None:
    parser.add_argument(
        "--unit",
        choices=("events", "mentions"),
        default="events",
        help="count deduplicated events (default) or single reports (mentions)",
    )


def add_filters(parser) -> None:
    parser.add_argument(
        "--from", dest="date_from", type=_date, metavar="DATE", help="first event date"
    )
    parser.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="last event date")
    parser.add_argument(
        "--no-historical", action="store_true", help="leave out events reported as past background"
    )
    parser.add_argument("--no-planned", action="store_true", help="leave out planned events")
    parser.add_argument("--no-possible", action="store_true", help="leave out possible events")


def filters(args):
    from eventwire.analytics import Filters

    return Filters(
        date_from=args.date_from,
        date_to=args.date_to,
        historical=not args.no_historical,
        planned=not args.no_planned,
        possible=not args.no_possible,
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise __import__("argparse").ArgumentTypeError(
            f"not a date (YYYY-MM-DD): {text!r}"
        ) from exc


def open_events(args, command: str):
    """Open the store of ``args.db`` with every mention clustered; None (and a message) if not."""
    from pathlib import Path

    from eventwire.store import StoreError, open_store

    if args.db != ":memory:" and not Path(args.db).exists():
        print(f"eventwire {command}: {args.db}: no such store", file=sys.stderr)
        return None
    try:
        store = open_store(args.db)
    except StoreError as exc:
        print(f"eventwire {command}: {exc}", file=sys.stderr)
        return None
    if store.unclustered():
        store.cluster()
    return store


def print_table(rows, columns, out=None) -> None:
    """Rows (dicts) as an aligned plain-text table."""
    out = sys.stdout if out is None else out
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[k]) for row in cells]) for k, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("\n", " ")
