"""The event coder: lexicon patterns + dependency parse + actor mentions -> events.

For every token whose lemma has patterns, the coder checks the pattern's required
dependents, finds the source and target in the roles the pattern names, maps each
argument token to the actor mention that covers it, and sets the modality.  An event
is emitted only when it has at least one actor (a source, or a target alone -- e.g. a
passive without agent "Five soldiers were killed"); such one-actor events get a lower
confidence.  Patterns marked ``absorb`` (appeals, promises, demands, refusals, threats,
accusations) take in the event of their complement ("agreed to cooperate",
"threatened to impose sanctions") and refine their own code from it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from eventwire.coding.arguments import not_in, own_state
from eventwire.coding.factuality import Factuality
from eventwire.coding.lexicon import Lexicon, Pattern
from eventwire.coding.ontology import Ontology
from eventwire.coding.view import SentenceView as _View
from eventwire.records import ActorMention, Sentence

MATERIAL_CONFLICT = 4  # the quad class whose acts have a demand as their motive
# an event noun alone in such a phrase of a coded act is what the act opposes
OPPOSED_PREPS = frozenset({"against"})


@dataclass(frozen=True, slots=True)
class CodedEvent:
    head: int
    trigger: tuple[int, ...]
    trigger_text: str
    span: tuple[int, int]
    source: ActorMention | None
    target: ActorMention | None
    cameo: str
    modality: str
    confidence: float
    reciprocal: bool
    pattern: str = ""
    # the code of the act an absorbing event is about when no one in the sentence did
    # it ("condemned the launch"): the article may have named its doer before
    about: str = ""


@dataclass(slots=True)
class _Match:
    pattern: Pattern
    head: int  # main predicate (the verb; the noun when it stands alone)
    noun: int | None  # the event noun of a noun pattern
    extra: tuple[int, ...]  # further trigger words (particle, required object ...)
    cameo: str
    absorbed: list[_Match]

    @property
    def rank(self) -> tuple:
        carried = 1 if self.noun is not None and self.noun != self.head else 0
        p = self.pattern
        return (p.specificity + carried, p.weight, -p.order)


class Coder:
    """Codes one parsed sentence at a time; stateless between sentences."""

    def __init__(self, *, lexicon: Lexicon, ontology: Ontology, max_pairs: int = 6) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.max_pairs = max_pairs
        self.factuality = Factuality(lexicon.modality)

    # ------------------------------------------------------------------ public

    def code_sentence(self, sentence: Sentence, mentions: list[ActorMention]) -> list[CodedEvent]:
        if not mentions or not sentence.tokens:
            return []
        s = _View(sentence, mentions, self.lexicon.modality.stative_participles)
        matches = self._matches(s)
        matches = self._absorb(s, matches)
        events: list[CodedEvent] = []
        for m in matches:
            events.extend(e for e in self._events(s, m) if not _one_phrase(e))
        events.extend(self._claims(s, events))
        events.sort(key=lambda e: (e.span[0], e.head, e.cameo))
        return events

    # ------------------------------------------------------------------ matching

    def _matches(self, s: _View) -> list[_Match]:
        best: dict[int, _Match] = {}
        for tok in s.tokens:
            coarse = _coarse(tok)
            if coarse is None:
                continue
            cands: list[Pattern] = []
            for form in s.forms(tok.i):
                cands = self.lexicon.candidates(form, coarse)
                if cands:
                    break
            for p in cands:
                m = self._try(s, p, tok.i)
                if m is None:
                    continue
                old = best.get(m.head)
                if old is None or m.rank > old.rank:
                    best[m.head] = m
        back = [m for m in best.values() if s.background(m)]
        # "..., a day after rebels shot down a helicopter": what came just before the
        # sentence's own coded act frames it (not when the act is uncoded: "oil prices
        # rose after NATO launched air strikes")
        back += [m for m in best.values() if s.tokens[m.head].head in best and self._earlier(s, m)]
        # what a background mention says of itself is background too ("following a
        # demonstration calling for reforms", "after the sanctions were lifted")
        hidden = {i for m in back if m.noun == m.head or m.noun is None for i in s.subtree(m.head)}
        kept = [
            m
            for m in best.values()
            if m not in back and m.head not in hidden and (m.noun is None or m.noun not in hidden)
        ]
        kept.extend(self._obligations(s, kept, best))
        used = {i for m in kept for i in (m.noun, *m.extra) if i is not None and i != m.head}
        # "eased restrictions on rallies", "held talks on a ceasefire": an event noun in a
        # phrase of another event's noun or object is what that event is about
        # (an absorbing pattern takes such events in itself: "held X responsible for ...")
        nouns = [
            i for m in kept if not m.pattern.absorb for i in (m.noun, *m.extra) if i is not None
        ]
        topics = s.topic_region(nouns)
        # "defended Iraq against criticism": an event noun alone that an act is against
        acts = [m.head for m in kept if m.noun is None and not m.pattern.absorb]
        acts += [c for v in acts for c in s.children[v] if s.tokens[c].dep == "dobj"]
        topics |= {
            i
            for v in acts
            for c in s.children[v]
            if s.tokens[c].dep == "prep" and s.low(c) in OPPOSED_PREPS
            for i in s.subtree(c)
        }
        # "prevented the demonstration staged to protest ...", "signed an accord calling
        # for ...": what a participle on such a noun says is that noun's content
        content = s.participle_region(nouns)
        kept = [
            m for m in kept if (m.noun != m.head or m.head not in topics) and m.head not in content
        ]
        # "signed an agreement to increase trade", "reached a consensus to exchange data":
        # the infinitive is the content of the event noun, not an event of its own
        plain = {
            i for m in kept if not m.pattern.absorb for i in (m.noun, *m.extra) if i is not None
        }
        # "signed an agreement today to increase trade": the same, parsed on the verb
        # that carries the event noun
        # (a verb with its required object: "signed a deal today to build a pipeline")
        carriers = {
            m.head
            for m in kept
            if not m.pattern.absorb
            and (
                (m.noun is not None and m.noun != m.head)
                or (m.pattern.object and m.pattern.reciprocal)
            )
        }
        # "will boycott the vote unless the president resigns": the condition is part of
        # the threat or promise it is attached to, not an event of its own
        heads = {m.head for m in kept}
        cues = self.lexicon.modality
        conditional = cues.conditional
        # "in line with efforts to end the fighting", "in a bid to join": an aim named in
        # a phrase frames the sentence's act; it is not an act of its own
        framed = {t.i for t in s.tokens if t.dep == "pobj" and s.lemma(t.i) in cues.aim_nouns}
        return [
            m
            for m in kept
            if m.head not in used
            and not s.noun_content(m.head, plain | framed)
            and not s.noun_content(m.head, carriers, ("advcl", "xcomp"))
            and s.condition_of(m.head, conditional) not in heads
            and not (
                m.noun == m.head
                and s.tokens[m.head].dep == "dobj"
                and s.lemma(s.tokens[m.head].head) in cues.topic_verbs
            )
        ]

    def _obligations(self, s: _View, kept: list[_Match], best: dict) -> list[_Match]:
        """A reported obligation ("said Iraq must cooperate") is the speaker's demand:
        a match of the obligation pattern on the speech verb, which then absorbs it."""
        cues = self.lexicon.modality
        demand = self.lexicon.pattern(cues.obligation_pattern) if cues.obligation_aux else None
        if demand is None:
            return []
        out: list[_Match] = []
        coded = {m.head for m in kept}
        for tok in s.tokens:
            v = tok.head
            if tok.dep == "acl" and s.has_form(v, cues.speech_nouns):
                # "issued a reminder to Iraq that it must ...": the verb that carries it
                if s.tokens[v].dep != "dobj" or not any(
                    s.low(k) == "that" for k in s.children[tok.i]
                ):
                    continue
                v = s.tokens[v].head
            elif tok.dep != "ccomp" or not s.has_form(v, cues.speech_verbs):
                continue
            if v in best or any(x.head == v for x in out):
                continue
            if not any(
                s.tokens[c].dep == "aux" and s.lemma(c) in cues.obligation_aux
                for c in s.children[tok.i]
            ):
                continue
            # an act the lexicon does not code counts when the one obliged is an actor
            # ("said Indonesia must ensure security")
            if tok.i not in coded and not s.actors_of(s.clause_subjects([tok.head])):
                continue
            out.append(_Match(demand, v, None, (), demand.cameo, []))
        return out

    def _earlier(self, s: _View, m: _Match) -> bool:
        """An act told as what came just before the sentence's own event: a past clause
        of a background subordinator ("..., a day after rebels shot down a helicopter")."""
        tok = s.tokens[m.head]
        if tok.dep != "advcl" or tok.tag not in ("VBD", "VBN"):
            return False
        marks = self.lexicon.modality.background_clauses
        return any(s.tokens[c].dep == "mark" and s.lemma(c) in marks for c in s.children[m.head])

    def _claims(self, s: _View, events: list[CodedEvent]) -> list[CodedEvent]:
        """An attack on the speaker's side reported by the speaker ("Ukraine said Russian
        forces shelled Kharkiv") is also the speaker's accusation of the attacker: an
        event of the ``claim`` pattern of modality.yaml, besides the attack itself."""
        cues = self.lexicon.modality
        p = self.lexicon.pattern(cues.claim_pattern) if cues.claim_roots else None
        if p is None:
            return []
        out: list[CodedEvent] = []
        for e in events:
            a, b = e.source, e.target
            if e.cameo[:2] not in cues.claim_roots or a is None or b is None:
                continue
            v = s.speech_head(e.head, cues.speech_verbs)
            if v is None or not a.actor.country or any(y.head == v for y in events):
                continue  # (a speech verb coded already, "warned that ...", stays as it is)
            for x in s.actors_of(s.role_tokens(v, None, "subj")[0]):
                c = x.actor.country
                if not c or c == a.actor.country or c != b.actor.country:
                    continue
                if any(y.source is x and y.target is a for y in out):
                    continue
                tok = s.tokens[v]
                out.append(
                    CodedEvent(
                        head=v,
                        trigger=(v,),
                        trigger_text=tok.text,
                        span=(min(tok.start, x.start), max(tok.end, x.end)),
                        source=x,
                        target=a,
                        cameo=p.refined(e.cameo) or p.cameo,
                        modality=self.factuality.modality(s.sentence, v, ()),
                        # read off the report, so below the reported act itself
                        confidence=round(
                            0.9
                            * self._confidence(_Match(p, v, None, (), p.cameo, []), x, a, False),
                            3,
                        ),
                        reciprocal=False,
                        pattern=p.id,
                    )
                )
        return out

    def _try(self, s: _View, p: Pattern, i: int) -> _Match | None:
        verb, noun = i, None
        extra: list[int] = []
        if p.pos == "NOUN":
            noun = i
            verb = s.light_verb(i, p.light)
            if verb is None:
                # "aid workers", "attack helicopters": a noun naming a kind of thing;
                # "recalled its envoy in protest at ...": the motive of another act
                if not p.alone or s.tokens[i].dep == "compound" or s.motive(i, p.motive):
                    return None
                verb = i
        if p.particle:
            hit = s.child_with(verb, ("prt", "prep", "advmod"), p.particle)
            if hit is None:
                return None
            extra.append(hit)
        if p.prep:
            hit = s.child_with(i, ("prep", "agent", "prt"), p.prep)
            if hit is None and verb != i:
                hit = s.child_with(verb, ("prep", "agent"), p.prep)
            if hit is None:
                for c in s.children[verb]:
                    if s.tokens[c].dep in ("dobj", "prt"):
                        hit = s.child_with(c, ("prep",), p.prep)
                        if hit is not None:
                            break
            if hit is None:
                # "pushed for the EU to impose sanctions": the clause's own subordinator
                marks = (s.subject_clause_mark(c) for c in s.children[verb])
                hit = next((k for k in marks if k is not None and s.low(k) in p.prep), None)
            if hit is None:
                return None
        if p.object:
            objs = [
                c
                for c in s.children[verb]
                if s.tokens[c].dep in ("dobj", "nsubjpass", "attr", "oprd")
            ]
            # "the state of emergency", "part of the aid": the noun inside "of" counts too
            objs = objs + [g for c in objs for w in ("of", "in") for g in s.prep_objects(c, w)]
            objs = [c for c in objs if s.lemma(c) in p.object or s.low(c) in p.object]
            if not objs:
                pobj = s.prep_objects(verb, None)
                objs = [c for c in pobj if s.lemma(c) in p.object]
            if not objs:
                return None
            extra.append(objs[0])
        if p.complement:
            comps = [
                c
                for c in s.children[verb]
                if s.tokens[c].dep in ("xcomp", "ccomp", "dobj", "pcomp", "prep")
                or (s.tokens[c].dep == "advcl" and s.purpose_clause(c))
            ] + s.stranded_infinitives(verb)
            found = None
            for c in comps:
                targets = [c] if s.tokens[c].dep != "prep" else list(s.children[c])
                for t in targets:
                    if s.lemma(t) in p.complement or (
                        "*" in p.complement and s.tokens[t].pos in ("VERB", "NOUN")
                    ):
                        found = t
                        break
                if found is not None:
                    break
            if found is None:
                return None
            if not p.absorb and "*" not in p.complement:  # else it stays an event
                extra.append(found)
        if not p.transitive and any(s.tokens[c].dep == "dobj" for c in s.children[verb]):
            return None
        if (
            p.clause
            and not s.tail_report(verb)
            and not any(
                (
                    s.tokens[c].dep == "ccomp"
                    and any(s.tokens[g].dep in ("nsubj", "nsubjpass") for g in s.children[c])
                )
                or s.subject_clause_mark(c) is not None
                for c in s.children[verb]
            )
        ):
            return None
        if p.with_any or p.without:
            near = s.near_lemmas(i)
            for j in {verb, *extra} - {i}:
                near = near | s.near_lemmas(j)
            if p.with_any and not (near & p.with_any):
                return None
            if p.without and near & p.without:
                return None
        return _Match(p, verb, noun, tuple(extra), p.cameo, [])

    # ------------------------------------------------------------------ absorption

    def _absorb(self, s: _View, matches: list[_Match]) -> list[_Match]:
        if len(matches) < 2:
            return matches
        # inner absorbers first: "rallied to demand the resignation" refines the demand
        # (1041), then the rally takes in the demand (1411)
        order = sorted(matches, key=lambda m: len(s.subtree(m.head)))
        removed: set[int] = set()
        for g in order:
            if id(g) in removed or not g.pattern.absorb:
                continue
            region = s.complement_region(g.head, exclude={g.noun} if g.noun is not None else set())
            for m in order:
                if m is g or id(m) in removed:
                    continue
                if m.head in region or (m.noun is not None and m.noun in region):
                    removed.add(id(m))
                    g.absorbed.append(m)
            if g.absorbed:
                inner = min(g.absorbed, key=lambda m: s.depth_below(m.head, g.head))
                refined = g.pattern.refined(inner.cameo)
                if refined:
                    g.cameo = refined
        # "used tear gas to disperse the protesters": an act done to do the same act is
        # one event, whose arguments the purpose clause completes;
        # "blockaded Paris to demand ...": a demand as the purpose is the act's motive
        for m in matches:
            for k in matches:
                if k is m or id(k) in removed or id(m) in removed:
                    continue
                if k.cameo != m.cameo and (
                    k.pattern.purpose is True
                    or k.noun is not None
                    or (
                        k.pattern.purpose is False
                        and self.ontology.cameo(m.cameo).quad_class != MATERIAL_CONFLICT
                    )
                ):
                    continue  # ("sent an envoy to demand ..." is a demand as well)
                if s.tokens[k.head].head == m.head and s.purpose(k.head):
                    if k.cameo == m.cameo:  # (a motive does not give the act's arguments)
                        m.absorbed.append(k)
                    removed.add(id(k))
        # "killed 20 civilians in an attack", "destroyed in an air strike": an event noun
        # in an "in" phrase of an act of the same PLOVER type is the means of that act
        plover = {id(m): self.ontology.cameo(m.cameo).plover for m in matches}
        for m in matches:
            for k in matches:
                if k is m or id(k) in removed or id(m) in removed or k.noun != k.head:
                    continue
                if plover[id(k)] != plover[id(m)] or plover[id(m)] is None:
                    continue
                if s.means_of(k.head) == m.head:
                    m.absorbed.append(k)
                    removed.add(id(k))
        return [m for m in matches if id(m) not in removed]

    # ------------------------------------------------------------------ arguments and events

    def _events(self, s: _View, m: _Match) -> list[CodedEvent]:
        p = m.pattern
        src, src_inherited = self._role_actors(s, m, p.source)
        tgt, _ = self._role_actors(s, m, p.target)
        if s.stative(m.head, {i for x in m.absorbed for i in (x.head, x.noun) if i is not None}):
            # "Israel is opposed to French mediation": the subject holds the attitude
            src, src_inherited = self._role_actors(s, m, ("obj",))
            tgt, _ = self._role_actors(s, m, [r for r in p.target if r not in ("obj", "other_obj")])
        # "Japan hosted Yoon": the guest's own visit is coded too (pattern key converse)
        converse = bool(p.converse) and bool(tgt) and bool(self._role_actors(s, m, ("obj",))[0])
        # the target is the one asked / accused, not a party to the act
        asked = bool(tgt) and bool(m.absorbed)
        if not tgt and p.absorb:
            # "demanded that Japan release ...", "its demand that Serbia withdraw": the
            # complement clause's subject, whether or not its verb codes an event
            tgt = [
                x
                for x in s.actors_of(s.clause_subjects(s.content_heads(m)))
                if not_in(x, src) and not own_state(x, src)
            ]
            if not tgt:  # "reminded Iraq that it must cooperate": the one addressed
                tgt = [x for x in s.actors_of(s.addressees(m)) if not_in(x, src)]
            asked = bool(tgt)
        # nearest absorbed event first: it is the one the demand or promise is about
        for inner in sorted(m.absorbed, key=lambda x: s.depth_below(x.head, m.head)):
            # the one asked, promised or accused: the inner event's own source when it
            # differs from ours ("demanded that Japan release ..."), else its target
            if not tgt:
                own, inherited = self._role_actors(s, inner, inner.pattern.source)
                own = [
                    x
                    for x in own
                    if not_in(x, src) and not s.own_side(x.head) and not own_state(x, src)
                ]
                if own and not inherited:
                    tgt, asked = own, True
                else:
                    tgt, _ = self._role_actors(s, inner, inner.pattern.target)
            if not src:
                own, src_inherited = self._role_actors(s, inner, inner.pattern.source)
                src = [x for x in own if not_in(x, tgt)]
        if not tgt and s.tokens[m.head].dep == "conj":
            # "has sent tanks to Ukraine and will send jets": the conjoined verb's target
            first = s.tokens[m.head].head
            if s.lemma(first) == s.lemma(m.head):
                tgt, _ = self._role_actors(s, _Match(p, first, None, (), p.cameo, []), p.target)
            elif p.absorb:
                # "accused Washington of ... and warned that Moscow would retaliate": the
                # warning is addressed to the one the first verb acts on
                objs, _ = self._role_actors(s, _Match(p, first, None, (), p.cameo, []), ("obj",))
                tgt = [x for x in objs if not_in(x, src) and not own_state(x, src)]
        # "agreed to meet": the absorbed reciprocal act is ours when its parties are ours,
        # not in "called on X and Y to negotiate" (the parties are the ones asked)
        symmetric = p.reciprocal or (
            not asked
            and any(x.pattern.reciprocal and self._shares_source(s, x, src) for x in m.absorbed)
        )
        if s.each_other(m.head):
            symmetric = True
        if not tgt and p.absorb and src:
            # "threatened to strike unless Israel withdraws": the one the condition is on
            cond = s.condition_subjects([m.head], self.lexicon.modality.conditional)
            tgt = [x for x in s.actors_of(cond) if not_in(x, src)]
        if not tgt and p.absorb and src and not m.absorbed:
            # "is willing to send more resources to Colombia": the uncoded act's party
            tgt = [x for x in s.complement_parties(m.head) if not_in(x, src)]
        if not tgt and src and not (symmetric and len(src) >= 2):
            # "rejected an invitation to a meeting of Palestinian factions": the parties
            # named in an "of" phrase of the trigger's own nouns
            nouns = [m.noun, *m.extra, *(x.noun for x in m.absorbed)]
            nouns = [x for x in nouns if x is not None and x != m.head]
            of = [o for x in nouns for o in s.prep_objects(x, "of") if not s.own_side(o)]
            tgt = [x for x in s.actors_of(of) if not_in(x, src)]
            if not tgt:
                # "imposed a curfew in Algiers", "refused to deploy troops in Iraq": with
                # no one named, the country where the act takes place is its target
                tgt = [x for x in s.place_actors([m, *m.absorbed]) if not_in(x, src)]
        if not src and s.tokens[m.head].dep == "csubj":
            # "said removing the sanctions is out of the question": the speaker refuses
            if s.phrase_on(m.head, self.lexicon.modality.refusal_phrases):
                src = [
                    x
                    for x in s.actors_of(s.inherited_subject(s.tokens[m.head].head))
                    if not_in(x, tgt)
                ]
        about = ""
        if not tgt:  # "The Kremlin condemned the sanctions": whose?
            about = self._about(s, m)
        if not src and not tgt:
            return []
        if ("source" in p.require and not src) or ("target" in p.require and not tgt):
            return []
        src_ids = {id(x) for x in src}
        tgt = [t for t in tgt if id(t) not in src_ids]
        if symmetric and not tgt and len(src) >= 2:
            pairs = list(itertools.permutations(src, 2))
            reciprocal = True
        elif (p.reciprocal or s.each_other(m.head)) and not src and len(tgt) >= 2:
            # "talks between X and Y"; not "called on X and Y to negotiate" (an appeal
            # to both, whose speaker is unknown)
            pairs = list(itertools.permutations(tgt, 2))
            reciprocal = True
        else:
            pairs = list(itertools.product(src or [None], tgt or [None]))
            reciprocal = symmetric and bool(src) and bool(tgt)
            if reciprocal and p.reciprocal and not m.absorbed:
                # "signed a deal with X", "held talks with X": X is a party as well
                pairs = pairs[: self.max_pairs // 2]
                pairs = pairs + [(b, a) for a, b in pairs if s.with_party(b)]
        pairs = pairs[: self.max_pairs]
        nouns = (m.noun,) if m.noun is not None else ()
        modality = self.factuality.modality(s.sentence, m.head, nouns)
        code = m.cameo
        refused = self._refusal(s, m, modality)
        if refused:  # "will not lift the ban": the refusal is the act
            code, modality = refused, "occurred"
        trigger = s.trigger_tokens(m)
        trigger_text = " ".join(s.tokens[i].text for i in trigger)
        out = []
        n_direct = len(pairs)
        if converse and not reciprocal:
            pairs = pairs + [(b, a) for a, b in pairs if a is not None and b is not None]
        for k, (a, b) in enumerate(pairs):
            conf = self._confidence(m, a, b, src_inherited)
            if s.subordinate(m.head):  # background clause: below the sentence's own event
                conf = round(conf * 0.88, 3)
            if k >= n_direct:  # the converse is read off the act the text states
                conf = round(conf * 0.95, 3)
            starts = [s.tokens[i].start for i in trigger]
            ends = [s.tokens[i].end for i in trigger]
            for x in (a, b):
                if x is not None:
                    starts.append(x.start)
                    ends.append(x.end)
            out.append(
                CodedEvent(
                    head=m.head,
                    trigger=trigger,
                    trigger_text=trigger_text,
                    span=(min(starts), max(ends)),
                    source=a,
                    target=b,
                    cameo=code if k < n_direct else p.converse,
                    modality=modality,
                    confidence=conf,
                    reciprocal=reciprocal,
                    pattern=p.id,
                    about=about if b is None else "",
                )
            )
        return out

    def _about(self, s: _View, m: _Match) -> str:
        """The code of the act an event is about: its nearest absorbed act, else an
        event noun as its object that names no one ("condemned the launch")."""
        if m.absorbed:
            return min(m.absorbed, key=lambda x: s.depth_below(x.head, m.head)).cameo
        for o in s.children[m.head]:
            if s.tokens[o].dep != "dobj" or s.tokens[o].pos != "NOUN" or o in s.mention_at:
                continue
            near = s.near_lemmas(o)
            for p in self.lexicon.candidates(s.lemma(o), "NOUN"):
                if p.absorb or (p.with_any and not near & p.with_any) or near & p.without:
                    continue
                return p.cameo
        return ""

    def _refusal(self, s: _View, m: _Match, modality: str) -> str | None:
        """A cooperative act negated with a modal of will ("will not lift the ban",
        "cannot accept refugees") or the clausal subject of a refusal phrase ("lifting
        the ban is out of the question") is a refusal: the code of the ``refusal``
        pattern of modality.yaml, refined by the act's code."""
        cues = self.lexicon.modality
        p = self.lexicon.pattern(cues.refusal_pattern) if cues.refusal_aux else None
        if p is None or m.pattern.absorb or m.cameo[:2] not in cues.refusal_roots:
            return None
        if s.tokens[m.head].dep == "csubj" and s.phrase_on(m.head, cues.refusal_phrases):
            return p.refined(m.cameo) or p.cameo
        if modality != "negated":
            return None
        deps = {(s.tokens[c].dep, s.lemma(c)) for c in s.children[m.head]}
        if not any(d == "neg" for d, _ in deps):
            return None
        if not any(d == "aux" and w in cues.refusal_aux for d, w in deps):
            return None
        return p.refined(m.cameo) or p.cameo

    def _shares_source(self, s: _View, inner: _Match, src: list[ActorMention]) -> bool:
        own, _ = self._role_actors(s, inner, inner.pattern.source)
        return not own or any(x is y for x in own for y in src)

    def _confidence(self, m: _Match, a, b, inherited: bool) -> float:
        if a is not None and b is not None:
            c = 0.9
        elif a is not None:
            c = 0.72
        else:
            c = 0.6
        if inherited:
            c *= 0.9
        if m.noun is not None and m.noun == m.head:
            c *= 0.85  # an event noun without a verb carrying it
        c = c * m.pattern.weight + 0.03 * min(m.pattern.specificity, 2)
        return round(max(0.05, min(0.99, c)), 3)

    def _role_actors(self, s: _View, m: _Match, roles) -> tuple[list[ActorMention], bool]:
        for role in roles:
            toks, inherited = s.role_tokens(
                m.head, m.noun, "obj" if role == "other_obj" else role, saying=m.pattern.absorb
            )
            if role == "other_obj":  # "sent tanks": the required object is the thing given
                toks = [t for t in toks if t not in m.extra]
            actors = s.actors_of(toks)
            if actors:
                return actors, inherited
        return [], False


def _one_phrase(event: CodedEvent) -> bool:
    """Source and target are two adjacent pieces of one name the parser split
    ("Ukrainian leader | Volodymyr Zelensky"), coded alike: not an event between two."""
    a, b = event.source, event.target
    if a is None or b is None or a.actor.code != b.actor.code:
        return False
    return a.token_end == b.token_start or b.token_end == a.token_start


def _coarse(tok) -> str | None:
    if tok.pos == "VERB":
        return "VERB"
    if tok.pos == "ADJ":
        return "ADJ"
    if tok.pos == "NOUN" or (tok.pos == "PROPN" and not tok.ent_type):
        return "NOUN"
    return None
