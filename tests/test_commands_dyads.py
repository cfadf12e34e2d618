"""``eventwire dyads SOURCE TARGET``: a table, and a plot with --plot."""

from __future__ import annotations

import os
import sys

from eventwire import cli

sys.path.insert(0, os.path.dirname(__file__))
from test_analytics_dyads import dyad_store  # noqa: E402


def test_cli_dyads_prints_a_monthly_table(tmp_path, capsys):
    db = tmp_path / "d.duckdb"
    dyad_store(db).close()
    assert cli.main(["dyads", "RUR", "FRA", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["period", "events", "q1"]
    assert [line.split()[:2] for line in lines[1:]] == [["2024-05-01", "2"], ["2024-06-01", "1"]]


def test_cli_dyads_no_planned_by_week_with_html_plot(tmp_path, capsys):
    db = tmp_path / "d.duckdb"
    dyad_store(db).close()
    plot = tmp_path / "d.html"
    args = ["dyads", "RUR", "FRA", "--by", "week", "--no-planned", "--plot", str(plot)]
    assert cli.main([*args, "--db", str(db)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3 and plot.stat().st_size > 0
