"""Timeline: clustered events in event-date order, each with its evidence sentence."""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest

from eventwire.analytics import Filters, timeline

sys.path.insert(0, os.path.dirname(__file__))
from test_analytics_dyads import dyad_store  # noqa: E402


@pytest.fixture
def store(tmp_path):
    st = dyad_store(tmp_path / "t.duckdb")
    yield st
    st.close()


def test_timeline_lists_events_in_event_date_order_with_evidence(store):
    rows = timeline(store)
    assert [r["date_start"] for r in rows] == [
        dt.date(2024, 5, 14),
        dt.date(2024, 5, 20),
        dt.date(2024, 6, 3),
    ]
    assert rows[0]["mentions"] == 2 and rows[0]["sentence"].startswith("Ruritania's")


def test_timeline_filters_by_actor_and_dates(store):
    assert timeline(store, actor="DEU") == []
    rows = timeline(
        store, actor="FRA", filters=Filters(date_from="2024-05-15", date_to="2024-05-31")
    )
    assert [r["cameo"] for r in rows] == ["190"]


def test_timeline_of_mentions_has_every_report(store):
    assert len(timeline(store, unit="mentions")) == 4
