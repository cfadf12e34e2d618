"""The ``eventwire`` command: a thin layer over the Python API.

Each sub-command lives in ``eventwire.commands.<module>`` and defines ``HELP``,
``configure(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from eventwire import __version__

COMMANDS = {
    "code": "eventwire.commands.code",
    "timex": "eventwire.commands.timex",
    "eval": "eventwire.commands.evaluate",
    "bench": "eventwire.commands.bench",
    "actors": "eventwire.commands.actors",
    "store": "eventwire.commands.store",
    "cluster": "eventwire.commands.cluster",
    "export": "eventwire.commands.export",
    "dyads": "eventwire.commands.dyads",
    "timeline": "eventwire.commands.timeline",
    "network": "eventwire.commands.network",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Code dated news articles into CAMEO/PLOVER political events.",
    )
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, modname in COMMANDS.items():
        mod = importlib.import_module(modname)
        p = sub.add_parser(name, help=mod.HELP, description=mod.HELP)
        mod.configure(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except BrokenPipeError:  # `eventwire code ... | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
