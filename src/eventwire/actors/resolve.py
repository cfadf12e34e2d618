"""Actors in context: noun phrases -> CAMEO actors, with dates, titles and coreference.

``ActorResolver(kb).resolve(parsed)`` returns ``ArticleActors``: for each sentence the
noun phrases that denote actors, each as an ``ActorMention`` whose ``head`` is the
phrase's head noun and whose span covers its modifiers ("China's President Xi
Jinping" is one mention headed by "Jinping").

How a phrase is coded (the rules are documented in data/actors/README.md):

* a user dictionary entry wins, then a known person (role on the article date),
  then an international organisation, then country + sector composed from the
  words of the phrase (nationality, possessor, capital or seat; titles and role
  nouns);
* ``former`` before a title codes the person as ELI;
* a capital or seat of government acting as subject, possessor or ``by``/``with``
  argument stands for the government ("Beijing said" -> CHNGOV);
* surnames, courtesy titles ("Mr Xi") and bare titles ("the president") refer back to
  people named earlier in the article; he/she only when exactly one person fits;
* a role noun without a country ("police", "protesters") takes the country of a
  place attached to it ("protesters in Cairo"), else the country of the sentence when
  it names exactly one country and names it as a place, else -- when the sentence
  names no country at all -- the article's context country when one clearly
  dominates the article;
* places the knowledge base does not list come from the gazetteer ("Kharkiv" -> UKR);
* "the two leaders" / "both sides" give two mentions over the same tokens, one per
  actor named before (``ArticleActors.all_at``).

The full list of rules, with examples, is in data/actors/README.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from eventwire.actors.coref import Coreference
from eventwire.actors.kb import (
    NO_CODE,
    ActorKB,
    Entry,
    Match,
    Person,
    pick_entry,
    token_key,
)
from eventwire.actors.placenames import PlaceNames
from eventwire.actors.state import (
    ArticleActors,
    Doc,
    Parts,
    clear_leader,
    entry_country,
    named_person,
    own_countries,
    people_word,
    sector_pos_ok,
    state_on,
    title_of,
    unknown_owner,
)
from eventwire.actors.syntax import (
    AGENT_DEPS,
    TIME_LABELS,
    appos_joins,
    context_tokens,
    effective_dep,
    headline,
    np_tokens,
    office_of,
    person_name,
    place_word,
    plural,
    quantity_start,
    same_report,
    shared_role,
    thing_word,
)
from eventwire.records import Actor, ActorMention, ParsedArticle, Sentence

INNER_DEPS = frozenset(
    {"compound", "flat", "amod", "nmod", "poss", "case", "det", "nummod", "punct", "appos",
     "quantmod", "predet", "nn", "prt", "aux", "cc"}
)  # fmt: skip
SPLIT_DEPS = frozenset({"poss", "compound", "nmod", "amod"})  # modifiers that can stand alone
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "X"})


class ActorResolver(Coreference):
    """Finds and codes the actors of parsed articles; holds no per-article state."""

    requires = ("ParsedArticle",)
    assigns = ("ArticleActors",)

    def __init__(self, kb: ActorKB, *, gazetteer: Any = True) -> None:
        """``gazetteer``: a ``places.gazetteer.Gazetteer`` to place cities and regions the
        knowledge base does not list ("police in Lagos" -> NGACOP); True builds one, None
        or False works without."""
        self.kb = kb
        self.words = kb.words
        self._labels = {k: v.split(" (")[0] for k, v in kb.sector_codes.items()}
        # the role an ethnic group takes when the phrase names none ("ethnic Albanians")
        self._civilians = Entry(kind="sector", name="people", code="CVL", term="people")
        if gazetteer is True:
            from eventwire.places.gazetteer import Gazetteer

            gazetteer = Gazetteer()
        self.gazetteer = gazetteer or None
        self.placenames = PlaceNames(kb, self.gazetteer) if self.gazetteer else None

    # ------------------------------------------------------------------ entry point

    def resolve(self, parsed: ParsedArticle) -> ArticleActors:
        kb = self.kb
        day = parsed.article.date
        places = self.placenames
        matches = [places.add(s, kb.match(s)) if places else kb.match(s) for s in parsed.sentences]
        counts = self._country_counts(parsed, matches, day)
        doc = Doc(day=day, context_country=clear_leader(counts))
        out: dict[int, list[ActorMention]] = {}
        for sentence, found in zip(parsed.sentences, matches, strict=True):
            by_token: dict[int, Match] = {}
            for m in found:
                for i in range(m.start, m.end):
                    by_token[i] = m
            mentions: list[ActorMention] = []
            doc.sentence_order = [  # the countries the sentence names, in order
                c
                for m in found
                if self._places_text(sentence, m)
                and not self._ethnic(sentence, m)
                and (c := entry_country(pick_entry(m.entries), day))
            ]
            named = set(doc.sentence_order)
            doc.sentence_named = bool(named)
            doc.sentence_country = next(iter(named)) if len(named) == 1 else None
            doc.sentence_country_at = [
                m.start for m in found if entry_country(pick_entry(m.entries), day) in named
            ]
            self._sentence(sentence, by_token, doc, mentions)
            people = sum(1 for e in sentence.entities if e.label == "PERSON")
            doc.unsafe[sentence.index] = people > len(doc.persons[sentence.index])
            own_countries(sentence, mentions, self.words, self._placed)  # "police beat students"
            for k, x in enumerate(mentions):  # "ethnic Turks ... Sweden's decision"
                home = doc.ethnic_home.get((sentence.index, x.head))
                if home and not x.actor.country and (placed := self._placed(x.actor, home)):
                    mentions[k] = replace(x, actor=placed)
            mentions = [state_on(self.kb, m, day) for m in mentions]  # "Juba" in 2004
            if mentions:
                out[sentence.index] = sorted(mentions, key=lambda m: (m.token_start, m.token_end))
        ranked = [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1]) if c in kb.countries]
        return ArticleActors(out, ranked)

    def _country_counts(self, parsed, matches, day) -> Counter:
        counts: Counter = Counter()
        for sentence, found in zip(parsed.sentences, matches, strict=True):
            for m in found:
                if self._places_text(sentence, m):
                    code = entry_country(pick_entry(m.entries), day)
                    if code:
                        counts[code] += 1
        for place in parsed.article.dateline:
            for e in self.kb.lookup(place):
                if e.kind in ("country", "capital"):
                    counts[e.code] += 1
                    break
        return counts

    # ------------------------------------------------------------------ sentences

    def _sentence(self, s: Sentence, by_token, doc: Doc, out: list[ActorMention]) -> None:
        doc.persons[s.index] = []
        start = len(out)
        if headline(s):
            # a headline in capitals parses as one long name ("PUTIN MEETS XI"): only
            # runs of known words are phrases, each coded on its own
            i, n = 0, len(s.tokens)
            while i < n:
                if i not in by_token:
                    i += 1
                    continue
                a = i
                while i < n and (i in by_token or s.tokens[i].text.lower() in ("'s", "’s")):
                    i += 1
                self._phrase(s, i - 1, by_token, doc, out, only=list(range(a, i)))
            return
        for t in s.tokens:
            if t.pos not in NOMINAL_POS and not (t.pos == "ADJ" and t.dep in AGENT_DEPS):
                continue
            if any(m.token_start <= t.i < m.token_end for m in out[start:]):
                continue  # already inside a mention ("Secretary of State George Shultz")
            if t.dep in INNER_DEPS and s.tokens[t.head].pos in NOMINAL_POS and t.head != t.i:
                if not (t.dep == "appos" and not appos_joins(s, t.head, t.i)):
                    continue
            self._phrase(s, t.i, by_token, doc, out)

    def _phrase(self, s: Sentence, h: int, by_token, doc: Doc, out, only=None, shared=()) -> None:
        span = np_tokens(s, h) if only is None else only
        m = by_token.get(h)
        if only is None and m is not None and m.end - 1 > h:  # "Secretary of State George Shultz"
            for c in s.children[h]:
                if s.tokens[c].dep == "prep" and m.start <= c < m.end:
                    span = sorted({*span, *s.subtree(c)})
        # a coordination inside a known name ("Immigration and Customs Enforcement") or in a
        # part naming no actor ("Planning and Investment Minister") stays
        ccs = [
            i
            for i in span
            if i < h
            and s.tokens[i].dep == "cc"
            and i not in by_token
            and any(j in by_token for j in s.subtree(s.tokens[i].head))
        ]
        # a coordination parsed inside a modifier: "the Indian government and Pakistani troops"
        if ccs:
            cut = ccs[-1]
            first = s.tokens[cut].head
            if first < cut and s.tokens[first].pos in NOMINAL_POS | {"ADJ"}:
                part = [i for i in span if i < cut]
                # "Chinese and Russian officials": the head noun is shared by both
                shared_head: tuple[int, ...] = ()
                if (
                    s.tokens[first].dep in ("amod", "compound", "nmod")
                    and s.tokens[first].head == h
                ):
                    conj = [c for c in s.children[first] if c > cut and s.tokens[c].dep == "conj"]
                    after = by_token.get(cut + 1)  # "U.S. and South Korean forces"
                    modifier = s.tokens[first].dep in ("amod", "compound")
                    if modifier and conj and s.tokens[conj[0]].pos in ("ADJ", "PROPN"):
                        last = max(s.subtree(conj[0]))
                        shared_head = tuple(i for i in span if i > last)
                        if any(s.tokens[i].ent_type == "PERSON" for i in shared_head):
                            shared_head = ()  # a person's name is nobody else's head
                    elif not conj and after is not None and after.end <= h and first in by_token:
                        kinds = {pick_entry(m.entries).kind for m in (after, by_token[first])}
                        if kinds == {"country"}:
                            shared_head = tuple(i for i in span if i >= after.end)
                self._phrase(s, first, by_token, doc, out, only=part, shared=shared_head)
            span = [i for i in span if i > cut]
        if not span:  # nothing of the phrase is left after the split
            return
        if shared:
            actor = self._code_phrase(s, max(shared), [*span, *shared], by_token, doc)
            if actor and not isinstance(actor, tuple):  # a pair keeps its own texts
                actor = replace(actor, text=s.span_text(min(span), max(span) + 1))
        else:
            actor = self._code_phrase(s, h, span, by_token, doc)
        if isinstance(actor, tuple):  # two actors named before ("the two leaders")
            a, b = min(span), max(span) + 1
            for one in actor:
                out.append(
                    ActorMention(s.index, a, b, h, s.tokens[a].start, s.tokens[b - 1].end, one)
                )
            return
        if actor is None and only is None and not ccs and s.tokens[h].pos == "NOUN":
            # a thing named by its owner's words ("a Venezuelan police helicopter", "U.S.
            # military airstrikes"): the modifiers are coded together, the mention is the
            # whole phrase as annotators mark it, and its head is the last modifier
            children = s.children[h]
            mods = [c for c in children if c < h and s.tokens[c].dep in ("compound", "amod")]
            if (
                mods
                and max(mods) in by_token
                and max(mods) in span
                and not any(s.tokens[c].dep == "poss" for c in children)
            ):
                h2 = max(mods)
                inner = self._code_phrase(s, h2, [i for i in span if i <= h2], by_token, doc)
                if isinstance(inner, Actor) and not thing_word(s, span, h2, inner):
                    a, b = min(span), max(span) + 1
                    text = s.span_text(a, b)
                    out.append(
                        ActorMention(
                            s.index, a, b, h2, s.tokens[a].start, s.tokens[b - 1].end,
                            replace(inner, text=text),
                        )
                    )  # fmt: skip
                    doc.recent.append((s.index, h2, inner))
                    return
        if actor is None:
            # not an actor itself: its possessor or named modifiers may be ("Russia's invasion")
            before = len(out)
            for c in s.children[h]:
                if (
                    c < h
                    and s.tokens[c].dep in SPLIT_DEPS
                    and s.tokens[c].pos in NOMINAL_POS | {"ADJ"}
                ):
                    self._phrase(s, c, by_token, doc, out)
            out[before:] = [  # "military aid": no owner named
                m
                for m in out[before:]
                if m.token_end - m.token_start > 1 or not thing_word(s, span, m.head, m.actor)
            ]
            if only is None and len(out) == before + 1 and s.tokens[h].pos == "NOUN":
                # one actor names the thing: the mention is the whole phrase, as annotators
                # mark it ("Iranian sites", "Germany's decision"); its head stays the actor
                m = out[-1]
                a, b = min(span), max(span) + 1
                if a <= m.token_start and m.token_end <= b and s.tokens[m.head].dep != "poss":
                    tokens = s.tokens
                    out[-1] = replace(
                        m,
                        token_start=a,
                        token_end=b,
                        start=tokens[a].start,
                        end=tokens[b - 1].end,
                        actor=replace(m.actor, text=s.span_text(a, b)),
                    )
            return
        if actor is False:
            return
        a, b = min(span), max(span) + 1
        q = quantity_start(s, h, self.words) if only is None else None
        if (
            q is not None
            and q < a
            and not any(m.sentence_index == s.index and q <= m.token_start < a for m in out)
        ):
            a = q  # "dozens of Islamic State fighters": the count is part of the mention
            actor = replace(actor, text=s.span_text(a, b))
        if (
            doc.place_end >= b
            and actor.country
            and set(doc.place_countries) == {actor.country}
            and s.tokens[h].pos != "PROPN"
        ):
            doc.extent = max(doc.extent, doc.place_end)  # "Kenya's parliament in Nairobi"
        if only is None:  # "the Minister of Interior", "the Ministry of Health of Ethiopia"
            named = office_of(s, h, self.words)
            if named is not None and named >= b:
                doc.extent = max(doc.extent, named)
        if doc.extent >= b:  # the mention covers the place or body that placed it
            b = doc.extent + 1
            actor = replace(actor, text=s.span_text(a, b))
        tokens = s.tokens
        # a phrase met earlier inside this one ("State" in "Secretary of State X") gives way
        out[:] = [
            m
            for m in out
            if not (m.sentence_index == s.index and a <= m.token_start and m.token_end <= b)
        ]
        out.append(
            ActorMention(
                sentence_index=s.index,
                token_start=a,
                token_end=b,
                head=h,
                start=tokens[a].start,
                end=tokens[b - 1].end,
                actor=actor,
            )
        )
        doc.recent.append((s.index, h, actor))

    # ------------------------------------------------------------------ one noun phrase

    def _parts(self, s: Sentence, h: int, span: list[int], by_token, day) -> Parts:
        p = Parts()
        seen: set[int] = set()
        in_span = set(span)
        ctx = context_tokens(s, h, self.words)
        for i in [*span, *ctx]:
            m = by_token.get(i)
            if m is None or id(m) in seen:
                continue
            seen.add(id(m))
            e = pick_entry(m.entries)
            if e.kind == "sector" and not sector_pos_ok(s, m, e):
                continue
            at_head = m.start <= h < m.end
            if i not in in_span:  # a place or body attached by of/in/from/for
                if e.kind == "country" and e.via == "adj" and self._of_body(s, m, by_token):
                    p.ctx_countries.append(e.code)  # "doctors from two American aid groups"
                    p.ctx_end = max(p.ctx_end, *ctx)
                    continue
                if not any(place_word(s, j) for j in range(m.start, m.end)):
                    continue  # "professor of Middle Eastern relations": a topic, not a place
                if e.kind in ("country", "capital", "seat", "region"):
                    p.ctx_countries.append(e.code)
                elif e.kind == "actor":
                    w = e.windows_on(day)
                    if w and w.country and not w.sector:
                        p.ctx_countries.append(w.country)
                elif e.kind == "org":
                    p.orgs.append(e)
                    p.ctx_orgs.add(id(e))
                p.ctx_end = max(p.ctx_end, *ctx)
                continue
            p.covered.update(range(m.start, m.end))
            if at_head:
                p.head_kind, p.head_entry = e.kind, e
            if e.kind == "actor":
                w = e.windows_on(day)
                country_like = w is not None and w.code == w.country
                if at_head or not (country_like or p.actor_at_head):
                    # the head's own name wins over one that modifies it ("al-Shabaab,
                    # an al-Qaeda-affiliated group")
                    p.actor, p.actor_at_head = e, at_head or p.actor_at_head
                elif w is not None and w.country:
                    p.countries.append((w.country, e))
            elif e.kind == "person":
                p.person = e
                p.person_words = m.end - m.start
                p.person_span = range(m.start, m.end)
                p.person_options = tuple(x for x in m.entries if x.kind == "person")
            elif e.kind == "org":
                p.orgs.append(e)
            elif e.kind in ("country", "capital", "region"):
                if self._given_name(s, m, e):
                    p.covered.difference_update(range(m.start, m.end))
                    if at_head:
                        p.head_kind, p.head_entry = None, None
                    continue  # "Karen Smith": a given name, not the people
                if self._stance(s, m):
                    p.covered.update(range(m.start, m.end))
                    continue  # "an anti-Syria journalist": a stance, not a country
                if e.via == "adj" and self._ethnic(s, m):
                    p.ethnic = True  # "ethnic Albanians": a people, not a state
                    p.ethnic_code = e.code
                else:
                    p.countries.append((e.code, e))
            elif e.kind == "seat":
                p.countries.append((e.code, e))
                p.seat_sector = p.seat_sector or e.sector
            elif e.kind == "sector":
                p.sectors.append((h if at_head else m.end - 1, e))
            elif e.kind == "former":
                p.former = p.former or m.start < h
            elif e.kind == "honorific":
                p.honorific = True
        if len(p.person_options) > 1:
            p.person = named_person(
                p.person_options, [c for c, _ in p.countries] + p.ctx_countries, day
            )
        return p

    def _code_phrase(self, s: Sentence, h: int, span: list[int], by_token, doc: Doc):
        """Actor for the phrase headed by ``h``; None = not an actor, False = explicitly none."""
        tok = s.tokens[h]
        doc.extent, doc.place_end, doc.place_countries = -1, -1, ()
        if tok.pos == "PRON":
            if tok.text.lower() in self.words.pronouns:
                return self._pronoun(s, h, doc)
            if tok.text.lower() in self.words.plural_object_pronouns:
                return self._plural_pronoun(s, h, doc)
            return None
        pair = self._pair(s, h, doc)
        if pair is not None:
            return pair
        p = self._parts(s, h, span, by_token, doc.day)
        doc.place_end, doc.place_countries = p.ctx_end, tuple(p.ctx_countries)
        if p.ctx_end >= 0:  # "the ministry of health of Ethiopia", "troops from Chad"
            named = context_tokens(s, h, self.words, skip=self.words.locative_preps)
            doc.extent = max(named) if named and max(named) <= p.ctx_end else -1
        if (
            p.head_kind == "country"
            and p.head_entry.via == "adj"
            and plural(s, h)
            and any(c != p.head_entry.code for c in p.ctx_countries)
            and context_tokens(s, h, self.words, skip=self.words.locative_preps)
        ):  # "the Albanians of southern Serbia": a people living there
            p.ethnic = True
            p.countries = [c for c in p.countries if c[1] is not p.head_entry]
        if p.ethnic and p.ethnic_code and not p.countries:
            other = [c for c in doc.sentence_order if c != p.ethnic_code]
            if other:
                doc.ethnic_home[(s.index, h)] = other[0]
        if p.ethnic and p.head_kind == "country":  # "ethnic Albanians": the people
            p.head_kind, p.head_entry = "sector", self._civilians
            if not p.sectors:
                p.sectors.append((h, self._civilians))
        elif p.head_kind == "country" and p.head_entry.via == "people" and not p.sectors:
            p.head_kind, p.head_entry = "sector", self._civilians  # "the Rohingya"
            p.sectors.append((h, self._civilians))
        elif p.head_kind is None and p.countries and not p.sectors and people_word(tok):
            p.head_kind, p.head_entry = "sector", self._civilians  # "Iraqi Kurds": a people
            p.sectors.append((h, self._civilians))
        if p.head_kind in ("country", "capital") and not p.sectors and not p.ethnic:
            adj = p.head_entry is not None and p.head_entry.via == "adj"
            role = shared_role(s, h, by_token, adj, self.words)
            if role is not None:  # "the foreign ministers of Armenia and Azerbaijan"
                p.sectors.append((h, role))
        head_title = p.head_kind == "sector" and p.head_entry is not None and p.head_entry.person
        appos = p.person is not None and any(
            s.tokens[j].dep == "appos" and s.tokens[j].head == h for j in p.person_span
        )  # "Navalny's widow Yulia Navalnaya": the phrase is the person named
        if p.person is not None and p.head_kind != "person" and not head_title and not appos:
            # "Mubarak's rule": the person is the possessor, not the phrase; but an office
            # of theirs ("Kishida's government") belongs to their country
            role = p.person.ref.role_on(doc.day)
            if role is not None and role.country and p.head_kind == "sector":
                p.countries.append((role.country, p.person))
            p.person = None
        if p.person is not None and p.countries:
            text_country = p.countries[0][0]
            if all(r.country != text_country for r in p.person.ref.roles):
                # "Jordan's King Abdullah" is not the Saudi king of the same name
                p.covered.difference_update(p.person_span)
                p.person = None
                for j in p.person_span:  # keep its title words ("King")
                    for e in self.kb.lexicon.get(token_key(s.tokens[j].text), ()):
                        if e.kind == "sector":
                            p.sectors.append((j, e))
                            p.covered.add(j)
                            break
        if p.person is not None and p.person_words == 1:
            person = p.person.ref
            if s.tokens[p.person_span[0]].ent_type in TIME_LABELS:
                p.covered.difference_update(p.person_span)
                p.person = None  # a month, not a person
        if p.person is not None and p.person_words == 1:
            person = p.person.ref
            if (
                person.role_on(doc.day) is None
                and token_key(person.name) not in doc.names
                and not self._former_by_surname(s, p, doc.day)
            ):
                p.person = None  # "Harris" in 1987 is not Kamala Harris
        text = s.span_text(min(span), max(span) + 1)
        title = title_of(p)
        sector = self._sector(p)
        if sector == "GOV" and self._business(s, span, p):
            sector = "BUS"  # a company's president or spokesman
        country = p.countries[0][0] if p.countries else None
        name_text = p.person.name if p.person is not None else None
        name_text = name_text or person_name(
            s, span, h, self.words, covered=p.covered, titled=bool(p.honorific or p.sectors)
        )

        # 1. a user dictionary entry
        if p.actor is not None and (
            p.actor_at_head or p.head_kind == "sector" or (p.head_kind is None and name_text)
        ):
            w = p.actor.windows_on(doc.day)
            if w is None or w.code == NO_CODE:
                return False
            if w.sector or w.code[:3] in ("IGO", "NGO", "NGM", "IMG", "MNC"):
                actor = Actor(text, p.actor.name, w.country, w.sector, w.code, p.actor.wikidata)
            else:
                c = w.country or country
                sec = "ELI" if p.former and title else sector
                actor = self._make(text, p.actor.name, c, sec, p.actor.wikidata)
            return self._remember(actor, s, h, doc, title, name_text or p.actor.name)

        # 2. a known person, with the role held on the article date
        if p.person is not None:
            person: Person = p.person.ref
            if p.orgs and person.role_on(doc.day) is None:
                # "NATO Secretary-General Jens Stoltenberg": an office we do not list
                org = p.orgs[0]
                actor = Actor(text, person.name, None, org.sector, org.code, person.wikidata)
                return self._remember(actor, s, h, doc, title, person.name)
            return self._remember(
                self._person_actor(text, person, country, sector, title, p, doc.day),
                s, h, doc, title, person.name,
            )  # fmt: skip

        # 3. an international organisation (or transnational generic actor)
        if p.orgs and (p.head_kind in ("org", "sector", None) or p.person is None):
            # a named organisation before a generic one ("rights group Amnesty International")
            org = min(p.orgs, key=lambda e: e.owned is not None)
            if org.owned and country and p.head_entry is org:  # "Russian peacekeepers"
                sec = sector or org.owned
                return self._make(text, self._name(country, sec, title), country, sec, None)
            if org.owned and id(org) in p.ctx_orgs and p.ctx_countries and p.head_kind == "sector":
                c, sec = p.ctx_countries[0], org.owned  # "doctors from two British aid groups"
                doc.extent = p.ctx_end
                return self._make(text, self._name(c, sec, None), c, sec, None)
            if p.head_kind in ("org", "sector") or name_text:
                if id(org) in p.ctx_orgs:
                    doc.extent = p.ctx_end  # "the prosecutor of the ICC"
                actor = Actor(text, name_text or org.name, None, org.sector, org.code, org.wikidata)
                return self._remember(actor, s, h, doc, title, name_text)

        # 4. capitals and seats acting for their governments
        if p.head_kind == "capital" and not p.sectors:
            role = effective_dep(s, h, self.words)  # a place ("in Moscow") is the country
            sec = "GOV" if role == "agent" else None
            return self._make(text, self._name(country, sec, None), country, sec, None)
        if p.head_kind == "seat" and not p.sectors:
            sec = p.seat_sector
            return self._make(text, self._name(country, sec, None), country, sec, None)
        if p.head_kind in ("country", "region") and not p.sectors:
            e = p.head_entry
            return self._make(text, e.name, e.code, None, e.wikidata)

        # 5. a name without a known person: coreference or titles in the text
        if name_text and not p.sectors and country is None:
            known = self._known_name(s, span, h, doc)
            if known is not None:
                sec = "ELI" if p.former else known.sector
                code = (known.country or "") + (sec or "") if known.country else known.code
                return Actor(text, known.name, known.country, sec, code, known.wikidata)
            return None
        if not p.sectors and country is None and p.seat_sector is None:
            if tok.pos == "PROPN":
                known = self._known_name(s, span, h, doc)
                if known is not None:
                    return Actor(
                        text, known.name, known.country, known.sector, known.code, known.wikidata
                    )
            return None
        if p.head_kind not in ("sector", "seat") and not name_text and p.head_kind != "actor":
            if not (tok.pos == "PROPN" and (title or p.honorific)):
                return None

        # 6. "the president", "the ministry": the last one named in this article
        if country is None and not name_text and title is not None and not p.ctx_countries:
            # (not "the Bank of Japan" after "the Bank of France")
            earlier = doc.titles.get(title.term) or doc.titles.get(title.term.split()[-1])
            if earlier is not None and not plural(s, h):
                actor = replace(earlier, text=text)
                if title.person:
                    doc.persons[s.index].append((h, s.tokens[h].head, actor))
                    doc.leads[(s.index, h)] = self._leads(actor, title, doc.day)
                return actor
        if country is None:
            country = p.ctx_countries[0] if p.ctx_countries else None
            if country is not None:
                doc.extent = p.ctx_end  # "a court in Bishkek"
        if country is None and name_text and " " not in name_text:
            country = self.kb.surname_country(name_text)  # "President Bush" in 2000
        titled = title is not None and title.person  # "Interior Minister Habib el-Adly"
        owner = unknown_owner(s, span, p.covered)  # "Ruritania's Foreign Minister"
        if country is None and (not name_text or titled) and p.seat_sector is None and not owner:
            if title is not None and title.generic and plural(s, h):
                return None  # "the two leaders", "officials": too vague
            country = doc.sentence_country
            named_office = titled and bool(name_text)  # "Interior Minister Aftab Sherpao"
            if (
                country is not None
                and not named_office
                and not any(same_report(s, h, i) for i in doc.sentence_country_at)
            ):
                country = None  # "A Russian spokesman said rebels attacked": not theirs
            if country is None and not doc.sentence_named:
                country = doc.context_country
        if p.seat_sector and not any(not e.generic for _, e in p.sectors):
            sector = p.seat_sector
        if p.former and (title is not None or p.person is not None):
            sector = "ELI"
        if country is None and sector is None:
            return None
        if name_text:
            actor = self._make(text, name_text, country, sector, None)
        else:
            actor = self._make(text, self._name(country, sector, title), country, sector, None)
        return self._remember(actor, s, h, doc, title, name_text)

    # ------------------------------------------------------------------ pieces

    def _sector(self, p: Parts) -> str | None:
        if not p.sectors:
            return None
        strong = [e for _, e in p.sectors if e.strong]
        if strong:
            return strong[0].code
        specific = [(i, e) for i, e in p.sectors if not e.generic]
        pool = specific or p.sectors
        return max(pool, key=lambda ie: ie[0])[1].code  # nearest the head

    def _placeless(self, e: Entry) -> bool:
        """A body of ``placeless_sectors`` ("told AFP"): it does not place the text."""
        return e.kind == "seat" and (e.sector or "").lower() in self.words.placeless_sectors

    def _places_text(self, s: Sentence, m: Match) -> bool:
        """Whether a match tells which country a sentence or an article is about: not a
        town, a news agency, a people's name inside a personal name ("Karen Smith") or
        a stance ("anti-Syria")."""
        e = pick_entry(m.entries)
        return (
            e.via != "town"
            and not self._placeless(e)
            and not self._given_name(s, m, e)
            and not self._stance(s, m)
        )

    def _given_name(self, s: Sentence, m: Match, e: Entry) -> bool:
        """A people's name inside a longer personal name ("Karen Smith")."""
        return e.via == "people" and any(
            x.label == "PERSON"
            and x.token_start <= m.start < x.token_end
            and x.token_end - x.token_start > m.end - m.start
            for x in s.entities
        )

    def _of_body(self, s: Sentence, m: Match, by_token) -> bool:
        """A nationality word on a body or group ("American aid groups")."""
        head = by_token.get(s.tokens[m.end - 1].head)
        return head is not None and pick_entry(head.entries).kind in ("org", "sector")

    def _stance(self, s: Sentence, m: Match) -> bool:
        """A place named after a prefix of ``stance_prefixes`` and a hyphen
        ("anti-Syria", "pro-Western"): what the actor is for or against."""
        t = s.tokens
        return (
            m.start >= 2
            and t[m.start - 1].text == "-"
            and t[m.start - 2].text.lower() in self.words.stance_prefixes
        )

    def _ethnic(self, s: Sentence, m: Match) -> bool:
        """The nationality word is preceded by a word of ``ethnic_markers``."""
        return m.start > 0 and s.tokens[m.start - 1].text.lower() in self.words.ethnic_markers

    def _business(self, s: Sentence, span: list[int], p: Parts) -> bool:
        words = self.words.business_words
        if not words:
            return False
        for i in span:
            t = s.tokens[i]
            if t.pos != "PROPN" or i in p.covered or not t.text[:1].isupper():
                continue
            key = token_key(t.text)
            if key in words:
                return True
            for w in words:
                if len(w) >= 4 and len(key) > len(w) and (key.startswith(w) or key.endswith(w)):
                    return True
        return False

    def _person_actor(self, text, person: Person, country, sector, title, p: Parts, day):
        role = person.role_on(day)
        last = None
        if role is not None:
            c, sec = role.country, role.sector
        else:
            last = person.last_role_before(day)
            first = person.first_role()
            c = last.country if last else (first.country if first else None)
            sec = "ELI" if last else None
        text_sector = next((e.code for _, e in p.sectors if not e.generic), None)
        past_title = last is not None and title is not None and title.term == last.office.lower()
        if text_sector and not past_title:  # a title the person no longer holds stays ELI
            sec = text_sector
        if p.former:
            sec = "ELI"
        c = country or c
        if role is not None and (c, sec) == (role.country, role.sector):
            code = role.full_code  # "UN Secretary-General Antonio Guterres" -> IGOUNO
        else:
            code = (c or "") + (sec or "")
        return Actor(text, person.name, c, sec, code, person.wikidata) if code else None

    def _placed(self, a: Actor, country: str) -> Actor | None:
        return self._make(a.text, self._name(country, a.sector, None), country, a.sector, None)

    def _make(self, text, name, country, sector, wikidata) -> Actor | None:
        code = (country or "") + (sector or "")
        if not code:
            return None
        if wikidata is None and sector is None:
            wikidata = self.kb.country_qid(country)
        return Actor(text, name, country, sector, code, wikidata)

    def _name(self, country, sector, title) -> str:
        place = self.kb.country_name(country) or country or ""
        if title is not None:
            label = " ".join(w.capitalize() for w in title.term.split())
        else:
            label = self._labels.get(sector or "", sector or "")
        if not place:
            return label
        return f"{label} of {place}" if label else place
