"""The actor knowledge base: countries, regions, organisations, role words, people.

``ActorKB.load()`` reads the data files in ``eventwire/data/actors`` (format in the
README there) and any user dictionaries (YAML or CSV), and compiles one phrase
lexicon: normalised phrase -> entries.  Everything is compiled once at load time;
``ActorKB.match(sentence)`` then finds the longest known phrases in a sentence with a
handful of dictionary look-ups per token.

User dictionaries extend and override the built-in data: a phrase a user file
defines replaces every built-in meaning of that phrase.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.actors.kbyaml import (
    ActorDataError,
    _check_keys,
    _code,
    _date,
    _list,
    _read_yaml,
)
from eventwire.records import Sentence

BUILTIN_FILES = (
    "resolution.yaml",
    "sectors.yaml",
    "countries.yaml",
    "regions.yaml",
    "igos.yaml",
    "people.yaml",
    "people_history.yaml",
    "peoples.yaml",
)
TRANSNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS"})
ROLE_KINDS = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other"}
)
ACTOR_FIELDS = ("name", "aliases", "code", "country", "sector", "from", "to", "wikidata")
PLACE_KINDS = frozenset({"country", "capital", "region"})
NO_CODE = "---"  # a user entry that says: this name is not an actor


# --------------------------------------------------------------------------- text keys

_DROP = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


def fold(text: str) -> str:
    """Strip accents and unify quotes and dashes; keeps case."""
    text = text.translate(_DROP)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def token_key(text: str) -> str:
    """Normalised form of one token: lower case, no accents, dots, apostrophes or hyphens."""
    t = fold(text).lower().replace(".", "").replace("'", "")
    return " ".join(t.replace("-", " ").split())


def phrase_key(text: str) -> str:
    """Normalised form of a phrase, equal to the joined keys of its tokens."""
    return " ".join(token_key(w) for w in fold(text).split() if token_key(w))


def shape(text: str) -> str:
    """Case-preserving form used for exact-case entries (acronyms)."""
    t = fold(text).replace(".", "").replace("'", "").replace("-", " ")
    return " ".join(t.split())


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def plural(term: str) -> str:
    words = term.split()
    w = words[-1]
    if w.endswith("man"):
        w = w[:-3] + "men"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    elif w.endswith(("x", "ch", "sh")):
        w += "es"
    else:
        w += "s"
    return " ".join([*words[:-1], w])


def _in_window(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Role:
    office: str
    kind: str
    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None
    code: str | None = None  # a full CAMEO code where country + sector cannot say it (IGOUNO)

    @property
    def full_code(self) -> str:
        return self.code or (self.country or "") + (self.sector or "")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    wikidata: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_on(self, day: dt.date) -> Role | None:
        found = None
        for role in self.roles:  # sorted by start: the latest-started one wins
            if _in_window(day, role.start, role.end):
                found = role
        return found

    def last_role_before(self, day: dt.date) -> Role | None:
        past = [r for r in self.roles if r.end is not None and r.end < day]
        return max(past, key=lambda r: r.end) if past else None

    def first_role(self) -> Role | None:
        return self.roles[0] if self.roles else None


@dataclass(frozen=True, slots=True)
class CodeWindow:
    code: str
    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a phrase.

    kind: country | capital | seat | region | org | sector | person | actor | honorific | former
    """

    kind: str
    name: str
    code: str | None = None  # country/region/org code, or the sector of a role word
    sector: str | None = None  # seat sector, org sector
    wikidata: str | None = None
    case: str = "cap"  # exact | cap | any
    shape: str = ""  # for case == "exact"
    person: bool = False  # role word naming a person (a title)
    generic: bool = False
    strong: bool = False
    office_kind: str | None = None
    term: str = ""  # the role word as listed
    via: str = ""  # country: name | adj
    owned: str | None = None  # generic actor: the sector it takes with a country
    ref: Any = None  # Person or tuple[CodeWindow, ...]
    user: bool = False

    def windows_on(self, day: dt.date) -> CodeWindow | None:
        """For user actors: the code window that applies on ``day`` (dated ones first)."""
        windows: tuple[CodeWindow, ...] = self.ref or ()
        for w in windows:
            if (w.start or w.end) and _in_window(day, w.start, w.end):
                return w
        for w in windows:
            if not (w.start or w.end):
                return w
        return None


