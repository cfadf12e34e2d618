"""The actor knowledge base: built-in data files against their schema, user dictionaries."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pycountry
import pytest
import yaml

from eventwire.actors.kb import ActorDataError, ActorKB

DATA = resources.files("eventwire") / "data" / "actors"
CODE = re.compile(r"^[A-Z0-9]{3,15}$")
QID = re.compile(r"^Q[1-9][0-9]*$")


def _data(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kb():
    return ActorKB.load()


def test_builtin_files_load_under_strict_schema(kb):
    assert kb.version.startswith("2026")
    assert len(kb.countries) >= 249


def test_country_codes_are_iso3(kb):
    iso = {c.alpha_3 for c in pycountry.countries}
    assert set(kb.countries) - iso == {"XKX"}  # Kosovo: user-assigned code
    assert iso - set(kb.countries) == set()


def test_country_wikidata_ids_are_qids():
    qids = [c.get("wikidata") for c in _data("countries.yaml")["countries"]]
    assert all(q is None or QID.match(q) for q in qids)
    assert len({q for q in qids if q}) == len([q for q in qids if q])  # no duplicates


@pytest.mark.parametrize(
    ("phrase", "kind", "code"),
    [
        ("Chinese", "country", "CHN"),
        ("the Kremlin", "seat", "RUS"),
        ("Downing Street", "seat", "GBR"),
        ("Élysée", "seat", "FRA"),
        ("Beijing", "capital", "CHN"),
        ("Ukrainians", "country", "UKR"),
        ("Western", "region", "WST"),
        ("NATO", "org", "IGOWSTNAT"),
        ("U.N.", "org", "IGOUNO"),
    ],
)
def test_lookup_phrases(kb, phrase, kind, code):
    entries = kb.lookup(phrase)
    assert any(e.kind == kind and e.code == code for e in entries), entries


def test_acronyms_need_their_capitals(kb):
    assert not [e for e in kb.lookup("us") if e.kind == "country"]
    assert [e for e in kb.lookup("US") if e.code == "USA"]


def test_sector_vocabulary_is_large_and_valid():
    data = _data("sectors.yaml")
    terms = [t for g in data["roles"] for t in g["terms"]]
    assert len(terms) >= 200
    assert {g["sector"] for g in data["roles"]} <= set(data["codes"])
    for needed in (
        "GOV",
        "MIL",
        "COP",
        "REB",
        "OPP",
        "LEG",
        "JUD",
        "BUS",
        "MED",
        "EDU",
        "CVL",
        "REF",
        "HLH",
    ):
        assert needed in {g["sector"] for g in data["roles"]}


def test_igo_and_region_codes_follow_cameo_shape():
    igos = _data("igos.yaml")
    for item in igos["igos"]:
        assert CODE.match(item["code"]) and item["code"][:3] in {"IGO", "NGO", "NGM"}, item
        assert item.get("wikidata") is None or QID.match(item["wikidata"]), item
    for item in _data("regions.yaml")["regions"]:
        assert len(item["code"]) == 3 and item["code"].isupper(), item


def test_people_file_roles_are_well_formed(kb):
    for person in kb.people:
        for role in person.roles:
            assert role.country is None or len(role.country) == 3
            assert role.end is None or role.start is None or role.start <= role.end


def test_user_yaml_overrides_builtin(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("actors:\n  - {name: Georgia, code: USAGEO}\n", encoding="utf-8")
    kb = ActorKB.load(user_files=[f])
    (entry,) = kb.lookup("Georgia")
    assert entry.kind == "actor" and entry.windows_on(dt.date(2023, 1, 1)).code == "USAGEO"
    assert "+user." in kb.version


def test_user_csv_with_dates(tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text(
        "name,aliases,code,country,sector,from,to\n"
        "Anna Petrova,Petrova,RUROPP,,,,2023-12-31\n"
        "Anna Petrova,,RURGOV,,,2024-01-01,\n",
        encoding="utf-8",
    )
    kb = ActorKB.load(user_files=[f])
    (entry,) = kb.lookup("Petrova")
    assert entry.windows_on(dt.date(2023, 6, 1)).code == "RUROPP"
    assert entry.windows_on(dt.date(2024, 6, 1)).sector == "GOV"


def test_user_people_in_people_schema(tmp_path):
    f = tmp_path / "people.yaml"
    f.write_text(
        "people:\n"
        "  - name: Anna Petrova\n"
        "    wikidata: null\n"
        "    roles:\n"
        "      - {office: President, kind: head_of_state, country: RUR, sector: GOV,"
        " from: 2024-01-01, to: null}\n",
        encoding="utf-8",
    )
    kb = ActorKB.load(user_files=[f])
    (entry,) = kb.lookup("Anna Petrova")
    assert entry.ref.role_on(dt.date(2024, 5, 1)).country == "RUR"
    assert entry.ref.role_on(dt.date(2023, 5, 1)) is None


def test_bad_user_file_names_file_and_line(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("actors:\n  - {name: X, code: RUR}\n  - {name: Y, cod: RUR}\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match=r"bad\.yaml:3: unknown field"):
        ActorKB.load(user_files=[f])


def test_bad_role_date_is_reported(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text(
        "people:\n  - name: A B\n    roles:\n      - {office: x, kind: other, country: RUR,"
        " from: 2024-13-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(ActorDataError, match=r"bad\.yaml:4: not an ISO date"):
        ActorKB.load(user_files=[f])


def test_missing_user_file(tmp_path):
    with pytest.raises(ActorDataError, match="nope.yaml"):
        ActorKB.load(user_files=[tmp_path / "nope.yaml"])


def test_match_finds_longest_phrases(kb, parse):
    s = parse("The UN Security Council and the People's Liberation Army met.").sentences[0]
    texts = [s.span_text(m.start, m.end) for m in kb.match(s)]
    assert "UN Security Council" in texts
    assert "People's Liberation Army" in texts


def test_possessive_is_not_read_as_a_plural(kb, parse):
    s = parse("The army's commander met the governments of two neighbours.").sentences[0]
    spans = {s.span_text(m.start, m.end) for m in kb.match(s)}
    assert "army" in spans  # "army 's" is not the plural "armies"
    assert "army's" not in spans
    assert "governments" in spans


def test_generic_actor_sector_is_a_listed_sector(kb):
    generic = _data("regions.yaml")["generic"]
    codes = set(_data("sectors.yaml")["codes"])
    owned = {g["code"]: g["sector"] for g in generic if "sector" in g}
    assert owned["IGOPKO"] == "MIL"
    assert set(owned.values()) <= codes
    assert {e.owned for e in kb.lookup("peacekeepers")} == {"MIL"}
    assert {e.owned for e in kb.lookup("international community")} == {None}


def test_resolution_word_lists_name_known_sectors(kb):
    assert kb.words.placeless_sectors
    assert {w.upper() for w in kb.words.placeless_sectors} <= set(kb.sector_codes)
    assert "of" in kb.words.quantity_preps
    assert kb.words.pair_leaders <= kb.words.pair_people


def test_territory_is_its_former_state_before_independence(kb):
    assert kb.state_on("SSD", dt.date(2011, 7, 8)) == "SDN"
    assert kb.state_on("SSD", dt.date(2011, 7, 9)) == "SSD"
    assert kb.state_on("FRA", dt.date(1990, 1, 1)) == "FRA"


def test_user_country_part_of_needs_its_independence_day(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "countries:\n  - {code: RUR, name: Ruritania}\n"
        "  - {code: NRR, name: North Ruritania, part_of: RUR}\n",
        encoding="utf-8",
    )
    with pytest.raises(ActorDataError, match=r"mine\.yaml:3: part_of and independent"):
        ActorKB.load(user_files=[f])


def test_a_people_of_an_unlisted_country_is_an_error_naming_the_line():
    from eventwire.actors.kb import _Builder, _load_peoples
    from eventwire.actors.kbyaml import _read_yaml

    b = _Builder()
    data = _read_yaml("peoples:\n- {country: MMR, names: [Karen]}\n", "peoples.yaml")
    with pytest.raises(ActorDataError, match=r"peoples\.yaml:2: country 'MMR' is not"):
        _load_peoples(b, data, "peoples.yaml")


def test_a_people_name_gives_its_country_not_the_state(kb):
    entries = kb.lookup("Rohingyas")
    assert [(e.kind, e.code, e.via) for e in entries] == [("country", "MMR", "people")]


def test_the_version_names_the_content_of_the_data(kb):
    import hashlib
    from importlib import resources

    from eventwire.actors.kb import BUILTIN_FILES

    folder = resources.files("eventwire") / "data" / "actors"
    content = hashlib.sha1()
    for name in BUILTIN_FILES:
        content.update((folder / name).read_text(encoding="utf-8").encode("utf-8"))
    declared, _, digest = kb.version.partition("+")
    assert declared and digest == content.hexdigest()[:8]
