"""Exports: GDELT 2.0 TSV, ICEWS CSV, PLOVER JSONL, Parquet, CSV and JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys

import duckdb
import pytest

from eventwire.records import EventDate
from eventwire.store import open_store
from eventwire.store.exports import Exporter, export

sys.path.insert(0, os.path.dirname(__file__))
from test_store import make_article, make_event  # noqa: E402

DAY = EventDate(dt.date(2024, 5, 14), dt.date(2024, 5, 14), "day", "on Tuesday", None, "relative")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "x.duckdb") as st:
        st.add_batch(
            [
                (make_article(f"a{k}", source=f"pub{k}"), [make_event(f"a{k}", 0, date=DAY)])
                for k in range(3)
            ]
            + [(make_article("other"), [make_event("other", 0, cameo="190", quad_class=4)])]
        )
        st.cluster()
        yield st


@pytest.fixture(scope="module")
def exporter():
    return Exporter()


def _text(store, fmt, unit="events", exporter=None) -> str:
    buf = io.StringIO()
    export(store, fmt, buf, unit=unit, exporter=exporter)
    return buf.getvalue()


def test_gdelt_export_reads_back_with_the_real_column_specification(store, exporter, shared_data):
    spec = shared_data / "formats" / "gdelt" / "schemas"
    with open(
        spec / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv", encoding="utf-8"
    ) as fh:
        columns = [row["tableId"] for row in csv.DictReader(fh)]
    lines = _text(store, "gdelt", exporter=exporter).splitlines()
    rows = [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]
    visit = next(r for r in rows if r["EventCode"] == "042")
    assert (visit["SQLDATE"], visit["Actor1Code"], visit["Actor2Code"]) == (
        "20240514",
        "RURGOV",
        "FRA",
    )
    assert (visit["NumMentions"], visit["NumArticles"], visit["NumSources"]) == ("3", "3", "3")
    assert visit["ActionGeo_CountryCode"] == "FR" and visit["EventRootCode"] == "04"
    assert visit["GLOBALEVENTID"].isdigit() and visit["DATEADDED"] == "20240510000000"


def test_gdelt_ids_are_numeric_and_stable(store, exporter, tmp_path):
    first = [line.split("\t")[0] for line in _text(store, "gdelt", exporter=exporter).splitlines()]
    store.cluster(full=True)
    again = [line.split("\t")[0] for line in _text(store, "gdelt", exporter=exporter).splitlines()]
    assert first == again and all(i.isdigit() for i in first) and len(set(first)) == 2


def test_gdelt_rows_have_61_columns_for_events_and_mentions(store, exporter):
    for unit, count in (("events", 2), ("mentions", 4)):
        lines = _text(store, "gdelt", unit, exporter).splitlines()
        assert len(lines) == count and {len(line.split("\t")) for line in lines} == {61}


def test_icews_export_has_the_icews_header_and_country_names(store, exporter):
    rows = list(csv.DictReader(io.StringIO(_text(store, "icews", exporter=exporter))))
    assert list(rows[0])[:3] == ["Event ID", "Event Date", "Source Name"]
    visit = next(r for r in rows if r["CAMEO Code"] == "042")
    assert (visit["Target Country"], visit["City"], visit["Country"]) == (
        "France",
        "Paris",
        "France",
    )


def test_plover_export_uses_plover_field_names(store, exporter):
    records = [json.loads(line) for line in _text(store, "plover", exporter=exporter).splitlines()]
    visit = next(r for r in records if r["cameo"] == "042")
    assert visit["event"] == "CONSULT" and visit["date"] == "2024-05-14"
    assert visit["source"][0]["actorText"] == "Ruritania's Foreign Minister"
    assert visit["eventText"] == "will visit" and visit["numArticles"] == 3


def test_parquet_export_writes_events_and_mentions(store, tmp_path):
    for unit, count in (("events", 2), ("mentions", 4)):
        path = tmp_path / f"{unit}.parquet"
        assert export(store, "parquet", path, unit=unit) == count
        assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchone() == (count,)


def test_csv_and_jsonl_exports_cover_the_unit(store):
    assert len(list(csv.DictReader(io.StringIO(_text(store, "csv"))))) == 2
    mentions = [json.loads(line) for line in _text(store, "jsonl", "mentions").splitlines()]
    assert len(mentions) == 4 and mentions[0]["event_id"] == "a0-e0"


def test_unknown_format_is_refused(store):
    with pytest.raises(ValueError, match="unknown format"):
        export(store, "xml", io.StringIO())