@dataclass(frozen=True, slots=True)
class Words:
    """Function words the resolver needs (data/actors/resolution.yaml)."""

    context_preps: frozenset[str] = frozenset()
    locative_preps: frozenset[str] = frozenset()
    agent_preps: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    plural_object_pronouns: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    pair_quantifiers: frozenset[str] = frozenset()
    pair_people: frozenset[str] = frozenset()
    pair_leaders: frozenset[str] = frozenset()
    pair_states: frozenset[str] = frozenset()
    pair_governments: frozenset[str] = frozenset()
    pair_sides: frozenset[str] = frozenset()
    business_words: frozenset[str] = frozenset()
    ethnic_markers: frozenset[str] = frozenset()
    stance_prefixes: frozenset[str] = frozenset()
    unattributed_roots: frozenset[str] = frozenset()
    unattributed_sector: frozenset[str] = frozenset()
    unattributed_means: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    quantity_preps: frozenset[str] = frozenset()
    placeless_sectors: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    domestic_sectors: frozenset[str] = frozenset()


WORD_LISTS = (
    "context_preps",
    "locative_preps",
    "agent_preps",
    "pronouns",
    "plural_object_pronouns",
    "name_particles",
    "pair_quantifiers",
    "pair_people",
    "pair_leaders",
    "pair_states",
    "pair_governments",
    "pair_sides",
    "business_words",
    "ethnic_markers",
    "stance_prefixes",
    "unattributed_roots",
    "unattributed_sector",
    "unattributed_means",
    "quantity_nouns",
    "quantity_preps",
    "placeless_sectors",
    "state_sectors",
    "domestic_sectors",
)


def _load_words(data, path) -> Words:
    extra = set(data) - {*WORD_LISTS, "version", "examples", "__line__"}
    if extra:
        raise ActorDataError(path, None, f"unknown section(s): {', '.join(sorted(extra))}")
    return Words(
        **{k: frozenset(w.lower() for w in _list(data.get(k), path, None, k)) for k in WORD_LISTS}
    )


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # sentence token index
    end: int  # exclusive
    entries: tuple[Entry, ...]


@dataclass
class _Builder:
    lexicon: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, dict] = field(default_factory=dict)
    regions: dict[str, dict] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    sector_codes: dict[str, str] = field(default_factory=dict)
    words: Words = field(default_factory=Words)

    def add(self, phrase: str, entry: Entry, *, override: set[str] | None = None) -> None:
        if phrase[:4].lower() == "the " and len(phrase) > 4:  # the article belongs to the phrase
            phrase = phrase[4:]
        key = phrase_key(phrase)
        if not key:
            return
        if entry.case == "cap" and _is_acronym(phrase) and len(key.replace(" ", "")) <= 6:
            entry = _replace(entry, case="exact", shape=shape(phrase))
        elif entry.case == "cap" and phrase[:1].islower():
            # a name listed in lower case ("al-Qaeda") is written so in text
            entry = _replace(entry, case="any")
        bucket = self.lexicon.setdefault(key, [])
        if override is not None and key not in override:
            bucket[:] = [e for e in bucket if e.user]
            override.add(key)
        if entry not in bucket:
            bucket.append(entry)


def _replace(entry: Entry, **changes) -> Entry:
    return replace(entry, **changes)


# --------------------------------------------------------------------------- sections

COUNTRY_KEYS = (
    "code", "name", "names", "adj", "capitals", "seats", "wikidata", "part_of", "independent"
)  # fmt: skip


