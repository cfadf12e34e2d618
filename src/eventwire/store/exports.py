"""Exports of the store: PLOVER JSONL, GDELT 2.0 TSV, ICEWS CSV, Parquet, CSV, JSONL.

Every export works on events (deduplicated clusters) or mentions (single reports);
the column orders come from ``data/formats`` (see its README).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

__all__ = ["EXPORT_FORMATS", "Exporter", "UNITS", "export"]

EXPORT_FORMATS = ("plover", "gdelt", "icews", "parquet", "csv", "jsonl")
UNITS = ("events", "mentions")
FETCH = 10_000

# One row shape for both units: clusters joined to their representative mention, or
# mentions on their own.  ``num`` is the numeric id (GDELT's GLOBALEVENTID).
_COMMON = """
    m.sentence_index, m.source_text, m.target_text, m.date_text, m.date_timex,
    m.doc_date, m.versions, ar.coded_at
"""
_EVENTS = f"""
SELECT c.cluster_id AS id, c.event_num AS num, c.doc_id, c.sentence, c.trigger,
       c.source_code, c.source_country, c.source_sector, c.source_name, c.source_wikidata,
       c.target_code, c.target_country, c.target_sector, c.target_name, c.target_wikidata,
       c.cameo, c.cameo_root, c.cameo_label, c.plover, c.plover_mode, c.plover_context,
       c.quad_class, c.goldstein, c.modality, c.historical, c.reciprocal,
       c.date_start, c.date_end, c.date_precision,
       c.location_name, c.location_country, c.location_geonameid, c.location_lat,
       c.location_lon, c.location_feature, c.confidence,
       c.n_mentions, c.n_articles, c.n_sources, c.first_report, c.last_report,
       c.url, c.publisher, c.pair_id, {_COMMON}
FROM clusters c
JOIN mentions m ON m.event_id = c.rep_event_id
LEFT JOIN articles ar ON ar.doc_id = m.doc_id
ORDER BY c.date_start, c.cluster_id
"""
_MENTIONS = f"""
SELECT m.event_id AS id, CAST(('0x' || left(md5(m.event_id), 13)) AS BIGINT) AS num,
       m.doc_id, m.sentence, m.trigger,
       m.source_code, m.source_country, m.source_sector, m.source_name, m.source_wikidata,
       m.target_code, m.target_country, m.target_sector, m.target_name, m.target_wikidata,
       m.cameo, m.cameo_root, m.cameo_label, m.plover, m.plover_mode, m.plover_context,
       m.quad_class, m.goldstein, m.modality, m.historical, m.reciprocal,
       m.date_start, m.date_end, m.date_precision,
       m.location_name, m.location_country, m.location_geonameid, m.location_lat,
       m.location_lon, m.location_feature, m.confidence,
       1 AS n_mentions, 1 AS n_articles, 1 AS n_sources, m.doc_date AS first_report,
       m.doc_date AS last_report, ar.url, coalesce(ar.source, nullif(array_to_string(ar.credits, ', '), '')) AS publisher, m.cluster_id AS pair_id,
       {_COMMON}
