"""Event output: JSON Lines, CSV and the terminal table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from eventwire.output import (
    CSV_COLUMNS,
    CsvWriter,
    TableWriter,
    flatten,
    format_table,
    make_writer,
    write_csv,
    write_jsonl,
)
from eventwire.records import Event, EventDate
from sample_records import SENTENCE, sample_event


def event(k: int = 0, **kw) -> Event:
    return sample_event(event_id=f"e{k}", versions={"lexicon": "x1"}, **kw)


def test_jsonl_lines_are_event_records():
    events = [event(0), event(1, source=None, location=None)]
    fp = io.StringIO()
    assert write_jsonl(events, fp) == 2
    assert [json.loads(line) for line in fp.getvalue().splitlines()] == [
        e.to_dict() for e in events
    ]


def test_jsonl_keeps_non_ascii_readable():
    fp = io.StringIO()
    write_jsonl([event(sentence="Talks in São Tomé.")], fp)
    assert "São Tomé" in fp.getvalue()


def test_flatten_prefixes_nested_fields():
    flat = flatten(event().to_dict())
    assert set(flat) == set(CSV_COLUMNS)
    assert (flat["source_code"], flat["target_wikidata"], flat["date_start"]) == (
        "RURGOV",
        "Q142",
        "2024-05-14",
    )
    assert (flat["location_geonameid"], flat["span_start"], flat["span_end"]) == (2988507, 0, 57)
    assert json.loads(flat["versions"]) == {"lexicon": "x1"}


def test_flatten_missing_actor_gives_empty_columns():
    flat = flatten(event(target=None))
    assert all(flat[f"target_{f}"] is None for f in ("code", "name", "country"))


def test_csv_writes_the_header_once_across_writes():
    fp = io.StringIO()
    writer = CsvWriter(fp)
    writer.write([event(0)])
    writer.write([event(1), event(2, target=None)])
    writer.close()
    rows = list(csv.reader(io.StringIO(fp.getvalue())))
    assert rows[0] == list(CSV_COLUMNS)
    assert len(rows) == 4 and rows.count(list(CSV_COLUMNS)) == 1
    by_name = dict(zip(rows[0], rows[3], strict=True))
    assert (by_name["event_id"], by_name["target_code"], by_name["historical"]) == (
        "e2",
        "",
        "false",
    )


def test_csv_of_objects_and_of_records_is_the_same():
    a, b = io.StringIO(), io.StringIO()
    write_csv([event(0)], a)
    write_csv([event(0).to_dict()], b)
    assert a.getvalue() == b.getvalue()


def test_csv_of_no_events_is_just_the_header():
    fp = io.StringIO()
    assert write_csv([], fp) == 0
    assert fp.getvalue().splitlines() == [",".join(CSV_COLUMNS)]


def test_table_shows_the_who_what_when():
    table = format_table([event()], width=160)
    header, row = table.splitlines()
    for title in ("DATE", "SOURCE", "TRIGGER", "TARGET", "CAMEO", "MODALITY", "SENTENCE"):
        assert title in header
    for cell in (
        "2024-05-14",
        "RURGOV",
        "will visit",
        "FRA",
        "042 Make a visit",
        "planned",
        SENTENCE,
    ):
        assert cell in row


@pytest.mark.parametrize("width", [80, 100, 200])
def test_table_fits_the_width(width):
    long = "In a long statement read out on state television late on Monday evening, " + SENTENCE
    events = [event(0, sentence=long), event(1, cameo_label="Engage in negotiation " * 3)]
    assert all(len(line) <= width for line in format_table(events, width=width).splitlines())


def test_table_shows_a_date_range():
    rng = EventDate(
        dt.date(2024, 5, 1), dt.date(2024, 5, 31), "month", "in May", "2024-05", "explicit"
    )
    assert "2024-05-01..05-31" in format_table([event(date=rng)], width=160)
    other = EventDate(
        dt.date(2023, 12, 30), dt.date(2024, 1, 5), "week", None, "2024-W01", "relative"
    )
    assert "2023-12-30..2024-01-05" in format_table([event(date=other)], width=160)


def test_table_excerpt_keeps_the_trigger_in_view():
    long = ("Officials in the capital, speaking on condition of anonymity, " * 3) + SENTENCE
    row = format_table([event(sentence=long)], width=100).splitlines()[1]
    excerpt = row[row.index("planned") + len("planned") :].strip()
    assert excerpt.startswith("…") and "will visit" in excerpt


def test_table_marks_a_missing_actor():
    row = format_table([event(source=None)], width=160).splitlines()[1]
    assert row.split()[1] == "-"


def test_streamed_table_has_one_header():
    fp = io.StringIO()
    writer = TableWriter(fp, width=120)
    writer.write([event(0)])
    writer.write([])
    writer.write([event(1)])
    lines = fp.getvalue().splitlines()
    assert len(lines) == 3 and lines[0].startswith("DATE")


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="xml"):
        make_writer("xml", io.StringIO())
