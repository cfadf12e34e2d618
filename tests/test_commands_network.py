"""``eventwire network``: actor edges as a table, CSV or GraphML."""

from __future__ import annotations

import os
import sys

from eventwire import cli

sys.path.insert(0, os.path.dirname(__file__))
from test_analytics_dyads import dyad_store  # noqa: E402


def test_cli_network_graphml_to_a_file(tmp_path, capsys):
    db = tmp_path / "n.duckdb"
    dyad_store(db).close()
    out = tmp_path / "g.graphml"
    assert cli.main(["network", "--format", "graphml", "-o", str(out), "--db", str(db)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("<node ") == 2 and text.count("<edge ") == 1


def test_cli_network_csv_with_date_range(tmp_path, capsys):
    db = tmp_path / "n.duckdb"
    dyad_store(db).close()
    args = ["network", "--format", "csv", "--from", "2024-06-01", "--to", "2024-06-30"]
    assert cli.main([*args, "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("RURGOV,FRA,") and ",1," in lines[1]
