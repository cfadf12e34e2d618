"""The directions the tense reader gives beyond past (-1), unknown (0) and to come (1),
and the word distances its phrase cues share."""

from __future__ import annotations

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
FUTURE_SUBJECT_WORDS = 2  # nouns between a date in a subject and its future verb
SCHEDULED_WORDS = 1  # how far before the expression a present of schedule counts
SUBJECT_WORDS = 4  # words of a subject's noun phrase before a verb of schedule, determiner included
PLACE_WORDS = 6  # words of a place between a plan word and "for" ("planned at the university for")