def _add_demonym(b: _Builder, word: str, entry: Entry, override) -> None:
    """A people's or nationality's word and its plural: "Russians", "Tamils"; not
    "Chineses"."""
    b.add(word, entry, override=override)
    if not word.endswith(("ese", "sh", "ch", "s")):
        b.add(plural(word), entry, override=override)


def _load_countries(b: _Builder, items, path, user: bool, override) -> None:
    for item in items or ():
        line = _check_keys(item, COUNTRY_KEYS, path, "country")
        code = _code(item.get("code"), path, line, length=(3, 3))
        name = str(item.get("name") or "").strip()
        if not name:
            raise ActorDataError(path, line, "country without a name")
        qid = item.get("wikidata")
        b.countries[code] = {"name": name, "wikidata": qid}
        if item.get("part_of") or item.get("independent"):
            # "Juba" in 2005 is in Sudan: the state a territory belonged to until a day
            since = _date(item.get("independent"), path, line)
            if since is None or not item.get("part_of"):
                raise ActorDataError(path, line, "part_of and independent go together")
            b.countries[code]["part_of"] = (
                _code(item["part_of"], path, line, length=(3, 3)),
                since,
            )
        base = Entry("country", name, code=code, wikidata=qid, via="name", user=user)
        for phrase in [name, *_list(item.get("names"), path, line, "names")]:
            b.add(phrase, base, override=override)
        for adj in _list(item.get("adj"), path, line, "adj"):
            entry = _replace(base, via="adj")
            _add_demonym(b, adj, entry, override)
        for city in _list(item.get("capitals"), path, line, "capitals"):
            b.add(
                city, Entry("capital", name, code=code, wikidata=qid, user=user), override=override
            )
        seats = item.get("seats") or {}
        if not isinstance(seats, dict):
            raise ActorDataError(path, line, "seats must be a mapping of name: SECTOR")
        for seat, sector in seats.items():
            if seat == "__line__":
                continue
            sec = _code(sector, path, line, "seat sector", (3, 3))
            b.add(seat, Entry("seat", name, code=code, sector=sec, user=user), override=override)


def _load_regions(b: _Builder, data, path) -> None:
    for item in data.get("regions") or ():
        line = _check_keys(item, ("code", "name", "names", "adj", "wikidata"), path, "region")
        code = _code(item.get("code"), path, line, length=(3, 3))
        entry = Entry("region", str(item["name"]), code=code, wikidata=item.get("wikidata"))
        b.regions[code] = {"name": entry.name, "wikidata": entry.wikidata}
        for phrase in [item["name"], *_list(item.get("names"), path, line, "names")]:
            b.add(phrase, entry)
        for adj in _list(item.get("adj"), path, line, "adj"):
            b.add(adj, entry)
    for item in data.get("generic") or ():
        line = _check_keys(item, ("code", "name", "phrases", "sector"), path, "generic actor")
        code = _code(item.get("code"), path, line)
        owned = item.get("sector")
        if owned is not None:
            owned = _code(owned, path, line, "sector", (3, 3))
            if b.sector_codes and owned not in b.sector_codes:
                raise ActorDataError(path, line, f"sector {owned!r} is not in sectors.yaml")
        entry = Entry("org", str(item["name"]), code=code, sector=code[:3], case="any", owned=owned)
        for phrase in _list(item.get("phrases"), path, line, "phrases"):
            b.add(phrase, _replace(entry, case="cap" if _is_acronym(phrase) else "any"))


def _load_igos(b: _Builder, data, path) -> None:
    for item in data.get("igos") or ():
        line = _check_keys(item, ("code", "name", "names", "wikidata", "composed"), path, "igo")
        code = _code(item.get("code"), path, line)
        entry = Entry(
            "org", str(item["name"]), code=code, sector=code[:3], wikidata=item.get("wikidata")
        )
        for phrase in [item["name"], *_list(item.get("names"), path, line, "names")]:
            b.add(phrase, entry)


GROUP_KEYS = ("code", "name", "names", "wikidata", "periods")


