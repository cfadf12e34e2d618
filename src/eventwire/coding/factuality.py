"""Modality of a coded event: occurred, planned, possible or negated.

The cue words (negators, modals, governing verbs such as "plan" or "refuse", future
time words, fixed phrases, conditional subordinators) are data in
``data/lexicon/modality.yaml``; this module only walks the dependency parse.
Precedence: negated > possible > planned > occurred.
"""

from __future__ import annotations

from eventwire.coding.lexicon import ModalityCues
from eventwire.records import Sentence

RANK = {"occurred": 0, "planned": 1, "possible": 2, "negated": 3}
PAST_TAGS = frozenset({"VBD", "VBN"})
PRESENT_TAGS = frozenset({"VBP", "VBZ", "VB"})
# dependency relations through which a governing word passes its modality down
GOVERNED = frozenset({"xcomp", "ccomp", "dobj", "nsubjpass", "pcomp", "pobj", "acomp", "oprd"})
# relations walked upwards without a governor cue (the clause continues)
CONTINUE = frozenset({"conj", "nsubj", "prep", "advcl", "aux", "auxpass"})
TIME_DEPS = frozenset({"npadvmod", "tmod", "prep", "advmod", "obl", "pobj"})


class Factuality:
    """Decides the modality of an event anchored at a head token."""

    def __init__(self, cues: ModalityCues) -> None:
        self.cues = cues

    def modality(self, sentence: Sentence, head: int, nouns: tuple[int, ...] = ()) -> str:
        """``head`` is the main predicate; ``nouns`` the event nouns it carries (light verbs)."""
        found: set[str] = set()
        toks = sentence.tokens
        for n in nouns:
            self._noun_cues(sentence, n, found)
        reported = self._reported(sentence, head)
        self._local_cues(sentence, head, found, reported)
        if toks[head].tag not in PAST_TAGS and self._future_time(sentence, head):
            found.add("planned")
        # walk up through governing words
        cur, steps = head, 0
        while steps < 8:
            steps += 1
            self._conditional(sentence, cur, found)
            tok = toks[cur]
            parent = tok.head
            if parent == cur:
                break
            dep = tok.dep
            ptok = toks[parent]
            if dep in GOVERNED or (
                dep == "nsubj"
                and ptok.pos == "VERB"
                and ptok.tag == "VBN"
                and not self._perfect(sentence, parent)
            ):
                if dep == "ccomp" and ptok.lemma.lower() in self.cues.speech_verbs:
                    break  # reported speech: the saying does not colour the event
                cue = self._governor(sentence, parent, dep)
                if cue:
                    found.add(cue)
                if dep in ("xcomp", "dobj", "nsubjpass", "pcomp", "pobj", "acomp", "oprd"):
                    self._local_cues(sentence, parent, found, False)
                cur = parent
                continue
            if dep == "acl" and ptok.pos == "NOUN" and sentence.infinitive(cur):
                # "efforts to end the fighting", "a bid to join NATO": the noun's aim
                cue = self.cues.aim_nouns.get(ptok.lemma.lower())
                if cue:
                    found.add(cue)
                    cur = parent
                    continue
            if dep in CONTINUE:
                if dep == "prep" and ptok.pos == "ADJ" and steps == 2:
                    # "capable of launching raids": the adjective governs through "of"
                    cue = self._governor(sentence, parent, "xcomp")
                    if cue:
                        found.add(cue)
                if dep == "prep" and self._purpose(sentence, cur, parent, steps):
                    # "will visit Paris on Tuesday for talks": the talks are to come
                    outer = self.modality(sentence, parent)
                    if outer in ("planned", "possible"):
                        found.add(outer)
                if dep == "nsubj" and cur in nouns:
                    # "Xi's visit ... will focus on": the noun's own clause
                    self._local_cues(sentence, parent, found, False)
                if dep == "conj" and not self._own_clause(sentence, cur):
                    self._local_cues(sentence, parent, found, self._reported(sentence, parent))
                if dep == "advcl":
                    self._conditional(sentence, parent, found)
                    if self._time_clause(sentence, cur) or sentence.infinitive(cur):
                        # "will raise it when they meet": the clause's time is the main one's;
                        # "will send troops to fight": so is the time of what it is done for
                        outer = self.modality(sentence, parent)
                        if outer in ("planned", "possible"):
                            found.add(outer)
                    break
                cur = parent
                continue
            break
        self._phrases(sentence, cur, found, head)
        if not found:
            return "occurred"
        return max(found, key=RANK.__getitem__)

    def _denying(self, sentence: Sentence, subj: int) -> bool:
        words = self.cues.subject_negation
        toks = sentence.tokens
        if toks[subj].text.lower() in words:
            return True
        return any(
            toks[k].dep in ("det", "preconj") and toks[k].text.lower() in words
            for k in sentence.children[subj]
        )

    @staticmethod
    def _perfect(sentence: Sentence, v: int) -> bool:
        """``v`` is an active perfect ("attacks have halted production"): its subject is
        the doer, not something the verb governs."""
        toks = sentence.tokens
        auxes = [toks[c] for c in sentence.children[v] if toks[c].dep in ("aux", "auxpass")]
        return bool(auxes) and auxes[-1].lemma.lower() == "have"

    @staticmethod
    def _own_clause(sentence: Sentence, v: int) -> bool:
        """A conjoined verb with its own subject ("fire could be heard, and mortars were
        launched", "may have vetoed, but Moscow supports") or in a finite past tense
        ("could not be built ..., and condemned"): the first verb's modal does not reach
        it."""
        toks = sentence.tokens
        deps = {toks[c].dep for c in sentence.children[v]}
        if toks[v].tag == "VBD":
            return True  # "could not be built ..., and condemned": a finite past of its own
        if toks[v].tag == "VBN" and "dobj" in deps:
            # a participle with an object is active: it cannot share a passive's modal
            head_deps = {toks[c].dep for c in sentence.children[toks[v].head]}
            if "auxpass" in head_deps:
                return True
        return bool(deps & {"nsubj", "nsubjpass"})

    def _purpose(self, sentence: Sentence, prep: int, verb: int, steps: int) -> bool:
        """``prep`` is a purpose preposition of a movement or meeting verb, reached
        straight from the event noun that is its object."""
        toks = sentence.tokens
        return (
            steps == 2
            and toks[prep].lemma.lower() in self.cues.purpose_preps
            and toks[verb].lemma.lower() in self.cues.purpose_verbs
        )

    # ------------------------------------------------------------------ cues

    def _noun_cues(self, sentence: Sentence, n: int, found: set[str]) -> None:
        for c in sentence.children[n]:
            t = sentence.tokens[c]
            low = t.text.lower()
            if t.dep in ("det", "neg") and (
                low in self.cues.negation or t.lemma in self.cues.negation
            ):
                found.add("negated")
            elif t.dep in ("amod", "compound", "nmod") and (
                low in self.cues.noun_modifiers or t.lemma.lower() in self.cues.noun_modifiers
            ):
                found.add(
                    self.cues.noun_modifiers.get(low) or self.cues.noun_modifiers[t.lemma.lower()]
                )

    def _local_cues(self, sentence: Sentence, v: int, found: set[str], reported: bool) -> None:
        for c in sentence.children[v]:
            t = sentence.tokens[c]
            low, lemma = t.text.lower(), t.lemma.lower()
            if t.dep in ("nsubj", "nsubjpass") and self._denying(sentence, c):
                found.add("negated")  # "Neither Russia nor China attended"
            if t.dep == "neg" and (low in self.cues.negation or lemma in self.cues.negation):
                found.add("negated")
            elif t.dep in ("aux", "auxpass") or (t.dep == "advmod" and t.tag == "MD"):
                key = lemma if lemma in self.cues.aux else low
                if reported and key in self.cues.reported_aux:
                    found.add(self.cues.reported_aux[key])
                elif key in self.cues.aux:
                    found.add(self.cues.aux[key])

    def _governor(self, sentence: Sentence, g: int, dep: str = "xcomp") -> str | None:
        tok = sentence.tokens[g]
        lemma = tok.lemma.lower()
        cue = self.cues.governors.get(lemma) or self.cues.governors.get(tok.text.lower())
        if cue is None:
            return None
        need = self.cues.particle_governors.get(lemma)
        if need is not None:
            has = any(
                sentence.tokens[c].dep == "prt" and sentence.tokens[c].lemma.lower() == need
                for c in sentence.children[g]
            )
            if not has:
                return None
        if lemma == "be" or lemma == "go":
            # "is to visit", "is going to visit": only with an infinitive complement
            return cue if dep == "xcomp" and tok.dep != "aux" else None
        return cue

    def _reported(self, sentence: Sentence, v: int) -> bool:
        tok = sentence.tokens[v]
        # "said it would impose sanctions and would expel ...": a conjoined clause too
        while tok.dep == "conj" and tok.head != tok.i:
            tok = sentence.tokens[tok.head]
        return (
            tok.dep == "ccomp" and sentence.tokens[tok.head].lemma.lower() in self.cues.speech_verbs
        )

    def _future_time(self, sentence: Sentence, v: int) -> bool:
        for c in sentence.children[v]:
            t = sentence.tokens[c]
            if t.dep not in TIME_DEPS and t.ent_type not in ("DATE", "TIME"):
                continue
            for j in sentence.subtree(c):
                if sentence.tokens[j].lemma.lower() in self.cues.future_time and not (
                    self._anaphoric(sentence, j)
                ):
                    return True
        return False

    def _anaphoric(self, sentence: Sentence, j: int) -> bool:
        """A time word counted from a time the text named, not from now: "the next day",
        "two days later" (a chronology's present tells what happened)."""
        if j == 0:
            return False
        before = sentence.tokens[j - 1]
        if before.text.lower() in self.cues.anaphoric_before:
            return True
        # a count of time on the word itself ("two days later"), not the object before it
        # ("visits the region next week")
        return before.pos == "NOUN" and before.head == j

    def _time_clause(self, sentence: Sentence, v: int) -> bool:
        """A clause in the present tense introduced by a subordinator of time."""
        if sentence.tokens[v].tag not in PRESENT_TAGS:
            return False
        return any(
            sentence.tokens[c].dep in ("mark", "advmod")
            and sentence.tokens[c].lemma.lower() in self.cues.time_clauses
            for c in sentence.children[v]
        )

    def _conditional(self, sentence: Sentence, v: int, found: set[str]) -> None:
        for c in sentence.children[v]:
            t = sentence.tokens[c]
            if t.dep == "mark" and t.lemma.lower() in self.cues.conditional:
                found.add("possible")

    def _phrases(self, sentence: Sentence, top: int, found: set[str], head: int) -> None:
        """Modal phrases ("on the cards") in the clause of ``top``; a clause coordinated
        with it ("X spoke on Thursday, and a call is on the cards") is its own scope
        unless it holds the event."""
        if not self.cues.phrases:
            return
        toks = sentence.tokens
        region = set(sentence.subtree(top))
        for c in sentence.children[top]:
            if toks[c].dep == "conj" and toks[c].pos in ("VERB", "AUX"):
                clause = set(sentence.subtree(c))
                if head not in clause:
                    region -= clause
        words = [toks[i].text.lower() for i in sorted(region)]
        present = set(words)
        for phrase, modality in self.cues.phrases:
            if phrase[0] not in present:  # most phrases fail on their first word
                continue
            n = len(phrase)
            for k in range(len(words) - n + 1):
                if tuple(words[k : k + n]) == phrase:
                    found.add(modality)
                    break
