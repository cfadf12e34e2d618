"""Phrases right around a time expression that fix its direction whatever the verb:
"since", a month of delivery, "ahead of", a deadline "until", a past verb right before
"in", a short phrase opening the sentence, the main clause after it, a condition; and the
words of the clause before a span of dates (a verb moving a date or imposing the span, a
present).  Plans are in `plans`.  A mixin of `TenseGuesser`, which holds the word tables
(``cues.WORD_TABLES``), the cue test and the context reader."""

from __future__ import annotations

from eventwire.records import Sentence
from eventwire.temporal.cues import LETTERS
from eventwire.temporal.directions import (
    FIRM_PAST,
    LEFT_WORDS,
    MOSTLY_AHEAD,
    PLACE_WORDS,
    PLAN_PAST,
    SCHEDULED_WORDS,
)
from eventwire.temporal.plans import PlanCues

FRONTED_PHRASE_WORDS = 3  # words either side of a date in a phrase opening the sentence
CONTRACT_WORDS = 4  # words between a month and "futures" ("June share price index futures")
AHEAD_WORDS = 7  # how far before the expression "ahead of" still heads its noun phrase
SINCE_PHRASE_WORDS = 4  # how long a noun phrase after "since" may be before its preposition
PAST_IN_WORDS = 3  # how many words may stand between a past verb and "in <period>" ...
PAST_IN_PASSIVE_WORDS = 8  # ... and a past passive ("was ousted ... by a faction in June")
PROGRESSIVE_WORDS = 6  # how far before the expression a present progressive counts
MOVED_WORDS = 4  # how far before "to" a verb that moves a date counts ("moved it to")


