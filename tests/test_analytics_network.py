"""The actor network: directed edges with counts and mean Goldstein; CSV and GraphML."""

from __future__ import annotations

import io
import os
import sys
import xml.etree.ElementTree as ET

import pytest

from eventwire.analytics import network_edges, write_edges_csv, write_graphml

sys.path.insert(0, os.path.dirname(__file__))
from test_analytics_dyads import dyad_store  # noqa: E402


@pytest.fixture
def store(tmp_path):
    st = dyad_store(tmp_path / "n.duckdb")
    yield st
    st.close()


def test_edges_count_events_and_average_goldstein(store):
    (edge,) = network_edges(store)
    assert (edge["source"], edge["target"], edge["events"], edge["q4"]) == ("RURGOV", "FRA", 3, 1)
    assert edge["goldstein_mean"] == pytest.approx((1.9 * 2 - 10.0) / 3, abs=1e-3)


def test_graphml_is_well_formed_with_nodes_and_edges(store):
    buf = io.StringIO()
    write_graphml(network_edges(store, unit="mentions"), buf)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(buf.getvalue())
    assert len(root.findall(".//g:node", ns)) == 2
    (edge,) = root.findall(".//g:edge", ns)
    assert edge.get("source") == "RURGOV" and edge.find("g:data[@key='events']", ns).text == "4"


def test_edges_csv_has_a_header_and_one_row_per_edge(store):
    buf = io.StringIO()
    write_edges_csv(network_edges(store), buf)
    lines = buf.getvalue().splitlines()
    assert lines[0].startswith("source,target,") and len(lines) == 2
