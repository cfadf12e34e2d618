"""Phrases right around a time expression that fix its direction whatever the verb:
"since", a happening set "for" it, a plan overtaken, a month of delivery, "ahead of", a
deadline "until", a past verb right before "in", the subject of a future verb, a short
phrase opening the sentence; and the words of the clause before a span of dates (a verb
moving a date or imposing the span, a present).  A mixin of `TenseGuesser`, which holds the
word tables (``cues.WORD_TABLES``), the cue test and the context reader."""

from __future__ import annotations

from eventwire.temporal.cues import line_at

LEFT_WORDS = 14  # words looked at before the expression (within the clause)
FIRM_PAST = -2  # a past no tense cue can have misread ("since the uprising began in April")
# a plan made before the time of writing ("agreed to buy the unit in February", "was
# expected to receive snow Wednesday evening"): a month or season of it is the coming
# one (with the slack of any future), a day the nearest
PLAN_PAST = 2
# mostly to come, a past one only when it is more than `AHEAD_PAST_WEIGHT` times nearer: a
# month of delivery ("bought wheat for March shipment" in June), a dated happening with no
# tense ("before the March 28 election"); a day is the nearest
MOSTLY_AHEAD = 4
FRONTED_PHRASE_WORDS = 3  # words either side of a date in a phrase opening the sentence
CONTRACT_WORDS = 4  # words between a month and "futures" ("June share price index futures")
AHEAD_WORDS = 7  # how far before the expression "ahead of" still heads its noun phrase
SINCE_PHRASE_WORDS = 4  # how long a noun phrase after "since" may be before its preposition
FUTURE_SUBJECT_WORDS = 2  # nouns between a date in a subject and its future verb
PAST_IN_WORDS = 3  # how many words may stand between a past verb and "in <period>" ...
PAST_IN_PASSIVE_WORDS = 8  # ... and a past passive ("was ousted ... by a faction in June")
SCHEDULED_WORDS = 1  # how far before the expression a present of schedule counts
PROGRESSIVE_WORDS = 6  # how far before the expression a present progressive counts
SUBJECT_WORDS = 4  # words of a subject's noun phrase before a verb of schedule, determiner included
MOVED_WORDS = 4  # how far before "to" a verb that moves a date counts ("moved it to")
PLACE_WORDS = 6  # words of a place between a plan word and "for" ("planned at the university for")


