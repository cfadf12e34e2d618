"""Deduplication: mentions of the same real event collapsed into one cluster.

Everything runs inside DuckDB (window functions and joins), never a Python loop per
mention.  The rules, in order:

1. **Block.**  Two mentions can only report the same event when they share the
   directed dyad (source code, target code; a missing actor is its own value), the
   CAMEO root (so ``190`` and ``193`` are compatible, and a code and its sub-codes
   always are) and the modality group.  Modality: ``occurred``, ``planned`` and
   ``possible`` reports of one event are the *same* event (a visit announced for
   Tuesday and the visit reported on Tuesday), so they share a group; ``negated``
   (the event explicitly did not happen) is a group of its own and never merges with
   the others.  The cluster's modality is the strongest among its mentions
   (occurred > planned > possible).
2. **Precise dates chain.**  Mentions whose date range is at most ``precise_days``
   wide (default 3: a day, or a short span such as "March 20-22") form islands of
   overlapping ranges, ordered by date.  Two attacks on different days do not
   overlap, so they stay apart.
3. **Vague dates attach, never bridge.**  A mention with a wider range (a week, a
   month) joins the one precise island its range contains entirely, provided the
   range is at most ``vague_days`` wide (default 31).  When no island or several
   islands fit, or the range is wider (a season, a year, a one-year "next year"
   window), the mention is grouped only with mentions of exactly the same range.
   A vague date therefore never merges two precise events.
4. **Place.**  Inside an island, mentions located in different countries are split
   apart; a mention with no known country joins the country most of the island's
   located mentions name (ties: the alphabetically first).

The representative mention (whose sentence, actors and code the cluster shows) is,
among the mentions with the cluster's modality, the most confident, then the
earliest reported (then the smallest event id).

A cluster's id is derived from its content (a hash of the block key and its first
report: earliest article date, then event id), so the same mentions give the same
clusters whatever the order or the batches they were stored in.  Clustering is
incremental: only the blocks that received new (unclustered) mentions are redone,
and a block is always redone from all of its mentions, so the result equals a full
re-clustering.

Reciprocal events (A meets B, B meets A) give two clusters, A->B and B->A; when their
CAMEO roots match and their dates overlap, both get the same ``pair_id`` (the smaller
cluster id of the two).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

__all__ = ["ClusterStats", "cluster_mentions", "refresh_entities", "PRECISE_DAYS", "VAGUE_DAYS"]

PRECISE_DAYS = 3
VAGUE_DAYS = 31


@dataclass(frozen=True)
class ClusterStats:
    blocks: int  # blocks redone
    mentions: int  # mentions (re)assigned
    clusters: int  # clusters written
    seconds: float


# The block key of a mention (``m`` is the mentions table).
_BLOCK = (
    "coalesce(m.source_code, '') || '|' || coalesce(m.target_code, '') || '|' || "
    "coalesce(m.cameo_root, left(m.cameo, 2), '') || '|' || "
    "CASE WHEN m.modality = 'negated' THEN 'negated' ELSE 'affirmed' END"
)

_MODALITY_RANK = (
    "CASE modality WHEN 'occurred' THEN 4 WHEN 'planned' THEN 3 "
    "WHEN 'possible' THEN 2 WHEN 'negated' THEN 1 ELSE 0 END"
)


def cluster_mentions(
    con,
    *,
    full: bool = False,
    precise_days: int = PRECISE_DAYS,
    vague_days: int = VAGUE_DAYS,
) -> ClusterStats:
    """Cluster the mentions not yet clustered (all of them with ``full=True``).

    Runs in one transaction on the DuckDB connection ``con`` of a store.
    """
    started = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    try:
        stats = _cluster(con, full, int(precise_days), int(vague_days))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in (
            "dd_blocks",
            "dd_m",
            "dd_isl",
            "dd_attach",
            "dd_assign",
            "dd_country",
            "dd_scope",
            "dd_mm",
        ):
            try:
                con.execute(f"DROP TABLE IF EXISTS {name}")
            except Exception:  # the connection may be gone
                pass
    return ClusterStats(*stats, seconds=time.perf_counter() - started)


def _cluster(con, full: bool, precise: int, vague: int) -> tuple[int, int, int]:
    ex = con.execute
    if full:
        ex(f"CREATE TEMP TABLE dd_blocks AS SELECT DISTINCT {_BLOCK} AS block FROM mentions m")
    else:
        ex(
            f"CREATE TEMP TABLE dd_blocks AS SELECT DISTINCT {_BLOCK} AS block "
            "FROM mentions m WHERE m.cluster_id IS NULL"
        )
    blocks = ex("SELECT count(*) FROM dd_blocks").fetchone()[0]
    if not blocks:
        return 0, 0, 0
    # the mentions of the affected blocks, with their effective date ranges
    join = "" if full else "JOIN dd_blocks b ON b.block = x.block"
    ex(
        f"""
        CREATE TEMP TABLE dd_m AS
        SELECT x.* FROM (
            SELECT m.seq, m.event_id, m.doc_id, m.doc_date, {_BLOCK} AS block,
                   m.location_country AS loc,
                   coalesce(m.date_start, m.doc_date) AS ds,
                   greatest(coalesce(m.date_end, m.date_start, m.doc_date),
                            coalesce(m.date_start, m.doc_date)) AS de
            FROM mentions m
        ) x {join}
        """
    )
    # 2. islands of overlapping precise ranges
    ex(
        f"""
        CREATE TEMP TABLE dd_isl AS
        SELECT seq, block, ds, de,
               block || '|p' || sum(brk) OVER (
                   PARTITION BY block ORDER BY ds, de, event_id ROWS UNBOUNDED PRECEDING
               ) AS island
        FROM (
            SELECT seq, block, ds, de, event_id,
                   CASE WHEN ds <= max(de) OVER (
                       PARTITION BY block ORDER BY ds, de, event_id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                   ) THEN 0 ELSE 1 END AS brk
            FROM dd_m WHERE date_diff('day', ds, de) < {precise}
        )
        """
    )
    # 3. vague ranges: the single island they contain, else their exact range
    ex(
        f"""
        CREATE TEMP TABLE dd_attach AS
        WITH spans AS (
            SELECT block, island, min(ds) AS ds, max(de) AS de FROM dd_isl GROUP BY ALL
        ),
        fits AS (
            SELECT v.seq, min(s.island) AS island, count(*) AS n
            FROM dd_m v JOIN spans s
              ON s.block = v.block AND v.ds <= s.ds AND s.de <= v.de
            WHERE date_diff('day', v.ds, v.de) >= {precise}
              AND date_diff('day', v.ds, v.de) < {vague}
            GROUP BY v.seq
        )
        SELECT v.seq,
               CASE WHEN f.n = 1 THEN f.island
                    ELSE v.block || '|v' || v.ds || '/' || v.de END AS island
        FROM dd_m v LEFT JOIN fits f ON f.seq = v.seq
        WHERE date_diff('day', v.ds, v.de) >= {precise}
        """
    )
    # 4. places: split islands by country; the unlocated follow the majority
    ex(
        """
        CREATE TEMP TABLE dd_assign AS
        SELECT m.seq, m.event_id, m.doc_id, m.doc_date, m.block, m.loc, i.island
        FROM dd_m m JOIN (
            SELECT seq, island FROM dd_isl UNION ALL SELECT seq, island FROM dd_attach
        ) i ON i.seq = m.seq
        """
    )
    ex(
        """
        CREATE TEMP TABLE dd_country AS
        SELECT island, arg_min(loc, (-n, loc)) AS loc FROM (
            SELECT island, loc, count(*) AS n FROM dd_assign WHERE loc IS NOT NULL GROUP BY ALL
        ) GROUP BY island
        """
    )
    ex(
        """
        CREATE OR REPLACE TEMP TABLE dd_assign AS
        SELECT a.*, a.island || '|' || coalesce(a.loc, c.loc, '') AS unit,
               coalesce(a.loc, c.loc, '') AS country
        FROM dd_assign a LEFT JOIN dd_country c ON c.island = a.island
        """
    )
    # cluster ids: block key + first report
    ex(
        """
        CREATE OR REPLACE TEMP TABLE dd_assign AS
        SELECT a.seq, a.block, a.unit,
               'c' || left(md5(a.block || '|' || f.first), 16) AS cluster_id
        FROM dd_assign a JOIN (
            SELECT unit, arg_min(event_id, (doc_date, event_id)) AS first
            FROM dd_assign GROUP BY unit
        ) f ON f.unit = a.unit
        """
    )
    assigned = ex("SELECT count(*) FROM dd_assign").fetchone()[0]
    ex(
        "UPDATE mentions SET cluster_id = a.cluster_id FROM dd_assign a "
        "WHERE mentions.seq = a.seq AND mentions.cluster_id IS DISTINCT FROM a.cluster_id"
    )
    if full:
        ex("DELETE FROM clusters")
    else:
        ex("DELETE FROM clusters WHERE block_key IN (SELECT block FROM dd_blocks)")
    written = 0
    for statement in _INSERT_CLUSTERS.split(";"):
        if statement.strip():
            result = ex(statement).fetchone()
            written = result[0] if result else written  # the INSERT, last, returns its count
    ex("DROP VIEW dd_assign_clusters")
    _pair(con, full, precise)
    return int(blocks), int(assigned), int(written)


_INSERT_CLUSTERS = f"""
CREATE TEMP TABLE dd_mm AS
    SELECT a.cluster_id, a.block, m.seq, m.event_id, m.doc_id, m.doc_date, m.modality,
           m.historical, m.reciprocal, m.confidence, m.date_start, m.date_end,
           m.date_precision, m.location_name, m.location_country, m.location_geonameid,
           m.location_lat, m.location_lon, m.location_feature,
           coalesce(ar.source,
                    nullif(array_to_string(list_sort(ar.credits), '+'), ''),
                    'doc:' || m.doc_id) AS source_key,
           date_diff('day', coalesce(m.date_start, m.doc_date),
                     coalesce(m.date_end, m.date_start, m.doc_date)) AS width
    FROM dd_assign a
    JOIN mentions m ON m.seq = a.seq
    LEFT JOIN articles ar ON ar.doc_id = m.doc_id;

