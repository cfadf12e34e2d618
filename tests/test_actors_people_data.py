"""Checks of the people/offices data file (src/eventwire/data/actors/people.yaml)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from importlib.resources import files

import pycountry
import pytest
import yaml

KINDS = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other"}
ROLE_KEYS = {"office", "kind", "country", "sector", "from", "to"}
OPTIONAL_ROLE_KEYS = {"note", "code"}
PERSON_KEYS = {"name", "wikidata", "roles"}
OPTIONAL_PERSON_KEYS = {"aliases"}
# Codes used in news coding that ISO 3166-1 does not (yet) assign.
ISO3_EXCEPTIONS = {"XKX"}  # Kosovo
QID = re.compile(r"^Q[1-9][0-9]*$")
VERSION_DATE = dt.date(2026, 11, 27)
# Two holders of one office may overlap by a few days (handover recorded on
# different days by different sources); longer overlaps need a `note` on one role
# (acting holders, rival governments, co-leaders).
OVERLAP_TOLERANCE_DAYS = 3
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN",
       "KOR", "MEX", "RUS", "SAU", "TUR", "USA", "ZAF"]  # fmt: skip
P5 = ["CHN", "FRA", "GBR", "RUS", "USA"]
CONFLICT = ["UKR", "RUS", "SYR", "YEM", "AFG", "IRQ", "LBY", "SDN", "SSD", "SOM", "ETH",
            "MLI", "BFA", "NER", "NGA", "COD", "CAF", "MMR", "ISR", "PSE", "LBN", "ARM",
            "AZE", "COL", "MOZ", "CMR", "TCD", "PAK", "IND", "PHL"]  # fmt: skip


@pytest.fixture(scope="module")
def data():
    path = files("eventwire") / "data" / "actors" / "people.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def roles(data):
    return [(p, r) for p in data["people"] for r in p["roles"]]


def holders(roles, country, kind, day):
    return sorted(
        p["name"]
        for p, r in roles
        if r["country"] == country
        and r["kind"] == kind
        and r["from"] <= day
        and (r["to"] is None or day < r["to"])
    )


def test_top_level_has_version_and_people(data):
    assert set(data) == {"version", "people"}
    assert re.match(r"^\d{4}\.\d{2}$", data["version"])
    assert isinstance(data["people"], list) and data["people"]


def test_person_keys_and_types(data):
    for p in data["people"]:
        keys = set(p)
        assert PERSON_KEYS <= keys <= PERSON_KEYS | OPTIONAL_PERSON_KEYS, p.get("name")
        assert isinstance(p["name"], str) and p["name"].strip() == p["name"] != ""
        assert isinstance(p.get("aliases", []), list), p["name"]
        assert all(isinstance(a, str) and a for a in p.get("aliases", [])), p["name"]
        assert p["roles"], p["name"]


def test_role_keys_kinds_and_sectors(roles):
    for p, r in roles:
        assert ROLE_KEYS <= set(r) <= ROLE_KEYS | OPTIONAL_ROLE_KEYS, (p["name"], r)
        assert r["kind"] in KINDS, (p["name"], r)
        assert isinstance(r["office"], str) and r["office"], (p["name"], r)
        assert re.match(r"^[A-Z]{3}$", r["sector"]), (p["name"], r)


def test_roles_without_a_country_are_offices_of_international_bodies(roles):
    for p, r in roles:
        if r["country"] is None:
            assert r["sector"] == "IGO" and r["code"].startswith("IGO"), (p["name"], r)


def test_country_codes_are_iso3(roles):
    bad = {
        r["country"]
        for _, r in roles
        if r["country"] is not None
        and r["country"] not in ISO3_EXCEPTIONS
        and pycountry.countries.get(alpha_3=r["country"]) is None
    }
    assert not bad


def test_dates_parse_and_are_ordered(roles):
    for p, r in roles:
        assert isinstance(r["from"], dt.date), (p["name"], r)
        assert dt.date(1940, 1, 1) <= r["from"] <= VERSION_DATE, (p["name"], r)
        if r["to"] is not None:
            assert isinstance(r["to"], dt.date), (p["name"], r)
            assert r["from"] <= r["to"] <= VERSION_DATE, (p["name"], r)


def test_qids_are_well_formed_and_unique(data):
    qids = [p["wikidata"] for p in data["people"] if p["wikidata"] is not None]
    assert all(isinstance(q, str) and QID.match(q) for q in qids)
    assert len(qids) == len(set(qids))


def test_names_are_unique(data):
    names = [p["name"] for p in data["people"]]
    assert len(names) == len(set(names))


def test_no_unexplained_overlapping_terms(roles):
    # "other" roles are unrelated offices; they only clash with the same office.
    groups = defaultdict(list)
    for p, r in roles:
        office = r["office"] if r["kind"] == "other" else None
        groups[(r["country"], r["kind"], office)].append((p["name"], r))
    clashes = []
    for key, items in groups.items():
        items.sort(key=lambda x: x[1]["from"])
        for i, (n1, r1) in enumerate(items):
            end1 = r1["to"] or VERSION_DATE
            for n2, r2 in items[i + 1 :]:
                if r2["from"] >= end1:
                    break
                days = (min(end1, r2["to"] or VERSION_DATE) - r2["from"]).days
                if days > OVERLAP_TOLERANCE_DAYS and "note" not in r1 and "note" not in r2:
                    clashes.append((key, n1, n2, days))
    assert not clashes


def test_covers_at_least_80_countries(roles):
    assert len({r["country"] for _, r in roles}) >= 80


def leaders(roles, country, day):
    return holders(roles, country, "head_of_state", day) + holders(
        roles, country, "head_of_government", day
    )


@pytest.mark.parametrize("day", [dt.date(2023, 3, 17), VERSION_DATE])
@pytest.mark.parametrize("country", sorted(set(G20 + P5)))
def test_g20_and_p5_leader_in_office(roles, country, day):
    assert leaders(roles, country, day)


@pytest.mark.parametrize("country", CONFLICT)
def test_conflict_country_leader_in_office(roles, country):
    # Checked on a fixed past date: a term that ended on a fixed date after the
    # last review may have no successor recorded yet.
    assert leaders(roles, country, dt.date(2023, 3, 17))


def test_aliases_differ_from_names(data):
    names = {p["name"] for p in data["people"]}
    for p in data["people"]:
        aliases = p.get("aliases", [])
        assert len(aliases) == len(set(aliases)), p["name"]
        assert not set(aliases) & names, p["name"]


@pytest.mark.parametrize(
    ("country", "kind", "day", "name"),
    [
        ("CHN", "head_of_state", "2023-03-17", "Xi Jinping"),
        ("RUS", "head_of_state", "2023-03-17", "Vladimir Putin"),
        ("USA", "head_of_state", "2023-03-17", "Joe Biden"),
        ("UKR", "foreign_minister", "2023-03-17", "Dmytro Kuleba"),
        ("CHN", "foreign_minister", "2023-03-17", "Qin Gang"),
        ("RUS", "head_of_government", "2010-06-01", "Vladimir Putin"),
        ("GBR", "head_of_government", "2022-10-01", "Liz Truss"),
        ("USA", "defence_minister", "2016-06-01", "Ash Carter"),
        ("SDN", "head_of_state", "2018-06-01", "Omar al-Bashir"),
    ],
)
def test_spot_facts(roles, country, kind, day, name):
    assert holders(roles, country, kind, dt.date.fromisoformat(day)) == [name]


def test_one_person_keeps_all_roles(data):
    putin = next(p for p in data["people"] if p["name"] == "Vladimir Putin")
    kinds = {(r["kind"], r["country"]) for r in putin["roles"]}
    assert kinds == {("head_of_state", "RUS"), ("head_of_government", "RUS")}


def test_every_person_held_office_since_2010(data):
    start = dt.date(2010, 1, 1)
    stale = [
        p["name"]
        for p in data["people"]
        if not any(r["to"] is None or r["to"] >= start for r in p["roles"])
    ]
    assert not stale


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("Volodymyr Zelenskyy", "Zelenskiy"),
        ("Recep Tayyip Erdoğan", "Erdogan"),
        ("Luiz Inácio Lula da Silva", "Lula"),
    ],
)
def test_news_spellings_are_aliases(data, name, alias):
    person = next(p for p in data["people"] if p["name"] == name)
    assert alias in person["aliases"]