def _load_groups(b: _Builder, data, path) -> None:
    """Non-state armed and political groups: a country-bound code, optionally by period."""
    for item in data.get("groups") or ():
        line = _check_keys(item, GROUP_KEYS, path, "group")
        windows = []
        for period in item.get("periods") or ():
            pline = _check_keys(period, ("code", "from", "to"), path, "period")
            code = _code(period.get("code"), path, pline)
            start, end = (
                _date(period.get("from"), path, pline),
                _date(period.get("to"), path, pline),
            )
            windows.append(_window(b, code, start, end))
        windows.append(_window(b, _code(item.get("code"), path, line), None, None))
        entry = Entry("actor", str(item["name"]), wikidata=item.get("wikidata"), ref=tuple(windows))
        for phrase in [item["name"], *_list(item.get("names"), path, line, "names")]:
            b.add(phrase, entry)


def _window(b: _Builder, code: str, start, end) -> CodeWindow:
    country = None if code[:3] in TRANSNATIONAL else code[:3]
    sector = code[3:6] if len(code) >= 6 and code[3:6] in b.sector_codes else None
    return CodeWindow(code, country, sector, start, end)


def _load_sectors(b: _Builder, data, path) -> None:
    codes = data.get("codes") or {}
    b.sector_codes.update({k: str(v) for k, v in codes.items() if k != "__line__"})
    for word in _list(data.get("former"), path, None, "former"):
        b.add(word, Entry("former", word, case="any"))
    for word in _list(data.get("honorifics"), path, None, "honorifics"):
        b.add(word, Entry("honorific", word))
    for group in data.get("roles") or ():
        allowed = ("sector", "terms", "person", "generic", "strong", "kind", "plural")
        line = _check_keys(group, allowed, path, "role group")
        sector = _code(group.get("sector"), path, line, "sector", (3, 3))
        if sector not in b.sector_codes:
            raise ActorDataError(path, line, f"sector {sector} is not listed under codes")
        kind = group.get("kind")
        if kind is not None and kind not in ROLE_KINDS:
            raise ActorDataError(path, line, f"unknown kind {kind!r}")
        for term in _list(group.get("terms"), path, line, "terms"):
            entry = Entry(
                "sector",
                term,
                code=sector,
                case="any",
                person=bool(group.get("person")),
                generic=bool(group.get("generic")),
                strong=bool(group.get("strong")),
                office_kind=kind,
                term=term,
            )
            b.add(term, entry)
            if group.get("plural", True) and not term.endswith("s"):
                b.add(plural(term), entry)


PEOPLE_KEYS = ("name", "wikidata", "aliases", "roles", "note")
ROLE_KEYS = ("office", "kind", "country", "sector", "code", "from", "to", "note")


def _load_peoples(b: _Builder, data, path) -> None:
    """Peoples living mainly in one state: their names give its country, not the state."""
    for item in data.get("peoples") or ():
        line = _check_keys(item, ("country", "names"), path, "people")
        code = _code(item.get("country"), path, line, "country", (3, 3))
        if code not in b.countries:
            raise ActorDataError(path, line, f"country {code!r} is not in countries.yaml")
        c = b.countries[code]
        entry = Entry("country", c["name"], code=code, wikidata=c["wikidata"], via="people")
        for name in _list(item.get("names"), path, line, "names"):
            _add_demonym(b, name, entry, None)


