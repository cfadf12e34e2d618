"""End to end: `eventwire code` on the demo corpus into DuckDB, checked against
tests/cases/demo_events.yaml (format documented at the top of that file)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from test_cases import check_events, spec_problems

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "eventwire" / "data" / "demo"
ACTORS = DEMO / "ruritania-actors.yaml"
EXPECTED = yaml.safe_load((ROOT / "tests" / "cases" / "demo_events.yaml").read_text("utf-8"))
HEADER = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\s")


def article_text(name: str) -> str:
    return (DEMO / name).read_text(encoding="utf-8")


def run_code(*paths, db: Path) -> tuple[int, list[dict], str]:
    """Run `eventwire code PATHS --format jsonl --db DB --actors ...`; (exit code, events, stderr)."""
    from eventwire.cli import main

    # text streams with a .buffer, like the real ones
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    argv = ["code", *map(str, paths), "--format", "jsonl", "--db", str(db), "--actors", str(ACTORS)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(argv)
    out.flush()
    err.flush()
    lines = out.buffer.getvalue().decode("utf-8").splitlines()
    events = [json.loads(line) for line in lines if line.strip()]
    return rc, events, err.buffer.getvalue().decode("utf-8")


# Tables that log each run rather than hold data: a rerun adds a row there by design.
RUN_LOG_TABLES = {"main.runs"}


def row_counts(db: Path) -> dict[str, int]:
    """Rows per data table (the run log excluded)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_type = 'BASE TABLE'"
        ).fetchall()
        return {
            f"{s}.{t}": con.execute(f'SELECT count(*) FROM "{s}"."{t}"').fetchone()[0]
            for s, t in tables
            if f"{s}.{t}" not in RUN_LOG_TABLES
        }
    finally:
        con.close()


# --------------------------------------------------------------------------- the data


def test_demo_corpus_and_expectations_agree():
    files = sorted(p.name for p in DEMO.glob("*.txt"))
    assert len(files) >= 14
    assert sorted(entry["file"] for entry in EXPECTED) == files
    problems = []
    for entry in EXPECTED:
        text = article_text(entry["file"])
        header = HEADER.match(text)
        if not header or dt.date.fromisoformat(header.group(1)) != entry["date"]:
            problems.append(f"{entry['file']}: date header does not say {entry['date']}")
        for spec in entry.get("events", []) + entry.get("forbid", []):
            problems += spec_problems(spec, entry["file"])
            if "sentence" in spec and spec["sentence"] not in text:
                problems.append(f"{entry['file']}: {spec['sentence']!r} is not in the article")
        if not entry.get("events"):
            problems.append(f"{entry['file']}: no expected events")
    assert not problems, "\n".join(problems)


def test_ruritania_dictionary_is_well_formed():
    data = yaml.safe_load(ACTORS.read_text(encoding="utf-8"))
    actors = data["actors"]
    assert actors
    for actor in actors:
        assert set(actor) <= {"name", "aliases", "code", "country", "sector", "from", "to"}
        assert actor["code"].startswith("RUR") and actor["country"] == "RUR"


# --------------------------------------------------------------------------- the run


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    rc, events, err = run_code(DEMO, db=db)
    return {"db": db, "rc": rc, "events": events, "stderr": err}


def test_demo_run_succeeds(demo_run):
    assert demo_run["rc"] == 0, demo_run["stderr"]
    assert demo_run["events"], "no events written to stdout"
    dates = {e["doc_date"] for e in demo_run["events"]}
    assert dates == {entry["date"].isoformat() for entry in EXPECTED}


@pytest.mark.parametrize("entry", EXPECTED, ids=[e["file"] for e in EXPECTED])
def test_demo_article(demo_run, entry):
    text = article_text(entry["file"])
    events = [
        e
        for e in demo_run["events"]
        if e["doc_date"] == entry["date"].isoformat() and e["sentence"] in text
    ]
    problems = check_events(events, entry.get("events", []), entry.get("forbid", []))
    if problems:
        pytest.fail(entry["file"] + "\n" + "\n".join(problems), pytrace=False)


def test_demo_rerun_stores_nothing_twice(demo_run, tmp_path):
    db = demo_run["db"]
    before = row_counts(db)
    assert sum(before.values()) > 0, before
    rc, _, err = run_code(DEMO, db=db)
    assert rc == 0, err
    assert row_counts(db) == before
    # the same articles under another path are the same documents
    copy = tmp_path / "copy"
    shutil.copytree(DEMO, copy)
    rc, _, err = run_code(copy, db=db)
    assert rc == 0, err
    assert row_counts(db) == before


def test_demo_event_ids_are_stable(demo_run, tmp_path):
    rc, events, err = run_code(DEMO, db=tmp_path / "again.duckdb")
    assert rc == 0, err
    assert sorted(e["event_id"] for e in events) == sorted(
        e["event_id"] for e in demo_run["events"]
    )
