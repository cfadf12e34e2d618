"""First analyses over the event store: dyad series, timelines, actor networks.

Every function is pure (it only reads the store) and counts events by their EVENT
date (``date_start``), never the publication date.  ``unit="events"`` works on the
deduplicated clusters, ``unit="mentions"`` on the individual reports.
"""

from __future__ import annotations

from eventwire.analytics.dyads import dyad_series
from eventwire.analytics.filters import Filters
from eventwire.analytics.network import network_edges, write_edges_csv, write_graphml
from eventwire.analytics.timeline import timeline

__all__ = [
    "Filters",
    "dyad_series",
    "network_edges",
    "timeline",
    "write_edges_csv",
    "write_graphml",
]
