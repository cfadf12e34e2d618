"""``eventwire export`` and ``eventwire cluster`` on a real store file."""

from __future__ import annotations

import json
import os
import sys

from eventwire import cli

sys.path.insert(0, os.path.dirname(__file__))
from eventwire.store import open_store  # noqa: E402
from test_analytics_dyads import dyad_store  # noqa: E402
from test_store import batch  # noqa: E402


def test_cli_export_plover_to_a_file(tmp_path, capsys):
    db = tmp_path / "e.duckdb"
    dyad_store(db).close()
    out = tmp_path / "events.jsonl"
    assert cli.main(["export", "--format", "plover", "--db", str(db), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3 and "exported 3 events as plover" in capsys.readouterr().err


def test_cli_export_mentions_as_gdelt_to_stdout(tmp_path, capsys):
    db = tmp_path / "e.duckdb"
    dyad_store(db).close()
    assert cli.main(["export", "--format", "gdelt", "--unit", "mentions", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(len(line.split("\t")) == 61 for line in lines)


def test_cli_export_clusters_new_mentions_first(tmp_path, capsys):
    db = tmp_path / "raw.duckdb"
    with open_store(db) as st:
        st.add_batch(batch("r", 2, per=1))
    assert cli.main(["export", "--format", "csv", "--db", str(db)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2  # header + one event reported twice


def test_cli_export_parquet_needs_a_file(tmp_path, capsys):
    db = tmp_path / "e.duckdb"
    dyad_store(db).close()
    assert cli.main(["export", "--format", "parquet", "--db", str(db)]) == 2
    assert "-o" in capsys.readouterr().err


def test_cli_export_missing_store_is_an_error(tmp_path, capsys):
    assert cli.main(["export", "--format", "csv", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "none.duckdb: no such store" in capsys.readouterr().err


def test_cli_cluster_reports_what_it_did(tmp_path, capsys):
    db = tmp_path / "c.duckdb"
    with open_store(db) as st:
        st.add_batch(batch("c", 3, per=1))
    assert cli.main(["cluster", "--db", str(db), "--full"]) == 0
    assert "clustered 3 mentions into 1 events" in capsys.readouterr().err
