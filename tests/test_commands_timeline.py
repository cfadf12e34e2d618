"""``eventwire timeline``: events in event-date order with their evidence."""

from __future__ import annotations

import os
import sys

from eventwire import cli

sys.path.insert(0, os.path.dirname(__file__))
from test_analytics_dyads import dyad_store  # noqa: E402


def test_cli_timeline_prints_events_with_sentences(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    dyad_store(db).close()
    assert cli.main(["timeline", "--actor", "RUR", "--from", "2024-05-01", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and lines[1].startswith("2024-05-14") and "Ruritania's" in lines[1]


def test_cli_timeline_png_plot(tmp_path, capsys):
    import pytest

    pytest.importorskip("matplotlib")
    db = tmp_path / "t.duckdb"
    dyad_store(db).close()
    plot = tmp_path / "t.png"
    assert cli.main(["timeline", "--db", str(db), "--plot", str(plot)]) == 0
    assert plot.read_bytes()[:4] == b"\x89PNG"


def test_cli_timeline_rejects_a_bad_date(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit):
        cli.main(["timeline", "--from", "May 2024", "--db", str(tmp_path / "x.duckdb")])
    assert "not a date" in capsys.readouterr().err