CREATE OR REPLACE TEMP VIEW dd_assign_clusters AS
WITH sizes AS (
    SELECT cluster_id, count(*) AS n FROM dd_mm GROUP BY cluster_id
),
single AS (  -- most clusters hold one mention: nothing to choose
    SELECT mm.cluster_id, mm.block, 1 AS n_mentions, 1 AS n_articles, 1 AS n_sources,
           mm.doc_date AS first_report, mm.doc_date AS last_report,
           {_MODALITY_RANK} AS mrank, coalesce(mm.historical, false) AS historical,
           coalesce(mm.reciprocal, false) AS reciprocal,
           mm.seq AS rep_seq, mm.seq AS date_seq, mm.seq AS loc_seq
    FROM dd_mm mm JOIN sizes USING (cluster_id) WHERE sizes.n = 1
),
multi AS (
    SELECT cluster_id, any_value(block) AS block,
           count(*) AS n_mentions, count(DISTINCT doc_id) AS n_articles,
           count(DISTINCT source_key) AS n_sources,
           min(doc_date) AS first_report, max(doc_date) AS last_report,
           max({_MODALITY_RANK}) AS mrank,
           bool_and(coalesce(historical, false)) AS historical,
           bool_or(coalesce(reciprocal, false)) AS reciprocal,
           arg_min(seq, (-{_MODALITY_RANK}, -coalesce(confidence, 0), doc_date, event_id))
               AS rep_seq,
           arg_min(seq, (width, -coalesce(confidence, 0), doc_date, event_id)) AS date_seq,
           arg_min(seq, (location_name IS NULL,
                         CASE location_feature WHEN 'city' THEN 0 WHEN 'admin1' THEN 1
                              WHEN 'country' THEN 2 ELSE 3 END,
                         -coalesce(confidence, 0), doc_date, event_id)) AS loc_seq
    FROM dd_mm WHERE cluster_id IN (SELECT cluster_id FROM sizes WHERE n > 1)
    GROUP BY cluster_id
),
agg AS (SELECT * FROM single UNION ALL BY NAME SELECT * FROM multi)
SELECT g.cluster_id, g.block, r.event_id AS rep_event_id, r.doc_id, r.sentence, r.trigger,
       r.source_code, r.source_country, r.source_sector, r.source_name, r.source_wikidata,
       r.target_code, r.target_country, r.target_sector, r.target_name, r.target_wikidata,
       r.cameo, r.cameo_root, r.cameo_label, r.plover, r.plover_mode, r.plover_context,
       r.quad_class, r.goldstein,
       CASE g.mrank WHEN 4 THEN 'occurred' WHEN 3 THEN 'planned' WHEN 2 THEN 'possible'
            WHEN 1 THEN 'negated' ELSE r.modality END AS modality,
       g.historical, g.reciprocal,
       d.date_start, d.date_end, d.date_precision,
       l.location_name, l.location_country, l.location_geonameid, l.location_lat,
       l.location_lon, l.location_feature,
       r.confidence, g.n_mentions, g.n_articles, g.n_sources, g.first_report, g.last_report,
       ar.url, coalesce(ar.source, nullif(array_to_string(ar.credits, ', '), '')) AS publisher
