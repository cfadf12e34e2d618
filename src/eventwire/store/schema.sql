-- eventwire store: the current schema (version 3).
--
-- A fresh store is created from this file; an older store is brought here by the
-- forward steps in migrations.py.  Keep both in step: the tests compare a migrated
-- store with a fresh one column by column.

CREATE TABLE IF NOT EXISTS schema_version (
    version  INTEGER NOT NULL,
    applied  TIMESTAMP NOT NULL
);

-- One row per run of the coder over some input.
CREATE TABLE IF NOT EXISTS runs (
    id        INTEGER PRIMARY KEY,
    started   TIMESTAMP NOT NULL,
    finished  TIMESTAMP,             -- NULL: the run was interrupted
    articles  INTEGER,
    events    INTEGER,
    skipped   INTEGER,               -- inputs that could not be read
    inputs    VARCHAR,               -- JSON list of the paths given
    versions  VARCHAR                -- JSON object: component -> version
);

-- One row per coded article (the body itself is not kept, only its provenance).
CREATE TABLE IF NOT EXISTS articles (
    seq            BIGINT NOT NULL,  -- insertion order
    doc_id         VARCHAR PRIMARY KEY,
    date           DATE NOT NULL,
    title          VARCHAR,
    url            VARCHAR,
    source         VARCHAR,
    path           VARCHAR,
    line           INTEGER,
    dateline       VARCHAR[],
    credits        VARCHAR[],
    text_length    INTEGER NOT NULL,
    code_start     INTEGER,
    code_end       INTEGER,
    events         INTEGER NOT NULL, -- number of mentions coded from it
    run_id         INTEGER,
    coded_at       TIMESTAMP NOT NULL
);

-- One row per coded event record (docs: event-record), nested fields flattened.
CREATE TABLE IF NOT EXISTS mentions (
    seq                 BIGINT NOT NULL,  -- insertion order
    event_id            VARCHAR NOT NULL,
    doc_id              VARCHAR NOT NULL,
    doc_date            DATE NOT NULL,
    sentence_index      INTEGER,
    sentence            VARCHAR,
    span_start          INTEGER,
    span_end            INTEGER,
    trigger             VARCHAR,
    source_code         VARCHAR,
    source_country      VARCHAR,
    source_sector       VARCHAR,
    source_name         VARCHAR,
    source_text         VARCHAR,
    source_wikidata     VARCHAR,
    target_code         VARCHAR,
    target_country      VARCHAR,
    target_sector       VARCHAR,
    target_name         VARCHAR,
    target_text         VARCHAR,
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
    date_text           VARCHAR,
    date_timex          VARCHAR,
    date_basis          VARCHAR,
    location_name       VARCHAR,
    location_country    VARCHAR,
    location_geonameid  BIGINT,
    location_lat        DOUBLE,
    location_lon        DOUBLE,
    location_feature    VARCHAR,
    confidence          DOUBLE,
    versions            VARCHAR,          -- JSON object: component -> version
    run_id              INTEGER,
    cluster_id          VARCHAR           -- the event this mention reports (NULL until deduplicated)
);

-- One row per real event: mentions of the same event collapsed (store/dedup.py).
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

-- Actors seen in mentions, one row per CAMEO actor code (refreshed by clustering).
CREATE TABLE IF NOT EXISTS actors (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    wikidata    VARCHAR,
    n_mentions  BIGINT NOT NULL
);

-- Places seen in mentions, one row per (name, country) (refreshed by clustering).
CREATE TABLE IF NOT EXISTS places (
    name        VARCHAR NOT NULL,
    country     VARCHAR,
    geonameid   BIGINT,
    lat         DOUBLE,
    lon         DOUBLE,
    feature     VARCHAR,
    n_mentions  BIGINT NOT NULL
);
