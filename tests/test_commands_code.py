"""``eventwire code``: coding files end to end, printing, storing, bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire import cli
from eventwire.commands.code import run_code
from eventwire.store import open_store

ARTICLES = {
    "trade.txt": (
        "date 2024-05-10 BERLIN - France and Germany signed a trade agreement on Thursday, "
        "officials said.\n\nThe two governments will hold further talks next month.   REUTERS\n"
    ),
    "visit.txt": (
        "date 2023-03-17 MOSCOW - Chinese President Xi Jinping will visit Moscow next week, "
        "the Kremlin said on Friday.\n"
    ),
    "talks.txt": (
        "date 2023-05-05 Armenia and Azerbaijan held peace talks in Washington on Thursday.\n"
    ),
}


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def bad_inputs(tmp_path) -> list[Path]:
    """Bad input next to good: a text without a date, a missing file, a broken JSON line."""
    nodate = tmp_path / "nodate.txt"
    nodate.write_text("Officials said talks would resume.\n", encoding="utf-8")
    lines = tmp_path / "mixed.jsonl"
    lines.write_text(
        json.dumps({"date": "2024-02-23", "text": "The United States imposed sanctions on Russia."})
        + "\n{broken\n"
        + json.dumps(
            {"date": "2024-04-15", "text": "Germany will send air defence systems to Ukraine."}
        )
        + "\n",
        encoding="utf-8",
    )
    return [nodate, tmp_path / "missing.txt", lines]


def _code(pipeline, paths, store=None, fmt="jsonl", **kw):
    out, err = io.StringIO(), io.StringIO()
    summary = run_code(pipeline, paths, store=store, out=out, fmt=fmt, err=err, **kw)
    return summary, out.getvalue(), err.getvalue()


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# --------------------------------------------------------------------------- run_code


def test_run_code_prints_and_stores_the_same_events(pipeline, inputs, tmp_path, record_fields):
    with open_store(tmp_path / "s.duckdb") as store:
        summary, out, err = _code(pipeline, [inputs], store=store)
        printed = _jsonl(out)
        assert summary.exit_code == 0 and err == ""
        assert (summary.articles, summary.stored, summary.skipped) == (3, 3, 0)
        assert summary.events == len(printed) > 0
        assert all(record_fields <= set(rec) for rec in printed)
        assert sorted(store.events(), key=lambda r: r["event_id"]) == sorted(
            printed, key=lambda r: r["event_id"]
        )


def test_run_code_reports_bad_input_and_keeps_the_rest(pipeline, inputs, bad_inputs, tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        summary, out, err = _code(pipeline, [*bad_inputs, inputs], store=store, batch_size=2)
        nodate, missing, lines = bad_inputs
        messages = err.splitlines()
        assert len(messages) == 3 and summary.skipped == 3 and summary.exit_code == 1
        assert messages[0].startswith(f"{nodate}:1: ")
        assert messages[1].startswith(f"{missing}: ")
        assert messages[2].startswith(f"{lines}:2: ")
        assert store.counts()["articles"] == summary.articles == summary.stored == 5
    _, clean_out, _ = _code(pipeline, [lines, inputs])
    assert _jsonl(out) == _jsonl(clean_out)


def test_run_code_again_codes_nothing_but_prints_everything(pipeline, inputs, tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        first, out1, _ = _code(pipeline, [inputs], store=store)
        counts = store.counts()
        again, out2, _ = _code(pipeline, [inputs], store=store)
        assert (again.articles, again.stored, again.resumed) == (0, 0, 3)
        assert store.counts() == counts
        assert sorted(map(json.dumps, _jsonl(out2))) == sorted(map(json.dumps, _jsonl(out1)))
        runs = store.runs()
        assert [r["articles"] for r in runs] == [3, 0] and all(r["finished"] for r in runs)


def test_run_code_without_store(pipeline, inputs):
    summary, out, _ = _code(pipeline, [inputs], store=None, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert summary.stored == 0 and len(rows) == summary.events > 0


# --------------------------------------------------------------------------- command line


def test_cli_code_jsonl_and_store(inputs, tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    assert cli.main(["code", str(inputs), "--db", str(db), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    printed = _jsonl(captured.out)
    assert printed and "3 articles" in captured.err
    with open_store(db) as store:
        assert store.counts() == {"articles": 3, "mentions": len(printed)}


def test_cli_code_with_the_context_sentence_filter_prints_the_same_events(inputs, tmp_path, capsys):
    argv = ["code", str(inputs), "--no-store", "--quiet", "--format", "jsonl"]
    assert cli.main(argv) == 0
    full = _jsonl(capsys.readouterr().out)
    assert cli.main([*argv, "--sentence-filter", "context"]) == 0
    filtered = _jsonl(capsys.readouterr().out)
    assert full and filtered == full


def test_cli_code_bad_input_exits_1(bad_inputs, tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    argv = ["code", *map(str, bad_inputs), "--db", str(db), "--format", "table", "--quiet"]
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines()[-1] == "3 input(s) skipped"
    assert captured.out.startswith("DATE")
    with open_store(db) as store:
        assert store.counts()["articles"] == 2


def test_cli_code_no_store_writes_no_database(inputs, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["code", str(inputs), "--no-store", "--quiet", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.startswith("event_id,")
    assert not (tmp_path / "eventwire.duckdb").exists()


def test_eventwire_executable_prints_jsonl_when_piped(inputs, tmp_path, record_fields):
    exe = Path(sys.executable).with_name("eventwire")
    if not exe.exists():
        pytest.skip("the eventwire script is not installed next to this Python")
    proc = subprocess.run(
        [str(exe), "code", str(inputs / "trade.txt")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    printed = _jsonl(proc.stdout)
    assert printed and all(record_fields <= set(rec) for rec in printed)
    with open_store(tmp_path / "eventwire.duckdb") as store:
        assert store.counts() == {"articles": 1, "mentions": len(printed)}


def test_run_code_progress_line_is_cleared_at_the_end(pipeline, inputs):
    summary, _, err = _code(pipeline, [inputs], progress=True)
    assert "articles/s" in err and err.endswith("\r\x1b[K")
    assert summary.articles == 3


class _Interrupted:
    """Codes the given inputs with a real pipeline, then stops as Ctrl-C would."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.versions = pipeline.versions

    def code_paths(self, paths, *, skip=None):
        yield from self.pipeline.code_paths(paths, skip=skip)
        raise KeyboardInterrupt


