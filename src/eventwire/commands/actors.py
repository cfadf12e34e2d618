"""``eventwire actors ...``: inspect the actor knowledge base and import dictionaries."""

from __future__ import annotations

import datetime as dt
import sys

HELP = "Look up actors in the knowledge base; import PETRARCH actor dictionaries."


def configure(parser) -> None:
    sub = parser.add_subparsers(dest="actors_command", metavar="ACTION")
    p = sub.add_parser("lookup", help="show what a name means on a date")
    p.add_argument("name", help='a name as written in text, e.g. "the Kremlin" or "Xi Jinping"')
    p.add_argument("--date", default=None, help="ISO date (default: today)")
    p.add_argument("--actors", action="append", default=[], metavar="FILE", help="user dictionary")
    p.set_defaults(_actors_run=_lookup)
    p = sub.add_parser("import-petrarch", help="convert a PETRARCH/TABARI actor dictionary")
    p.add_argument("file", help="PETRARCH actors file")
    p.add_argument("-o", "--output", default="-", help="output YAML (default: stdout)")
    p.set_defaults(_actors_run=_import)


def run(args) -> int:
    if not getattr(args, "_actors_run", None):
        print("usage: eventwire actors {lookup,import-petrarch} ...", file=sys.stderr)
        return 2
    return int(args._actors_run(args) or 0)


def _lookup(args) -> int:
    from eventwire.actors.kb import ActorDataError, ActorKB

    try:
        day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        print(f"error: --date {args.date!r} is not an ISO date", file=sys.stderr)
        return 2
    try:
        kb = ActorKB.load(user_files=args.actors)
    except ActorDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    entries = kb.lookup(args.name)
    if not entries:
        print(f"{args.name}: not in the actor knowledge base")
        return 1
    for line in describe(kb, entries, day):
        print(line)
    return 0


def describe(kb, entries, day: dt.date) -> list[str]:
    out = []
    for e in entries:
        if e.kind == "person":
            role = e.ref.role_on(day)
            if role:
                what = f"{role.full_code} ({role.office}, {role.kind})"
            else:
                last = e.ref.last_role_before(day)
                what = (
                    f"{last.country or ''}ELI (former {last.office})"
                    if last
                    else "no role on this date"
                )
            out.append(f"person  {e.name}: {what} wikidata={e.wikidata}")
        elif e.kind == "actor":
            w = e.windows_on(day)
            out.append(f"actor   {e.name}: {w.code if w else 'no code on this date'}")
        elif e.kind == "sector":
            flags = [f for f in ("person", "generic", "strong") if getattr(e, f)]
            out.append(f"role    {e.term}: {e.code} {' '.join(flags)}".rstrip())
        elif e.kind == "seat":
            out.append(f"seat    {e.code}{e.sector} ({e.name})")
        elif e.kind == "capital":
            out.append(f"capital {e.code} ({e.name}); as subject: {e.code}GOV")
        elif e.kind in ("country", "region", "org"):
            out.append(f"{e.kind:<7} {e.code} ({e.name}) wikidata={e.wikidata}")
        else:
            out.append(f"{e.kind:<7} {e.name}")
    return out


def _import(args) -> int:
    from eventwire.actors.petrarch import PetrarchFormatError, dump, import_file

    try:
        data, warnings = import_file(args.file)
    except (OSError, PetrarchFormatError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    text = dump(data)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"{len(data['actors'])} rows, {len(warnings)} warnings", file=sys.stderr)
    return 0
