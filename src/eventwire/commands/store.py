"""``eventwire store ...``: maintenance of an event store."""

from __future__ import annotations

import sys

HELP = "Store maintenance: import a Parquet dataset written by `eventwire code --engine dask`."


def configure(parser) -> None:
    sub = parser.add_subparsers(dest="store_command", metavar="ACTION")
    p = sub.add_parser(
        "import-parquet",
        help="load a dataset written by the Dask engine into DuckDB (already stored articles are skipped)",
    )
    p.add_argument("dataset", help="the folder given to `eventwire code --engine dask --out`")
    p.add_argument("--db", default="eventwire.duckdb", help="DuckDB file (default: %(default)s)")
    p.set_defaults(_store_run=_import_parquet)


def run(args) -> int:
    if not getattr(args, "_store_run", None):
        print("usage: eventwire store import-parquet DATASET [--db FILE]", file=sys.stderr)
        return 2
    return int(args._store_run(args) or 0)


def _import_parquet(args) -> int:
    from pathlib import Path

    from eventwire.engines.dask import import_parquet
    from eventwire.store import open_store

    if not (Path(args.dataset) / "manifest").is_dir():
        print(
            f"{args.dataset}: not a dataset written by the Dask engine (no manifest/)",
            file=sys.stderr,
        )
        return 2
    with open_store(args.db) as store:
        added = import_parquet(store, args.dataset)
        store.after_import()  # cluster the imported mentions
    print(
        f"imported {added.get('articles', 0)} articles, {added.get('mentions', 0)} mentions into {args.db}",
        file=sys.stderr,
    )
    return 0
