"""Forward migrations of the store schema.

``schema.sql`` creates the current schema in a fresh store.  A store written by an
older eventwire is brought up to date by the steps below, applied in order, each in
the same transaction as the row that records its version in ``schema_version``.
A new step gets the next number, and ``schema.sql`` gets the same change.
"""

from __future__ import annotations

_V3 = """
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id          VARCHAR NOT NULL,     -- content-derived: hash of block key + first report (unique)
    block_key           VARCHAR NOT NULL,     -- source|target|cameo root|modality group
    pair_id             VARCHAR,              -- shared by the A->B and B->A clusters of one reciprocal event
    event_num           BIGINT NOT NULL,      -- numeric id derived from cluster_id (GDELT-style exports)
    rep_event_id        VARCHAR NOT NULL,     -- the representative mention
    doc_id              VARCHAR,
    sentence            VARCHAR,
    trigger             VARCHAR,
    source_code         VARCHAR,
    source_country      VARCHAR,
    source_sector       VARCHAR,
    source_name         VARCHAR,
    source_wikidata     VARCHAR,
    target_code         VARCHAR,
    target_country      VARCHAR,
    target_sector       VARCHAR,
    target_name         VARCHAR,
    target_wikidata     VARCHAR,
    cameo               VARCHAR,
    cameo_root          VARCHAR,
    cameo_label         VARCHAR,
    plover              VARCHAR,
    plover_mode         VARCHAR,
    plover_context      VARCHAR,
    quad_class          INTEGER,
    goldstein           DOUBLE,
    modality            VARCHAR,
    historical          BOOLEAN,
    reciprocal          BOOLEAN,
    date_start          DATE,
    date_end            DATE,
    date_precision      VARCHAR,
    location_name       VARCHAR,
    location_country    VARCHAR,
    location_geonameid  BIGINT,
    location_lat        DOUBLE,
    location_lon        DOUBLE,
    location_feature    VARCHAR,
    confidence          DOUBLE,
    n_mentions          INTEGER NOT NULL,
    n_articles          INTEGER NOT NULL,
    n_sources           INTEGER NOT NULL,
    first_report        DATE,
    last_report         DATE,
    url                 VARCHAR,              -- of the representative's article
    publisher           VARCHAR               -- the representative's article source
);

CREATE TABLE IF NOT EXISTS actors (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    wikidata    VARCHAR,
    n_mentions  BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS places (
    name        VARCHAR NOT NULL,
    country     VARCHAR,
    geonameid   BIGINT,
    lat         DOUBLE,
    lon         DOUBLE,
    feature     VARCHAR,
    n_mentions  BIGINT NOT NULL
);
"""

# version -> (what it changes, SQL that brings version - 1 to version)
MIGRATIONS: dict[int, tuple[str, str]] = {
    2: (
        "mentions.cluster_id: the event a mention reports, filled by deduplication",
        "ALTER TABLE mentions ADD COLUMN cluster_id VARCHAR;",
    ),
    3: (
        "clusters (deduplicated events), actors and places tables",
        _V3,
    ),
}

CURRENT_VERSION = max(MIGRATIONS, default=1)
