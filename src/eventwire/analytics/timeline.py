"""Events in event-date order, each with the sentence that evidences it."""

from __future__ import annotations

from typing import Any

from eventwire.analytics.filters import Filters, connection, rows_as_dicts, table_for

__all__ = ["timeline"]


def timeline(
    store,
    *,
    actor: str | None = None,
    unit: str = "events",
    filters: Filters | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events (as source or target, ``actor`` a code prefix) ordered by event date.

    Each row: ``id``, ``date_start``, ``date_end``, ``date_precision``, the two
    actors' codes and names, ``cameo``, ``cameo_label``, ``quad_class``,
    ``goldstein``, ``modality``, ``historical``, ``mentions``, ``sources`` and
    ``sentence`` (the representative's for a cluster).
    """
    table, id_col, mentions, sources = table_for(unit)
    where, params = (filters or Filters()).where()
    if actor:
        where += " AND (starts_with(source_code, ?) OR starts_with(target_code, ?))"
        params += [actor, actor]
    sql = f"""
        SELECT {id_col} AS id, date_start, date_end, date_precision,
               source_code, source_name, target_code, target_name, cameo, cameo_label,
               quad_class, goldstein, modality, historical,
               {mentions} AS mentions, {sources} AS sources, sentence
        FROM {table} WHERE {where}
        ORDER BY date_start, date_end, id
    """
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return rows_as_dicts(connection(store).execute(sql, params))
