"""Direction of a relative expression: -1 past, +1 future, 0 unknown.

With a parse, the tense/aspect/modality of the verb governing the expression decides;
on raw text, the nearest tense cue in the same clause does.  Cue words come from the
data tables (``future_cues``, ``past_cues``, ``future_aux``, ``future_verbs``).
"""

from __future__ import annotations

import re

from eventwire.records import Sentence
from eventwire.temporal.cues import WORD_TABLES, is_abbreviation
from eventwire.temporal.directions import (
    FIRM_PAST,
    LEFT_WORDS,
    MOSTLY_AHEAD,
    PLAN_PAST,
    SCHEDULED_WORDS,
)
from eventwire.temporal.phrases import PhraseCues
from eventwire.temporal.resources import TemporalResources

FRONTED_WORDS = 30  # words looked at after a time phrase that opens the sentence
PERFECT_PARTICIPLE_WORDS = 2  # "have (been) delivered": how far after "have" its participle is
RIGHT_WORDS = 8  # words looked at after the expression
INFINITIVE_BE_WORDS = 6  # how far before the expression "to be" and a participle count
BY_MODAL_WORDS = 3  # how far into the main clause a fronted "By <date>," looks for a modal
ROLE_WORDS = 4  # words of a subject before "was to" searched for a role noun ("act as president")
_WORD = re.compile(r"[A-Za-z']+|[,;:](?!\d)")
_BOUNDARY = re.compile(r"[.!?\n]\s")
_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
_ASIDE = re.compile(r"\([^()]*\)|-LRB-.*?-RRB-")  # "(a white Isuzu Trooper)": no clause
# a place or name set off by commas inside a clause ("in Airdrie, Lanarkshire, after",
# "the Point Arguello, Calif., field"): no clause boundary
_APPOSITION = re.compile(r",\s+(?:[A-Z][A-Za-z.'-]*\s+){0,2}[A-Z][A-Za-z.'-]*\s*,")


