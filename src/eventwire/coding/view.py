"""The coder's view of one sentence: its tokens, its actor mentions by token, and the
tree walks the coder needs (lemmas and their guesses, subtrees, complements)."""

from __future__ import annotations

from eventwire.coding.arguments import PASSIVE_SUBJ, TIME_FRAME_PREPS
from eventwire.coding.clauses import Clauses
from eventwire.records import ActorMention, Sentence

CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "mark"})
COMPLEMENT = frozenset({"xcomp", "ccomp", "dobj", "dative", "pcomp", "oprd", "attr", "acomp"})
# prepositions that introduce what an appeal, promise or accusation is about
COMPLEMENT_PREPS = frozenset(
    {"for", "of", "to", "on", "upon", "against", "with", "about", "over", "into"}
)
RECIPROCAL_OBJECTS = frozenset({"each other", "one another"})


class SentenceView(Clauses):
    """A sentence with its mentions, plus the tree walks the coder needs."""

    def __init__(
        self, sentence: Sentence, mentions: list[ActorMention], stative=frozenset()
    ) -> None:
        self.sentence = sentence
        self.stative_participles = stative  # their passive subject is the doer
        self.tokens = sentence.tokens
        self.children = sentence.children
        self.mention_at: dict[int, ActorMention] = {}
        for mention in sorted(mentions, key=lambda x: x.token_end - x.token_start):
            for i in range(mention.token_start, mention.token_end):
                self.mention_at.setdefault(i, mention)
        for mention in mentions:
            self.mention_at.setdefault(mention.head, mention)
        # "the two leaders": one phrase that stands for several actors comes as several
        # mentions over the same tokens; an argument naming one names them all
        self.together: dict[tuple[int, int, int], list[ActorMention]] = {}
        for mention in mentions:
            key = (mention.token_start, mention.token_end, mention.head)
            self.together.setdefault(key, []).append(mention)
        self._subtrees: dict[int, list[int]] = {}
        self._forms: dict[int, tuple[str, ...]] = {}
        self._near: dict[int, set[str]] = {}

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()

    def forms(self, i: int) -> tuple[str, ...]:
        """The lemma, then the lower-cased word and plain suffix-stripped guesses.

        The small parser model sometimes lemmatises wrongly ("staged" -> "stag");
        the guesses let such tokens still reach their patterns.
        """
        cached = self._forms.get(i)
        if cached is not None:
            return cached
        tok = self.tokens[i]
        lemma, low = tok.lemma.lower(), tok.text.lower()
        out = [lemma, low]
        for suffix, repl in (
            ("ied", "y"),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
            ("es", ""),
            ("s", ""),
        ):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                out.append(low[: -len(suffix)] + repl)
        if lemma.startswith("re") and len(lemma) > 6:  # "reimpose", "reopen": the plain verb
            out.append(lemma[2:].lstrip("-"))
        forms = self._forms[i] = tuple(dict.fromkeys(out))
        return forms

    def has_form(self, i: int, words) -> bool:
        return any(f in words for f in self.forms(i))

    def low(self, i: int) -> str:
        return self.tokens[i].text.lower()

    def subtree(self, i: int) -> list[int]:
        st = self._subtrees.get(i)
        if st is None:
            st = self._subtrees[i] = self.sentence.subtree(i)
        return st

    def child_with(self, i: int, deps, lemmas) -> int | None:
        for c in self.children[i]:
            t = self.tokens[c]
            if t.dep in deps and (t.lemma.lower() in lemmas or t.text.lower() in lemmas):
                return c
        return None

    def each_other(self, v: int) -> bool:
        """The predicate's object is "each other" / "one another"."""
        for c in self.children[v]:
            if self.tokens[c].dep in ("dobj", "pobj", "prep"):
                words = " ".join(self.low(j) for j in self.subtree(c))
                if any(w in words for w in RECIPROCAL_OBJECTS):
                    return True
        return False

    def passive(self, v: int) -> bool:
        return any(
            self.tokens[c].dep in PASSIVE_SUBJ or self.tokens[c].dep == "auxpass"
            for c in self.children[v]
        )

    def light_verb(self, n: int, light) -> int | None:
        if not light:
            return None
        tok = self.tokens[n]
        h = tok.head
        if h == n:
            return None
        if tok.dep in ("dobj", "nsubjpass", "attr", "oprd", "nsubj") and self.has_form(h, light):
            return h
        if tok.dep == "pobj":
            prep = self.tokens[h]
            v = prep.head
            if prep.dep == "prep" and v != h and self.has_form(v, light):
                return v
            # "sent $350 million in military aid": the noun behind a quantity object
            q = self.tokens[v]
            if prep.text.lower() in ("in", "of") and q.dep in ("dobj", "nsubjpass") and q.head != v:
                if self.has_form(q.head, light):
                    return q.head
        if tok.dep == "conj":  # "held talks and consultations"
            return self.light_verb(h, light)
        return None

    def near_lemmas(self, i: int) -> set[str]:
        cached = self._near.get(i)
        if cached is not None:
            return cached
        out: set[str] = set()
        self._near[i] = out
        frontier = [i]
        for _ in range(3):
            nxt = []
            for j in frontier:
                for c in self.children[j]:
                    if self.tokens[c].dep in CLAUSAL:
                        continue
                    out.add(self.lemma(c))
                    out.add(self.low(c))
                    nxt.append(c)
            frontier = nxt
        for j in frontier:  # the last words' own modifiers: "of waging an economic war"
            for c in self.children[j]:
                if self.tokens[c].dep in ("amod", "compound"):
                    out.add(self.lemma(c))
                    out.add(self.low(c))
        return out

    # -------------------------------------------------------------- regions and triggers

    def complement_region(self, g: int, *, exclude: set) -> set[int]:
        region: set[int] = set()
        for c in self.children[g]:
            t = self.tokens[c]
            if c in exclude:
                continue
            if (
                t.dep in COMPLEMENT
                or (t.dep == "prep" and t.text.lower() in COMPLEMENT_PREPS)
                or (t.dep == "advcl" and self.purpose_clause(c))
                or (
                    t.dep == "advcl"
                    and (k := self.subject_clause_mark(c)) is not None
                    and self.low(k) in COMPLEMENT_PREPS
                )
            ):
                region.update(self.subtree(c))
        for j in list(region):  # "... during his visit to Beijing" stays an event of its own
            t = self.tokens[j]
            if t.dep == "prep" and t.text.lower() in TIME_FRAME_PREPS:
                region.difference_update(self.subtree(j))
        for n in exclude:  # an absorbing noun's own complements ("demand for the release")
            if n is None:
                continue
            for c in self.children[n]:
                if self.tokens[c].dep in ("prep", "acl", "relcl"):
                    region.update(self.subtree(c))
        return region

    def trigger_tokens(self, m) -> tuple[int, ...]:
        out = {m.head, *m.extra}
        if m.noun is not None:
            out.add(m.noun)
        for c in self.children[m.head]:
            t = self.tokens[c]
            if t.dep in ("aux", "auxpass", "neg", "prt") and t.pos != "PUNCT":
                out.add(c)
        if m.noun is not None:
            for c in self.children[m.noun]:
                if self.tokens[c].dep in ("neg",) or (
                    self.tokens[c].dep == "det" and self.low(c) == "no"
                ):
                    out.add(c)
        for inner in m.absorbed:
            if self.depth_below(inner.head, m.head) <= 2:
                out.add(inner.head)
                if inner.noun is not None:
                    out.add(inner.noun)
                for c in self.children[inner.head]:
                    if self.tokens[c].dep == "aux" and self.low(c) == "to":
                        out.add(c)
        return tuple(sorted(out))
