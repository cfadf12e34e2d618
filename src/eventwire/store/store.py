"""The DuckDB store: coded articles and their event mentions.

One ``Store`` wraps one DuckDB connection.  ``add_batch`` writes a batch of articles
and their events in a single transaction, so a run that is killed between (or during)
batches leaves a store where every article is present with all of its events, or
absent.  Rows go in as one ``INSERT ... SELECT`` per table from an Arrow table built
column by column, which DuckDB scans without copying.  That keeps the per-row Python
work to building one tuple.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.records import Article, Event
from eventwire.store.dedup import ClusterStats, cluster_mentions, refresh_entities
from eventwire.store.migrations import CURRENT_VERSION, MIGRATIONS

__all__ = ["Store", "StoreError", "open_store", "MENTION_COLUMNS", "ARTICLE_COLUMNS"]


class StoreError(Exception):
    """The store cannot be opened or written (the message names the file)."""


# --------------------------------------------------------------------------- columns

# (column, kind); kind decides how a value is encoded and cast.
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "text"),
    ("date", "date"),
    ("title", "text"),
    ("url", "text"),
    ("source", "text"),
    ("path", "text"),
    ("line", "int"),
    ("dateline", "textlist"),
    ("credits", "textlist"),
    ("text_length", "int"),
    ("code_start", "int"),
    ("code_end", "int"),
    ("events", "int"),
)

MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "text"),
    ("doc_id", "text"),
    ("doc_date", "date"),
    ("sentence_index", "int"),
    ("sentence", "text"),
    ("span_start", "int"),
    ("span_end", "int"),
    ("trigger", "text"),
    ("source_code", "text"),
    ("source_country", "text"),
    ("source_sector", "text"),
    ("source_name", "text"),
    ("source_text", "text"),
    ("source_wikidata", "text"),
    ("target_code", "text"),
    ("target_country", "text"),
    ("target_sector", "text"),
    ("target_name", "text"),
    ("target_text", "text"),
    ("target_wikidata", "text"),
    ("cameo", "text"),
    ("cameo_root", "text"),
    ("cameo_label", "text"),
    ("plover", "text"),
    ("plover_mode", "text"),
    ("plover_context", "text"),
    ("quad_class", "int"),
    ("goldstein", "float"),
    ("modality", "text"),
    ("historical", "bool"),
    ("reciprocal", "bool"),
    ("date_start", "date"),
    ("date_end", "date"),
    ("date_precision", "text"),
    ("date_text", "text"),
    ("date_timex", "text"),
    ("date_basis", "text"),
    ("location_name", "text"),
    ("location_country", "text"),
    ("location_geonameid", "int"),
    ("location_lat", "float"),
    ("location_lon", "float"),
    ("location_feature", "text"),
    ("confidence", "float"),
    ("versions", "text"),
)

# column kind -> Arrow type; a batch goes to DuckDB as one Arrow table (zero-copy scan)
_ARROW_TYPES = {
    "text": pa.string(),
    "textlist": pa.list_(pa.string()),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
}

_NO_ACTOR = (None,) * 6
_NO_PLACE = (None,) * 6


def _insert_rows(
    con,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: list[tuple],
    extra: dict[str, pa.Array] | None = None,
) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) and ``extra`` columns into ``table``.

    A ``seq`` column among ``extra`` counts from 1 and is shifted past the stored rows.

    The batch is turned into one Arrow table, column by column, and DuckDB scans it
    directly; row by row parameter binding is two orders of magnitude slower.
    """
    by_column = list(zip(*rows, strict=True))
    arrays = [
        pa.array(values, type=_ARROW_TYPES[kind])
        for (_, kind), values in zip(columns, by_column, strict=True)
    ]
    names = [name for name, _ in columns]
    for name, array in (extra or {}).items():
        names.append(name)
        arrays.append(array)
    batch = pa.Table.from_arrays(arrays, names=names)
    select = [
        f"(SELECT coalesce(max(seq), 0) FROM {table}) + seq" if name == "seq" else name
        for name in names
    ]
    view = f"_eventwire_batch_{table}"
    con.register(view, batch)
    try:
        con.execute(
            f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(select)} FROM {view}"
        )
    finally:
        con.unregister(view)


def _article_row(article: Article, events: int) -> tuple:
    return (
        article.doc_id,
        article.date,
        article.title,
        article.url,
        article.source,
        article.path,
        article.line,
        tuple(article.dateline),
        tuple(article.credits),
        len(article.text),
        article.code_start,
        article.code_end,
        events,
    )


