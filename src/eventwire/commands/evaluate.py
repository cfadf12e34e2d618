"""``eventwire eval KIND ...``: measure eventwire against gold data."""

from __future__ import annotations

import importlib

HELP = "Evaluate against gold data (timex, actors, plover, quad, timeline)."

KINDS = {
    "timex": "eventwire.evaluate.timex",
    "plover": "eventwire.evaluate.plover",
    "quad": "eventwire.evaluate.quad",
    "actors": "eventwire.evaluate.actors",
    "timeline": "eventwire.evaluate.timeline",
}


def configure(parser) -> None:
    sub = parser.add_subparsers(dest="eval_kind", metavar="KIND")
    for name, modname in KINDS.items():
        mod = importlib.import_module(modname)
        p = sub.add_parser(name, help=mod.HELP, description=mod.HELP)
        mod.configure(p)
        p.set_defaults(_eval_run=mod.run)


def run(args) -> int:
    if not getattr(args, "_eval_run", None):
        print("usage: eventwire eval {" + ",".join(KINDS) + "} ...")
        return 2
    return int(args._eval_run(args) or 0)
