"""Cues of a plan around a time expression: a happening set "for" it ("a rally planned for
Saturday"), a plan participle after a noun ("meetings scheduled Friday"), a plan overtaken
("had been scheduled for Saturday"), a present of schedule ("the two leaders meet Monday"),
a scheduled happening the subject of a future verb, a plan in a headline.  A mixin of
`TenseGuesser` (through `PhraseCues`), which holds the word tables (``cues.WORD_TABLES``),
the cue test and the context reader."""

from __future__ import annotations

from eventwire.temporal.cues import line_at
from eventwire.temporal.directions import (
    FUTURE_SUBJECT_WORDS,
    PLACE_WORDS,
    PLAN_PAST,
    SCHEDULED_WORDS,
    SUBJECT_WORDS,
)


class PlanCues:
    """Plan cues (``lw``: the words before the expression, nearest first; ``rw``: the words
    after it)."""

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

    def _nearest_cue(
        self,
        words: list[str],
        stops: frozenset[str] = frozenset(),
        present: frozenset[str] = frozenset(),
        adjectives: bool = False,
    ) -> int:
        """The nearest tense cue of ``words`` (nearest first) before a comma or a word of
        ``stops``, 0 with none; a word of ``present`` counts as a present (1); with
        ``adjectives``, a participle right after a determiner is no cue ("on the divided
        island")."""
        for i, w in enumerate(words):
            low = w.lower()
            if w in ",;:" or low in stops:
                return 0
            if low in present:
                return 1
            cue = self._cue(w)
            if adjectives and cue < 0 and self._suffix_only(w):
                if words[i + 1 : i + 2] and words[i + 1].lower() in self.determiners:
                    continue
            if cue:
                return cue
        return 0

    def _clause_of_plan(self, words: list[str]) -> int | None:
        """The clause a plan participle after a noun hangs from (``words``: before the noun,
        nearest first) decides: "will attend a meeting scheduled for Friday" to come; "failed
        to show up for meetings scheduled Friday" the nearest such day; None with no tense
        cue before the clause ends."""
        cue = self._nearest_cue(words)
        return None if not cue else (1 if cue > 0 else PLAN_PAST)

    def _reduced_plan(self, lw: list[str], rw: list[str]) -> int | None:
        """A plan participle right after a noun or an adverb of place, with no verb after the
        expression ("for meetings here -- scheduled Friday and Saturday -- to hear"): the
        clause before decides (``_clause_of_plan``); None when there is no such participle
        (not "it expected Friday to be calm": a pronoun's verb)."""
        if len(lw) < 3 or not lw[0].islower() or not lw[0].endswith(self.past_suffix):
            return None
        if not (lw[0] in self.plan_words or self._cue(lw[0]) > 0):
            return None
        noun = lw[1]
        if not (noun.isalpha() and noun.islower()) or self._cue(noun) or self._adverb(noun):
            return None
        if noun in self.be_forms or noun in self.perfect_have or noun in self.determiners:
            return None
        if noun in self.pronouns:
            return None
        for w in rw:
            if w in ",;:":
                break
            if self._cue(w) or w.lower() in self.modals:
                return None  # "meetings scheduled Friday were cancelled": its own verb
        return self._clause_of_plan(lw[2:])

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

    def _happening_set_for(self, lw: list[str], rw: list[str]) -> bool:
        """The expression modifies a scheduled happening set "for" it ("together for a June
        meeting", "called for a Friday vote"): a plan, unless the clause is past ("turnout
        was low for the March elections") and no noun of getting ready heads the phrase
        ("marked a key stage in the preparations for the June elections")."""
        return (
            len(lw) > 1
            and lw[0].lower() in self.determiners
            and lw[1].lower() in self.set_for
            and bool(rw)
            and rw[0].lower() in self.happenings
            and (
                lw[2:3] != []
                and lw[2].lower() in self.preparing_nouns
                or not self._past_verb_before(lw[2:])
            )
        )

    def _past_verb_before(self, words: list[str]) -> bool:
        """The nearest cue of ``words`` (nearest first) before a comma is past, and not a
        participle after a determiner ("on the divided island": an adjective)."""
        return self._nearest_cue(words, adjectives=True) < 0
