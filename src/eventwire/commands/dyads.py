"""``eventwire dyads SOURCE TARGET``: a dyad's events per day, week or month."""

from __future__ import annotations

from eventwire.commands._events import (
    add_db,
    add_filters,
    add_unit,
    filters,
    open_events,
    print_table,
)

HELP = "Events from SOURCE to TARGET per period (by event date): counts by quad class, Goldstein."

COLUMNS = ("period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean")


def configure(parser) -> None:
    parser.add_argument(
        "source", metavar="SOURCE", help="source actor code (a prefix: USA matches USAGOV)"
    )
    parser.add_argument("target", metavar="TARGET", help="target actor code (a prefix)")
    parser.add_argument("--by", choices=("day", "week", "month", "year"), default="month")
    add_unit(parser)
    add_filters(parser)
    add_db(parser)
    parser.add_argument("--plot", metavar="FILE", help="also draw the series (.png or .html)")


def run(args) -> int:
    from eventwire.analytics import dyad_series

    store = open_events(args, "dyads")
    if store is None:
        return 2
    with store:
        rows = dyad_series(
            store, args.source, args.target, by=args.by, unit=args.unit, filters=filters(args)
        )
    print_table(rows, COLUMNS)
    if args.plot:
        from eventwire.analytics.plot import plot_dyads

        plot_dyads(
            rows, args.plot, title=f"{args.source} -> {args.target} ({args.unit} by {args.by})"
        )
    return 0
