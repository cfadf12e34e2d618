"""Dyad series: counts by event date, quad class and Goldstein, over events or mentions."""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest

from eventwire.analytics import Filters, dyad_series
from eventwire.records import EventDate
from eventwire.store import open_store

sys.path.insert(0, os.path.dirname(__file__))
from test_store import make_article, make_event  # noqa: E402


def on(day: str, **kw):
    d = dt.date.fromisoformat(day)
    return EventDate(d, d, "day", None, None, "explicit")


def dyad_store(path):
    """RURGOV->FRA: one visit on 05-14 reported twice, a planned visit in June, an attack."""
    st = open_store(path)
    st.add_batch(
        [
            (make_article("v1"), [make_event("v1", 0, date=on("2024-05-14"), modality="occurred")]),
            (make_article("v2"), [make_event("v2", 0, date=on("2024-05-14"), modality="occurred")]),
            (make_article("p"), [make_event("p", 0, date=on("2024-06-03"))]),  # planned
            (
                make_article("h"),
                [
                    make_event(
                        "h",
                        0,
                        date=on("2024-05-20"),
                        cameo="190",
                        quad_class=4,
                        goldstein=-10.0,
                        modality="occurred",
                        historical=True,
                    )
                ],
            ),
        ]
    )
    st.cluster()
    return st


@pytest.fixture
def store(tmp_path):
    st = dyad_store(tmp_path / "d.duckdb")
    yield st
    st.close()


def test_monthly_series_counts_events_by_quad_class(store):
    rows = dyad_series(store, "RUR", "FRA", by="month")
    assert [(r["period"], r["events"], r["q1"], r["q4"]) for r in rows] == [
        (dt.date(2024, 5, 1), 2, 1, 1),
        (dt.date(2024, 6, 1), 1, 1, 0),
    ]
    assert rows[0]["goldstein_sum"] == pytest.approx(1.9 - 10.0)


def test_mentions_unit_counts_every_report(store):
    rows = dyad_series(store, "RUR", "FRA", by="month", unit="mentions")
    assert rows[0]["events"] == 3


def test_series_uses_event_dates_by_day(store):
    rows = dyad_series(store, "RURGOV", "FRA", by="day")
    assert [r["period"] for r in rows] == [
        dt.date(2024, 5, 14),
        dt.date(2024, 5, 20),
        dt.date(2024, 6, 3),
    ]


def test_filters_leave_out_planned_and_historical_events(store):
    rows = dyad_series(store, "RUR", "FRA", filters=Filters(planned=False, historical=False))
    assert [(r["period"], r["events"]) for r in rows] == [(dt.date(2024, 5, 1), 1)]


def test_the_other_direction_is_another_dyad(store):
    assert dyad_series(store, "FRA", "RUR") == []


def test_unknown_period_is_refused(store):
    with pytest.raises(ValueError, match="period"):
        dyad_series(store, "RUR", "FRA", by="fortnight")