class PhraseCues(PlanCues):
    """Cues of the phrase the expression is in (``lw``: the words before it, nearest
    first; ``rw``: the words after it)."""

    def _phrase_before(self, lw: list[str], rw: list[str]) -> int | None:
        """The direction a phrase right before the expression gives whatever the verb:
        "since" (a firm past), a happening set "for" it (a plan), a plan overtaken (0, the
        nearest); None when there is none. ``lw``: the words before (nearest first), ``rw``
        after."""
        if self._contract_month(rw):
            # "June T-bond futures made lows", "bought 1,000 January puts", "since the
            # correction in June and August live cattle futures": a contract month
            return 1
        since = self._since_right_before(lw, rw)
        if since:
            return since
        if self._for_delivery(lw, rw):
            return MOSTLY_AHEAD
        if self._planned_before(lw):
            for w in rw:  # "had been scheduled for Saturday but was abandoned": then
                if w in ",;:" or w.lower() in self.deadline_verbs:
                    break  # not "... was postponed": still to come, or the nearest
                if self._cue(w) < 0 and w.lower() not in self.past_be:
                    return -1
            return 0
        reduced = self._reduced_plan(lw, rw)
        if reduced is not None:
            return reduced
        if self._happening_set_for(lw, rw):
            return PLAN_PAST  # "to get the leaders together for a June meeting": a plan
        if len(lw) < 2 or lw[0].lower() not in self.set_for:
            return None
        place = 1 if lw[1].lower() in self.happenings else self._place_phrase(lw)
        if not self._set_for(lw, place):
            return None
        placed = place > 1
        for w in rw:  # "a rally planned for Saturday will go ahead": to come
            if w.lower() in self.finite_be:
                return 1  # "the talks planned at the UN for Thursday are seen as a last chance"
            if w in ",;:" or w.lower() in self.deadline_verbs or self._cue(w) < 0:
                # "a memorial service planned at the university for Saturday was canceled";
                # with no such verb after a place, the tense of the clause decides
                return PLAN_PAST if w not in ",;:" or not placed else None
            if self._cue(w) > 0 or w.lower() in self.modals:
                # not "fans who attended the match scheduled for Wednesday will get refunds"
                return PLAN_PAST if self._past_before(lw[2:]) else 1
        return None if placed else (self._clause_of_plan(lw[2:]) or PLAN_PAST)

    def _noun_after(self, rw: list[str], nouns: frozenset[str], short_stops: bool) -> bool:
        """One of ``nouns`` within a few plain words after the expression, with no verb,
        punctuation or preposition between ("June short sterling futures", "late May/early
        June shipment"); with ``short_stops`` a short word also ends the run ("on Tuesday
        as calls for")."""
        for w in rw[:CONTRACT_WORDS]:
            if w.lower() in nouns:
                return True
            if w in ",;:" or self._cue(w) or w.lower() in self.noun_phrase_end:
                return False
            if short_stops and len(w) < 4:
                return False
        return False

    def _contract_month(self, rw: list[str]) -> bool:
        """A month a few nouns before a word of futures or options: the contract month,
        still to come ("June T-bond futures made lows", "June Eurodollars started at 93.33",
        "June and August live cattle futures")."""
        if len(rw) > 2 and rw[0].lower() in self.coordinators and rw[1].lower() in self.month_names:
            rw = rw[2:]
        return self._noun_after(rw, self.contracts, short_stops=True)

    def _for_delivery(self, lw: list[str], rw: list[str]) -> bool:
        """A month of delivery, mostly still to come whatever the verb ("bought wheat for May
        shipment", "crude for delivery in January slipped 29 cents")."""
        if self._noun_after(rw, self.delivery, short_stops=False):
            # "for June shipment", "for April through November shipment"
            return any(x.lower() in self.set_for for x in lw[:3])
        if not lw or lw[0].lower() not in self.attaching:
            return False
        return len(lw) > 2 and lw[1].lower() in self.delivery and lw[2].lower() in self.set_for

    @staticmethod
    def _after_verb(direction: int) -> int:
        """An expression after "ahead of" comes after its verb's time: to come after a future
        verb ("troops will be deployed ahead of the election on Sunday"), else a plan made
        then, the coming month or the nearest day ("speaking ahead of the awards on
        Sunday")."""
        return 1 if direction > 0 else PLAN_PAST

    def _ahead_of(self, lw: list[str]) -> bool:
        """The expression follows a phrase of ``ahead_of`` ("shares rose ahead of
        Saturday's summit"), or ends a noun phrase after one ("ahead of the presidential
        election in December", "ahead of his funeral Wednesday"): what it names comes after
        the verb's time."""
        near = lw[:AHEAD_WORDS]
        if not any(w.lower() in self.ahead_ends for w in near):
            return False  # no "of" (the last word of every phrase) near: the common case
        if any(self._ahead_at(lw, 0, k) for k in range(1, 4)):
            return True
        for j in range(len(near)):
            if j and any(self._ahead_at(lw, j, k) for k in (2, 3)):
                # right after the noun ("in advance of their official introduction Thursday"),
                # or in a phrase on a scheduled happening ("ahead of the election in May";
                # not "ahead of schedule in January")
                if lw[0].lower() not in self.attaching:
                    return True
                return bool(self.scheduled_nouns.intersection(w.lower() for w in lw[:j]))
            adjective = j + 1 < len(lw) and lw[j + 1].lower() in self.determiners
            if lw[j] in ",;:" or (self._cue(lw[j]) and not adjective):
                return False  # a verb between: not one noun phrase ("the scheduled start": one)
            if j and lw[j].lower() in self.attaching:
                return False  # a second phrase: "ahead of his rival in the race on Sunday"
        return False

    def _ahead_at(self, lw: list[str], j: int, k: int) -> bool:
        """The ``k`` words from ``lw[j]`` back are a phrase of ``ahead_of``."""
        return j + k <= len(lw) and " ".join(lw[j : j + k][::-1]).lower() in self.ahead

    def _adverb(self, w: str) -> bool:
        """``w`` is an adverb: lower case, in "-ly", and no noun or adjective ("rally")."""
        return w.islower() and w.endswith(self.adverb_suffix) and w not in self.not_adverbs

    def possessive_gap(self, text: str, a: int, b: int) -> bool:
        """Between ``a`` and ``b`` only a possessive ending and spacing ("Thursday's 5 p.m.",
        "Thursday 's 5 p.m.")."""
        return text[a:b].rstrip() in self.possessive and a < b

    def possessive_phrase(self, text: str, a: int, b: int) -> bool:
        """Between ``a`` and ``b`` a possessive ending, then a noun phrase with no verb, no
        clause break, ending in a preposition ("Thursday's quotes of 118.75-85 yen at 4 p.m.")."""
        gap = text[a:b]
        if not gap.startswith(self.possessive) or any(c in gap for c in ",;:!?\n"):
            return False
        if ". " in gap:
            return False
        words = LETTERS.findall(gap)[1:]
        if not words or words[-1].lower() not in self.attaching or len(words) > LEFT_WORDS:
            return False
        return not any(self._cue(w) for w in words)

    def _bare_infinitive(self, lw: list[str], d: int) -> bool:
        """``lw[d]`` follows an infinitive marker, over an adverb: a verb whose past and
        plain forms are one ("to beat", "to easily beat"), no past tense."""
        before = [w for w in lw[d + 1 : d + 3] if not self._adverb(w)][:1]
        return bool(before) and before[0] in self.infinitive

    def _since_at(self, lw: list[str]) -> int | None:
        """Where the nearest word of ``since_past`` before the expression is in its clause
        (``lw``: the words before it, nearest first), else None."""
        for d, w in enumerate(lw):
            if w in ",;:":
                return None
            if w.lower() in self.since:
                return d
        return None

    def _since_right_before(self, lw: list[str], rw: list[str]) -> int:
        """A date right after "since" ("since late March", "since the 20 April
        explosion") lies before the time of writing whatever the verb: a firm past,
        unless a present verb follows, where "since" may give a reason ("since Easter
        falls late in April"). 0 when no "since" stands right before it."""
        d = self._since_at(lw[:2])
        if d is None and self._since_phrase(lw):
            d = 0  # "the smallest since a similar increase in February"
        if d is None or (d == 1 and lw[0].lower() not in self.determiners):
            return 0
        present = bool(rw) and (
            rw[0].lower() in self.present_be or (rw[0].islower() and rw[0].endswith("s"))
        )
        return -1 if present else FIRM_PAST

    def _since_phrase(self, lw: list[str]) -> bool:
        """The expression ends a noun phrase that "since" opens, on a preposition ("since
        a similar increase in February", "since the flood in June"), with no cue word in it."""
        if not lw or lw[0].lower() not in self.attaching:
            return False
        for d in range(2, min(len(lw), SINCE_PHRASE_WORDS + 2)):
            if lw[d].lower() in self.since:
                return lw[d - 1].lower() in self.determiners
            if lw[d] in ",;:" or self._cue(lw[d]) or lw[d].lower() in self.attaching:
                return False
        return False

    def _past_in(self, lw: list[str], rw: list[str]) -> bool:
        """A past verb of a happening shortly before "in" right before the expression,
        with no infinitive, subordinate clause, "for" or noun of a scheduled happening
        between, and no modal or future after ("was ousted by a faction in June"; not
        "promised free elections in June", "said talks in June could resume")."""
        if not lw or lw[0].lower() not in self.past_in:
            return False
        for w in rw:
            if w in ",;:":
                break
            if self._cue(w) > 0:
                return False
        for d in range(1, min(len(lw), PAST_IN_PASSIVE_WORDS + 2)):
            w = lw[d]
            if w in ",;:" or w.lower() in self.past_in_stops:
                return False
            s = self._cue(w)
            if s:
                # not "the slated visit", "are being sold", "yesterday"; further off only a
                # past passive ("was ousted as chairwoman by a rival faction in June")
                before = lw[d + 1].lower() if d + 1 < len(lw) else ""
                near = d <= PAST_IN_WORDS + 1 or (before in self.past_be and w.islower())
                return (
                    near
                    and s < 0
                    and w.lower() not in self.not_past_verbs
                    and before not in self.not_finite_before
                )
        return False

    def _until_deadline(self, left: list[str]) -> bool:
        """ "until" right before the expression (``left``: the words before it, nearest
        first), after a verb that sets a deadline or moves a date in its clause; or a
        lower-case "by" after a word of obligation or aim in a clause with no past perfect
        ("must be returned by Jan. 14", "the goal is to cut 500 jobs by June")."""
        if left and left[0] in self.by and len(left) > 1:
            if left[1].lower() in self.determiners:
                return False  # "laid down by the"
            found = False
            for w in left[1:LEFT_WORDS]:
                if w in ",;:":
                    break
                if w.lower() in self.past_perfect:
                    return False
                found = found or w.lower() in self.by_modals
            return found
        if left and left[0].lower() in self.moved_to:
            # "the meeting has been moved to Friday", "postponed the vote to Sunday"
            for w in left[1:MOVED_WORDS]:
                if w in ",;:":
                    return False
                if w.lower() in self.moving_dates:
                    return True
            return False
        if not left or left[0].lower() not in self.until:
            return False
        state = past = False
        for w in left[1:LEFT_WORDS]:
            if w in ",;:":
                break
            if w.lower() in self.deadline_verbs:
                return True
            past = past or self._cue(w) < 0  # "the ban was in effect until May"
            state = state or w.lower() in self.until_states
        return state and not past  # "the new ban, in effect until Nov. 30"

    def moving_before(self, text: str, start: int) -> bool:
        """A verb that moves a date before ``start`` in its clause ("voted to move the
        start from the last Sunday in April to ...", "postponing the cut from December 1")."""
        return self._clause_has(text, start, self.moving_words)

    def announcing_before(self, text: str, start: int) -> bool:
        """A verb that announces or imposes what follows before ``start`` in its clause
        ("the ministry banned fishing from July to May", "output was forecast for ...")."""
        return self._clause_has(text, start, self.announcing_words)

    def _clause_has(self, text: str, start: int, words: frozenset[str]) -> bool:
        """One of ``words`` before ``start`` in its clause."""
        lw, _, _ = self._context(text, start, start)
        for w in lw:
            if w in ",;:":
                return False
            if w.lower() in words:
                return True
        return False

    def past_right_before(self, text: str, start: int) -> bool:
        """A past verb right before ``start``, or before a preposition there ("a chart gap
        created Friday", "was held on Friday"); not one whose object the day is, a noun
        after it ("has declared Saturday a public holiday")."""
        lw, rw, _ = self._context(text, start, start)
        if lw[:1] and lw[0].lower() in self.attaching:
            lw = lw[1:]
        elif rw[1:2] and rw[1].lower() in self.determiners:
            return False
        elif lw[1:2] and lw[1].lower() in self.noun_leads:
            return False  # "attacked the delayed Friday vote": an adjective
        return bool(lw) and lw[0].islower() and self._cue(lw[0]) < 0

    def present_before(self, text: str, start: int) -> bool:
        """A present "be" or present of schedule before ``start`` in its clause ("the offer
        is valid from January", "the season runs from December")."""
        return self._clause_has(text, start, self.present_words)

    def figure_before(self, text: str, start: int) -> bool:
        """A reported change of a figure before ``start`` in its clause: a word of
        ``figure_words`` and one of ``figure_change_words`` ("exports are up 5 percent in
        January-October"; not "fares are 20 percent lower from January", a plan's terms)."""
        return self._clause_has(text, start, self.figure_words) and self._clause_has(
            text, start, self.figure_changes
        )

    def _fronted_phrase(self, lw: list[str], rw: list[str]) -> bool:
        """The expression inside a short phrase that opens the sentence and ends in a comma,
        with no verb in it ("In the July-June fiscal year, ..."): only determiners and
        capitalised words before it, a few plain words after it."""
        if len(lw) > FRONTED_PHRASE_WORDS or not lw:
            return False
        if any(not (w[:1].isupper() or w.lower() in self.determiners) for w in lw):
            return False
        if not self.noun_determiners.intersection(w.lower() for w in lw):
            return False  # "On Tuesday his brothers Marlon, Tito and Jackie": no phrase
        for w in rw[: FRONTED_PHRASE_WORDS + 1]:
            if w == ",":
                return True
            if w in ";:" or self._cue(w):
                return False
        return False

    def _past_verb(self, w: str, before: list[str]) -> bool:
        """``w`` is a lower-case past verb other than a "be" or "have" ("appeared",
        "found"), not "were" of "were to be flown home" nor "have" of "have to be removed",
        nor a participle after a present "be" or "have" (``before``: the word before it; "is
        meant to be reopened", "has got to be cleared")."""
        if before and before[0].lower() in self.present_have_be:
            return False
        if not w.islower() or w in self.participle_aux or w in self.past_perfect:
            return False  # "were to be flown", "have to be removed by"
        return self._cue(w) < 0

    def _place_after(self, lw: list[str], d: int, *, destination: bool = False) -> bool:
        """Between ``lw[d]`` and the expression's preposition, a short phrase of place and
        nothing else ("takes place in the White House on Wednesday"); with ``destination``
        also one of a place gone to ("flies to Sydney on Tuesday")."""
        if not SCHEDULED_WORDS + 1 < d <= SCHEDULED_WORDS + PLACE_WORDS:
            return False
        link = lw[d - 1].lower()
        gone_to = destination and link in self.destination
        if gone_to and not (lw[d - 2][:1].isupper() or lw[d - 2].lower() in self.determiners):
            return False  # "unit starts to 1,168,000 from 1,111,000 in August": no place
        if link not in self.attaching and not gone_to:
            return False
        if lw[0].lower() not in self.attaching:
            return False
        return not any(w in ",;:" or self._cue(w) for w in lw[1 : d - 1])

    def _modal_perfect(self, modal: str, have: str, rest: list[str]) -> bool:
        """A modal of ``perfect_modals`` before "have" and a participle is a past ("would
        have seemed", "may have left"), not a time to come ("should have an impact").
        ``rest``: the words after "have", in order."""
        return (
            modal.lower() in self.perfect_modals
            and have.lower() in self.perfect_have
            and self._participle_first(rest[:3])
        )

    def opens_clause(self, word: str) -> bool:
        """``word``, right after an expression, is its clause's verb ("Tuesday is expected",
        "Saturday will see")."""
        low = word.lower()
        return bool(self._cue(word)) or low in self.be_forms or low in self.plain_plans

    def _conjunct_before(self, rw: list[str], d: int) -> bool:
        """A coordinator before ``rw[d]`` opens another verb's conjunct ("on Monday and hopes
        for more"), not a second date ("talks on Monday and Tuesday will focus")."""
        return any(
            x.lower() in self.coordinators and not rw[k + 1][:1].isupper()
            for k, x in enumerate(rw[:d])
        )

    def _reporting_tag(self, after: list[str]) -> bool:
        """The words after a comma (``after``) are a reporting tag that ends the sentence
        ("..., they added.", "..., the minister said."): a verb of saying within four
        words, and nothing but the sentence's end after it."""
        for d, w in enumerate(after[:4]):
            if w in ",;:":
                return False
            if w.lower() in self.reporting:
                return not after[d + 1 :]  # the sentence ends there ("right" stops at it)
        # the verb first, then a name: "..., agreed Allan Leslie of Discount Corp."
        verb = after[:1] and (after[0].lower() in self.reporting or self._suffix_only(after[0]))
        return (
            bool(verb)
            and after[0].islower()
            and after[1:2] != []
            and after[1][:1].isupper()
            and not any(self._cue(w) for w in after[2:])
        )

    def _unplanned_after(self, rw: list[str]) -> bool:
        """A happening no one plans right after the expression, or after one noun that
        qualifies it ("explosion", "embassy bombings")."""
        if rw[:1] and rw[0].lower() in self.unplanned_nouns:
            return True
        return bool(
            rw[1:2]
            and rw[0].isalpha()
            and rw[0].islower()
            and rw[1].lower() in self.unplanned_nouns
        )

    def _happening_on(self, lw: list[str]) -> bool:
        """The expression follows a scheduled happening and its preposition ("the referendum
        on Sunday"): a present "be" after it speaks of what is to come ("is seen as a test")."""
        return (
            len(lw) > 1
            and lw[0].lower() in self.attaching
            and lw[1].lower() in self.scheduled_nouns
        )

    def _after_present_be(self, before: list[str], finite: bool = False) -> bool:
        """The words before a participle (nearest first) end in a present "be", over
        adverbs ("may not be fully contained", "wells now being drilled"); with ``finite``,
        a present tense of it ("are held", not "be held", "being held")."""
        for w in before[:3]:
            if w.lower() in self.present_be:
                return not finite or w.lower() in self.finite_be
            if not self._adverb(w):
                return False
        return False

    def _past_before(self, words: list[str]) -> bool:
        """A past tense cue among ``words`` (nearest first) before the clause ends."""
        for w in words:
            if w in ",;:":
                return False
            if self._cue(w) < 0:
                return True
        return False

    def _plain_present(self, w: str) -> bool:
        """``w`` (lower case) reads as the plain present of a verb: no past or progressive
        ending, no cue, no verb whose past is the same ("hit"), no preposition or particle."""
        return (
            not w.endswith(self.past_suffix + self.progressive_suffix)
            and not self._cue(w)
            and w not in self.bare_participles
            and w not in self.not_plural_present
            and w not in self.noun_phrase_end
            and w not in self.particles
        )

    def _present_after_pronoun(self, clause: list[str], opener: str = "") -> bool:
        """A subordinate clause (``clause``: its words before the expression, nearest first,
        after its ``opener``) with a present right after its subject: a third-person pronoun
        ("when it unveils"), a plural one with a plain present after an opener of time ("when
        they vote"; not "because you know") or a plural noun ("before financial markets open")."""
        for k in range(len(clause) - 1):
            w, subject = clause[k], clause[k + 1].lower()
            if not (w.isalpha() and w.islower()) or w in self.reporting:
                continue
            present = w.endswith(self.present_suffix)
            if subject in self.third_person and present:
                return not w.endswith(self.not_present_suffix)
            if (
                subject in self.plural_pronouns
                and opener in self.time_subordinators
                and self._plain_present(w)
            ):
                return True  # "will decide ... when they vote on the policy Wednesday"
            if present or w.endswith(self.past_suffix + self.progressive_suffix) or self._cue(w):
                continue
            if w in self.bare_participles:
                continue  # "when floods hit on Monday": past or present
            if k > 1 or (k and clause[0].lower() not in self.attaching):
                continue  # the verb right before the expression or its preposition
            if w in self.not_plural_present or w in self.noun_phrase_end or w in self.particles:
                continue  # "after elections in May", "shut its exports down in May": no verb
            plural = subject.endswith(self.present_suffix) and not subject.endswith(
                self.not_present_suffix
            )
            if plural and subject.isalpha() and clause[k + 1].islower():
                return subject not in self.determiners and subject not in self.noun_determiners
        return False

    def _progressive_at(self, lw: list[str], d: int) -> bool:
        """A present progressive close before the expression is a plan or under way, not a
        past ("Democrats, who are facing big losses in elections in November")."""
        w, be = lw[d], lw[d + 1].lower() if d + 1 < len(lw) else ""
        return (
            # further off for a plan or threat ("is threatening to switch off gas supplies to
            # Belarus on Monday"; not "are trying to determine the cause of the crash on Monday")
            (d <= PROGRESSIVE_WORDS or (d > 1 and w in self.plan_progressives))
            and w.islower()
            and w.endswith(self.progressive_suffix)
            and w not in self.not_progressive  # "is being questioned", "is saying"
            and be in self.present_be
            and not be.endswith(self.progressive_suffix)
            and be[:1] != "'"
            # not after "to" and a past verb ("appeared to be stabilizing on Saturday"), but
            # after a passive of report ("was said to be considering a visit on Saturday")
            and not (
                d + 3 < len(lw)
                and lw[d + 2].lower() in self.infinitive
                and self._cue(lw[d + 3]) < 0
                and not (d + 4 < len(lw) and lw[d + 4].lower() in self.past_be)
            )
        )

    def _to_after_be(self, lw: list[str], d: int, be: frozenset[str]) -> bool:
        """``lw[d]`` is an infinitive marker after a word of ``be`` and before a verb ("is to
        resume", "was to try")."""
        return (
            lw[d].lower() in self.infinitive
            and 0 < d < len(lw) - 1
            and lw[d + 1].lower() in be
            and lw[d - 1].islower()
        )

    def _opening_participle(self, lw: list[str]) -> bool:
        """The clause opens on a capitalised past participle followed by a lower-case word
        ("Arrested by ...", "Elected in ..."), not on a name ("Ahmed")."""
        w, after = lw[-1], lw[-2]
        if after.lower() in self.infinitive or after.lower() in self.set_for:
            return False  # "Slated for release in June", "Timed to coincide with ...": a plan
        return (
            not self._past_plan(w.lower())
            and len(w) > 4
            and w[:1].isupper()
            and w[1:].islower()
            and w.lower().endswith(self.past_suffix)
            and after.islower()
            and after.isalpha()
        )

    def _perfect_at(self, lw: list[str], d: int) -> bool:
        """``lw[d]`` ("have", "has") is the auxiliary of a perfect: a participle follows it,
        over adverbs and negations ("have already agreed", "has not met")."""
        return self._participle_first(lw[max(0, d - 3) : d][::-1])

    def _participle_first(self, after: list[str]) -> bool:
        """The first of ``after`` that is no adverb or negation is a participle."""
        for w in after:
            low = w.lower()
            if w.islower() and (
                self._adverb(w) or low in self.not_finite or low in self.perfect_adverbs
            ):
                continue
            return w.islower() and (
                low.endswith(self.participle_suffix)
                or self._cue(w) < 0
                or low in self.bare_participles
            )
        return False

    def _participle_before(self, lw: list[str]) -> bool:
        """A past participle right before an attaching preposition before the expression
        ("points scored in late February", "troops killed on Monday"), not a plan's
        ("talks planned for May") nor a passive's or perfect's ("will be held in May")."""
        if len(lw) < 2:
            return False
        w = lw[1]
        return (
            lw[0].lower() in self.attaching
            and w.islower()
            and w.endswith(self.past_suffix)
            # "talks planned for May" are to come; "the output agreed in December" was then
            and not (self._past_plan(w) and not self._past_plan(w, self.agreeing))
            and (len(lw) < 3 or lw[2].lower() not in self.participle_aux)
        )

    def _right_cue(self, rw: list[str]) -> int:
        """The cue of the first word after the expression, unless a comma comes first; a
        past only from a listed past form ("after their match on Tuesday was postponed"),
        not from a participle's ending ("after elections in May backed by the UN")."""
        if not rw or rw[0] in ",;:":
            return 0
        cue = self._cue(rw[0])
        return 0 if cue < 0 and rw[0].lower() not in self.past_cues else cue

    def _done_before(self, lw: list[str], d: int) -> bool:
        """A lexical past verb (no be-form or auxiliary) right before ``lw[d]``, or before a
        particle there ("sustained due to", "pulled out due to"): the word at ``d`` gives a
        cause."""
        before = lw[d + 1 : d + 3]
        if before[:1] and before[0].lower() in self.particles:
            before = before[1:]
        if not before:
            return False
        w, low = before[0], before[0].lower()
        if low in self.be_forms or low in self.strong or low in self.perfect_have:
            return False
        return w.islower() and self._cue(w) < 0

    def _past_plan(self, word: str, verbs: frozenset[str] | None = None) -> bool:
        """A past form of a verb of planning or agreeing ("agreed", "planned", "expected"),
        or of another of ``verbs``."""
        w = word.lower()
        if not (word.islower() and w.endswith(self.past_suffix)):
            return False
        verbs = self.future_verbs if verbs is None else verbs
        return any(stem in verbs for stem in (w[:-1], w[:-2], w[:-3]) if len(stem) > 2)

    def _conditional_bare(self, sentence: Sentence, v: int) -> bool:
        """Verb ``v``, one whose past is its present ("beat"), opens a condition: "if", or
        "that" after a word of ``conditional_that`` ("provided that they beat"), under a
        verb not in the past."""
        toks = sentence.tokens
        if toks[v].text.lower() not in self.bare_participles or not sentence.children:
            return False
        head = toks[v].head
        if toks[head].text.lower() in self.conditional_that:
            head = toks[head].head  # "can pull level provided that they beat": "pull"
        if head != v and toks[head].text.lower() not in self.reporting:
            if self.verb_direction(sentence, head) < 0:
                return False  # "would have gone top if they beat", "did not know if it hit"
        for k in sentence.children[v]:
            mark = toks[k].text.lower()
            if toks[k].dep != "mark":
                continue
            if mark in self.conditional:
                return True
            before = toks[k - 1].text.lower() if k else ""
            if mark in self.complementizers and before in self.conditional_that:
                return True
        return False

    def _main_clause(self, words: list[str]) -> int:
        """The first tense cue of the words after a fronted time phrase; not a word that
        opens the clause and reads as past by its ending only ("Beginning July 1, unleaded
        petrol will be available")."""
        for d, w in enumerate(words):
            s = self._cue(w)
            if s < 0 and d == 0 and self._suffix_only(w):
                if words[1:2] and words[1].lower() in self.participle_links and "," in words:
                    # a participle's clause, then the main one ("asked whether ..., he said")
                    return self._main_clause(words[words.index(",") + 1 :]) or s
                continue
            if s and not (d and words[d - 1].lower() in self.determiners):
                if s > 0 and w.lower() not in self.strong and self._after_possessive(words[:d]):
                    continue  # "the company's best hopes ... rested": a noun
                return s
        return 0

    def _past_clause(self, words: list[str]) -> bool:
        """The nearest tense cue among ``words`` (nearest first) is past, before a comma, a
        verb of saying (which opens the clause above: "He said ... can pull level if they
        beat") or a present modal ("the team that lost last week can go top if")."""
        return self._nearest_cue(words, self.reporting, self.present_modals) < 0

    def _after_possessive(self, before: list[str]) -> bool:
        """The last of ``before`` is a possessive, or the one before it with a superlative
        between ("the company's best hopes"): the word after it is a noun; not "Obama's
        aides expect"."""
        if before[-1:] and before[-1].lower().endswith(self.possessive_end):
            return True
        if len(before) < 2 or not before[-1].islower():
            return False
        return before[-2].lower().endswith(self.possessive_end) and before[-1].endswith(
            self.superlative_suffix
        )

    def _suffix_only(self, word: str) -> bool:
        """A past cue by its ending only, not one of the listed past forms."""
        return word.lower() not in self.past_cues and word.endswith(self.past_suffix)