def _mention_row(e: Event, versions: str) -> tuple:
    s, t, d, p = e.source, e.target, e.date, e.location
    src = (s.code, s.country, s.sector, s.name, s.text, s.wikidata) if s else _NO_ACTOR
    tgt = (t.code, t.country, t.sector, t.name, t.text, t.wikidata) if t else _NO_ACTOR
    loc = (p.name, p.country, p.geonameid, p.lat, p.lon, p.feature) if p else _NO_PLACE
    return (
        e.event_id,
        e.doc_id,
        e.doc_date,
        e.sentence_index,
        e.sentence,
        e.span[0],
        e.span[1],
        e.trigger,
        *src,
        *tgt,
        e.cameo,
        e.cameo_root,
        e.cameo_label,
        e.plover,
        e.plover_mode,
        e.plover_context,
        e.quad_class,
        e.goldstein,
        e.modality,
        e.historical,
        e.reciprocal,
        d.start,
        d.end,
        d.precision,
        d.text,
        d.timex,
        d.basis,
        *loc,
        e.confidence,
        versions,
    )


def _actor(row: Sequence[Any]) -> dict[str, Any] | None:
    code, country, sector, name, text, wikidata = row
    if code is None and name is None and text is None:
        return None
    return {
        "text": text,
        "name": name,
        "country": country,
        "sector": sector,
        "code": code,
        "wikidata": wikidata,
    }


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# --------------------------------------------------------------------------- store


