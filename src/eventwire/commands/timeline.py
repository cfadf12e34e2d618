"""``eventwire timeline``: events in event-date order, each with its evidence."""

from __future__ import annotations

from eventwire.commands._events import (
    add_db,
    add_filters,
    add_unit,
    filters,
    open_events,
    print_table,
)

HELP = "Events in event-date order, each with the sentence that evidences it."

COLUMNS = (
    "date_start",
    "date_end",
    "source_code",
    "cameo",
    "target_code",
    "modality",
    "mentions",
    "sources",
    "sentence",
)


def configure(parser) -> None:
    parser.add_argument("--actor", metavar="CODE", help="only events with this actor (code prefix)")
    parser.add_argument("--limit", type=int, default=None, metavar="N")
    add_unit(parser)
    add_filters(parser)
    add_db(parser)
    parser.add_argument("--plot", metavar="FILE", help="also draw the timeline (.png or .html)")


def run(args) -> int:
    from eventwire.analytics import timeline

    store = open_events(args, "timeline")
    if store is None:
        return 2
    with store:
        rows = timeline(
            store, actor=args.actor, unit=args.unit, filters=filters(args), limit=args.limit
        )
    print_table(rows, COLUMNS)
    if args.plot:
        from eventwire.analytics.plot import plot_timeline

        plot_timeline(rows, args.plot, title=f"timeline {args.actor or ''}".strip())
    return 0