FROM agg g
JOIN mentions r ON r.seq = g.rep_seq
JOIN dd_mm d ON d.seq = g.date_seq
JOIN dd_mm l ON l.seq = g.loc_seq
LEFT JOIN articles ar ON ar.doc_id = r.doc_id;

INSERT INTO clusters (
    cluster_id, block_key, pair_id, event_num, rep_event_id, doc_id, sentence, trigger,
    source_code, source_country, source_sector, source_name, source_wikidata,
    target_code, target_country, target_sector, target_name, target_wikidata,
    cameo, cameo_root, cameo_label, plover, plover_mode, plover_context, quad_class, goldstein,
    modality, historical, reciprocal, date_start, date_end, date_precision,
    location_name, location_country, location_geonameid, location_lat, location_lon,
    location_feature, confidence, n_mentions, n_articles, n_sources, first_report,
    last_report, url, publisher)
SELECT cluster_id, block, NULL,
       CAST(('0x' || left(md5(cluster_id), 13)) AS BIGINT),
       rep_event_id, doc_id, sentence, trigger,
       source_code, source_country, source_sector, source_name, source_wikidata,
       target_code, target_country, target_sector, target_name, target_wikidata,
       cameo, cameo_root, cameo_label, plover, plover_mode, plover_context, quad_class, goldstein,
       modality, historical, reciprocal, date_start, date_end, date_precision,
       location_name, location_country, location_geonameid, location_lat, location_lon,
       location_feature, confidence, n_mentions, n_articles, n_sources, first_report,
       last_report, url, publisher
