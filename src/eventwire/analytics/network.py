"""The actor network: directed actor-to-actor edges with counts and mean Goldstein."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from eventwire.analytics.filters import Filters, connection, rows_as_dicts, table_for

__all__ = ["EDGE_COLUMNS", "network_edges", "write_edges_csv", "write_graphml"]

EDGE_COLUMNS = (
    "source",
    "target",
    "source_name",
    "target_name",
    "events",
    "q1",
    "q2",
    "q3",
    "q4",
    "goldstein_mean",
)


def network_edges(
    store, *, unit: str = "events", filters: Filters | None = None, min_events: int = 1
) -> list[dict[str, Any]]:
    """One row per directed (source code, target code) pair, most events first."""
    table, *_ = table_for(unit)
    where, params = (filters or Filters()).where()
    sql = f"""
        SELECT source_code AS source, target_code AS target,
               mode(source_name) AS source_name, mode(target_name) AS target_name,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS q1,
               count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3,
               count(*) FILTER (WHERE quad_class = 4) AS q4,
               round(avg(goldstein), 3) AS goldstein_mean
        FROM {table}
        WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND {where}
        GROUP BY source_code, target_code HAVING count(*) >= ?
        ORDER BY events DESC, source, target
    """
    return rows_as_dicts(connection(store).execute(sql, [*params, int(min_events)]))


def write_edges_csv(edges: Sequence[dict[str, Any]], fp: TextIO) -> None:
    writer = csv.writer(fp, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for edge in edges:
        writer.writerow(["" if edge[c] is None else edge[c] for c in EDGE_COLUMNS])


def write_graphml(edges: Sequence[dict[str, Any]], fp: TextIO) -> None:
    """The edges as a GraphML document (nodes: actor codes with a ``name``)."""
    names: dict[str, str] = {}
    for e in edges:
        names.setdefault(e["source"], e["source_name"] or e["source"])
        names.setdefault(e["target"], e["target_name"] or e["target"])
    fp.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    fp.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    fp.write('  <key id="name" for="node" attr.name="name" attr.type="string"/>\n')
    for key, kind in (
        ("events", "int"),
        ("q1", "int"),
        ("q2", "int"),
        ("q3", "int"),
        ("q4", "int"),
        ("goldstein_mean", "double"),
    ):
        fp.write(f'  <key id="{key}" for="edge" attr.name="{key}" attr.type="{kind}"/>\n')
    fp.write('  <graph id="actors" edgedefault="directed">\n')
    for code in sorted(names):
        fp.write(f"    <node id={quoteattr(code)}>")
        fp.write(f'<data key="name">{escape(names[code])}</data></node>\n')
    for k, e in enumerate(edges):
        fp.write(
            f'    <edge id="e{k}" source={quoteattr(e["source"])} target={quoteattr(e["target"])}>'
        )
        for key in ("events", "q1", "q2", "q3", "q4", "goldstein_mean"):
            if e[key] is not None:
                fp.write(f'<data key="{key}">{e[key]}</data>')
        fp.write("</edge>\n")
    fp.write("  </graph>\n</graphml>\n")
