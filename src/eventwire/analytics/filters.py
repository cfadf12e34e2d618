"""What the analyses share: the unit (events or mentions) and the event filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

UNITS = ("events", "mentions")

# unit -> (table, id column, mentions count, sources count)
_TABLES = {
    "events": ("clusters", "cluster_id", "n_mentions", "n_sources"),
    "mentions": ("mentions", "event_id", "1", "1"),
}


@dataclass(frozen=True)
class Filters:
    """Which events count.  Negated events (explicitly did not happen) never count.

    ``date_from``/``date_to`` bound the event date (``date_start``), both inclusive.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    historical: bool = True  # keep events the article reports as past background
    planned: bool = True  # keep scheduled / intended events
    possible: bool = True  # keep events that may happen

    def where(self) -> tuple[str, list[Any]]:
        """A SQL condition (over mentions or clusters columns) and its parameters."""
        parts = ["coalesce(modality, '') <> 'negated'", "date_start IS NOT NULL"]
        params: list[Any] = []
        if self.date_from is not None:
            parts.append("date_start >= ?")
            params.append(_date(self.date_from))
        if self.date_to is not None:
            parts.append("date_start <= ?")
            params.append(_date(self.date_to))
        if not self.historical:
            parts.append("NOT coalesce(historical, false)")
        if not self.planned:
            parts.append("coalesce(modality, '') <> 'planned'")
        if not self.possible:
            parts.append("coalesce(modality, '') <> 'possible'")
        return " AND ".join(parts), params


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def table_for(unit: str) -> tuple[str, str, str, str]:
    """(table, id column, mentions expression, sources expression) for ``unit``."""
    if unit not in _TABLES:
        raise ValueError(f"unknown unit {unit!r}: expected one of {', '.join(UNITS)}")
    return _TABLES[unit]


def connection(store_or_con):
    """The DuckDB connection of a ``Store`` (or a connection given directly)."""
    return getattr(store_or_con, "con", store_or_con)


def rows_as_dicts(cur) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