FROM dd_assign_clusters;
"""


def _pair(con, full: bool, precise: int) -> None:
    """Link the A->B and B->A clusters of one reciprocal event with a shared pair_id.

    Pairs only form within one unordered dyad, so the dyads touched by the redone
    blocks are re-paired from scratch (all dyads with ``full``).
    """
    if full:
        con.execute("CREATE OR REPLACE TEMP TABLE dd_scope AS SELECT cluster_id FROM clusters")
    else:
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE dd_scope AS
            WITH touched AS (
                SELECT DISTINCT source_code AS s, target_code AS t FROM clusters
                WHERE block_key IN (SELECT block FROM dd_blocks)
            )
            SELECT c.cluster_id FROM clusters c
            JOIN touched d ON c.source_code = d.s AND c.target_code = d.t
            UNION
            SELECT c.cluster_id FROM clusters c
            JOIN touched d ON c.source_code = d.t AND c.target_code = d.s
            """
        )
    con.execute(
        """
        UPDATE clusters SET pair_id = NULL
        WHERE pair_id IS NOT NULL AND cluster_id IN (SELECT cluster_id FROM dd_scope)
        """
    )
    con.execute(
        """
        UPDATE clusters SET pair_id = p.pair_id FROM (
            WITH c AS (
                SELECT cluster_id, source_code AS s, target_code AS t, cameo_root AS r,
                       coalesce(modality = 'negated', false) AS neg,
                       date_start AS ds, date_end AS de,
                       date_diff('day', date_start, date_end) < $precise AS precise
                FROM clusters
                WHERE source_code IS NOT NULL AND target_code IS NOT NULL
                  AND source_code <> target_code AND date_start IS NOT NULL
            ),
            mine AS (SELECT c.* FROM c JOIN dd_scope USING (cluster_id)),
            -- precise ranges overlap only within precise - 1 days of each other: an
            -- equality join on shifted start dates instead of a range join
            shifted AS (
                SELECT c.*, c.ds + CAST(o.off AS INTEGER) AS key
                FROM c, range(1 - $precise, $precise) o(off) WHERE c.precise
            ),
            links AS (
                SELECT a.cluster_id AS a, b.cluster_id AS b, abs(a.ds - b.ds) AS gap
                FROM mine a JOIN c b
                  ON b.s = a.t AND b.t = a.s AND b.r = a.r AND b.neg = a.neg
                 AND b.ds = a.ds AND b.de = a.de
                UNION
                SELECT a.cluster_id, b.cluster_id, abs(a.ds - b.ds)
                FROM mine a JOIN shifted b
                  ON b.s = a.t AND b.t = a.s AND b.r = a.r AND b.neg = a.neg AND b.key = a.ds
                WHERE a.precise AND a.ds <= b.de AND b.ds <= a.de
            )
            SELECT a AS cluster_id, least(a, arg_min(b, (gap, b))) AS pair_id
            FROM links GROUP BY a
        ) p WHERE clusters.cluster_id = p.cluster_id
        """,
        {"precise": precise},
    )


def refresh_entities(con) -> None:
    """Rebuild the ``actors`` and ``places`` tables from the stored mentions."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM actors")
        con.execute(
            """
            INSERT INTO actors
            SELECT code, mode(name), mode(country), mode(sector), mode(wikidata), count(*)
            FROM (
                SELECT source_code AS code, source_name AS name, source_country AS country,
                       source_sector AS sector, source_wikidata AS wikidata FROM mentions
                UNION ALL
                SELECT target_code, target_name, target_country, target_sector,
                       target_wikidata FROM mentions
            ) WHERE code IS NOT NULL GROUP BY code
            """
        )
        con.execute("DELETE FROM places")
        con.execute(
            """
            INSERT INTO places
            SELECT location_name, location_country, mode(location_geonameid),
                   mode(location_lat), mode(location_lon), mode(location_feature), count(*)
            FROM mentions WHERE location_name IS NOT NULL GROUP BY ALL
            """
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