def test_interrupted_run_keeps_what_was_coded(pipeline, inputs, tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            _code(_Interrupted(pipeline), [inputs], store=store, batch_size=64)
        assert store.counts()["articles"] == 3
        (run,) = store.runs()
        assert run["finished"] is None and run["articles"] == 3


ACTORS = """\
actors:
  - name: Government of Freedonia
    aliases: [Freedonian government, Freedonia's Foreign Minister]
    code: FRDGOV
    country: FRD
    sector: GOV
    from: null
    to: null
"""


def test_cli_code_uses_user_actor_files(tmp_path, capsys):
    actors = tmp_path / "freedonia.yaml"
    actors.write_text(ACTORS, encoding="utf-8")
    article = tmp_path / "visit.txt"
    article.write_text(
        "date 2024-05-10 Freedonia's Foreign Minister will visit Paris on Tuesday.\n",
        encoding="utf-8",
    )
    argv = ["code", str(article), "--no-store", "--quiet", "--actors", str(actors)]
    assert cli.main([*argv, "--format", "jsonl"]) == 0
    printed = _jsonl(capsys.readouterr().out)
    assert any((rec["source"] or {}).get("code") == "FRDGOV" for rec in printed)


def test_cli_code_bad_actor_file_is_a_clear_error(inputs, tmp_path, capsys):
    db = tmp_path / "never.duckdb"
    missing = tmp_path / "missing-actors.yaml"
    assert cli.main(["code", str(inputs), "--db", str(db), "--actors", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("eventwire code: ") and str(missing) in captured.err
    assert captured.out == "" and not db.exists()
