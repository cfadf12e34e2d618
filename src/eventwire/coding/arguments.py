"""Argument search for the event coder: which tokens fill a pattern's roles and which
actor mentions they name.

``Arguments`` is mixed into the coder's sentence view; it needs ``tokens``,
``children``, ``sentence``, ``mention_at``, ``together``, ``lemma``, ``low``, ``passive`` and ``subtree``.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.records import ActorMention

SUBJ = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
FRAME_PREPS = frozenset({"for", "during", "after", "in"})
PRONOUN_TAGS = frozenset({"PRP", "WP", "WDT", "PRP$"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
SEARCH_DEPS = ("compound", "amod", "poss", "nmod", "appos", "npadvmod", "prep", "pobj", "det")
SEARCH_PREPS = frozenset({"of", "from", "with", "by"})
# phrases that set the time of an act, not what it is about
TIME_FRAME_PREPS = frozenset({"during", "after", "before", "since", "amid", "following"})


# dependencies that stay inside an act's own phrases (no subject, no clause of its own)
OWN_PHRASE = frozenset({"dobj", "prep", "pobj", "xcomp", "conj", "compound", "amod"})
PHRASE_DEPTH = 6


class Arguments:
    """Role and mention look-ups over a parsed sentence."""

    def topic_region(self, nouns) -> set[int]:
        """Tokens in the prepositional phrases of ``nouns`` (event nouns and required
        objects): what those events are about ("restrictions on rallies", "talks on a
        ceasefire"), not time frames ("talks during the visit")."""
        out: set[int] = set()
        for n in nouns:
            for c in self.children[n]:
                t = self.tokens[c]
                if t.dep == "prep" and t.text.lower() not in TIME_FRAME_PREPS:
                    out.update(self.subtree(c))
        return out

    def condition_of(self, i: int, conditional) -> int | None:
        """The predicate whose conditional clause ("unless ...", "if ...") holds token ``i``."""
        for _ in range(8):
            tok = self.tokens[i]
            if tok.head == i or tok.dep in ("relcl", "ccomp", "acl"):
                return None
            if tok.dep == "advcl":
                if any(
                    self.tokens[k].dep == "mark" and self.low(k) in conditional
                    for k in self.children[i]
                ):
                    return tok.head
                return None
            i = tok.head
        return None

    def participle_region(self, nouns) -> set[int]:
        """Tokens in the participle clauses on ``nouns`` ("the protest staged by ...",
        "an accord calling for ..."), not relative clauses."""
        out: set[int] = set()
        for n in nouns:
            for c in self.children[n]:
                t = self.tokens[c]
                if t.dep == "acl" and t.tag in ("VBN", "VBG"):
                    out.update(self.subtree(c))
        return out

    def motive(self, n: int, preps) -> bool:
        """The noun ``n`` is the bare object of one of ``preps`` on a verb ("in protest")."""
        tok = self.tokens[n]
        prep = self.tokens[tok.head]
        if not preps or tok.dep != "pobj" or prep.text.lower() not in preps:
            return False
        if any(self.tokens[c].dep in ("det", "poss", "amod") for c in self.children[n]):
            return False
        return self.tokens[prep.head].pos in ("VERB", "AUX")

    def means_of(self, n: int) -> int | None:
        """The verb whose "in" phrase holds the noun ``n`` ("killed in an attack")."""
        tok = self.tokens[n]
        prep = self.tokens[tok.head]
        if tok.dep != "pobj" or prep.dep != "prep" or prep.text.lower() != "in":
            return None
        return prep.head if self.tokens[prep.head].pos == "VERB" else None

    def noun_content(self, i: int, nouns: set[int], deps=("acl",)) -> bool:
        """An infinitive modifying one of ``nouns`` (the trigger words of other events)."""
        tok = self.tokens[i]
        return tok.dep in deps and tok.head in nouns and self.sentence.infinitive(i)

    def subordinate(self, i: int) -> bool:
        """The token sits in a relative, participial or adverbial clause."""
        for _ in range(8):
            tok = self.tokens[i]
            if tok.head == i:
                return False
            if tok.dep in ("relcl", "acl", "advcl"):
                return True
            i = tok.head
        return False

    def purpose(self, c: int) -> bool:
        """An infinitive clause of purpose ("to disperse") on its governing verb."""
        return self.tokens[c].dep in ("advcl", "xcomp") and self.sentence.infinitive(c)

    def purpose_clause(self, c: int) -> bool:
        """An adverbial clause that says what the act is for or what it promises:
        an infinitive ("swore to fight", "rallied to demand") or a bare participle
        ("demonstrated, calling for"), not one with its own subordinator ("until", "after")."""
        if any(self.tokens[k].dep == "mark" for k in self.children[c]):
            return False
        return self.sentence.infinitive(c) or self.tokens[c].tag == "VBG"

    def depth_below(self, i: int, top: int) -> int:
        d = 0
        while i != top and d < 50:
            nxt = self.tokens[i].head
            if nxt == i:
                return 99
            i, d = nxt, d + 1
        return d

    def prep_objects(self, i: int, word: str | None) -> list[int]:
        out = []
        for c in self.children[i]:
            t = self.tokens[c]
            if (t.dep in ("prep", "agent") or (t.dep == "dative" and t.pos == "ADP")) and (
                word is None or t.text.lower() == word
            ):
                objs = [g for g in self.children[c] if self.tokens[g].dep in ("pobj", "pcomp")]
                has_pobj = any(self.tokens[g].dep == "pobj" for g in objs)
                stranded = [] if has_pobj else self.stranded_object(c)
                out.extend(stranded or objs)
        return out

    def stranded_object(self, p: int) -> list[int]:
        """The object of a preposition that the parser made the subject of a following
        participle ("granted asylum to five officers holed up in ..." parsed as the
        officers holing up): that subject, when its phrase begins right after ``p``."""
        for c in range(p + 1, min(p + 8, len(self.tokens))):
            tok = self.tokens[c]
            if tok.pos not in ("NOUN", "PROPN") or tok.dep not in SUBJ | PASSIVE_SUBJ:
                continue
            verb = self.tokens[tok.head]
            if (
                tok.head > c
                and verb.tag in ("VBN", "VBD")
                and verb.dep in ("advcl", "relcl", "ccomp", "conj", "pcomp")
                and min(self.subtree(c)) == p + 1
            ):
                return [c]
        return []

    def role_tokens(
        self, verb: int, noun: int | None, role: str, *, saying: bool = False
    ) -> tuple[list[int], bool]:
        """Argument head tokens for ``role``; the flag says the subject was inherited.

        ``saying``: the trigger states a demand, appeal, threat ... (an absorbing
        pattern), so a participle on a document noun speaks for whoever issued it.
        """
        has_verb = noun is None or verb != noun
        if role == "subj":
            if not has_verb:
                by = self.prep_objects(noun, "by")
                if by:
                    return by, False
                # "arrived for talks", "during his visit": the clause's subject
                tok = self.tokens[noun]
                prep = self.tokens[tok.head]
                if tok.dep == "pobj" and prep.text.lower() in FRAME_PREPS and prep.head != tok.head:
                    v = prep.head
                    if self.tokens[v].pos in ("VERB", "AUX"):
                        subj = [c for c in self.children[v] if self.tokens[c].dep in SUBJ]
                        if subj:
                            return subj, True
                return [], False
            if self.passive(verb):
                by = self.prep_objects(verb, "by")
                if (
                    not by
                    and noun is not None
                    and self.tokens[noun].dep == "pobj"
                    and self.lemma(verb) in self.stative_participles
                ):
                    # "Serb forces were engaged in ethnic cleansing": a state, not an act
                    # done to them, when the noun rides in the verb's phrase
                    by = [c for c in self.children[verb] if self.tokens[c].dep == "nsubjpass"]
                return by, False
            subj = [c for c in self.children[verb] if self.tokens[c].dep in SUBJ]
            if noun is not None and noun in subj:
                subj = []  # "talks took place": the noun is the subject
            if subj and not (
                self.tokens[subj[0]].tag in PRONOUN_TAGS and subj[0] not in self.mention_at
            ):
                return subj, False
            inherited = self.inherited_subject(verb, saying=saying)
            return inherited, bool(inherited)
        if role == "obj":
            # a noun carried as its light verb's object has no object of its own; one in a
            # phrase of the verb has the verb's ("placed X under arrest", "put under
            # investigation")
            if noun is not None and has_verb and self.tokens[noun].dep != "pobj":
                return [], False
            if not has_verb:
                return [], False
            if self.passive(verb):
                return [c for c in self.children[verb] if self.tokens[c].dep in PASSIVE_SUBJ], False
            return [c for c in self.children[verb] if self.tokens[c].dep in ("dobj", "obj")], False
        if role == "iobj":
            return [
                c for c in self.children[verb] if self.tokens[c].dep in ("dative", "iobj")
            ], False
        if role == "xsubj":  # "allowed Chamisa to contest": the complement's own subject
            clauses = [c for c in self.children[verb] if self.tokens[c].dep in ("xcomp", "ccomp")]
            if not clauses and self.tail_report(verb):
                # "X is failing refugees, a group protested": the clause the report closes
                clauses = [i for i, t in enumerate(self.tokens) if t.dep == "ROOT"]
            out = [g for c in clauses for g in self.children[c] if self.tokens[g].dep in SUBJ]
            return out, False
        if role == "attr":
            return [c for c in self.children[verb] if self.tokens[c].dep in ("attr", "oprd")], False
        if role == "poss":
            if noun is None:
                return [], False
            return [c for c in self.children[noun] if self.tokens[c].dep == "poss"], False
        if role == "mod":
            if noun is None:
                return [], False
            return [
                c
                for c in self.children[noun]
                if self.tokens[c].dep in ("amod", "compound", "nmod") and c in self.mention_at
            ], False
        word = role[5:]
        heads = [noun] if noun is not None else []
        if has_verb:
            heads.append(verb)
            for c in self.children[verb]:
                dep = self.tokens[c].dep
                if c != noun and (
                    dep in ("dobj", "prt")
                    or (
                        dep == "prep"
                        and any(self.tokens[g].dep == "prep" for g in self.children[c])
                    )
                ):
                    heads.append(c)
                    if dep == "dobj":  # "deployed dozens of warplanes and warships around Taiwan"
                        for g in [c, *self.prep_objects(c, "of")]:
                            heads.extend(x for x in [g, *self.conjuncts(g)] if x not in heads)
                        # "lifted the ban imposed on the LTTE"
                        heads.extend(
                            g
                            for g in self.children[c]
                            if self.tokens[g].dep == "acl" and self.tokens[g].tag == "VBN"
                        )
            # "staged a strike in protest against X", "in response to X", last
            heads.extend(
                g
                for g in self.prep_objects(verb, "in")
                if self.tokens[g].pos == "NOUN" and g not in self.mention_at
            )
        for h in heads:
            objs = self.prep_objects(h, word)
            if objs:
                return objs, False
        return [], False

    def inherited_subject(self, v: int, *, saying: bool = False) -> list[int]:
        cur = v
        for _ in range(5):
            tok = self.tokens[cur]
            parent = tok.head
            if parent == cur:
                return []
            dep = tok.dep
            if dep in ("relcl", "acl"):
                noun = self.tokens[parent]
                saying = saying and dep == "acl" and tok.tag == "VBG"
                if not (saying and cur == v and self.issued(parent)):
                    return [parent]
                # "issued a statement demanding ...": the statement speaks for its issuer
                parent, dep = noun.head, "ccomp"
            if dep not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "pobj", "prep", "acomp"):
                return []
            if dep == "xcomp":
                obj = [
                    c
                    for c in self.children[parent]
                    if self.tokens[c].dep == "dobj" and c in self.mention_at
                ]
                if obj:
                    return obj
            subj = [c for c in self.children[parent] if self.tokens[c].dep in SUBJ]
            if self.passive(parent) and dep == "advcl":
                # "was attacked by militiamen, killing 156": the agent acts on
                subj = subj or self.prep_objects(parent, "by")
            if self.passive(parent) and dep != "conj":
                # "X is expected to meet": the raised passive subject is the actor
                subj = subj or [
                    c for c in self.children[parent] if self.tokens[c].dep in PASSIVE_SUBJ
                ]
            if subj and not (
                self.tokens[subj[0]].tag in PRONOUN_TAGS and subj[0] not in self.mention_at
            ):
                return subj
            cur = parent
        return []

    def issued(self, n: int) -> bool:
        """``n`` is the object of a clause's verb and names no actor ("issued a
        statement"); the caller's participle modifies it ("a statement demanding")."""
        tok = self.tokens[n]
        verb = self.tokens[tok.head]
        return (
            tok.dep == "dobj"
            and tok.head != n
            and tok.pos == "NOUN"
            and self.find_mention(n) is None
            and verb.pos == "VERB"
            and verb.dep != "prep"
        )

    def content_heads(self, m) -> list[int]:
        """Where a match's complement clause may hang: its head, event noun and other
        trigger words, and the nouns in the head's prepositional phrases ("insisted on
        its demand that ...")."""
        out = [m.head, *m.extra]
        if m.noun is not None:
            out.append(m.noun)
        return out + [j for j in self.prep_objects(m.head, None) if j not in out]

    def with_party(self, x: ActorMention) -> bool:
        """The mention is the object of "with" ("talks with X"), or conjoined to one."""
        i = x.head
        for _ in range(4):
            tok = self.tokens[i]
            if tok.head == i:
                return False
            if tok.dep == "pobj":
                return self.low(tok.head) == "with"
            if tok.dep != "conj":
                return False
            i = tok.head
        return False

    def speech_head(self, i: int, speech_verbs) -> int | None:
        """The verb of saying whose reported clause holds ``i`` ("said Russia attacked
        ...", "Russia attacked ..., Kyiv said"), through coordinated verbs."""
        for _ in range(3):
            tok = self.tokens[i]
            if tok.head == i:
                return None
            if tok.dep == "ccomp":
                v = tok.head
                return v if any(f in speech_verbs for f in self.forms(v)) else None
            if tok.dep != "conj":
                return None
            i = tok.head
        return None

    def stative(self, v: int, acts: set[int]) -> bool:
        """A passive form with no agent whose "to" phrase is an act ("is committed to
        opening", "is opposed to French mediation"): an adjective of attitude, whose
        subject is the one who holds it. ``acts``: trigger words of absorbed events."""
        if not self.passive(v) or self.prep_objects(v, "by"):
            return False
        return any(self.tokens[o].dep == "pcomp" or o in acts for o in self.prep_objects(v, "to"))

    def complement_parties(self, v: int) -> list[ActorMention]:
        """The party of the act an absorbing pattern is about when no pattern codes that
        act: an actor in its "to", "against", "with" or "on" phrase ("is willing to send
        more resources to Colombia", "vowed to retaliate against Israel")."""
        out: list[ActorMention] = []
        for c in self.children[v]:
            if self.tokens[c].dep != "xcomp":
                continue
            heads = [c, *(g for g in self.children[c] if self.tokens[g].dep == "dobj")]
            for h in heads:
                for word in ("to", "against", "with", "on"):
                    objs = [o for o in self.prep_objects(h, word) if not self.own_side(o)]
                    out.extend(x for x in self.actors_of(objs) if not_in(x, out))
        return out

    def place_actors(self, matches) -> list[ActorMention]:
        """Countries and regions in an "in" phrase on the matches' trigger words or
        their objects ("a curfew in Algiers", "deployed troops in Iraq"), or on the act
        an absorbing pattern is about, not actors of a sector ("police in Kabul")."""
        heads = []
        for m in matches:
            heads.extend((m.head, *m.extra, *((m.noun,) if m.noun is not None else ())))
            verbs = [m.head]
            if m.pattern.absorb:  # "agreed to set up a centre in Tokyo": the act agreed
                verbs.extend(c for c in self.children[m.head] if self.tokens[c].dep == "xcomp")
            heads.extend(verbs[1:])
            objs = [c for v in verbs for c in self.children[v] if self.tokens[c].dep == "dobj"]
            # "fired shells at targets in Jericho": the place of what the act is aimed at
            heads.extend(objs + [j for h in [m.head, *objs] for j in self.prep_objects(h, None)])
        out = self._placed_in(dict.fromkeys(heads))
        if not out:
            # "took steps to enhance freedoms and tolerance in Sudan": deeper in the
            # act's own phrases, not in another clause
            out = self._placed_in(j for m in matches for j in self._own_phrases(m.head))
        return out

    def _placed_in(self, heads) -> list[ActorMention]:
        out: list[ActorMention] = []
        for h in heads:
            for t in self.prep_objects(h, "in"):
                for x in self.actors_of([t]):
                    if x.actor.country and not x.actor.sector and not_in(x, out):
                        out.append(x)
        return out

    def _own_phrases(self, v: int, depth: int = PHRASE_DEPTH) -> list[int]:
        """Words under ``v`` reached through its objects, phrases, infinitives and
        conjoined verbs, not through a subject or a clause of its own."""
        out, todo = [], [(v, 0)]
        while todo:
            i, d = todo.pop()
            out.append(i)
            if d < depth:
                todo.extend(
                    (c, d + 1) for c in self.children[i] if self.tokens[c].dep in OWN_PHRASE
                )
        return out

    def condition_subjects(self, verbs: list[int], conditional) -> list[int]:
        """Subjects of a conditional clause on ``verbs`` or their complements: the party a
        threat or promise is addressed to ("threatened to strike unless Israel ...")."""
        heads = list(verbs)
        for v in verbs:
            heads.extend(c for c in self.children[v] if self.tokens[c].dep == "xcomp")
        out = []
        for h in heads:
            for c in self.children[h]:
                if self.tokens[c].dep != "advcl" or not any(
                    self.tokens[k].dep == "mark" and self.low(k) in conditional
                    for k in self.children[c]
                ):
                    continue
                out.extend(
                    g
                    for g in self.children[c]
                    if self.tokens[g].dep in SUBJ and self.tokens[g].tag not in PRONOUN_TAGS
                )
        return out

    def clause_subjects(self, heads: list[int]) -> list[int]:
        """Subjects of a finite complement clause of ``heads``: the party a demand,
        appeal, threat or accusation is about ("demanded that Japan release ...",
        "its demand that Serbia withdraw"), not a pronoun or a phrase owned by one
        ("its troops"), which speak of the speaker."""
        out = []
        for h in heads:
            for c in self.children[h]:
                dep = self.tokens[c].dep
                if dep == "acl":  # a noun's "that" clause
                    if not any(self.low(k) == "that" for k in self.children[c]):
                        continue
                elif dep != "ccomp":
                    continue
                for g in self.children[c]:
                    if self.tokens[g].dep in SUBJ and not self.own_side(g):
                        out.append(g)
        return out

    def addressees(self, m) -> list[int]:
        """Whom a demand or warning is addressed to when its clause speaks of them by a
        pronoun ("issued a reminder to Iraq that it must cooperate", "told Iran that it
        must stop"): the "to" phrase or object of the trigger words."""
        heads = [m.head, *m.extra, *((m.noun,) if m.noun is not None else ())]
        objs = [c for h in heads for c in self.children[h] if self.tokens[c].dep == "dobj"]
        pronoun = any(
            self.tokens[g].tag in PRONOUN_TAGS
            for h in heads + objs
            for c in self.children[h]
            if self.tokens[c].dep == "ccomp"
            or (
                self.tokens[c].dep == "acl" and any(self.low(k) == "that" for k in self.children[c])
            )
            for g in self.children[c]
            if self.tokens[g].dep in SUBJ
        )
        if not pronoun:
            return []
        to = [o for h in heads for o in self.prep_objects(h, "to")]
        return to or [o for o in objs if o in self.mention_at]

    def own_side(self, i: int) -> bool:
        """A pronoun, or a phrase owned by one ("its troops"): the speaker's own side."""
        return self.tokens[i].tag in PRONOUN_TAGS or any(
            self.tokens[k].dep == "poss" and self.tokens[k].tag in PRONOUN_TAGS
            for k in self.children[i]
        )

    def actors_of(self, toks: list[int]) -> list[ActorMention]:
        out: list[ActorMention] = []
        for t in toks:
            v = self.tokens[t].head
            if self.tokens[t].tag in RELATIVE_TAGS and self.tokens[v].dep == "relcl":
                t = self.tokens[v].head  # "the man whom police arrested": the man
            for j in [t, *self.conjuncts(t)]:
                mention = self.find_mention(j) or self.counted(j)
                if mention is None:
                    continue
                mention = self.antecedent(mention)
                # "Armenian and Azerbaijani forces": conjoined modifiers
                linked = [mention.head]
                for k in range(mention.token_start, mention.token_end):
                    linked.extend(self.conjuncts(k))
                    if self.tokens[k].dep == "conj":
                        linked.append(self.tokens[k].head)
                for k in linked:
                    found = self.mention_at.get(k)
                    if found is None:
                        continue
                    key = (found.token_start, found.token_end, found.head)
                    for each in self.together.get(key, [found]):
                        if all(each is not x for x in out):
                            out.append(each)
        return out

    def antecedent(self, x: ActorMention) -> ActorMention:
        """For a pronoun the resolver tied to someone named earlier in the same sentence
        ("Netanyahu says he will ..."), that earlier mention; else ``x``."""
        if x.token_end - x.token_start != 1 or self.tokens[x.head].tag not in PRONOUN_TAGS:
            return x
        before = [
            y
            for i, y in self.mention_at.items()
            if i == y.head
            and y.token_end <= x.token_start
            and y.actor == replace(x.actor, text=y.actor.text)
        ]
        return max(before, key=lambda y: y.head) if before else x

    def counted(self, t: int) -> ActorMention | None:
        """A bare number standing for some of a group named before it as the object of an
        act ("dispersed demonstrators, arresting 12"): that group."""
        tok = self.tokens[t]
        if tok.pos != "NUM" or tok.dep not in ("dobj", "nsubjpass") or self.children[t]:
            return None
        before = [
            x
            for i, x in self.mention_at.items()
            if i < t
            and i == x.head
            and self.tokens[i].tag in ("NNS", "NNPS")
            and self.tokens[i].dep in ("dobj", "pobj", "nsubjpass")
        ]
        return max(before, key=lambda x: x.head) if before else None

    def housed(self, p: int) -> bool:
        """A "for" phrase naming a group of people ("a camp for Congolese refugees", "a
        school for girls"): the place is theirs."""
        if self.low(p) != "for":
            return False
        return any(
            self.tokens[g].dep == "pobj" and self.tokens[g].tag == "NNS" and g in self.mention_at
            for g in self.children[p]
        )

    def conjuncts(self, t: int) -> list[int]:
        out, stack = [], [t]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                if self.tokens[c].dep == "conj":
                    out.append(c)
                    stack.append(c)
        return out

    def find_mention(self, t: int) -> ActorMention | None:
        if t in self.mention_at:
            return self.mention_at[t]
        frontier = [t]
        for _ in range(4):  # "parts of the city of Ahmedabad"
            nxt = []
            for j in frontier:
                for c in self.children[j]:
                    tok = self.tokens[c]
                    if tok.dep not in SEARCH_DEPS and not (
                        # "crimes committed by Croat forces": the participle's agent
                        (tok.dep == "acl" and tok.tag == "VBN") or tok.dep == "agent"
                    ):
                        continue
                    if tok.dep == "prep" and tok.text.lower() not in SEARCH_PREPS:
                        if not (j == t and self.housed(c)):
                            continue
                    if c in self.mention_at:
                        return self.mention_at[c]
                    nxt.append(c)
            frontier = nxt
        return None


def not_in(x: ActorMention, others: list[ActorMention]) -> bool:
    """``x`` is none of ``others`` (the same mention object)."""
    return all(x is not y for y in others)


def own_state(x: ActorMention, src: list[ActorMention]) -> bool:
    """``x`` and a source are both the state of one country ("warned that Moscow would
    retaliate" said by a Russian envoy): the speaker's side, not the one threatened."""
    a = x.actor
    state = (None, "GOV")  # not "rebels demanded that the Turkish government ..."
    return (
        bool(a.country)
        and a.sector in state
        and any(y.actor.country == a.country and y.actor.sector in state for y in src)
    )
