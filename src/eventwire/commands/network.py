"""``eventwire network``: actor-to-actor edges with counts and mean Goldstein."""

from __future__ import annotations

import sys

from eventwire.commands._events import (
    add_db,
    add_filters,
    add_unit,
    filters,
    open_events,
    print_table,
)

HELP = "The actor network: directed actor-to-actor edges, event counts, mean Goldstein."


def configure(parser) -> None:
    parser.add_argument("--format", choices=("table", "csv", "graphml"), default="table")
    parser.add_argument(
        "--min-events", type=int, default=1, metavar="N", help="leave out weaker edges"
    )
    parser.add_argument("-o", "--out", metavar="FILE", help="write to FILE (default: stdout)")
    add_unit(parser)
    add_filters(parser)
    add_db(parser)
    parser.add_argument("--plot", metavar="FILE", help="also draw the network (.png or .html)")


def run(args) -> int:
    from eventwire.analytics import network_edges, write_edges_csv, write_graphml
    from eventwire.analytics.network import EDGE_COLUMNS

    store = open_events(args, "network")
    if store is None:
        return 2
    with store:
        edges = network_edges(
            store, unit=args.unit, filters=filters(args), min_events=args.min_events
        )
    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    try:
        if args.format == "graphml":
            write_graphml(edges, out)
        elif args.format == "csv":
            write_edges_csv(edges, out)
        else:
            print_table(edges, EDGE_COLUMNS, out)
    finally:
        if args.out:
            out.close()
    if args.plot:
        from eventwire.analytics.plot import plot_network

        plot_network(edges, args.plot, title=f"actor network ({args.unit})")
    return 0