def _load_people(b: _Builder, items, path, user: bool, override) -> None:
    for item in items or ():
        line = _check_keys(item, PEOPLE_KEYS, path, "person")
        name = str(item.get("name") or "").strip()
        if not name:
            raise ActorDataError(path, line, "person without a name")
        roles = []
        for r in item.get("roles") or ():
            rline = _check_keys(r, ROLE_KEYS, path, "role")
            kind = r.get("kind") or "other"
            if kind not in ROLE_KINDS:
                raise ActorDataError(path, rline, f"unknown role kind {kind!r}")
            country = (
                _code(r["country"], path, rline, "country", (3, 3)) if r.get("country") else None
            )
            sector = _code(r["sector"], path, rline, "sector", (3, 3)) if r.get("sector") else None
            start, end = _date(r.get("from"), path, rline), _date(r.get("to"), path, rline)
            if start and end and end < start:
                raise ActorDataError(path, rline, f"role ends ({end}) before it starts ({start})")
            code = _code(r["code"], path, rline, "code", (3, 12)) if r.get("code") else None
            roles.append(Role(str(r.get("office") or ""), kind, country, sector, start, end, code))
        roles.sort(key=lambda r: r.start or dt.date.min)
        aliases = tuple(_list(item.get("aliases"), path, line, "aliases"))
        person = Person(name, item.get("wikidata"), aliases, tuple(roles))
        b.people.append(person)
        entry = Entry("person", name, wikidata=person.wikidata, ref=person, user=user)
        for phrase in (name, *aliases):
            b.add(phrase, entry, override=override)


def _actor_rows_yaml(items, path) -> list[tuple[int | None, dict]]:
    rows = []
    for item in items or ():
        line = _check_keys(item, ACTOR_FIELDS, path, "actor")
        rows.append((line, item))
    return rows


def _actor_rows_csv(text: str, path) -> list[tuple[int | None, dict]]:
    reader = csv.DictReader(text.splitlines())
    missing = {"name", "code"} - set(reader.fieldnames or ())
    if missing:
        raise ActorDataError(path, 1, f"CSV header lacks column(s): {', '.join(sorted(missing))}")
    extra = set(reader.fieldnames or ()) - set(ACTOR_FIELDS)
    if extra:
        raise ActorDataError(path, 1, f"unknown CSV column(s): {', '.join(sorted(extra))}")
    rows = []
    for row in reader:
        aliases = [a.strip() for a in re.split(r"[;|]", row.get("aliases") or "") if a.strip()]
        rows.append((reader.line_num, {**row, "aliases": aliases}))
    return rows


def _load_actor_rows(b: _Builder, rows, path, override) -> None:
    grouped: dict[str, tuple[list[str], list[CodeWindow], str | None]] = {}
    for line, row in rows:
        name = str(row.get("name") or "").strip()
        if not name:
            raise ActorDataError(path, line, "actor without a name")
        code = _code(row.get("code"), path, line)
        country = row.get("country") or None
        if country:
            country = _code(country, path, line, "country", (3, 3))
        elif code != NO_CODE and code[:3] not in TRANSNATIONAL:
            country = code[:3]
        sector = row.get("sector") or None
        if sector:
            sector = _code(sector, path, line, "sector", (3, 3))
        elif len(code) >= 6 and code[3:6] in b.sector_codes:
            sector = code[3:6]
        start, end = _date(row.get("from"), path, line), _date(row.get("to"), path, line)
        window = CodeWindow(code, country, sector, start, end)
        aliases, windows, qid = grouped.setdefault(name, ([], [], row.get("wikidata") or None))
        aliases.extend(
            a for a in _list(row.get("aliases"), path, line, "aliases") if a not in aliases
        )
        windows.append(window)
    for name, (aliases, windows, qid) in grouped.items():
        entry = Entry("actor", name, wikidata=qid, ref=tuple(windows), user=True)
        for w in windows:
            if w.code == w.country and w.country not in b.countries:  # a place: Ruritania -> RUR
                b.regions.setdefault(w.country, {"name": name, "wikidata": qid})
        for phrase in (name, *aliases):
            b.add(phrase, entry, override=override)


# --------------------------------------------------------------------------- the KB


