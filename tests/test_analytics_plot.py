"""Plots: PNG (matplotlib) and HTML (SVG) files are written and not empty."""

from __future__ import annotations

import os
import sys

import pytest

from eventwire.analytics import dyad_series, network_edges, timeline
from eventwire.analytics.plot import plot_dyads, plot_network, plot_timeline

sys.path.insert(0, os.path.dirname(__file__))
from test_analytics_dyads import dyad_store  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = dyad_store(tmp_path_factory.mktemp("plot") / "p.duckdb")
    yield st
    st.close()


@pytest.mark.parametrize("suffix", [".png", ".html"])
def test_dyad_plot_is_written(store, tmp_path, suffix):
    if suffix == ".png":
        pytest.importorskip("matplotlib")
    path = tmp_path / f"dyads{suffix}"
    plot_dyads(dyad_series(store, "RUR", "FRA", by="day"), path, title="RUR -> FRA")
    assert path.stat().st_size > 500


@pytest.mark.parametrize("suffix", [".png", ".html"])
def test_timeline_plot_is_written(store, tmp_path, suffix):
    if suffix == ".png":
        pytest.importorskip("matplotlib")
    path = tmp_path / f"timeline{suffix}"
    plot_timeline(timeline(store), path, title="timeline")
    assert path.stat().st_size > 500


@pytest.mark.parametrize("suffix", [".png", ".html"])
def test_network_plot_is_written(store, tmp_path, suffix):
    if suffix == ".png":
        pytest.importorskip("matplotlib")
    path = tmp_path / f"network{suffix}"
    plot_network(network_edges(store), path, title="network")
    assert path.stat().st_size > 500


def test_html_plot_holds_an_svg_with_the_title(store, tmp_path):
    path = tmp_path / "d.html"
    plot_dyads(dyad_series(store, "RUR", "FRA"), path, title="RUR to FRA")
    text = path.read_text(encoding="utf-8")
    assert "<svg" in text and "RUR to FRA" in text and "<rect" in text


def test_unknown_plot_suffix_is_refused(store, tmp_path):
    with pytest.raises(ValueError, match="png"):
        plot_dyads([], tmp_path / "d.pdf")
