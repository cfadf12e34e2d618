"""PETRARCH/TABARI actor dictionaries -> user dictionaries."""

from __future__ import annotations

import datetime as dt

from eventwire.actors.kb import ActorKB
from eventwire.actors.petrarch import convert, display_name, import_file

SAMPLE = """<!-- an invented dictionary in PETRARCH format
  spanning lines -->
RURITANIA  [RUR]  # the kingdom
+RURITANIAN
+STRELSAU_

COUNT_RUPERT   # changes sides
+RUPERT_OF_HENTZAU
\t[RURREB <230601]
\t[RURGOV 20230601-20231231]
\t[RURELI >231231]

BLACK_ELPHBERG_GUARD [rurmil]
"""


def test_blocks_aliases_and_dates():
    rows, warnings = convert(SAMPLE, "sample.txt")
    assert warnings == []
    assert rows[0] == {"name": "Ruritania", "aliases": ["Ruritanian", "Strelsau"], "code": "RUR"}
    rupert = [r for r in rows if r["name"] == "Count Rupert"]
    assert rupert[0]["aliases"] == ["Rupert of Hentzau"]
    assert rupert[0]["to"] == "2023-05-31"
    assert rupert[1] == {
        "name": "Count Rupert",
        "code": "RURGOV",
        "from": "2023-06-01",
        "to": "2023-12-31",
    }
    assert rupert[2]["from"] == "2024-01-01"
    assert rows[-1]["code"] == "RURMIL"


def test_output_loads_as_user_dictionary(tmp_path):
    rows, _ = convert(SAMPLE)
    import yaml

    f = tmp_path / "out.yaml"
    f.write_text(yaml.safe_dump({"actors": rows}), encoding="utf-8")
    kb = ActorKB.load(user_files=[f])
    (entry,) = kb.lookup("Rupert of Hentzau")
    assert entry.windows_on(dt.date(2023, 1, 1)).code == "RURREB"
    assert entry.windows_on(dt.date(2023, 7, 1)).code == "RURGOV"
    assert entry.windows_on(dt.date(2024, 7, 1)).code == "RURELI"


def test_display_names():
    assert display_name("NEW_ZEALAND") == "New Zealand"
    assert display_name("U.S.") == "U.S."
    assert display_name("IMF") == "IMF"
    assert display_name("GROUP OF 77") == "Group of 77"


def test_validation_dictionary(shared_data, tmp_path):
    path = shared_data / "events" / "petrarch2_unittest" / "PETR.Validate.actors.txt"
    data, warnings = import_file(path)
    by_name = {}
    for row in data["actors"]:
        by_name.setdefault(row["name"], []).append(row)
    assert by_name["United States"][0]["aliases"] == ["USA", "U.S."]
    sam = by_name["Sam Gamgee"]
    assert [r["code"] for r in sam][-1] == "HOB"  # the undated default comes last
    assert any("FRO/BIL/SAM" in w for w in warnings)
    f = tmp_path / "validate.yaml"
    from eventwire.actors.petrarch import dump

    f.write_text(dump(data), encoding="utf-8")
    kb = ActorKB.load(user_files=[f])
    (entry,) = kb.lookup("Sam Gamgee")
    assert entry.windows_on(dt.date(2010, 1, 10)).code == "ORCHOB"  # first dated block wins
    assert entry.windows_on(dt.date(2011, 1, 10)).code == "HOBMIL"
    assert entry.windows_on(dt.date(2014, 1, 10)).code == "HOBELI"