class ActorKB:
    """Compiled actor knowledge: phrase lexicon, countries, people."""

    def __init__(self, builder: _Builder, version: str) -> None:
        self.version = version
        self.lexicon: dict[str, tuple[Entry, ...]] = {
            k: _places_before_people(k, v) for k, v in builder.lexicon.items()
        }
        self.countries: dict[str, dict] = dict(builder.countries)
        self.regions: dict[str, dict] = dict(builder.regions)
        self.people: tuple[Person, ...] = tuple(builder.people)
        self.sector_codes: dict[str, str] = dict(builder.sector_codes)
        self.words: Words = builder.words
        prefixes: set[str] = set()
        longest = 1
        for key in self.lexicon:
            words = key.split(" ")
            longest = max(longest, len(words))
            for i in range(1, len(words) + 1):
                prefixes.add(" ".join(words[:i]))
        self._prefixes = frozenset(prefixes)
        self._max_words = longest
        # surnames derived from people's names (used only when unambiguous)
        surnames: dict[str, list[Person]] = {}
        for person in self.people:
            parts = person.name.split()
            if len(parts) >= 2:
                surnames.setdefault(token_key(parts[-1]), []).append(person)
        self.surnames: dict[str, tuple[Person, ...]] = {k: tuple(v) for k, v in surnames.items()}

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, *, user_files: Sequence[str | Path] = ()) -> ActorKB:
        b = _Builder()
        base = resources.files("eventwire") / "data" / "actors"
        versions = []
        content = hashlib.sha1()  # the version names the content, not only the declared one
        for name in BUILTIN_FILES:
            res = base / name
            if not res.is_file():
                continue
            path = f"eventwire/data/actors/{name}"
            text = res.read_text(encoding="utf-8")
            content.update(text.encode("utf-8"))
            data = _read_yaml(text, path)
            versions.append(str(data.get("version", "0")))
            if name == "resolution.yaml":
                b.words = _load_words(data, path)
            elif name == "countries.yaml":
                _load_countries(b, data.get("countries"), path, False, None)
            elif name == "regions.yaml":
                _load_regions(b, data, path)
            elif name == "igos.yaml":
                _load_igos(b, data, path)
                _load_groups(b, data, path)
            elif name == "sectors.yaml":
                _load_sectors(b, data, path)
            elif name == "peoples.yaml":
                _load_peoples(b, data, path)
            else:
                _load_people(b, data.get("people"), path, False, None)
        version = f"{max(versions) if versions else '0'}+{content.hexdigest()[:8]}"
        digest = hashlib.sha1()
        for user_file in user_files:
            path = Path(user_file)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise ActorDataError(path, None, f"cannot read: {exc.strerror or exc}") from None
            digest.update(text.encode("utf-8"))
            cls._load_user(b, text, path)
        if user_files:
            version += "+user." + digest.hexdigest()[:8]
        return cls(b, version)

    @staticmethod
    def _load_user(b: _Builder, text: str, path: Path) -> None:
        override: set[str] = set()
        if path.suffix.lower() == ".csv":
            _load_actor_rows(b, _actor_rows_csv(text, path), path, override)
            return
        data = _read_yaml(text, path)
        known = {"version", "countries", "people", "actors", "__line__"}
        extra = set(data) - known
        if extra:
            raise ActorDataError(path, None, f"unknown section(s): {', '.join(sorted(extra))}")
        _load_countries(b, data.get("countries"), path, True, override)
        _load_people(b, data.get("people"), path, True, override)
        _load_actor_rows(b, _actor_rows_yaml(data.get("actors"), path), path, override)

    # ------------------------------------------------------------------ look-ups

    def lookup(self, phrase: str) -> tuple[Entry, ...]:
        """All meanings of a phrase (case-checked against the phrase as written)."""
        if phrase[:4].lower() == "the " and len(phrase) > 4:
            phrase = phrase[4:]
        key = phrase_key(phrase)
        return tuple(e for e in self.lexicon.get(key, ()) if _case_ok(e, phrase))

    def country_name(self, code: str | None) -> str | None:
        info = self.countries.get(code or "") or self.regions.get(code or "")
        return info["name"] if info else None

    def state_on(self, code: str, day: dt.date) -> str:
        """The state a country's territory belonged to on ``day`` (``part_of`` before
        ``independent``): SSD places are SDN before 2011-07-09; else the code itself."""
        info = self.countries.get(code)
        while info and "part_of" in info and day < info["part_of"][1]:
            code = info["part_of"][0]
            info = self.countries.get(code)
        return code

    def country_qid(self, code: str | None) -> str | None:
        info = self.countries.get(code or "") or self.regions.get(code or "")
        return info["wikidata"] if info else None

    def surname_country(self, surname: str) -> str | None:
        """The country of everyone known by this surname, when they all served one country
        ("Bush", "Papandreou"); None when unknown or ambiguous."""
        found = {r.country for p in self.surnames.get(token_key(surname), ()) for r in p.roles}
        return found.pop() if len(found) == 1 else None

    def person_by_surname(self, surname: str, day: dt.date) -> Person | None:
        """A person known by this surname alone, when exactly one is in office on ``day``."""
        cands = [p for p in self.surnames.get(token_key(surname), ()) if p.role_on(day)]
        return cands[0] if len(cands) == 1 else None

    def match(self, sentence: Sentence) -> list[Match]:
        """Longest known phrases in a sentence, left to right, not overlapping."""
        tokens = sentence.tokens
        keys = [token_key(t.text) for t in tokens]
        n = len(tokens)
        out: list[Match] = []
        i = 0
        lexicon, prefixes = self.lexicon, self._prefixes
        while i < n:
            if not keys[i]:
                i += 1
                continue
            best: Match | None = None
            key = ""
            j = i
            while j < n:
                k = keys[j]
                if k:
                    attach = tokens[j].text.startswith("'") and j > i
                    key = key + k if (attach or not key) else key + " " + k
                nxt = j + 1 < n and tokens[j + 1].text.startswith("'")
                if not nxt and key not in prefixes:
                    break
                entries = lexicon.get(key)
                if entries and k and not (attach and k == "s"):  # "government 's" != "governments"
                    raw = sentence.span_text(i, j + 1)
                    ok = tuple(e for e in entries if _case_ok(e, raw))
                    if ok:
                        best = Match(i, j + 1, ok)
                j += 1
            if best is not None and out and out[-1].end == i and _after_honorific(out[-1], best):
                best = None  # "Mr Hague": a surname, not the city
            if best is not None:
                out.append(best)
                i = best.end
            else:
                i += 1
        return out


