"""Clause walks of the event coder: background mentions, reports and phrases.

A mention of an earlier act that frames the sentence's own event is not coded again
(``background``); a report closing the sentence that the parser hung on an apposition
still reports (``tail_report``); a phrase said of a clausal subject (``phrase_on``).
"""

from __future__ import annotations

from eventwire.coding.arguments import Arguments

# an event noun standing alone in such a phrase is background to the sentence's own
# event ("after five days of fighting", "since last month's invasion", "in retaliation
# for the strike"): not coded again
BACKGROUND_PREPS = frozenset({"after", "before", "since", "amid", "following", "despite"})
BACKGROUND_NOUNS = frozenset(
    {"wake", "aftermath", "retaliation", "response", "revenge", "reprisal"}
)


class Clauses(Arguments):
    """Clause-level tests on a parsed sentence (mixed into the coder's sentence view)."""

    def background(self, m) -> bool:
        """A mention of an earlier act that frames the sentence's own event: an event
        noun without its verb inside "after / since / amid / in the wake of ...", or a
        past participle modifying a noun ("property seized in 1970", "the curfew imposed
        last month")."""
        tok = self.tokens[m.head]
        if m.noun is None or m.noun != m.head:
            # (a headline without a verb parses as "noun + acl": that one is the event)
            return (
                tok.dep == "acl"
                and tok.tag == "VBN"
                and not m.pattern.absorb
                and self.tokens[tok.head].dep != "ROOT"
                and not self.tail_report(m.head)
                and not self.first_predicate(m.head)
            )
        i = m.head
        for _ in range(4):
            t = self.tokens[i]
            prep = self.tokens[t.head]
            if t.dep == "dobj" and prep.dep == "prep" and self.low(t.head) in BACKGROUND_PREPS:
                return True  # "following a demonstration" parsed as a participle
            if t.dep != "pobj" or t.head == i:
                return False
            word = prep.text.lower()
            if word in BACKGROUND_PREPS:
                return True
            up = prep.head
            if word in ("of", "for", "to") and self.lemma(up) in BACKGROUND_NOUNS:
                return True
            if word != "of" or up == t.head:
                return False
            i = up  # "after five days of fighting": climb through the "of" chain
        return False

    def tail_report(self, v: int) -> bool:
        """A report closing the sentence that the parser hung on an apposition or an
        adverbial noun as a participle, or joined to the first clause by a comma alone
        ("X is failing refugees, a rights group protested on Monday.")."""
        t = self.tokens[v]
        if t.tag not in ("VBD", "VBN"):
            return False
        if t.dep == "acl" and self.tokens[t.head].dep in ("appos", "npadvmod"):
            first = self.subtree(t.head)[0]
        elif t.dep == "conj" and self.tokens[t.head].dep == "ROOT":
            # "..., a rights group protested": a second clause joined by a comma alone
            subj = [c for c in self.children[v] if self.tokens[c].dep in ("nsubj", "nsubjpass")]
            if not subj or any(self.tokens[c].dep == "cc" and c < v for c in self.children[t.head]):
                return False
            first = self.subtree(subj[0])[0]
        else:
            return False
        last = self.subtree(v)[-1]
        if first == 0 or self.tokens[first - 1].text != ",":
            return False
        return all(t.pos == "PUNCT" for t in self.tokens[last + 1 :])

    def phrase_on(self, c: int, phrases) -> bool:
        """The clause that ``c`` is a dependent of says one of ``phrases`` outside ``c``."""
        skip = set(self.subtree(c))
        words = tuple(self.low(j) for j in self.subtree(self.tokens[c].head) if j not in skip)
        return any(
            words[k : k + len(ph)] == ph for ph in phrases for k in range(len(words) - len(ph) + 1)
        )

    def first_predicate(self, v: int) -> bool:
        """A sentence the parser rooted on a noun, whose first verb is ``v``: that verb
        is its predicate ("Doctors from two aid groups donated medicine to ...")."""
        root = next((t for t in self.tokens if t.dep == "ROOT"), None)
        if root is None or root.pos not in ("NOUN", "PROPN"):
            return False
        if v > 0 and self.tokens[v - 1].text == ",":
            return False  # "The rig, owned by Transocean": a participle set off by commas
        return not any(t.pos in ("VERB", "AUX") for t in self.tokens[:v])

    def stranded_infinitives(self, v: int) -> list[int]:
        """Infinitives the parser hung on a relative clause of the verb's object that
        complete the verb ("allowed refugees who fled the war to return")."""
        return [
            k
            for c in self.children[v]
            if self.tokens[c].dep == "dobj"
            for r in self.children[c]
            if self.tokens[r].dep == "relcl"
            for k in self.children[r]
            if k > r and self.tokens[k].dep in ("advcl", "xcomp") and self.sentence.infinitive(k)
        ]

    def subject_clause_mark(self, c: int) -> int | None:
        """The subordinator of an infinitive clause with its own subject that the parser
        hung on the verb as an adverbial clause ("pushed for the EU to impose
        sanctions": "for"), or None."""
        t = self.tokens[c]
        if t.dep != "advcl" or not self.sentence.infinitive(c):
            return None
        if not any(self.tokens[g].dep in ("nsubj", "nsubjpass") for g in self.children[c]):
            return None
        return next((k for k in self.children[c] if self.tokens[k].dep == "mark"), None)