class Store:
    """Coded articles and event mentions in one DuckDB database."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return _version(self.con)

    # ------------------------------------------------------------------ writing

    def add_batch(
        self, items: Iterable[tuple[Article, list[Event]]], *, run_id: int | None = None
    ) -> int:
        """Store articles with their events in one transaction; returns how many were new.

        An article whose ``doc_id`` is already stored (or appears earlier in the batch)
        is left out together with its events.
        """
        items = list(items)
        if not items:
            return 0
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            stored = self._stored_among([a.doc_id for a, _ in items])
            articles, mentions, seen = [], [], set()
            dumped: dict[int, str] = {}
            for article, events in items:
                if article.doc_id in stored or article.doc_id in seen:
                    continue
                seen.add(article.doc_id)
                articles.append(_article_row(article, len(events)))
                for e in events:
                    versions = dumped.get(id(e.versions))
                    if versions is None:
                        versions = json.dumps(e.versions)
                        dumped[id(e.versions)] = versions
                    mentions.append(_mention_row(e, versions))
            if articles:
                now = _now()
                self._insert("articles", ARTICLE_COLUMNS, articles, run_id, now)
                self._insert("mentions", MENTION_COLUMNS, mentions, run_id, None)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(articles)

    def _stored_among(self, doc_ids: list[str]) -> set[str]:
        view = "_eventwire_batch_ids"
        self.con.register(view, pa.table({"doc_id": pa.array(doc_ids, type=pa.string())}))
        try:
            cur = self.con.execute(
                f"SELECT doc_id FROM articles WHERE doc_id IN (SELECT doc_id FROM {view})"
            )
            return {r[0] for r in cur.fetchall()}
        finally:
            self.con.unregister(view)

    def _insert(self, table, columns, rows, run_id, coded_at) -> None:
        if not rows:
            return
        n = len(rows)
        extra = {  # seq: 1..n here, moved past the stored rows by the INSERT
            "seq": pa.array(range(1, n + 1), type=pa.int64()),
            "run_id": pa.array([run_id] * n, type=pa.int64()),
        }
        if coded_at is not None:
            extra["coded_at"] = pa.array([coded_at] * n, type=pa.timestamp("us"))
        _insert_rows(self.con, table, columns, rows, extra)

    def start_run(
        self, *, versions: dict[str, str] | None = None, inputs: Sequence[str] = ()
    ) -> int:
        """Record the start of a run; returns its id (for ``add_batch`` and ``finish_run``)."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            run_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()[0]
            con.execute(
                "INSERT INTO runs (id, started, inputs, versions) VALUES (?, ?, ?, ?)",
                [
                    run_id,
                    _now(),
                    json.dumps([str(p) for p in inputs]),
                    json.dumps(versions or {}),
                ],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return int(run_id)

    def finish_run(
        self, run_id: int, *, articles: int, events: int, skipped: int, complete: bool = True
    ) -> None:
        """Record a run's totals; ``complete=False`` (interrupted) leaves ``finished`` NULL."""
        self.con.execute(
            "UPDATE runs SET finished = ?, articles = ?, events = ?, skipped = ? WHERE id = ?",
            [_now() if complete else None, articles, events, skipped, run_id],
        )

    # ------------------------------------------------------------------ events

    def cluster(self, *, full: bool = False) -> ClusterStats:
        """Deduplicate: cluster the new mentions (all with ``full``); see ``store.dedup``.

        Also refreshes the ``actors`` and ``places`` tables when anything changed.
        """
        stats = cluster_mentions(self.con, full=full)
        if stats.blocks:
            refresh_entities(self.con)
        return stats

    def after_import(self) -> None:
        """Called after a bulk import: cluster the mentions it added."""
        self.cluster()

    def unclustered(self) -> int:
        """How many stored mentions are not yet assigned to an event cluster."""
        row = self.con.execute("SELECT count(*) FROM mentions WHERE cluster_id IS NULL")
        return int(row.fetchone()[0])

    def clusters(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored event clusters as dicts (columns of the ``clusters`` table), by date."""
        sql = "SELECT * FROM clusters ORDER BY date_start, cluster_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cur = self.con.execute(sql)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # ------------------------------------------------------------------ reading

    def has_article(self, doc_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE doc_id = ? LIMIT 1", [doc_id])
        return row.fetchone() is not None

    def doc_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_id FROM articles").fetchall()}

    def counts(self) -> dict[str, int]:
        articles = self.con.execute("SELECT count(*) FROM articles").fetchone()[0]
        mentions = self.con.execute("SELECT count(*) FROM mentions").fetchone()[0]
        return {"articles": int(articles), "mentions": int(mentions)}

    def runs(self) -> list[dict[str, Any]]:
        cur = self.con.execute(
            "SELECT id, started, finished, articles, events, skipped, inputs, versions "
            "FROM runs ORDER BY id"
        )
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            rec = dict(zip(names, row, strict=True))
            rec["inputs"] = json.loads(rec["inputs"]) if rec["inputs"] else []
            rec["versions"] = json.loads(rec["versions"]) if rec["versions"] else {}
            out.append(rec)
        return out

    def events(self, *, doc_id: str | None = None, limit: int | None = None) -> list[dict]:
        """Stored events as event records (``Event.to_dict()`` shape), in insertion order."""
        sql = f"SELECT {', '.join(name for name, _ in MENTION_COLUMNS)} FROM mentions"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self.con.execute(sql, params).fetchall()
        parsed: dict[str, dict] = {}
        return [_record(row, parsed) for row in rows]


def _record(row: Sequence[Any], parsed_versions: dict[str, dict]) -> dict[str, Any]:
    (
        event_id,
        doc_id,
        doc_date,
        sentence_index,
        sentence,
        span_start,
        span_end,
        trigger,
    ) = row[0:8]
    source, target = _actor(row[8:14]), _actor(row[14:20])
    (
        cameo,
        cameo_root,
        cameo_label,
        plover,
        plover_mode,
        plover_context,
        quad_class,
        goldstein,
        modality,
        historical,
        reciprocal,
    ) = row[20:31]
    date_start, date_end, precision, date_text, timex, basis = row[31:37]
    name, country, geonameid, lat, lon, feature = row[37:43]
    confidence, versions = row[43:45]
    if versions not in parsed_versions:
        parsed_versions[versions] = json.loads(versions) if versions else {}
    location = None
    if name is not None:
        location = {
            "name": name,
            "country": country,
            "geonameid": geonameid,
            "lat": lat,
            "lon": lon,
            "feature": feature,
        }
    return {
        "event_id": event_id,
        "doc_id": doc_id,
        "doc_date": _iso(doc_date),
        "sentence_index": sentence_index,
        "sentence": sentence,
        "span": [span_start, span_end],
        "trigger": trigger,
        "source": source,
        "target": target,
        "cameo": cameo,
        "cameo_root": cameo_root,
        "cameo_label": cameo_label,
        "plover": plover,
        "plover_mode": plover_mode,
        "plover_context": plover_context,
        "quad_class": quad_class,
        "goldstein": goldstein,
        "modality": modality,
        "historical": historical,
        "reciprocal": reciprocal,
        "date": {
            "start": _iso(date_start),
            "end": _iso(date_end),
            "precision": precision,
            "text": date_text,
            "timex": timex,
            "basis": basis,
        },
        "location": location,
        "confidence": None if confidence is None else round(confidence, 3),
        "versions": dict(parsed_versions[versions]),
    }


# --------------------------------------------------------------------------- opening


def _version(con) -> int:
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _has_table(con, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
        "AND table_schema = 'main'",
        [name],
    ).fetchone()
    return bool(row[0])


def _migrate(con, path: str) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        if not _has_table(con, "schema_version"):
            schema = (resources.files("eventwire.store") / "schema.sql").read_text("utf-8")
            con.execute(schema)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [CURRENT_VERSION, _now()])
        version = _version(con)
        if version > CURRENT_VERSION:
            raise StoreError(
                f"{path}: store schema version {version} is newer than this eventwire "
                f"understands ({CURRENT_VERSION}); upgrade eventwire"
            )
        for step in range(version + 1, CURRENT_VERSION + 1):
            con.execute(MIGRATIONS[step][1])
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [step, _now()])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


CHECKPOINT_THRESHOLD = "256MB"


def open_store(path: str | Path = "eventwire.duckdb", *, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``path``; ``":memory:"`` keeps it in memory."""
    name = str(path)
    if name != ":memory:":
        Path(name).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(name, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{name}: cannot open the store: {exc}") from exc
    try:
        if not read_only:
            # Batches commit to the write-ahead log, which DuckDB folds into the file
            # at a checkpoint; checkpointing every 16 MB (the default) costs bulk loads
            # a third of their speed.  The log is replayed if a run is killed, and the
            # file is checkpointed when the store is closed.
            con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
            _migrate(con, name)
        elif _version(con) != CURRENT_VERSION:
            raise StoreError(f"{name}: store schema is not current; open it once for writing")
    except BaseException:
        con.close()
        raise
    return Store(con, name)
