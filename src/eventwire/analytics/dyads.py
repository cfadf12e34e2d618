"""A dyad's event series: counts by quad class and Goldstein totals per period."""

from __future__ import annotations

from typing import Any

from eventwire.analytics.filters import Filters, connection, rows_as_dicts, table_for

__all__ = ["PERIODS", "dyad_series"]

PERIODS = ("day", "week", "month", "year")


def dyad_series(
    store,
    source: str,
    target: str,
    *,
    by: str = "month",
    unit: str = "events",
    filters: Filters | None = None,
) -> list[dict[str, Any]]:
    """Events from ``source`` to ``target`` per period of their event date.

    An actor matches a code that starts with it (``USA`` matches ``USA`` and
    ``USAGOV``).  Each row: ``period`` (first day of the day/week/month/year),
    ``events``, ``q1``..``q4`` (counts per quad class), ``goldstein_sum`` and
    ``goldstein_mean``.  Periods without events are left out.
    """
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: expected one of {', '.join(PERIODS)}")
    table, *_ = table_for(unit)
    where, params = (filters or Filters()).where()
    sql = f"""
        SELECT CAST(date_trunc('{by}', date_start) AS DATE) AS period,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS q1,
               count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3,
               count(*) FILTER (WHERE quad_class = 4) AS q4,
               round(sum(goldstein), 3) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean
        FROM {table}
        WHERE starts_with(source_code, ?) AND starts_with(target_code, ?) AND {where}
        GROUP BY period ORDER BY period
    """
    return rows_as_dicts(connection(store).execute(sql, [source, target, *params]))