def _after_honorific(before: Match, m: Match) -> bool:
    """``m`` names only places and comes right after a courtesy title ("Mr Hague")."""
    places = ("country", "capital", "seat", "region")
    return any(e.kind == "honorific" for e in before.entries) and all(
        e.kind in places for e in m.entries
    )


KIND_ORDER = {
    "actor": 0, "person": 1, "org": 2, "seat": 3, "country": 4, "capital": 5, "region": 6,
    "sector": 7, "honorific": 8, "former": 9,
}  # fmt: skip


def pick_entry(entries: tuple[Entry, ...]) -> Entry:
    """The meaning a phrase takes: a user entry first, then by kind (KIND_ORDER)."""
    return min(entries, key=lambda e: (not e.user, KIND_ORDER.get(e.kind, 99)))


def _places_before_people(key: str, entries: list[Entry]) -> tuple[Entry, ...]:
    """One word that names both a place and a built-in person ("Montenegro", the country
    and Luis Montenegro's surname) is the place; the person keeps the full name."""
    if " " in key or not any(e.kind in PLACE_KINDS for e in entries):
        return tuple(entries)
    return tuple(e for e in entries if e.kind != "person" or e.user)


def _case_ok(entry: Entry, raw: str) -> bool:
    if entry.case == "any":
        return True
    if entry.case == "exact":
        return shape(raw) == entry.shape
    words = raw.split()
    if len(words) > 1 and words[0].lower() == "the":  # "the Hague", "the Kremlin"
        words = words[1:]
    for c in words[0] if words else "":
        if c.isalpha():
            return c.isupper()
    return True