FROM mentions m
LEFT JOIN articles ar ON ar.doc_id = m.doc_id
ORDER BY m.date_start, m.seq
"""


def _data(name: str):
    return resources.files("eventwire") / "data" / "formats" / name


def _read_csv(name: str) -> list[dict[str, str]]:
    with _data(name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _country_names() -> dict[str, str]:
    path = resources.files("eventwire") / "data" / "places" / "fips.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["iso3"]: row["name"] for row in csv.DictReader(fh) if row.get("name")}


def _ymd(value: dt.date | None) -> str:
    return "" if value is None else value.strftime("%Y%m%d")


def _s(value: Any) -> str:
    return "" if value is None else str(value)


class Exporter:
    """Writes the store's events or mentions in one of ``EXPORT_FORMATS``.

    The format tables (column orders, crosswalks) are read when constructed.
    """

    def __init__(self) -> None:
        from eventwire.places.gazetteer import load_fips

        self.gdelt_columns = [row["column"] for row in _read_csv("gdelt_events.csv")]
        self.icews_columns = [row["column"] for row in _read_csv("icews_events.csv")]
        self.plover_fields = [row["field"] for row in _read_csv("plover_fields.csv")]
        self.geo_types = [
            (row["feature"], row["country"], row["geo_type"])
            for row in _read_csv("gdelt_geo_types.csv")
        ]
        self.fips = load_fips()
        self.country_names = _country_names()

    # ------------------------------------------------------------------ rows

    @staticmethod
    def rows(con, unit: str = "events") -> Iterator[dict[str, Any]]:
        """The unit's rows as dicts (shape shared by events and mentions)."""
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}: expected one of {', '.join(UNITS)}")
        cur = con.cursor()
        cur.execute(_EVENTS if unit == "events" else _MENTIONS)
        names = [d[0] for d in cur.description]
        while True:
            chunk = cur.fetchmany(FETCH)
            if not chunk:
                break
            for row in chunk:
                yield dict(zip(names, row, strict=True))
        cur.close()

    # ------------------------------------------------------------------ formats

    def gdelt_row(self, r: dict[str, Any]) -> list[str]:
        day: dt.date | None = r["date_start"]
        values = dict.fromkeys(self.gdelt_columns, "")
        if day is not None:
            values.update(
                SQLDATE=_ymd(day),
                MonthYear=day.strftime("%Y%m"),
                Year=str(day.year),
                FractionDate=f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
            )
        for n, side in ((1, "source"), (2, "target")):
            code = r[f"{side}_code"]
            sector = r[f"{side}_sector"]
            values[f"Actor{n}Code"] = _s(code)
            values[f"Actor{n}Name"] = _s(r[f"{side}_name"]).upper()
            values[f"Actor{n}CountryCode"] = _s(r[f"{side}_country"])
            values[f"Actor{n}Type1Code"] = _s(sector)
            if code and sector in ("IGO", "NGO", "MNC") and len(code) >= 6:
                values[f"Actor{n}KnownGroupCode"] = code[3:6]
        cameo = r["cameo"] or ""
        values.update(
            GLOBALEVENTID=_s(r["num"]),
            IsRootEvent="1" if r["sentence_index"] == 0 else "0",
            EventCode=cameo,
            EventBaseCode=cameo[:3],
            EventRootCode=cameo[:2],
            QuadClass=_s(r["quad_class"]),
            GoldsteinScale=_s(r["goldstein"]),
            NumMentions=_s(r["n_mentions"]),
            NumSources=_s(r["n_sources"]),
            NumArticles=_s(r["n_articles"]),
            DATEADDED=_ymd(r["first_report"]) + "000000" if r["first_report"] else "",
            SOURCEURL=_s(r["url"] or r["doc_id"]),
        )
        if r["location_name"] is not None:
            iso3 = r["location_country"]
            fips = self.fips.get(iso3, "") if iso3 else ""
            geo_type = self._geo_type(r["location_feature"], iso3)
            values.update(
                ActionGeo_Type=geo_type,
                ActionGeo_FullName=_s(r["location_name"]),
                ActionGeo_CountryCode=fips,
                ActionGeo_Lat=_s(r["location_lat"]),
                ActionGeo_Long=_s(r["location_lon"]),
            )
            if geo_type == "1":
                values.update(ActionGeo_ADM1Code=fips, ActionGeo_FeatureID=fips)
        return [values[c].replace("\t", " ").replace("\n", " ") for c in self.gdelt_columns]

    def _geo_type(self, feature: str | None, iso3: str | None) -> str:
        for feat, country, geo_type in self.geo_types:
            if feat == (feature or "other") and country in ("*", iso3):
                return geo_type
        return ""

    def icews_row(self, r: dict[str, Any]) -> list[str]:
        names = self.country_names
        feature = r["location_feature"]
        values = {
            "Event ID": _s(r["id"]),
            "Event Date": _s(r["date_start"]),
            "Source Name": _s(r["source_name"]),
            "Source Sectors": _s(r["source_sector"]),
            "Source Country": names.get(r["source_country"], _s(r["source_country"])),
            "Event Text": _s(r["cameo_label"]),
            "CAMEO Code": _s(r["cameo"]),
            "Intensity": _s(r["goldstein"]),
            "Target Name": _s(r["target_name"]),
            "Target Sectors": _s(r["target_sector"]),
            "Target Country": names.get(r["target_country"], _s(r["target_country"])),
            "Story ID": _s(r["doc_id"]),
            "Sentence Number": "" if r["sentence_index"] is None else str(r["sentence_index"] + 1),
            "Publisher": _s(r["publisher"]),
            "City": _s(r["location_name"]) if feature == "city" else "",
            "Province": _s(r["location_name"]) if feature == "admin1" else "",
            "Country": names.get(r["location_country"], _s(r["location_country"])),
            "Latitude": _s(r["location_lat"]),
            "Longitude": _s(r["location_lon"]),
        }
        return [values.get(c, "") for c in self.icews_columns]

    def plover_record(self, r: dict[str, Any]) -> dict[str, Any]:
        def actors(side: str) -> list[dict[str, Any]]:
            if r[f"{side}_code"] is None and r[f"{side}_name"] is None:
                return []
            return [
                {
                    "actorText": r[f"{side}_text"],
                    "name": r[f"{side}_name"],
                    "code": r[f"{side}_code"],
                    "country": r[f"{side}_country"],
                    "sector": r[f"{side}_sector"],
                    "wikidata": r[f"{side}_wikidata"],
                }
            ]

        versions = json.loads(r["versions"]) if r["versions"] else {}
        location = None
        if r["location_name"] is not None:
            location = {
                "name": r["location_name"],
                "country": r["location_country"],
                "geonameid": r["location_geonameid"],
                "lat": r["location_lat"],
                "lon": r["location_lon"],
                "feature": r["location_feature"],
            }
        values = {
            "id": r["id"],
            "date": _iso(r["date_start"]),
            "event": r["plover"],
            "mode": r["plover_mode"],
            "context": r["plover_context"],
            "source": actors("source"),
            "target": actors("target"),
            "eventText": r["trigger"],
            "text": r["sentence"],
            "language": "en",
            "publication": r["publisher"],
            "coder": f"eventwire {versions['eventwire']}" if versions.get("eventwire") else None,
            "version": versions.get("ontology"),
            "dateCoded": _iso(r["coded_at"].date()) if r["coded_at"] else None,
            "dateEnd": _iso(r["date_end"]),
            "datePrecision": r["date_precision"],
            "modality": r["modality"],
            "historical": r["historical"],
            "cameo": r["cameo"],
            "quadClass": r["quad_class"],
            "goldstein": r["goldstein"],
            "location": location,
            "docId": r["doc_id"],
            "docDate": _iso(r["doc_date"]),
            "numMentions": r["n_mentions"],
            "numArticles": r["n_articles"],
            "numSources": r["n_sources"],
            "pairId": r["pair_id"],
            "confidence": None if r["confidence"] is None else round(r["confidence"], 3),
        }
        return {f: values.get(f) for f in self.plover_fields}

    # ------------------------------------------------------------------ writing

    def write(self, con, fmt: str, out: TextIO, *, unit: str = "events") -> int:
        """Write a text format to ``out``; returns the number of records."""
        n = 0
        if fmt == "gdelt":  # GDELT 2.0 files: tab-separated, no header
            for r in self.rows(con, unit):
                out.write("\t".join(self.gdelt_row(r)) + "\n")
                n += 1
        elif fmt == "icews":
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(self.icews_columns)
            for r in self.rows(con, unit):
                writer.writerow(self.icews_row(r))
                n += 1
        elif fmt == "plover":
            for r in self.rows(con, unit):
                out.write(json.dumps(self.plover_record(r), ensure_ascii=False) + "\n")
                n += 1
        elif fmt in ("csv", "jsonl"):
            n = self._write_plain(con, fmt, out, unit)
        else:
            raise ValueError(f"{fmt!r} is not a text format; use export_file for it")
        return n

    @staticmethod
    def _write_plain(con, fmt: str, out: TextIO, unit: str) -> int:
        if unit == "mentions":  # the event records of docs/event-record.md
            from eventwire.output import make_writer
            from eventwire.store.store import Store

            store = Store(con, "")
            writer = make_writer(fmt, out)
            events = store.events()
            writer.write(events)
            writer.close()
            return len(events)
        cur = con.execute("SELECT * FROM clusters ORDER BY date_start, cluster_id")
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
        if fmt == "csv":
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(names)
            writer.writerows([["" if v is None else v for v in row] for row in rows])
        else:
            for row in rows:
                rec = {
                    k: (_iso(v) if isinstance(v, dt.date) else v)
                    for k, v in zip(names, row, strict=True)
                }
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return len(rows)


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def export(
    store, fmt: str, out: str | Path | TextIO, *, unit: str = "events", exporter=None
) -> int:
    """Export ``store`` (a ``Store``) as ``fmt`` to a path or an open text file.

    Parquet needs a path (written by DuckDB's COPY: the clusters table for events, the
    mentions table for mentions).  Returns the number of records written.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(EXPORT_FORMATS)}")
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}: expected one of {', '.join(UNITS)}")
    con = store.con
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise ValueError("parquet export needs a file path (-o FILE.parquet)")
        table = "clusters" if unit == "events" else "mentions"
        order = "date_start, cluster_id" if unit == "events" else "seq"
        target = str(out).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{target}' (FORMAT parquet)")
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    exporter = exporter or Exporter()
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return exporter.write(con, fmt, fh, unit=unit)
    return exporter.write(con, fmt, out, unit=unit)
