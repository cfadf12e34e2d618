"""Coreference of the actor resolver: earlier names, surnames, pronouns and pairs.

A mixin of ``ActorResolver`` (``eventwire.actors.resolve``): "Mr Xi" and a bare surname
refer back to a person named earlier in the article, or to the one person of that name
in office on the article date; "he" / "she" to the one person who fits; "the two
leaders", "both sides" to the two actors of that kind named last. ``_remember`` keeps
what an article has named so far in its ``Doc``.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.actors.kb import token_key
from eventwire.actors.state import LEADER_KINDS, Doc, Parts, surnames_only
from eventwire.actors.syntax import TIME_LABELS, headline, np_text, plural
from eventwire.records import Actor, Sentence

ACRONYM_MAX = 3  # an all-capital word this short is an acronym, not a surname
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


class Coreference:
    """Reference to actors named before (mixed into ``ActorResolver``)."""

    def _pair(self, s: Sentence, h: int, doc: Doc) -> tuple[Actor, Actor] | None:
        """ "the two leaders", "both sides", "the two countries": the two actors of that
        kind named last (in this sentence before the phrase, or in the three before)."""
        words = self.words
        tok = s.tokens[h]
        noun = tok.text.lower()
        if not plural(s, h) or not (
            noun in words.pair_people or noun in words.pair_states or noun in words.pair_sides
        ):
            return None
        if not any(
            s.tokens[c].text.lower() in words.pair_quantifiers and c < h for c in s.children[h]
        ):
            return None
        found: dict[str, Actor] = {}
        for si, head, actor in reversed(doc.recent):
            if si < s.index - 3 or (si == s.index and head >= h):
                continue
            if noun in words.pair_people:
                if not any(i == head for i, _, _ in doc.persons.get(si, ())):
                    continue
                led = doc.leads.get((si, head))
                if led is None:  # "the president": the person named earlier
                    led = self._leads(actor, None, doc.day)
                if noun in words.pair_leaders and led not in ("head", tok.lemma.lower()):
                    continue  # "the two leaders": not the minister who met them
                key = actor.name
            elif noun in words.pair_states:
                if not actor.country or actor.country not in self.kb.countries:
                    continue
                key = actor.country
                sector = "GOV" if noun in words.pair_governments else None
                name = self._name(actor.country, sector, None)
                wikidata = None if sector else self.kb.country_qid(actor.country)
                actor = Actor("", name, actor.country, sector, actor.country + (sector or ""),
                              wikidata)  # fmt: skip
            else:
                key = actor.code
            if key not in found:
                found[key] = actor
            if len(found) == 2:
                break
        if len(found) != 2:
            return None
        text = np_text(s, h)
        second, first = (replace(a, text=text) for a in found.values())
        return first, second

    def _former_by_surname(self, s: Sentence, p: Parts, day) -> bool:
        """A surname alone ("Obama" in 2018) names a former office holder when it is a
        proper noun (not a date) and no one else in the knowledge base goes by that word."""
        at = p.person_span
        tok = s.tokens[at[0]] if len(at) == 1 else None
        if tok is None or tok.pos != "PROPN" or tok.ent_type in TIME_LABELS:
            return False
        if p.person.ref.last_role_before(day) is None:
            return False
        people = {e.ref.name for e in self.kb.lookup(s.tokens[at[0]].text) if e.kind == "person"}
        bearers = {q.name for q in self.kb.surnames.get(token_key(s.tokens[at[0]].text), ())}
        return len(people | bearers) == 1

    def _known_name(self, s: Sentence, span, h, doc: Doc) -> Actor | None:
        caps = headline(s)
        keys = [
            token_key(t.text)
            for i in span
            if (t := s.tokens[i]).pos == "PROPN"
            and t.ent_type not in TIME_LABELS  # "in May" is a month, not Theresa May
            and t.text[:1].isupper()  # "the UN rights council" is not "the National Council"
            and (caps or not (t.text.isupper() and len(t.text) <= ACRONYM_MAX))  # "UN", not Un
        ]
        for key in reversed(keys):
            if key in doc.names:
                return doc.names[key]
        for key in reversed(surnames_only(s, span, keys)):
            person = self.kb.person_by_surname(key, doc.day)
            if person is not None:
                role = person.role_on(doc.day)
                code = role.full_code
                return Actor("", person.name, role.country, role.sector, code, person.wikidata)
        return None

    def _pronoun(self, s: Sentence, h: int, doc: Doc) -> Actor | None:
        tok = s.tokens[h]
        # people we could not code make the reference unsafe ("Ban told CNN he ...")
        here = [e for e in s.entities if e.label == "PERSON" and e.token_end <= h]
        coded_here = [x for x in doc.persons.get(s.index, []) if x[0] < h]
        if len(here) > len(coded_here) or doc.unsafe.get(s.index - 1, False):
            return None
        cands: dict[str, Actor] = {}
        for _i, _head, actor in doc.persons.get(s.index - 1, []):
            cands.setdefault(actor.name, actor)
        for i, head, actor in doc.persons.get(s.index, []):
            if i < h and not (tok.dep != "poss" and head == tok.head):
                cands.setdefault(actor.name, actor)
        if len(cands) != 1:
            return None
        a = next(iter(cands.values()))
        return Actor(tok.text, a.name, a.country, a.sector, a.code, a.wikidata)

    def _plural_pronoun(self, s: Sentence, h: int, doc: Doc) -> Actor | None:
        """ "them": the one plural actor named before it in its sentence that is not the
        subject of its own clause ("ordered four Russian diplomats to leave, accusing
        them of spying")."""
        tok = s.tokens[h]
        verb = tok.head
        cands = {
            a.code: a
            for si, head, a in doc.recent
            if si == s.index
            and head < h
            and s.tokens[head].tag in PLURAL_TAGS
            and not (s.tokens[head].head == verb and s.tokens[head].dep in ("nsubj", "nsubjpass"))
        }
        if len(cands) != 1:
            return None
        a = next(iter(cands.values()))
        return Actor(tok.text, a.name, a.country, a.sector, a.code, a.wikidata)

    def _remember(self, actor, s: Sentence, h: int, doc: Doc, title, name_text):
        if actor is None:
            return None
        if name_text:
            parts = name_text.split()
            for part in {parts[-1], parts[0]} if len(parts) <= 3 else {parts[-1]}:
                key = token_key(part)
                if key and (key not in doc.names or part == parts[-1]):
                    doc.names[key] = actor
            doc.names[token_key(name_text)] = actor
        if title is not None and not plural(s, h):
            doc.titles[title.term] = actor
            doc.titles[title.term.split()[-1]] = actor
        if name_text or (title is not None and title.person and not plural(s, h)):
            doc.persons[s.index].append((h, s.tokens[h].head, actor))
            doc.leads[(s.index, h)] = self._leads(actor, title, doc.day)
        return actor

    def _leads(self, actor: Actor, title, day) -> str:
        """What a person leads as: ``head`` for a head of state or government (by title or
        by the office held on ``day`` or last), else the title's last word, else ""."""
        if title is not None and title.kind in LEADER_KINDS:
            return "head"
        for e in self.kb.lookup(actor.name):
            if e.kind == "person":
                role = e.ref.role_on(day) or e.ref.last_role_before(day)
                if role is not None and role.kind in LEADER_KINDS:
                    return "head"
        return title.term.split()[-1] if title is not None else ""
