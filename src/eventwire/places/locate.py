"""Choosing where an event happens, from the dependency parse of its sentence.

The order (first that applies wins):

1. a place attached to the event predicate: the object of a locative preposition
   governed by the predicate ("met in Samarkand", "clashes near Kharkiv"), possibly
   through a place noun ("on the outskirts of Kyiv", "in the city of Bakhmut"), a
   place compounded with the trigger ("the Geneva talks"), the direct object of an
   attack or a visit ("shelled Kharkiv", "visit Paris"), the destination of a visit
   ("a trip to Paris"), or "the capital" when it can be resolved ("the capital of
   Ukraine", or the dateline city's country);
2. the host of a visit: the target actor's country for "make a visit", the source
   actor's country for "host a visit";
3. the first place of the article dateline.

Which words and labels play these parts is data (``data/places/locate.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.records import Place, Sentence

FEATURE_RANK = {"city": 0, "other": 1, "admin1": 2, "country": 3}
MAX_CLIMB = 6


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name in a sentence (token indices, end exclusive)."""

    token_start: int
    token_end: int
    head: int
    text: str
    label: str


class Locator:
    """Applies the location rules of ``locate.yaml`` with a ``Gazetteer``."""

    def __init__(self, gazetteer, rules_source) -> None:
        from eventwire.places.gazetteer import GazetteerDataError, load_yaml

        self.gazetteer = gazetteer
        name, data = load_yaml(rules_source)

        def words(key: str) -> frozenset[str]:
            value = data.get(key)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise GazetteerDataError(f"{name}: '{key}' must be a list of strings")
            return frozenset(v.lower() for v in value)

        self.labels = frozenset(v.upper() for v in words("entity_labels"))
        self.locative = words("locative_prepositions")
        self.place_noun_preps = words("place_noun_prepositions")
        self.place_nouns = words("place_nouns")
        self.capital_nouns = words("capital_nouns")
        self.destination = words("destination_prepositions")
        self.object_deps = words("object_deps")
        self.object_roots = words("object_location_roots")
        self.act_nouns = words("subject_act_nouns")
        hosts = data.get("visit_hosts")
        if not isinstance(hosts, dict) or not all(
            v in ("source", "target") for k, v in hosts.items() if k != "__line__"
        ):
            raise GazetteerDataError(f"{name}: 'visit_hosts' maps CAMEO codes to source|target")
        self.visit_hosts = {str(k): v for k, v in hosts.items() if k != "__line__"}
        self.proper_nouns = bool(data.get("unlabelled_proper_nouns", False))
        self.proper_noun_deps = words("proper_noun_deps") if self.proper_nouns else frozenset()
        self.examples = data.get("examples") or []

    # ------------------------------------------------------------------ mentions

    def mentions(self, sentence: Sentence) -> list[Mention]:
        """The place names of a sentence (entities with a place label)."""
        out = []
        tokens = sentence.tokens
        for ent in sentence.entities:
            if ent.label.upper() not in self.labels:
                continue
            span = range(ent.token_start, ent.token_end)
            heads = [i for i in span if not ent.token_start <= tokens[i].head < ent.token_end]
            head = heads[0] if heads else ent.token_end - 1
            text = sentence.span_text(ent.token_start, ent.token_end)
            out.append(Mention(ent.token_start, ent.token_end, head, text, ent.label.upper()))
        if not self.proper_nouns:
            return out
        # proper nouns the tagger missed or mislabelled ("struck Odesa", "outside of
        # Sevastopol"); they count only in a locative slot and when the gazetteer knows them
        taken = {i for m in out for i in range(m.token_start, m.token_end)}
        for tok in tokens:
            if tok.i in taken or tok.pos != "PROPN" or tok.dep not in self.proper_noun_deps:
                continue
            a = tok.i
            while a > 0 and tokens[a - 1].pos == "PROPN" and tokens[a - 1].head == tok.i:
                a -= 1
            if any(i in taken for i in range(a, tok.i)):
                continue
            out.append(Mention(a, tok.i + 1, tok.i, sentence.span_text(a, tok.i + 1), "PROPN"))
        return out

    def resolve(self, sentence: Sentence, mention: Mention, strong, weak) -> Place | None:
        """The place a mention denotes; qualifiers ("Paris, Texas") and trimmed forms tried."""
        gaz = self.gazetteer
        tokens = sentence.tokens
        quals = [
            sentence.span_text(m.token_start, m.token_end)
            for m in self.mentions(sentence)
            if m.head != mention.head
            and tokens[m.head].head == mention.head
            and tokens[m.head].dep in ("appos", "npadvmod")
        ]
        names = [", ".join([mention.text, *quals])] if quals else []
        names.append(mention.text)
        if mention.label in ("GPE", "LOC"):
            a, b = mention.token_start, mention.token_end
            for i in range(a + 1, b):  # "eastern Ukraine" -> "Ukraine"
                names.append(sentence.span_text(i, b))
            for j in range(b - 1, a, -1):  # "Kharkiv oblast" -> "Kharkiv"
                names.append(sentence.span_text(a, j))
        # names the tagger did not label as places must match a primary name or an alias
        alternates = mention.label != "PROPN"
        for name in names:
            place = gaz._resolve(name, strong, weak, alternates=alternates)
            if place is not None:
                return place
        return None

    # ------------------------------------------------------------------ attachment

    def predicate(self, sentence: Sentence, coded) -> set[int]:
        """Token indices that stand for the event predicate (head, trigger, xcomp links)."""
        tokens = sentence.tokens
        n = len(tokens)
        head = coded.head
        pred = {i for i in (head, *coded.trigger) if 0 <= i < n}
        if 0 <= head < n:
            tok = tokens[head]
            pred.update(c for c in sentence.children[head] if tokens[c].dep == "xcomp")
            if tok.dep == "xcomp":
                pred.add(tok.head)
            if tok.dep in ("nsubj", "nsubjpass"):
                pred.add(tok.head)  # "fighting continued in ...", "protests erupted across ..."
        return pred

    def attached(self, sentence: Sentence, start: int, pred: set[int], coded) -> int | None:
        """Hops from token ``start`` up to the predicate through locative links, or None."""
        tokens = sentence.tokens
        cameo = str(coded.cameo or "")
        visit = self.visit_role(cameo) is not None
        trigger = set(coded.trigger) | {coded.head}
        t, hops = start, 0
        for _ in range(MAX_CLIMB):
            tok = tokens[t]
            dep, up = tok.dep, tok.head
            if up == t:
                return None
            if dep in ("conj", "appos"):
                t = up
                continue
            if dep == "compound":
                if up in trigger:
                    return hops
                if self._place_noun(tokens[up]) or tokens[up].dep == "pobj":
                    t = up
                    continue
                return None
            if dep in self.object_deps and up in pred:
                if visit or cameo[:2] in self.object_roots:
                    return hops
                return None
            if dep != "pobj":
                return None
            prep = tokens[up]
            word = prep.text.lower()
            governor = prep.head
            if governor == up:
                return None
            gov_tok = tokens[governor]
            if word in self.place_noun_preps and self._place_noun(gov_tok):
                t = governor  # "the city of Kharkiv": continue from "city"
                continue
            if gov_tok.pos == "ADP" and gov_tok.head != governor:  # "outside of Kyiv"
                word = f"{gov_tok.text.lower()} {word}"
                governor = gov_tok.head
                gov_tok = tokens[governor]
            locative = word in self.locative or (
                word in self.place_noun_preps and self._place_noun(tok)
            )
            if not locative and not (visit and word in self.destination):
                return None
            if governor in pred:
                return hops
            if gov_tok.dep in ("dobj", "pobj") and tokens[gov_tok.head].i in pred:
                return hops + 1  # "met Putin in Moscow" attached to the object
            if (
                gov_tok.dep in ("nsubj", "nsubjpass")
                and gov_tok.head in pred
                and gov_tok.lemma.lower() in self.act_nouns
            ):
                return hops + 1  # "a bombing near Samarra killed": an act as the subject
            if gov_tok.dep != "pobj":
                return None
            t, hops = governor, hops + 1  # "at a summit in Geneva"
        return None

    def _place_noun(self, tok) -> bool:
        """A common noun for a place ("city", "outskirts"); not a name ("State of the Union")."""
        return tok.pos == "NOUN" and tok.lemma.lower() in self.place_nouns

    def visit_role(self, cameo: str) -> str | None:
        for code, role in self.visit_hosts.items():
            if cameo.startswith(code):
                return role
        return None

    # ------------------------------------------------------------------ the choice

    def locate(
        self,
        sentence: Sentence,
        coded,
        *,
        dateline: Sequence[str] = (),
        context_countries: Sequence[str] = (),
        attached_only: bool = False,
    ) -> Place | None:
        gaz = self.gazetteer
        weak = set(context_countries) | gaz._dateline_countries(dateline)
        strong = {
            m.actor.country
            for m in (coded.source, coded.target)
            if m is not None and m.actor.country
        }
        mentions = self.mentions(sentence)
        named: dict[int, str] = {}  # countries of the places named in the sentence
        for m in mentions:
            if m.label == "PROPN":
                continue
            place = gaz._resolve(m.text, set(), set())
            if place is not None and place.country:
                named[m.head] = place.country
        pred = self.predicate(sentence, coded)
        found = self._attached_place(
            sentence, coded, mentions, pred, (strong, named), weak, dateline
        )
        if found is not None or attached_only:
            return found
        role = self.visit_role(str(coded.cameo or ""))
        if role is not None:
            actor = coded.target if role == "target" else coded.source
            if actor is not None and actor.actor.country:
                place = gaz.country(actor.actor.country)
                if place is not None:
                    return place
        for name in dateline:  # the first dateline place the gazetteer knows
            place = gaz._resolve(name, set(), set())
            if place is not None:
                return place
        return None

    def _attached_place(self, sentence, coded, mentions, pred, context, weak, dateline):
        actors, named = context
        best, best_rank = None, None
        for m in mentions:
            hops = self.attached(sentence, m.head, pred, coded)
            if hops is None:
                continue
            # context: the event's actors and the other places named in the sentence
            strong = actors | {c for h, c in named.items() if h != m.head}
            place = self.resolve(sentence, m, strong, weak)
            if place is not None and place.feature == "country" and self._of_capital(sentence, m):
                place = self.gazetteer.capital(place.country)  # "the capital of Somalia"
            if place is None:
                continue
            rank = (hops, FEATURE_RANK.get(place.feature, 1), m.token_start)
            if best_rank is None or rank < best_rank:
                best, best_rank = place, rank
        if best is not None:
            return best
        for tok in sentence.tokens:
            if tok.lemma.lower() not in self.capital_nouns or tok.ent_type:
                continue
            if self.attached(sentence, tok.i, pred, coded) is None:
                continue
            place = self._capital(sentence, tok.i, mentions, dateline)
            if place is not None:
                return place
        return None

    def _of_capital(self, sentence: Sentence, mention: Mention) -> bool:
        tokens = sentence.tokens
        tok = tokens[mention.head]
        if tok.dep != "pobj":
            return False
        prep = tokens[tok.head]
        capital = tokens[prep.head]
        return (
            prep.text.lower() in self.place_noun_preps
            and capital.pos == "NOUN"
            and capital.lemma.lower() in self.capital_nouns
        )

    def _capital(self, sentence, i, mentions, dateline) -> Place | None:
        """ "the capital": of the country named after it, else the dateline's capital city."""
        gaz = self.gazetteer
        tokens = sentence.tokens
        for m in mentions:
            tok = tokens[m.head]
            if (tok.dep == "poss" and tok.head == i) or (  # "Ukraine's capital"
                tok.dep == "pobj" and tokens[tok.head].head == i  # "the capital of Ukraine"
            ):
                place = gaz._resolve(m.text, set(), set())
                if place is not None and place.feature == "country":
                    return gaz.capital(place.country)
        if dateline:
            place = gaz._resolve(dateline[0], set(), set())
            if place is not None and place.feature == "country":
                return gaz.capital(place.country)
            if place is not None and gaz.is_capital(place):
                return place
        return None