class PhraseCues:
    """Cues of the phrase the expression is in (``lw``: the words before it, nearest
    first; ``rw``: the words after it)."""

    def _future_subject(self, lw: list[str], rw: list[str]) -> bool:
        """The expression inside a noun phrase naming a scheduled happening that is the
        subject of a future verb right after it ("have alleged the January 23 polls will be
        rigged"); not after a preposition, nor before "would" (a past's future: "said the
        March 5 vote would be annulled")."""
        if not lw or lw[0].lower() not in self.noun_determiners:
            return False
        if len(lw) > 1 and lw[1].lower() in self.noun_phrase_end:
            return False
        for d, w in enumerate(rw[: FUTURE_SUBJECT_WORDS + 1]):
            if w.lower() in self.future_aux:
                # a scheduled happening ("the January 23 polls will be rigged"), not one
                # whose effects are to come ("the April 20 spill will cost BP billions")
                return bool(self.scheduled_nouns.intersection(x.lower() for x in rw[:d]))
            if not (w.isalpha() and w.islower()) or self._cue(w) or w in self.noun_phrase_end:
                return False
        return False

    def _phrase_before(self, lw: list[str], rw: list[str]) -> int | None:
        """The direction a phrase right before the expression gives whatever the verb:
        "since" (a firm past), a happening set "for" it (a plan), a plan overtaken (0, the
        nearest); None when there is none. ``lw``: the words before (nearest first), ``rw``
        after."""
        since = self._since_right_before(lw, rw)
        if since:
            return since
        if self._contract_month(rw):
            return 1  # "June T-bond futures made lows", "bought 1,000 January puts"
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
        return None if placed else self._clause_of_plan(lw[2:])

    def _clause_of_plan(self, words: list[str]) -> int:
        """The clause a plan participle after a noun hangs from (``words``: before the noun,
        nearest first) decides: "will attend a meeting scheduled for Friday" to come; "failed
        to show up for meetings scheduled Friday", or no tense, the nearest such day."""
        for w in words:
            if w in ",;:":
                break
            cue = self._cue(w)
            if cue:
                return 1 if cue > 0 else PLAN_PAST
        return PLAN_PAST

    def _reduced_plan(self, lw: list[str], rw: list[str]) -> int | None:
        """A plan participle between a noun and the expression, with no verb after it ("for
        meetings here -- scheduled Friday and Saturday -- to hear"): the clause before the
        noun decides (``_clause_of_plan``); None when there is no such participle."""
        if len(lw) < 3 or not lw[0].islower() or not lw[0].endswith(self.past_suffix):
            return None
        if not (lw[0] in self.plan_words or self._cue(lw[0]) > 0):
            return None
        noun = lw[1]
        if not (noun.isalpha() and noun.islower()) or self._cue(noun) or self._adverb(noun):
            return None
        if noun in self.be_forms or noun in self.perfect_have or noun in self.determiners:
            return None
        for w in rw:
            if w in ",;:":
                break
            if self._cue(w) or w.lower() in self.modals:
                return None  # "meetings scheduled Friday were cancelled": its own verb
        direction = self._clause_of_plan(lw[2:])
        return direction if any(self._cue(w) for w in lw[2:]) else None

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
        still to come ("June T-bond futures made lows", "June Eurodollars started at 93.33")."""
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

    def _set_for(self, lw: list[str], place: int) -> bool:
        """A scheduled happening set "for" the expression ("has called a special meeting for
        Wednesday", "a vote for Friday"): a plan, the nearest such day whatever the verb.
        ``place``: where the plan word is in ``lw``, past a phrase of place (``_place_phrase``)."""
        if len(lw) < 2 or lw[0].lower() not in self.set_for:
            return False
        if lw[1].lower() in self.happenings:
            return True
        lw = lw[:1] + lw[place:]
        # "a status hearing set for Friday", "talks scheduled for Monday", a plan word after a
        # past "be" ("two hearings were set for Tuesday": a plan made then); not "the vote is
        # scheduled for Friday" (to come), "had been initially scheduled for January 25"
        before = [w for w in lw[2:5] if not self._adverb(w)]
        plan = lw[1].lower() in self.plan_words
        if not before or not before[0].islower() or not (plan or self._cue(lw[1]) > 0):
            return False
        if plan and before[0] in self.past_be:
            return True
        return before[0] not in self.plan_done

    def _adverb(self, w: str) -> bool:
        """``w`` is an adverb: lower case, in "-ly", and no noun or adjective ("rally")."""
        return w.islower() and w.endswith(self.adverb_suffix) and w not in self.not_adverbs

    def possessive_gap(self, text: str, a: int, b: int) -> bool:
        """Between ``a`` and ``b`` only a possessive ending and spacing ("Thursday's 5 p.m.",
        "Thursday 's 5 p.m.")."""
        return text[a:b].rstrip() in self.possessive and a < b

    def _bare_infinitive(self, lw: list[str], d: int) -> bool:
        """``lw[d]`` follows an infinitive marker, over an adverb: a verb whose past and
        plain forms are one ("to beat", "to easily beat"), no past tense."""
        before = [w for w in lw[d + 1 : d + 3] if not self._adverb(w)][:1]
        return bool(before) and before[0] in self.infinitive

    def _place_phrase(self, lw: list[str]) -> int:
        """Where the plan word of "a service planned at the university for Saturday" is in
        ``lw`` (the words before, nearest first; ``lw[0]`` is "for"): past a short phrase of
        place with no verb or punctuation; 1, the next word, when there is none."""
        for k in range(3, min(len(lw), PLACE_WORDS + 3)):
            w = lw[k - 1]
            if w in ",;:" or self._cue(w) or w.lower() in self.set_for:
                return 1
            if w.lower() in self.attaching and (
                lw[k].lower() in self.plan_words or self._cue(lw[k]) > 0
            ):
                return k
        return 1

    def _planned_before(self, lw: list[str]) -> bool:
        """A date set in a past perfect ("a visit that had been scheduled for Sunday", "had
        been initially scheduled for January 25"): a plan overtaken since, the nearest such
        day before or after the time of writing, as with no tense."""
        if len(lw) < 4 or lw[0].lower() not in self.set_for:
            return False
        if not (lw[1].lower() in self.plan_words or self._cue(lw[1]) > 0):
            return False
        before = [w.lower() for w in lw[2:5] if not self._adverb(w)]
        return len(before) > 1 and before[0] in self.passive_be and before[1] in self.past_perfect

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

    def _planned_noun(self, left: list[str], rw: list[str], right: str, adjective: str) -> int:
        """A day's happening named with an adjective of plan ("Friday's planned protests"):
        after a verb of its clause, a plan made then, the nearest such day ("police readied
        for Friday's planned protests"); as the subject, the verb after it decides ("Tuesday's
        planned march drew thousands"), one of delay makes it to come ("has been postponed"),
        one of cancelling the nearest day ("were called off"), and with no verb it is to
        come."""
        for w in left:
            if w in ",;:":
                break
            cue = self._cue(w)
            if cue:  # "are expected to attend Sunday's planned rally": to come
                return 1 if cue > 0 else PLAN_PAST
        rest = list(rw)
        rest.remove(next(w for w in rw if w.lower() == adjective))
        if self.delay.intersection(w.lower() for w in rest[:6]):
            return 1  # "Sunday's planned rally has been postponed"
        if self.cancel.intersection(w.lower() for w in rest[:6]):
            return 0  # "Friday's planned protests were called off"
        return self._scan([], rest, right) or 1

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

    def _scheduled_phrase_at(self, lw: list[str], d: int) -> bool:
        """A phrase of ``scheduled_phrases`` ends at ``lw[d]`` ("comes into force"), not
        after a word of ``not_finite`` ("did not take effect")."""
        for k in (2, 3):
            phrase = lw[d : d + k]
            if len(phrase) == k and " ".join(phrase[::-1]).lower() in self.scheduled_phrases:
                # not "did not take effect", "was supposed to have come into effect"; a
                # future perfect is still to come ("will have come into force by January")
                if d + k >= len(lw) or lw[d + k].lower() not in self.not_perfect_finite:
                    return True
                before = lw[d + k + 1 : d + k + 2]
                return (
                    lw[d + k].lower() in self.perfect_have
                    and bool(before)
                    and before[0].lower() in self.future_aux
                )
        return False

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

    def _headline_plan(self, text: str, start: int, lw: list[str]) -> bool:
        """A headline in capitals with an infinitive before the expression, not right before
        it: a plan ("FECSA TO MEET DEBT COMMITTEE TUESDAY"; not "OFFER EXTENDED TO MAY 6")."""
        # the words before it in capitals first: the line is read only then
        if not lw or not all(w.isupper() for w in lw if w.isalpha()):
            return False
        if any(c.islower() for c in line_at(text, start)):
            return False
        # the word after "TO" a verb, not a number ("DOLLAR RISES TO 150 YEN MONDAY")
        return any(
            w.lower() in self.infinitive and lw[k - 1].isalpha() for k, w in enumerate(lw) if k > 1
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

    def _scheduled_at(self, lw: list[str], d: int) -> bool:
        """A present of schedule at ``lw[d]`` right before the expression ("opens on
        Monday"), or a little further off before a determiner that makes it a verb ("before
        parliament resumes its session on Monday"); not further off, where it is more often a
        noun ("unit starts to 1.1 mln in August")."""
        if lw[d].lower() not in self.scheduled:
            # "comes into force on Monday", "takes place in the White House on Wednesday"
            near = d <= SCHEDULED_WORDS or self._place_after(lw, d)
            return near and self._scheduled_phrase_at(lw, d)
        if lw[d + 1 : d + 2] and lw[d + 1].lower() in self.reported_periods:
            ahead = lw[d + 2 : d + 4]
            if not any(w.lower() in self.noun_determiners for w in ahead):
                return False  # "qtr ends Jan 31": the period reported on
        if d <= SCHEDULED_WORDS + 2 and d and lw[d - 1].lower() in self.noun_determiners:
            return True  # "resumes its session on Monday", "launches its challenge Friday"
        if lw[d].lower() in self.scheduled_nouns_too and not self._named_subject(lw, d):
            return False  # "two televised debates on Monday", "his two visits to China in May"
        return d <= SCHEDULED_WORDS or self._place_after(lw, d, destination=True)

    def _named_subject(self, lw: list[str], d: int) -> bool:
        """The word before ``lw[d]`` is a name or a pronoun, a subject for a verb there
        ("Bush flies to Sydney", "it faces a vote", "which ends Sunday", "the president
        flies"), not a noun's modifier ("two visits", "two televised debates")."""
        before = lw[d + 1] if d + 1 < len(lw) else ""
        low = before.lower()
        # a capitalised word that is no possessive and does not open the sentence ("Obama's
        # visits", "Tax returns on Monday")
        name = before[:1].isupper() and before[1:].islower() and d + 2 < len(lw)
        name = name and not before.endswith(self.possessive_end)
        # "told his French hosts Tuesday": an adjective in an object, no name ("said their
        # President travels on Monday" keeps its subject)
        name = name and not (
            lw[d + 2].lower() in self.possessive_pronouns
            and d + 3 < len(lw)
            and lw[d + 3].lower() in self.telling
        )
        if name or low in self.plan_subjects or low in self.relatives:
            return True
        # "the president flies", "its bid limit ends": a noun phrase after a determiner, with
        # no number or participle in it
        for w in lw[d + 1 : d + 1 + SUBJECT_WORDS]:
            if w.lower() in self.determiners:
                return w != before
            if not w.islower() or w in self.number_ones or w.endswith(self.past_suffix):
                return False
        return False

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
