-- eventwire store: the current schema (version 2).
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
