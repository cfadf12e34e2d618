"""Datelines and wire credits: the packaged rules, their examples and the golden cases."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from eventwire.ingest import DatelineParser, make_article

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "datelines.yaml").read_text("utf-8"))
DATA = yaml.safe_load(
    files("eventwire").joinpath("data", "ingest", "datelines.yaml").read_text("utf-8")
)
EXAMPLES = [
    (rule["id"], example)
    for rule in [*DATA["datelines"], *DATA["credits"]]
    for example in rule["examples"]
]
DATE = dt.date(2024, 5, 10)


@pytest.fixture(scope="module")
def datelines():
    return DatelineParser()


@pytest.mark.parametrize(("rule_id", "example"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_data_file_examples(datelines, rule_id, example):
    found = datelines.parse(example["text"])
    assert list(found.dateline) == example["dateline"]
    assert list(found.credits) == example["credits"]
    assert rule_id in found.rules


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_cases(datelines, case):
    article = make_article(case["text"], date=DATE, datelines=datelines)
    assert list(article.dateline) == case["dateline"]
    assert list(article.credits) == case["credits"]
    if "coded" in case:
        assert article.coded_text == case["coded"]


def test_case_file_has_negatives_and_both_kinds():
    negatives = [c for c in CASES if not c["dateline"] and not c["credits"]]
    assert len(negatives) >= 20
    assert sum(1 for c in CASES if c["dateline"]) >= 20
    assert sum(1 for c in CASES if c["credits"] and not c["dateline"]) >= 5


def test_spans_point_at_dateline_and_credits(datelines):
    text = (
        "WASHINGTON (Reuters) - The Senate voted.\n(Reporting by Ana Lima; Editing by Tom Reed)\n"
    )
    found = datelines.parse(text)
    assert text[slice(*found.dateline_span)] == "WASHINGTON (Reuters) -"
    assert text[slice(*found.credits_span)] == "(Reporting by Ana Lima; Editing by Tom Reed)"
    assert text[found.code_start : found.code_end] == "The Senate voted."


def test_dateline_after_leading_white_space_keeps_body_offsets(datelines):
    text = "\n  KYIV (AP) — Sirens sounded."
    found = datelines.parse(text)
    assert found.dateline_span == (3, 14)
    assert text[found.code_start :] == "Sirens sounded."


def test_credits_span_runs_over_several_pieces(datelines):
    text = "Talks ended.\n(Additional reporting by Ida Berg)\n(Editing by Tom Reed)\nAFP"
    found = datelines.parse(text)
    assert text[slice(*found.credits_span)] == (
        "(Additional reporting by Ida Berg)\n(Editing by Tom Reed)\nAFP"
    )
    assert found.credits == ("Additional reporting by Ida Berg", "Editing by Tom Reed", "AFP")


def test_agency_in_dateline_and_credit_line_is_listed_once(datelines):
    found = datelines.parse("MOSCOW (Reuters) - Talks ended.\nREUTERS")
    assert found.credits == ("Reuters",)
    assert found.code_end == len("MOSCOW (Reuters) - Talks ended.")


def test_no_dateline_or_credits_codes_whole_body_but_trailing_space(datelines):
    text = "The minister said talks would resume.  \n"
    found = datelines.parse(text)
    assert (found.dateline_span, found.credits_span) == (None, None)
    assert (found.code_start, found.code_end) == (0, len(text) - 3)


def test_dateline_without_body_leaves_empty_coded_region(datelines):
    found = datelines.parse("WASHINGTON (Reuters) -")
    assert found.dateline == ("Washington",)
    assert found.code_start == found.code_end


def test_place_names_in_capitals_become_title_case(datelines):
    assert datelines.place_name("RIO DE JANEIRO") == "Rio de Janeiro"
    assert datelines.place_name("THE HAGUE") == "The Hague"
    assert datelines.place_name("PORT-AU-PRINCE") == "Port-au-Prince"
    assert datelines.place_name("Kyiv") == "Kyiv"


def test_agency_aliases_map_to_canonical_names(datelines):
    assert datelines.agency("associated  press") == "AP"
    assert datelines.agency("Agence France-Presse") == "AFP"
    assert datelines.agency("Ruritanian Press") is None


RURITANIA_RULES = """
version: test
agencies:
  - {name: RPA, aliases: [RPA, Ruritanian Press Agency]}
months: [Jan]
weekdays: [Monday]
fragments:
  dash: '-'
datelines:
  - id: caps
    pattern: '(?P<places>[A-Z]{3,})[ ]\\((?P<agencies>{agency})\\)[ ]{dash}'
credits:
  - id: line
    whole_line: true
    pattern: '(?P<agencies>{agency})'
"""


def test_rules_come_from_the_data_file(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(RURITANIA_RULES, encoding="utf-8")
    custom = DatelineParser(path=path)
    text = "STRELSAU (Ruritanian Press Agency) - The king spoke.\nRPA"
    found = custom.parse(text)
    assert found.dateline == ("Strelsau",)
    assert found.credits == ("RPA",)
    assert custom.version == "test"
    assert DatelineParser().parse(text).dateline == ()


def test_unknown_fragment_is_reported(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(RURITANIA_RULES.replace("{dash}", "{dahs}"), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown fragment"):
        DatelineParser(path=path)


def test_very_long_single_line_body_is_handled(datelines):
    text = "LONDON: " + "Talks went on. " * 20000 + "  REUTERS"
    found = datelines.parse(text)
    assert found.dateline == ("London",)
    assert found.credits == ("Reuters",)
    assert text[found.code_end - 14 : found.code_end] == "Talks went on."
