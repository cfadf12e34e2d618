"""``eventwire actors`` sub-commands."""

from __future__ import annotations

import argparse

import yaml

from eventwire.commands import actors


def _run(argv):
    parser = argparse.ArgumentParser()
    actors.configure(parser)
    return actors.run(parser.parse_args(argv))


def test_lookup_prints_codes(capsys):
    assert _run(["lookup", "the Kremlin"]) == 0
    assert "RUSGOV" in capsys.readouterr().out


def test_lookup_person_on_date(tmp_path, capsys):
    f = tmp_path / "p.yaml"
    f.write_text(
        "people:\n  - name: Anna Petrova\n    roles:\n      - {office: President, kind: head_of_state,"
        " country: RUR, sector: GOV, from: 2020-01-01, to: 2022-01-01}\n",
        encoding="utf-8",
    )
    assert _run(["lookup", "Anna Petrova", "--date", "2021-06-01", "--actors", str(f)]) == 0
    assert "RURGOV" in capsys.readouterr().out
    assert _run(["lookup", "Anna Petrova", "--date", "2023-06-01", "--actors", str(f)]) == 0
    assert "RURELI" in capsys.readouterr().out


def test_lookup_unknown_name(capsys):
    assert _run(["lookup", "Zzyzx Qwerty"]) == 1


def test_import_petrarch_writes_yaml(tmp_path, capsys):
    src = tmp_path / "actors.txt"
    src.write_text("RURITANIA [RUR]\n+RURITANIAN\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert _run(["import-petrarch", str(src), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["actors"] == [{"name": "Ruritania", "aliases": ["Ruritanian"], "code": "RUR"}]
