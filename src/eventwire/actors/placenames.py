"""Places the actor knowledge base does not list, found with the gazetteer.

``PlaceNames(kb, gazetteer).add(sentence, matches)`` adds a country entry for each run
of proper nouns that names a city, region or other place the gazetteer knows
("Kherson", "Lagos", "West Darfur"); the resolver then treats it like a country name.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.kb import ActorKB, Entry, Match, pick_entry, token_key
from eventwire.actors.syntax import TIME_LABELS, headline
from eventwire.records import Sentence

PLACE_LABELS = frozenset({"GPE", "LOC"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "conj", "nsubjpass"})
PERSON_LABELS = frozenset({"PERSON", "ORG", "NORP"})
CURATED_SALIENCE = 1e8  # gazetteer aliases and countries, not just any town of that name
CACHE_SIZE = 20000
TOWN_SALIENCE = 5e4  # "in Kherson" even when the parser took it for a name
MISSPELT_MIN = 6  # shorter names are too close to other words to correct


class PlaceNames:
    """Finds unlisted places in a sentence; holds no per-article state."""

    def __init__(self, kb: ActorKB, gazetteer: Any) -> None:
        self.kb = kb
        self.words = kb.words
        self.gazetteer = gazetteer
        self._cache: dict[tuple, tuple] = {}  # look-ups: names repeat across articles
        # one-word country names, for names misspelt by one letter ("Ethopia")
        self._one_word: dict[str, str] = {}
        for key, entries in kb.lexicon.items():
            codes = {e.code for e in entries if e.kind == "country" and e.via == "name"}
            if " " not in key and len(key) >= MISSPELT_MIN and len(codes) == 1:
                self._one_word[key] = codes.pop()

    def add(self, s: Sentence, found: list[Match]) -> list[Match]:
        """Add the places the gazetteer knows and the knowledge base does not ("Kherson",
        "Lagos", "West Darfur"): each stands for its country, like a country name.

        A run of proper nouns is looked up when the parser calls it a place, or when it
        is the object of a locative preposition and not a person's name, or when the
        gazetteer lists it among its curated names (high salience)."""
        tokens = s.tokens
        out = [self._capital_elsewhere(s, m, found) for m in found]
        named = None
        i, n = 0, len(tokens)
        in_capitals = headline(s)
        while i < n:
            if tokens[i].pos != "PROPN":
                i += 1
                continue
            a = i
            while i < n and tokens[i].pos == "PROPN" and not (in_capitals and i > a):
                i += 1  # in a headline in capitals, one word at a time
            b = i
            if not tokens[a].text[:1].isupper():
                continue
            inside = [m for m in out if m.start < b and a < m.end]
            # a region word that only begins a longer place name ("West Darfur")
            piece = (
                len(inside) == 1
                and inside[0].start == a
                and inside[0].end < b
                and pick_entry(inside[0].entries).kind == "region"
            )
            if inside and not piece:
                continue
            if any(t.dep in ("compound", "flat") and t.head < a for t in tokens[a:b]):
                continue  # part of a name or title ("President Bush")
            labels = {tokens[j].ent_type for j in range(a, b)}
            if labels & TIME_LABELS:
                continue  # "in March 2001": a date, not the town of that name
            locative = self._locative(s, b - 1)
            if named is None:
                kinds = ("country", "capital", "seat")
                named = [e.code for m in found if (e := pick_entry(m.entries)).kind in kinds]
            place, salience = self._lookup(s.span_text(a, b), named)
            if place is None and b - a > 2:
                place, salience = self._lookup(s.span_text(a, b - 1), named)  # "... State"
            if place is None:
                code = self._misspelt(tokens, a, b, labels)
                if code is not None:
                    entry = Entry(kind="country", name=self.kb.country_name(code) or code,
                                  code=code, wikidata=self.kb.country_qid(code), via="place")  # fmt: skip
                    out.append(Match(a, b, (entry,)))
                continue
            weak = (
                labels & PERSON_LABELS
                and tokens[b - 1].dep in OBJECT_DEPS
                and salience >= TOWN_SALIENCE
                and not any(token_key(tokens[j].text) in self.kb.surnames for j in range(a, b))
            )
            if weak:
                labels = {"GPE"}  # "shelled Kherson": a town the parser took for a name
            if in_capitals and salience < CURATED_SALIENCE:
                continue  # "MAN", "READING": capitals hide what is a name
            if not (
                labels & PLACE_LABELS
                or piece
                or salience >= CURATED_SALIENCE
                or (locative and (not labels & PERSON_LABELS or salience >= TOWN_SALIENCE))
            ):
                continue
            code = place.country
            if code is None or code not in self.kb.countries:
                continue
            entry = Entry(
                kind="country",
                name=self.kb.country_name(code) or code,
                code=code,
                wikidata=self.kb.country_qid(code),
                via="town" if weak else "place",  # a town does not set the sentence's country
            )
            if piece:
                out.remove(inside[0])
            out.append(Match(a, b, (entry,)))
        if len(out) != len(found):
            out.sort(key=lambda m: m.start)
        return out

    def _capital_elsewhere(self, s: Sentence, m: Match, found: list[Match]) -> Match:
        """A capital's name that the gazetteer places in another country the sentence
        names ("Tripoli ... the north Lebanese port"): that town, not the capital."""
        e = pick_entry(m.entries)
        if e.kind != "capital":
            return m
        kinds = ("country", "capital", "seat")
        named = [x.code for k in found if k is not m and (x := pick_entry(k.entries)).kind in kinds]
        if not named or e.code in named:
            return m
        place, _ = self._lookup(s.span_text(m.start, m.end), named)
        if place is None or place.country not in named or place.country not in self.kb.countries:
            return m
        name = self.kb.country_name(place.country) or place.country
        entry = Entry(kind="country", name=name, code=place.country, via="place",
                      wikidata=self.kb.country_qid(place.country))  # fmt: skip
        return Match(m.start, m.end, (entry,))

    def _lookup(self, name: str, named: list[str]):
        key = (name, tuple(named))
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        gaz = self.gazetteer
        place = gaz.lookup(name, countries=named)
        best = 0.0
        if place is not None:
            best = max((sal for p, sal in gaz.candidates(name) if p == place), default=0.0)
        if len(self._cache) > CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = (place, best)
        return place, best

    def _misspelt(self, tokens, a: int, b: int, labels: set) -> str | None:
        """The country of a one-word proper noun one letter away from exactly one
        country's name ("Ethopia", "Phillipines") that the parser does not take for a
        person's name, no place or person of that name being known."""
        if b - a != 1 or "PERSON" in labels or not tokens[a].text.isalpha():
            return None
        key = token_key(tokens[a].text)
        if len(key) < MISSPELT_MIN or key in self.kb.surnames:
            return None
        codes = {
            code
            for name, code in self._one_word.items()
            if name[0] == key[0]
            and abs(len(name) - len(key)) <= 1
            and key != name + "s"  # "the Americas": another place
            and _one_edit(name, key)
        }
        return codes.pop() if len(codes) == 1 else None

    def _locative(self, s: Sentence, h: int) -> bool:
        t = s.tokens[h]
        if t.dep != "pobj":
            return False
        prep = s.tokens[t.head].text.lower()
        return prep in self.words.locative_preps or prep in self.words.context_preps


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter added, dropped, changed or two swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    if len(b) != len(a) + 1:
        return False
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i:] == b[i + 1 :]
