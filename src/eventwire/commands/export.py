"""``eventwire export``: write the store as PLOVER, GDELT, ICEWS, Parquet, CSV or JSONL."""

from __future__ import annotations

import sys

from eventwire.commands._events import add_db, add_unit, open_events

HELP = "Export stored events (or mentions) as PLOVER JSONL, GDELT 2.0 TSV, ICEWS CSV, Parquet, CSV or JSONL."


def configure(parser) -> None:
    from eventwire.store.exports import EXPORT_FORMATS

    parser.add_argument("--format", choices=EXPORT_FORMATS, required=True, help="output format")
    add_unit(parser)
    add_db(parser)
    parser.add_argument(
        "-o",
        "--out",
        metavar="FILE",
        default=None,
        help="output file (default: stdout; required for parquet)",
    )


def run(args) -> int:
    from eventwire.store.exports import export

    if args.format == "parquet" and not args.out:
        print("eventwire export: parquet needs -o FILE", file=sys.stderr)
        return 2
    store = open_events(args, "export")
    if store is None:
        return 2
    with store:
        n = export(store, args.format, args.out or sys.stdout, unit=args.unit)
    print(f"exported {n} {args.unit} as {args.format}", file=sys.stderr)
    return 0