class TenseGuesser(PhraseCues):
    def __init__(self, res: TemporalResources) -> None:
        for attr, table in WORD_TABLES:
            setattr(self, attr, res.words(table))
        self.strong = self.future_aux | self.reported | self.past_aux
        self.future_words = self.future_aux | self.reported
        self.participle_aux = self.be_forms | self.perfect_have
        self.ahead_ends = frozenset(p.split()[-1] for p in self.ahead)  # "ahead of": "of"
        prepositions = self.noun_phrase_end - self.relatives - self.complementizers
        prepositions -= res.words("date_link")
        self.not_plural_present = self.not_finite | self.determiners | prepositions
        self.not_progressive = self.be_forms | self.reporting_progressive
        self.not_possibility = self.not_finite | self.perfect_have
        self.plan_done = self.be_forms | self.perfect | self.passive_be  # "was set for"
        possessive = res.words("possessive_suffix")  # also tokenized text: "Friday 's"
        self.possessive = tuple(possessive) + tuple(" " + p for p in possessive)
        self.possessive_end = tuple(possessive)
        self.superlative_suffix = tuple(res.words("superlative_suffix"))
        self.past_suffix = tuple(res.words("past_suffix"))
        self.progressive_suffix = tuple(res.words("progressive_suffix"))
        self.participle_suffix = tuple(res.words("participle_suffix"))
        self.adverb_suffix = tuple(res.words("adverb_suffix"))
        self.not_adverbs = res.words("not_adverbs")
        self.not_perfect_finite = self.not_finite | self.perfect_have
        self.present_have_be = self.finite_be | self.perfect_have  # "is meant", "has got"
        self.third_person = res.words("third_person_pronouns")
        # a comma in a list of names ("on the Zurich, Basle and Geneva bourses"): no clause
        joins = "|".join(sorted(self.coordinators)) or "(?!)"
        self._name_list = re.compile(
            rf",(?=\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?\s+(?:{joins})\s+[A-Z])"
        )
        self.pronouns = self.third_person | self.plural_pronouns | self.relatives
        self.noun_leads = self.noun_determiners | self.possessive_pronouns
        # "June T-bonds", "the June Swiss franc": a contract month, the coming one; the noun
        # as written or in capitals, not a name ("in June Dollar General said") nor a noun's
        # modifier ("the June gold price")
        nouns = [str(w) for w in res.tables.get("market_nouns", ())]
        forms = sorted({w for n in nouns for w in (n, n.upper())}, key=len, reverse=True)
        heads = res.alternation("market_noun_heads") or "(?!)"
        self._market = re.compile(
            rf"\s+(?:[A-Z][a-z]+\s+){{0,2}}(?:{'|'.join(map(re.escape, forms))})(?![-\w])"
            rf"(?!\s+(?:[a-z]+\s+){{0,2}}(?i:{heads})\b)"
            if forms
            else r"(?!)"
        )
        self.present_suffix = tuple(res.words("present_suffix"))
        self.not_present_suffix = tuple(res.words("not_present_suffix"))
        self.moved_to = res.words("moved_to")
        self.delay = res.words("delay_verbs")
        self.cancel = res.words("cancel_verbs")
        self.moving_dates = self.delay | self.moving  # "postponed the vote to Sunday"
        self.final = frozenset(k for k in map(str, res.tables.get("ampm", {})) if "." in k)
        # past cues that are no verbs: "ago", "last", "yesterday", "has"
        self.not_past_verbs = self.perfect_have | frozenset().union(
            *(res.words(t) for t in ("sign", "shift", "day_offset"))
        )
        # unions the cues test again and again, built once
        self.happenings = self.scheduled_nouns | self.set_for_nouns  # "a hartal for Thursday"
        self.plain_plans = self.strong | self.modals  # plan words that no "did" makes past
        self.not_subjects = self.determiners | self.noun_phrase_end  # before "was to"
        self.moving_words = self.deadline_verbs | self.moving
        self.announcing_words = self.announcing | self.imposing
        self.present_words = self.present_be | self.scheduled | self.scheduled_plural
        self.present_words |= self.until_states
        self.clause_joins = self.coordinators | self.subordinators
        self.past_in_stops = self.infinitive | self.subordinators | self.set_for
        self.openers = self.subordinators | self.coordinators  # words that open a clause
        self.plan_or_asking = self.future_verbs | self.asking  # "agreed to", "was urged to"
        self.past_in_stops |= self.complementizers | self.scheduled_nouns | self.announcing
        self.past_in_stops |= self.coordinators
        self.not_finite_before = self.noun_determiners | self.present_be | self.future_aux
        self.abbreviations = res.words("abbreviation") | {
            k for t in ("month", "weekday") for k in map(str, res.tables.get(t, {})) if "." in k
        }

    # ------------------------------------------------------------------ parse
    def governing_verb(self, sentence: Sentence, start: int, end: int) -> tuple[int | None, bool]:
        """(verb governing the expression or None, whether the path passes a noun)."""
        toks = sentence.tokens
        inside = [t.i for t in toks if t.start < end and t.end > start]
        if not inside:
            return None, False
        root = inside[-1]
        for i in inside:
            if not (toks[i].head in inside and toks[i].head != i):
                root = i
                break
        if toks[root].dep in ("compound", "poss", "nmod"):  # "a June agreement": no tense
            return None, False
        cur, steps, via_noun = toks[root].head, 0, False
        while steps < 8:
            t = toks[cur]
            verb = t.pos in ("VERB", "AUX") or t.tag.startswith("VB")
            if cur not in inside and verb and t.text.lower() not in self.naming:
                return cur, via_noun  # not "entitled": a name's, no tense of its own
            if t.pos == "ADJ":  # "effective Feb. 1", "due Monday": the adjective decides
                return None, False
            if t.pos in ("NOUN", "PROPN"):
                via_noun = True
            if t.head == cur:
                return None, False
            cur, steps = t.head, steps + 1
        return None, False

    def verb_direction(
        self, sentence: Sentence, v: int, via_noun: bool = False, depth: int = 0
    ) -> int:
        toks = sentence.tokens
        t = toks[v]
        if via_noun and t.lemma.lower() in self.noun_plan_verbs:  # "planned a rally on Saturday"
            return 1
        kids = sentence.children[v] if sentence.children else ()
        aux = [toks[k] for k in kids if toks[k].dep in ("aux", "auxpass")]
        words = {a.text.lower() for a in aux} | {a.lemma.lower() for a in aux}
        if words & self.perfect_modals and words & self.perfect_have and t.tag == "VBN":
            return -1  # "would have seemed", "may have left": a past
        if words & self.infinitive and words & self.perfect_have and t.tag == "VBN":
            if toks[t.head].text.lower() in self.past_be:
                return PLAN_PAST  # "the service was to have begun on Thursday": overtaken
        if words & self.future_aux or words & self.reported:
            return 1
        if any(a.text.lower() in self.infinitive for a in aux) and t.tag == "VB":
            if t.dep == "acl" and toks[t.head].text.lower() in self.plan_nouns:
                return PLAN_PAST  # "announced an agreement to acquire the bank in January"
            if t.dep in ("acl", "advcl") and depth < 3:
                # a purpose on a noun or a clause ("his use of tanks to seize Hama in
                # August revived ...", "troops were sent to seize it"): the tense of the
                # verb it hangs from
                up = t.head
                while up != toks[up].head and toks[up].pos not in ("VERB", "AUX"):
                    up = toks[up].head
                if (
                    toks[up].pos in ("VERB", "AUX")
                    and up != v
                    and toks[up].lemma.lower() not in self.future_verbs
                ):  # not "expected the vote to take place on Friday"
                    return self.verb_direction(sentence, up, depth=depth + 1)
            head = t.head if t.head != v else None  # "had been scheduled to expire": past
            if head is not None and sentence.children:
                up = {toks[k].text.lower() for k in sentence.children[head]}
                if up & self.past_perfect and toks[head].tag == "VBN":
                    return -1
                lemma = toks[head].lemma.lower()
                if up & self.past_do:
                    return -1  # "analysts did not expect the bank to cut rates on Thursday"
                if toks[head].tag == "VBD":
                    # "refused to receive the delegation on Tuesday": then; "agreed to buy
                    # it in February", "allowed them to call home Thursday evening": a plan
                    # made before the time of writing
                    return -1 if lemma in self.same_time else PLAN_PAST
                if lemma in self.future_verbs and toks[head].tag == "VBN" and up & self.past_be:
                    return PLAN_PAST  # "was expected to receive snow Wednesday evening"
            return 1
        agreed = t.lemma.lower() in self.agreeing
        if agreed and t.tag == "VBN" and t.dep in ("acl", "amod", "advcl") and not words:
            preps = {toks[k].text.lower() for k in kids if toks[k].dep == "prep"}
            if preps and not preps & self.set_for:
                return -1  # "the output agreed in December"; not "elections scheduled in June"
        if t.lemma.lower() in self.future_verbs and t.tag in ("VBN", "VBZ", "VBP", "VBG"):
            # "is scheduled for Friday"; not "had been scheduled for January 25"
            return -1 if t.tag == "VBN" and words & self.past_perfect else 1
        if t.text.lower() in self.plan_words and t.tag == "VBN" and words & self.passive_be:
            below = {toks[k].text.lower() for k in kids}
            below |= {toks[j].text.lower() for k in kids for j in sentence.children[k]}
            if below & self.set_for:
                # "have been pencilled in for May 23"; not "had been set for", "have been set
                # free on Monday"
                return -1 if words & self.past_perfect else 1
        if t.tag == "VBD" and not words and self._conditional_bare(sentence, v):
            return 1  # "if they beat Tottenham on Sunday": a present read as a past
        if t.tag == "VBD" or words & self.past_aux:
            if t.tag == "VBG":
                return -1 if self.past_be & words else 1
            return -1
        if t.tag == "VBG" and words:
            to_be = any(a.text.lower() in self.infinitive for a in aux)
            head = toks[t.head]
            if (
                to_be
                and t.head != v
                and head.tag == "VBD"
                and head.lemma.lower() not in self.future_verbs  # "expected to be meeting"
            ):
                return -1  # "appeared to be stabilizing on Saturday": then
            return 1
        if t.tag == "VBN" and t.dep in ("acl", "amod"):
            return -1
        if t.tag in ("VBZ", "VBP"):
            return 0
        return 0

    def from_parse(self, sentence: Sentence, start: int, end: int) -> int | None:
        left = _WORD.findall(sentence.text[: start - sentence.start])[::-1][:LEFT_WORDS]
        after = _WORD.findall(sentence.text[end - sentence.start :])[:RIGHT_WORDS]
        fixed = self._phrase_before(left, after)
        if fixed is not None:
            return fixed
        ahead = self._ahead_of(left)
        if not ahead and self._until_deadline(left):
            return 1  # "postponed until Tuesday": the verb is past, the date to come
        v, via_noun = self.governing_verb(sentence, start, end)
        direction = self.verb_direction(sentence, v, via_noun) if v is not None else None
        if ahead:
            return self._after_verb(direction or 0)
        return None if direction is None else self._firm(direction, left, after[:1])

    # ------------------------------------------------------------------ raw text
    def from_text(self, text: str, start: int, end: int) -> int:
        lw, rw, right = self._context(text, start, end)
        fixed = self._phrase_before(lw, rw)
        if fixed is not None:
            return fixed
        if text[start:end].lower() in self.month_names and self._market.match(text, end):
            return 1
        if self._ahead_of(lw):
            return self._after_verb(self._scan(lw, rw, right))
        if self._headline_plan(text, start, lw):
            return 1  # "YAO SAYS CHINA TO RESHUFFLE LEADERSHIP BY OCTOBER"
        if self._future_subject(lw, rw):
            return 1
        said = lw[:1] and lw[0].lower() in self.reporting
        if said and rw[:1] and rw[0].lower() in self.future_words:
            # the subject of what was said: "the firm said Friday will be the last day"
            return 1
        if self.possessive and text.startswith(self.possessive, end):
            # "Wednesday's ruling angered the opposition": a past verb places it; a future one
            # only when the noun names a scheduled happening ("will attend Saturday's
            # ceremony"), not "will meet to discuss Monday's collapse"; a verb of saying
            # right before opens the clause the noun is the subject of ("said Friday's
            # debate will go ahead")
            left = [] if lw[:1] and lw[0].lower() in self.reporting else lw
            direction = self._scan(left, rw, right)
            noun = []
            for w in (w.lower() for w in rw[:4] if w[:1] != "'"):
                if w in self.noun_phrase_end or w in ",;:":
                    break  # "Monday's collapse of talks": the noun is "collapse"
                noun.append(w)
            if noun and self._cue(noun[0]) > 0:
                return self._planned_noun(left, rw, right, noun[0])
            this = text[start:end].lower().split()[:1]
            if direction < 0 and self.scheduled_nouns.intersection(noun) and this:
                if this[0] in self.deictic_this:
                    return MOSTLY_AHEAD  # "was not keen on this weekend's meeting": the nearest
            if direction > 0 and not self.scheduled_nouns.intersection(noun):
                return 0
            named = [w for w in rw[:2] if w[:1] != "'"][:1]
            if (
                not direction
                and noun
                and not (named and named[0][:1].isupper())  # "Thursday's Daily Telegraph"
                and self.unplanned_nouns.intersection(noun[:2])  # "Tuesday's deadly quake"
                # the happening itself, not a modifier ("Friday's death penalty vote")
                and not self.happenings.intersection(noun)
            ):
                return -1  # "reports from the epicentre of Tuesday's earthquake": past
            return direction
        direction = self._firm(self._scan(lw, rw, right), lw, rw)
        if (
            not direction
            and lw[:1]
            and lw[0].lower() in self.until
            and lw[1:2] != []
            and lw[1].islower()
            and not any(self._cue(w) < 0 for w in rw)
            and (rw[:1] != [","] or self._reporting_tag(rw[1:]))  # not in an apposition
        ):
            # "are allowing changes for free until Monday": a state to last till then; not
            # the end of a span ("from 24 July until 26 November"), nor a state over before
            # the verb after ("Sharif, in exile until Monday, addressed thousands")
            return 1
        named = any(c.isdigit() for c in text[start:end])  # a date, not "the weekend"
        # a month with no tense for a time to come ("the December tsunami"; not "will
        # stage a Saturday raid")
        month = direction <= 0 and text[start:end].lower() in self.month_names
        if (
            (named or month)
            and direction > FIRM_PAST
            and lw[:1]
            and lw[0].lower() in self.determiners
        ):
            if self._unplanned_after(rw):  # "is studying the April 20 explosion", "to mark
                return FIRM_PAST  # the Aug. 7 embassy bombings": what no one plans is past
        if named and direction > FIRM_PAST and rw[:1] and rw[0] in self.scheduled_nouns:
            noun_phrase = lw[:1] and lw[0].lower() in self.determiners
            # after an opener ("emerge as the largest party after the March 28 election"), or
            # the subject of a verb of announcing ("the 8 October gig was announced"; not "the
            # March 7 vote was boycotted")
            after = noun_phrase and lw[1:2] and lw[1].lower() in self.openers
            subject = noun_phrase and (len(lw) == 1 or lw[1] in ",;:")
            subject = subject and any(w.lower() in self.announcing for w in rw[:RIGHT_WORDS])
            if not direction or after or subject:
                # "on course to win 41 seats in the March 28 election": to come; "the 8
                # October gig was announced on Monday": the gig's own date, the nearest
                return MOSTLY_AHEAD
        return direction

    def _context(self, text: str, start: int, end: int) -> tuple[list[str], list[str], str]:
        """The words before the expression in its sentence (nearest first), the words
        after it, and the text after it, for the raw-text cues."""
        lo = max(0, start - 200)
        left = text[lo:start]
        cut = 0
        for b in _BOUNDARY.finditer(left):
            if not self._abbreviation(text, lo + b.start()):
                cut = b.end()
        left = left[cut:]
        right = text[end : end + 160]
        for m2 in _BOUNDARY.finditer(right):
            if not self._abbreviation(text, end + m2.start()):
                right = right[: m2.start()]
                break
        # a word inside a hyphenated compound is no tense cue ("better-than-expected")
        right = _ASIDE.sub(" ", right)
        left = self._name_list.sub(" ", _APPOSITION.sub(" ", _COMPOUND.sub(" ", left)))
        lw = _WORD.findall(left)[::-1][:LEFT_WORDS]
        rw = _WORD.findall(_COMPOUND.sub(" ", right))[:RIGHT_WORDS]
        return lw, rw, right

    def _scan(self, lw: list[str], rw: list[str], right: str) -> int:
        """The direction the cue words around the expression give."""
        best = (99, 0)
        best_word = ""  # the word of the nearest cue
        firm = False
        if self._until_deadline(lw):
            return 1  # "postponed until Tuesday", "has given them until 9 a.m. Tuesday"
        opening = lw[1:2] if lw[:1] and lw[0].lower() in self.attaching else lw[:1]
        own = self._cue(rw[0]) if rw else 0
        if own and opening and opening[0].lower() in self.coordinators:
            # a new conjunct the expression opens: its own verb, right after ("said it will be
            # difficult and on Monday criticised the proceedings"); a past "be" and a plan
            # word a plan made then ("and on Saturday was scheduled to meet")
            if own < 0 and rw[0].lower() in self.past_be and rw[1:2] and self._cue(rw[1]) > 0:
                return PLAN_PAST
            return own
        reduced = False  # passed "..., followed by": the clause before its comma decides
        for d, w in enumerate(lw):
            if w in ",;:":
                if reduced and w == ",":
                    reduced = False
                    continue
                if w == "," and d and lw[d - 1].lower() in self.focus_adverbs:
                    continue  # "if flu spreads, particularly in the winter months"
                break
            lw_ = w.lower()
            if lw_ in self.relatives and best[1]:
                return best[1]  # "... Louisianans who lined up Tuesday": not the main verb
            if (
                lw_ in self.complementizers
                and best[1] < 0
                and best[0] == d - 1
                and d + 1 < len(lw)
                and lw[d + 1].isalpha()
                and lw[d + 1].islower()
                and not self._cue(lw[d + 1])
                and lw[d + 1].lower() not in self.reporting
            ):
                # "would not regain the well that began gushing after the April 20 blast": a
                # relative clause's own past, not the main verb's future
                return best[1]
            if (
                lw_ in self.perfect_have
                # its own participle the nearest cue ("were to have been delivered on
                # Saturday"), not another's ("was to have honoured the soldiers killed on Monday")
                and (not best[1] or best[0] >= d - PERFECT_PARTICIPLE_WORDS)
                and d + 2 < len(lw)
                and self._to_after_be(lw, d + 1, self.past_be)
            ):
                return PLAN_PAST  # "was to have begun on Thursday": a plan overtaken
            if lw_ in self.since and best[1] < 0:
                return best[1]  # "since he took over on July 31 will ...": the clause's own
            if lw_ in self.subordinators and not best[1] and d:
                after = self._right_cue(rw)
                if after:
                    return after  # "will play Arsenal after their match on Tuesday was postponed"
                # a plural pronoun's plain present only under no past ("gathered after they lit
                # candles on Monday")
                opener = "" if self._past_before(lw[d + 1 :]) else lw_
                if self._present_after_pronoun(lw[:d], opener):
                    return 1  # "... when it unveils annual results on Tuesday": scheduled
            conditional = lw_ in self.conditional or (
                lw_ in self.conditional_that and d and lw[d - 1].lower() in self.complementizers
            )
            # "provided that they beat Tottenham on Sunday": a past that is also a present,
            # under no past ("would have gone top if they beat", "did not know if it hit")
            bare = best[1] < 0 and best_word in self.bare_participles
            if conditional and (not best[1] or bare):
                asked = bare or lw[d + 1 : d + 2] and lw[d + 1].lower() in self.question_verbs
                if self._past_before(rw) or (asked and self._past_clause(lw[d + 1 :])):
                    # "asked if the talks on Monday had gone well": the verb after; "did not
                    # know if the storm hit the town on Monday": a question then
                    break
                return 1  # "if the spill persists into the fall": a condition still to come
            if lw_ in self.day_adverbs and (d == 0 or (d == 1 and lw[0].lower() in self.attaching)):
                continue  # "Later Friday, the government called", "later on Friday announced"
            if (
                d
                and lw[d - 1].lower() in self.agent_by
                and lw[d + 1 : d + 2] == [","]
                and lw_.endswith(self.past_suffix)
            ):
                reduced = True  # "..., followed by Ireland on February 11": no verb of its own
                continue
            if lw_ in self.naming and d + 1 < len(lw) and lw[d + 1] == ",":
                continue  # "the documentary, entitled ... on Saturday": a name's, no tense
            s = 1 if self._scheduled_at(lw, d) or self._progressive_at(lw, d) else self._cue(w)
            if s > 0 and d >= 2 and self._modal_perfect(w, lw[d - 1], lw[d - 2 :: -1]):
                s = -1  # "would have seen it on Monday": a past
            if s < 0 and self._bare_infinitive(lw, d):
                s = 0  # "expected to easily beat Georgia on Sunday": no past
            if s < 0 and lw[d + 1 : d + 2] and lw[d + 1].endswith(self.possessive_end):
                if self._suffix_only(w):
                    s = 0  # "BP Plc's damaged well": an adjective
            if not s and d and d == len(lw) - 1 < LEFT_WORDS - 1 and self._opening_participle(lw):
                s = -1  # "Arrested by Colonel Mobutu in December, he died": not a name
            if s < 0 and d and lw[d - 1].lower() in self.than:
                s = 0  # "expected no earlier than Monday": a comparison ("no later than": a deadline)
            if s > 0 and d + 1 < len(lw) and lw[d + 1].lower() in self.than:
                s = 0  # "grew more than expected in the third quarter": no plan for it
            if (
                s > 0
                and lw_ not in self.plain_plans
                and self.past_do.intersection(x.lower() for x in lw[d + 1 : d + 3])
            ):
                s = -1  # "analysts did not expect a cut on Thursday": then
            if s < 0 and lw_ in self.perfect_have and not self._perfect_at(lw, d):
                s = 0  # "the leaders will have talks on Monday": no perfect, no past
            if lw_ in self.possibility and d and lw[d - 1].lower() not in self.not_possibility:
                s = 1  # "the crisis could spiral out of control on Monday"; not "could not"
            if lw_ in self.lasting and d and lw[d - 1].lower() in self.lasting_links:
                s = 0  # "might only last until the autumn": a verb of duration, no past
            if (
                d >= 2
                and lw[d - 1].lower() in self.infinitive
                and lw[d - 2].islower()
                and lw[d - 2] not in self.determiners  # "agreed to the proposal": no verb
                and (self._past_plan(w, self.plan_or_asking) or lw_ in self.plan_nouns)
                and not (d + 1 < len(lw) and lw[d + 1].lower() in self.present_be)
                and best[1] >= 0  # "to prevent attacks that killed 40 during January's vote"
            ):
                # "agreed to buy the unit in February", "vowed to march Sunday"; a plan noun
                # with no past verb before it is still to come ("is paying 35 dlrs a share
                # in a tender offer to begin Thursday")
                if d + 1 < len(lw) and lw[d + 1].lower() in self.past_perfect:
                    return 0  # "had planned to join Rand in May": a plan overtaken since
                if self._past_plan(w, self.plan_or_asking):
                    return PLAN_PAST
                if self._past_before(lw[d + 1 :]):
                    return PLAN_PAST
                if self._past_before(rw):
                    return PLAN_PAST  # "a plan to hold talks on Monday collapsed"
                return 1
            if lw_ in self.scheduled_plural and (
                d + 1 >= len(lw) or lw[d + 1].lower() not in self.not_plural_present
            ):
                # "the two leaders meet Monday", not "did not meet", "failed to meet", a noun
                # after a preposition ("fired shots in return on Tuesday"), nor a noun further
                # off after a past verb ("advised against travel to Mexico")
                s = 0 if d > SCHEDULED_WORDS and self._past_before(lw[d + 1 :]) else 1
            if (
                self._to_after_be(lw, d, self.past_be)
                and lw[d - 1].lower() not in self.be_forms
                and not best[1]
                and d + 2 < len(lw)
                and (
                    lw[d + 2].lower() in self.plan_subjects
                    or lw[d + 2][:1].isupper()
                    or (
                        lw[d + 2].lower() not in self.not_subjects
                        and not self._cue(lw[d + 2])  # "what they wanted was to go home"
                        and not self.role_nouns.intersection(
                            w.lower() for w in lw[d + 2 : d + 2 + ROLE_WORDS]
                        )
                    )
                )
            ):
                # "it was to try another technique on Wednesday", "the troops were to arrive
                # on Tuesday", "BP's board was to meet on Monday": a plan then; not "his first
                # act as president was to sign a decree on Monday", "the effect was to push
                # shares down on Friday"
                return PLAN_PAST
            if self._to_after_be(lw, d, self.present_be):
                # "is to resume trading Tuesday": a plan, as firm as "will" ("is to compete
                # with its last rival on Thursday": not "last"), but not over a clause of
                # its own ("is to ensure that the hopes they expressed in January ...")
                participle = best[1] < 0 and best_word not in self.past_cues
                if participle:  # "is to help people displaced by the earthquake on Monday"
                    return best[1]
                if not self.complementizers.intersection(x.lower() for x in lw[:d]):
                    return 1 if not firm else -1
                s = 1
            if (
                lw_ in self.infinitive
                and 2 <= d <= INFINITIVE_BE_WORDS
                and lw[d - 1].lower() in self.bare_be
                and lw[d - 2].islower()
                and (
                    lw[d - 2].endswith(self.participle_suffix)
                    or self._cue(lw[d - 2]) < 0
                    or lw[d - 2] in self.bare_participles  # "to be broadcast Monday"
                )
                # "the pipe appeared to be broken on Monday", "was found to be infected on
                # Saturday": a past verb's
                and not (d + 1 < len(lw) and self._past_verb(lw[d + 1], lw[d + 2 : d + 3]))
            ):
                # "an interview to be published on Wednesday": a plan; the nearest such day
                # after a past "be" ("were to be flown home on Wednesday")
                before = lw[d + 1].lower() if d + 1 < len(lw) else ""
                if before in self.past_perfect:
                    return -1  # "had to be moved on Saturday": done then
                return PLAN_PAST if before in self.past_be else (best[1] or 1)
            if (
                lw_ in self.plan_words
                and (
                    (d + 1 < len(lw) and lw[d + 1].lower() in self.present_be)
                    # "have been pencilled in for May 23", not "had been set for", "have been set
                    # free on Monday"
                    or (
                        d + 2 < len(lw)
                        and any(x.lower() in self.set_for for x in lw[:d])
                        and lw[d + 1].lower() in self.passive_be
                        and lw[d + 2].lower() in self.perfect_have
                        and lw[d + 2].lower() not in self.past_perfect
                        and not (d and lw[d - 1].lower() in self.particles)  # "been set back"
                    )
                    or (
                        d
                        and lw[d - 1].lower() in self.infinitive
                        and (d + 1 >= len(lw) or lw[d + 1].lower() not in self.past_be)
                    )
                )
            ):
                s = 1  # "a major rally is set for Sunday", "the talks, set to resume Monday"
            if (
                s > 0
                and d + 1 < len(lw)
                and lw[d + 1].lower() in self.determiners
                and lw_ not in self.strong | self.modals | self.future_adjectives
                # "an agreement that expires June 30": a relative clause's verb
                and not (lw[d + 1].lower() in self.complementizers and lw_ in self.scheduled)
            ):
                s = 0  # "announced the plan Aug. 21": a noun; not "this might last until"
            if s > 0 and self._preposition(lw[d - 2 : d][::-1] if d >= 2 else []):
                s = 0  # "after an earthquake due to the storm Thursday": not a plan
            if s > 0 and d and lw[d - 1].lower() in self.infinitive and self._done_before(lw, d):
                s = 0  # "pulled out due to injuries on Monday": a cause, not a plan
            if s < 0 and self._after_present_be(lw[d + 1 :]):
                # "elections are held on July 20": a present passive, of a happening still to
                # come when the date closely follows it; further off no cue
                planned = d == 1 and lw[0].lower() in self.attaching  # "are held on July 20"
                s = 1 if planned and self._after_present_be(lw[d + 1 :], finite=True) else 0
            if s > 0:  # "had been scheduled", "had been due", "had been initially scheduled"
                before = [w.lower() for w in lw[d + 1 : d + 4] if not self._adverb(w)][:2]
                if before[:1] and before[0] in self.passive_be:
                    before = before[1:]
                if before[:1] and before[0] in self.perfect:
                    # a plan overtaken since: the nearest such day or month before or after
                    # the time of writing, as with no tense ("had been due to reopen on
                    # Sunday, but will remain closed"; "to end Sunday" in a Monday's
                    # article), unless a nearer verb decides ("... but dragged on until")
                    return best[1]
            if s > 0 and lw_ in self.sequence and d and lw[d - 1].lower() in self.subordinators:
                s = 0  # "were detained soon after riots on July 27": no time to come
            if s and lw_ in self.strong:
                return s if not firm else -1
            if s < 0 and d == 0 and (len(lw) < 2 or lw[1].lower() not in self.be_forms):
                firm = True  # "said Tuesday": the verb right before the date decides
            if s < 0 and d == 1 and self._participle_before(lw):
                firm = True  # "19,200 points scored in late February": not the "will" before
            if s > 0:  # a future cue ("scheduled", "plans") decides
                return s if best[1] == 0 else best[1]
            if s and best[1] == 0:
                best, best_word = (d, s), lw_
        for d, w in enumerate(rw):
            if best[1] and w.lower() in self.complementizers:
                # "said at 1800 CDT on Wednesday that it would ...", "refused to comment on
                # reports over the weekend from Tokyo that Jiang would": the verb before
                break
            if (
                w.lower() in self.coordinators
                and rw[d + 1 : d + 2]
                and (rw[d + 1].lower() in self.determiners)
            ):
                break  # "on Monday and the expected visits": another noun phrase
            if w in ",;:":
                if d == 0 and not best[1]:
                    if self._reporting_tag(rw[1:]) or rw[1:2] and rw[1].lower() in self.relatives:
                        break  # "... the election on May 6, they added.", "Friday, which"
                    continue  # "On Friday, the minister met ...": the clause after decides
                break  # "talks, which began on Monday, are scheduled to end": not that clause
            # a present of schedule right after: "his speech on Tuesday starts at 3 p.m.", not
            # "the rig blew up on 20 April leaves BP vulnerable" (a past verb before decides)
            # or a present "be" after a day that opens the sentence ("Wednesday is the
            # deadline"), not one after a noun ("the attack on Friday is the latest")
            scheduled = (
                d == 0
                and not best[1]
                and (
                    w.lower() in self.scheduled
                    or (
                        not lw
                        and w.isalpha()
                        and w.lower() in self.present_be
                        and not w.lower().endswith(self.progressive_suffix)  # "Monday being"
                    )
                    or (w.isalpha() and w.lower() in self.finite_be and self._happening_on(lw))
                )
            )
            s = 1 if scheduled else self._cue(w)
            if s > 0 and d == 1 and rw[0] == "," and w.lower() in self.day_adverbs:
                s = 0  # "an apology on Thursday, later withdrawn": an aside, no plan
            if (
                s < 0
                and d == 1
                and rw[0] in ",;:"
                and len(lw) > 1
                and self._suffix_only(w)
                and rw[2:3]
                and rw[2].lower() in self.participle_links
            ):
                s = 0  # "on February 3, followed by Ireland on February 11": a participle
            if s < 0 and d == 1 and rw[0] in ",;:" and len(lw) <= 1 and self._suffix_only(w):
                # "Beginning July 1, unleaded petrol will be": an adjective, no cue; with a
                # comma after, a participle's clause before the main one ("On Thursday,
                # asked whether he would resign, the minister said no"): the main verb
                main = _WORD.findall(right)[2:FRONTED_WORDS]
                if not (main[:1] and main[0].lower() in self.participle_links and "," in main):
                    s = 0
                else:
                    s = self._main_clause(main[main.index(",") + 1 :]) or s
            if (
                s > 0
                and d + 1 < len(rw)
                and self._modal_perfect(w, rw[d + 1], rw[d + 2 :])
                and not self.passive_be.intersection(x.lower() for x in rw[d + 2 : d + 3])
            ):
                s = -1  # "the steps unveiled on Tuesday would have seemed revolutionary"
            if (
                s < 0
                and w.lower() in self.perfect_have
                and not self._participle_first(rw[d + 1 : d + 4])
            ):
                s = 0  # "pretty soon you have to knock": no perfect
            if s > 0 and self._preposition(rw[d + 1 : d + 3]):
                s = 0  # "fell on Tuesday due to a number of corrections"
            if s < 0 and d and rw[d - 1].lower() in self.determiners:
                s = 0  # "beginning Tuesday, in a bid to ...", "the wounded": a noun
            if s < 0 and d and rw[d - 1].lower() in self.present_be and rw[d - 1][:1] != "'":
                s = 0  # "the year ending June 30 is needed": a present passive
            if (
                s > 0
                and d
                and rw[d - 1].lower() in self.determiners
                and (d > 2 or not w.lower().endswith(self.past_suffix))
            ):
                # "over its plan to join": a noun; not "the scheduled start" right after the
                # expression, but further off ("On Wednesday, the day before the planned
                # event") an adjective
                s = 0
            if s > 0 and w.lower() not in self.strong and self._after_possessive(rw[:d]):
                s = 0  # "By the end of May, the company's best hopes ... rested": a noun
            if s and d and w.istitle() and rw[d - 1].istitle() and rw[d - 1].isalpha():
                s = 0  # "the government's Economic Planning Agency said": inside a name
            if s and best[1] and self._conjunct_before(rw, d):
                break  # "found five survivors on Monday and hopes for more": another verb
            if s:
                # a cue right after the expression against one a preposition before it:
                # the verb before ("food aid pledged in February would arrive")
                lead = 1 if lw and lw[0].lower() in self.attaching else 0
                # "talks on Monday and Tuesday will focus": the second date takes no distance
                paired = d == 2 and rw[0].lower() in self.coordinators and rw[1].istitle()
                if (0 if paired else d) < best[0] - lead:
                    best = (d, s)
                break
        if not best[1] and len(lw) <= 1 and rw[:1] == [","]:
            # "In January, a week after the anniversary, a bombing killed ...": a time set
            # before the main clause takes that clause's verb, wherever it comes
            main = _WORD.findall(right)[1:FRONTED_WORDS]
            if (
                lw
                and lw[0].lower() in self.by
                and self.fronted_by_modals.intersection(w.lower() for w in main[:BY_MODAL_WORDS])
            ):
                return 1  # "By Friday morning, police must charge or release him"
            return self._main_clause(main)
        if not best[1] and self._fronted_phrase(lw, rw):
            # "In the January-November period, sales totaled 2 million": the main clause
            words = _WORD.findall(right)
            return self._main_clause(words[words.index(",") + 1 : FRONTED_WORDS])
        return best[1]

    # ------------------------------------------------------------------ since
    def _firm(self, direction: int, lw: list[str], rw: list[str]) -> int:
        """A past in a clause opened by "since" is firm ("killed since the uprising began
        in April"), and one of a past verb right before "in" ("killed 19 servicemen in
        June")."""
        if direction == -1 and (self._since_at(lw) is not None or self._past_in(lw, rw)):
            return FIRM_PAST
        return direction

    def _abbreviation(self, text: str, i: int) -> bool:
        return text[i] == "." and is_abbreviation(text, i, self.abbreviations, self.final)

    def _preposition(self, after: list[str]) -> bool:
        """A cue word followed by "to" and a determiner is a preposition ("due to the")."""
        return (
            len(after) == 2
            and after[0].lower() in self.infinitive
            and after[1].lower() in self.determiners
        )

    def _cue(self, word: str) -> int:
        w = word.lower()
        if word[:1].isupper() and w in self.capitalized:
            return 0
        if w in self.future_cues:
            return 1
        if w in self.past_cues:
            return -1
        if (
            len(w) > 4
            and self.past_suffix
            and w.endswith(self.past_suffix)
            and word.islower()
            and w not in self.not_past_ed
        ):
            return -1  # "Ahmed", "Mohammed": a name, not a past tense
        return 0
