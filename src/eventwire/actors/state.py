"""The resolver's output (``ArticleActors``), its per-article state and small helpers."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from eventwire.actors.kb import Entry, Match
from eventwire.records import Actor, ActorMention, Sentence

LEADER_KINDS = frozenset({"head_of_state", "head_of_government"})  # office kinds of people.yaml
NAME_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})


class ArticleActors:
    """The actor mentions of one article, by sentence."""

    def __init__(self, mentions: dict[int, list[ActorMention]], countries: list[str]) -> None:
        self._mentions = mentions
        self._countries = countries
        self._by_token: dict[tuple[int, int], ActorMention] = {}
        self._all_by_token: dict[tuple[int, int], list[ActorMention]] = {}
        for sent_index, items in mentions.items():
            # wider mentions first, so a nested (narrower) one wins its own tokens; of two
            # mentions over the same tokens ("the two leaders") the first keeps them
            for m in sorted(items, key=lambda m: m.token_start - m.token_end):
                for i in range(m.token_start, m.token_end):
                    key = (sent_index, i)
                    held = self._all_by_token.get(key)
                    if held and same_extent(held[0], m):
                        held.append(m)
                        continue
                    self._by_token[key] = m
                    self._all_by_token[key] = [m]

    def mentions(self, sentence_index: int) -> list[ActorMention]:
        return list(self._mentions.get(sentence_index, ()))

    def at(self, sentence_index: int, token_index: int) -> ActorMention | None:
        """The narrowest mention covering a token (the first of a pair: see ``all_at``)."""
        return self._by_token.get((sentence_index, token_index))

    def all_at(self, sentence_index: int, token_index: int) -> list[ActorMention]:
        """Every mention over the narrowest extent covering a token: one actor, or two
        when a plural phrase refers back to two actors ("the two leaders" -> Biden, Xi),
        in the order they were named."""
        return list(self._all_by_token.get((sentence_index, token_index), ()))

    def countries(self) -> list[str]:
        return list(self._countries)

    def all(self) -> list[ActorMention]:
        return [m for i in sorted(self._mentions) for m in self._mentions[i]]


@dataclass
class Doc:
    day: dt.date
    context_country: str | None
    sentence_country: str | None = None  # the one country named in the current sentence
    sentence_country_at: list[int] = field(default_factory=list)  # where it is named
    sentence_named: bool = False  # the current sentence names any country
    sentence_order: list[str] = field(default_factory=list)  # its countries, as named
    # an ethnic group's country when no place it acts in gives one: (sentence, head) ->
    # the first other country its sentence names ("ethnic Turks protested Sweden's ...")
    ethnic_home: dict[tuple[int, int], str] = field(default_factory=dict)
    names: dict[str, Actor] = field(default_factory=dict)  # surname / name key -> actor
    titles: dict[str, Actor] = field(default_factory=dict)  # title key -> actor
    persons: dict[int, list[tuple[int, int, Actor]]] = field(default_factory=dict)
    unsafe: dict[int, bool] = field(default_factory=dict)  # sentence named uncoded people
    extent: int = -1  # set by a phrase coded from an attached PP: the PP's last token
    # the attached PPs naming places: their last token and countries ("in Nairobi")
    place_end: int = -1
    place_countries: tuple[str, ...] = ()
    recent: list[tuple[int, int, Actor]] = field(default_factory=list)  # (sentence, head, actor)
    leads: dict[tuple[int, int], str] = field(default_factory=dict)  # (sentence, head) -> title


@dataclass
class Parts:
    actor: Entry | None = None
    actor_at_head: bool = False
    person: Entry | None = None
    person_words: int = 0
    person_span: range = range(0)
    person_options: tuple = ()  # people who share the name ("King Abdullah")
    orgs: list[Entry] = field(default_factory=list)
    countries: list[tuple[str, Entry]] = field(default_factory=list)  # (code, entry) in span
    ctx_countries: list[str] = field(default_factory=list)
    sectors: list[tuple[int, Entry]] = field(default_factory=list)  # (token index, entry)
    seat_sector: str | None = None
    head_kind: str | None = None
    head_entry: Entry | None = None
    former: bool = False
    honorific: bool = False
    covered: set[int] = field(default_factory=set)
    ctx_orgs: set[int] = field(default_factory=set)  # ids of orgs named in an attached PP
    ctx_end: int = -1  # last token of the attached PPs that name a place or body
    business: bool = False  # a company name in the phrase ("BankAmerica's president")
    ethnic: bool = False  # a nationality word after "ethnic"
    ethnic_code: str | None = None  # ... and its country ("ethnic Albanians": ALB)


def entry_country(e: Entry, day) -> str | None:
    if e.kind in ("country", "capital", "seat"):
        return e.code
    if e.kind == "person":
        role = e.ref.role_on(day)
        return role.country if role else None
    if e.kind == "actor":
        w = e.windows_on(day)
        return w.country if w else None
    return None


def people_word(tok) -> bool:
    """A plural name the parser marks as a nationality or group ("Kurds", "Uighurs")."""
    return tok.tag == "NNPS" and tok.ent_type == "NORP"


def same_extent(a: ActorMention, b: ActorMention) -> bool:
    return a.token_start == b.token_start and a.token_end == b.token_end


def clear_leader(counts: Counter) -> str | None:
    """The context country: the only one named, or one named at least twice as often as any other."""
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) == 1:
        return ranked[0][0]
    (top, n1), (_, n2) = ranked
    return top if n1 >= 2 and n1 >= 2 * n2 else None


def sector_pos_ok(s: Sentence, m: Match, e: Entry) -> bool:
    if e.person and any(
        x.label in NAME_LABELS and x.token_start <= m.start and m.end < x.token_end
        for x in s.entities
    ):
        return False  # "General Electric", "General Agreement on Tariffs": a name's word
    last = s.tokens[m.end - 1]
    if last.pos in ("NOUN", "PROPN", "X"):
        return True
    if last.pos == "ADJ":
        return not e.person  # "military officials" yes; "general election" no
    return False


@dataclass(frozen=True, slots=True)
class Title:
    term: str
    person: bool
    generic: bool
    kind: str | None = None


def title_of(p: Parts) -> Title | None:
    if not p.sectors:
        return None
    specific = [(i, e) for i, e in p.sectors if not e.generic]
    i, e = max(specific or p.sectors, key=lambda ie: ie[0])
    return Title(e.term.lower(), e.person, e.generic, e.office_kind)


OBJECT_PATH = frozenset(
    {"dobj", "pobj", "prep", "agent", "conj", "appos", "dative", "acl", "nsubjpass"}
)


def _countryless(a: Actor, sectors: frozenset[str]) -> bool:
    """A bare group of one of ``sectors`` ("students", "police") with no country."""
    return not a.country and bool(a.sector) and a.code == a.sector and a.sector.lower() in sectors


def acted_on(s: Sentence, mentions: list[ActorMention], words) -> list[tuple[int, str]]:
    """(index in ``mentions``, country) of each group of ``words.domestic_sectors`` with no
    country of its own that is the object of an act whose subject is an organ of one state
    (``words.state_sectors``): "Turkish police dispersed students", "the government
    ordered the opposition newspaper La Prensa to close" (see data/actors/resolution.yaml).
    """
    by_head = {m.head: m for m in mentions}
    out = []
    for k, m in enumerate(mentions):
        if not _countryless(m.actor, words.domestic_sectors):
            continue
        i = m.head
        if s.tokens[i].dep not in OBJECT_PATH:
            continue
        for _ in range(6):
            tok = s.tokens[i]
            if tok.head == i or tok.dep not in OBJECT_PATH:
                break
            i = tok.head
            if s.tokens[i].pos not in ("VERB", "AUX"):
                continue
            subj = [c for c in s.children[i] if s.tokens[c].dep in ("nsubj", "agent")]
            subj = [g for c in subj for g in ([c] if s.tokens[c].dep == "nsubj" else s.children[c])]
            subj = [c for c in subj if c != m.head]
            if not subj:
                continue  # "the rally staged by students": on to the verb of the phrase
            giver = by_head.get(subj[0])
            g = giver.actor if giver is not None else None
            if g is not None and g.country and (g.sector or "").lower() in words.state_sectors:
                out.append((k, g.country))
            break
    return out


def placed_by_act(s: Sentence, mentions: list[ActorMention], words) -> list[tuple[int, str]]:
    """(index in ``mentions``, country) of each group of ``words.domestic_sectors`` or
    ``words.state_sectors`` with no country of its own that is the subject or object of
    an act done in one named country: "thousands of people blocked streets in Hong Kong",
    "police arrested 20 people in Cairo" (an "in" phrase on the verb, on its object or on
    a clause on the verb; see data/actors/README.md)."""
    by_head = {m.head: m for m in mentions}
    sectors = words.domestic_sectors | words.state_sectors
    out = []
    for k, m in enumerate(mentions):
        if not _countryless(m.actor, sectors):
            continue
        # the phrase's top token ("hundreds of people": "hundreds")
        top = [
            i
            for i in range(m.token_start, m.token_end)
            if not m.token_start <= s.tokens[i].head < m.token_end
        ]
        tok = s.tokens[top[0]] if len(top) == 1 else s.tokens[m.head]
        if tok.dep not in ("nsubj", "dobj", "nsubjpass") or s.tokens[tok.head].pos != "VERB":
            continue
        v = tok.head
        # the verb, its object and a clause on it ("killed 23 people when they blew
        # themselves up in Tel Aviv")
        heads = [v, *(c for c in s.children[v] if s.tokens[c].dep in ("dobj", "advcl"))]
        heads += [c for h in heads[1:] for c in s.children[h] if s.tokens[c].dep == "dobj"]
        found = set()
        for h in heads:
            for p in s.children[h]:
                if s.tokens[p].dep != "prep" or s.tokens[p].text.lower() != "in":
                    continue
                for o in s.children[p]:
                    place = by_head.get(o)
                    if place is not None and place.actor.country and not place.actor.sector:
                        found.add(place.actor.country)
        if len(found) == 1:
            out.append((k, found.pop()))
    return out


def own_countries(s: Sentence, mentions: list[ActorMention], words, placed) -> None:
    """Give groups without a country the country of the place they act in, then of the
    state that acts on them (``placed_by_act``, ``acted_on``); ``placed(actor, country)``
    makes the placed actor. Updates ``mentions`` in place."""
    for rule in (placed_by_act, acted_on):  # "police in Lagos beat students"
        for k, country in rule(s, mentions, words):
            actor = placed(mentions[k].actor, country)
            if actor is not None:
                mentions[k] = replace(mentions[k], actor=actor)


def unknown_owner(s, span, covered) -> bool:
    """The phrase names its owner with a possessive proper name the knowledge base does
    not know ("Ruritania's Foreign Minister"): it is of that unknown place or body, not
    of a country named elsewhere in the sentence."""
    return any(
        s.tokens[i].dep == "poss" and s.tokens[i].pos == "PROPN" and i not in covered for i in span
    )


def state_on(kb, m: ActorMention, day) -> ActorMention:
    """The mention coded with the state its country belonged to on the day
    (countries.yaml ``part_of``): "Juba" in 2004 is SDN."""
    a = m.actor
    state = kb.state_on(a.country, day) if a.country and day else a.country
    if state == a.country:
        return m
    code = state + a.code[3:] if a.code.startswith(a.country) else a.code
    changes = {"country": state, "code": code}
    if a.name == kb.country_name(a.country):  # the territory itself
        changes.update(name=kb.country_name(state), wikidata=kb.country_qid(state))
    return replace(m, actor=replace(a, **changes))


def named_person(options, countries, day) -> Entry:
    """Of people who share a name ("King Abdullah"), the one serving a country the
    phrase names ("of Jordan"), else the only one in office on the day, else the first."""

    def country(e):
        role = e.ref.role_on(day) if day else None
        return role.country if role else None

    for e in options:
        if country(e) in countries:
            return e
    serving = [e for e in options if country(e)]
    return serving[0] if len(serving) == 1 else options[0]


def surnames_only(s: Sentence, span, keys: list[str]) -> list[str]:
    """The keys that stand alone as a surname: not after a given name ("Bob Graham" is
    not the Graham we know) nor inside an organisation's name ("Fox News")."""
    from eventwire.actors.kb import token_key

    out = []
    for i in span:
        t = s.tokens[i]
        key = token_key(t.text)
        if key not in keys or t.text.endswith("."):
            continue  # "Sen. Bob Graham": an abbreviated title, not Hun Sen
        before = s.tokens[i - 1] if i > 0 else None
        if before is not None and before.pos == "PROPN" and before.ent_type == "PERSON":
            continue
        if any(
            e.label in NAME_LABELS
            and e.token_start <= i < e.token_end
            and e.token_end - e.token_start > 1
            for e in s.entities
        ):
            continue
        out.append(key)
    return out
