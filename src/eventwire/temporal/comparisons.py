"""Periods compared with, which set no reference time: a year or a month after "from/after
... an amount ... in" ("to 635 mln from 603 mln in 1985", "rose 0.1 pct after a 1.6 pct
increase in January"), a month or a day right after an amount and "from" ("rose 0.2 pct
from December", "up 307 points, or 1.6 percent, from Monday"). The words are in the tables
``comparison_lead``, ``day_comparison_lead``, ``comparison_units`` and ``unit``; and records
("the lowest since December 1977"), tables ``record_since`` and ``record_not_after``."""

from __future__ import annotations

import re

from eventwire.temporal.norms import Norm
from eventwire.temporal.resources import TemporalResources

COMPARISON_CHARS = 80  # how far before a year or month its comparison may open
DAY_COMPARISON_CHARS = 50  # how far before a day an amount and "from" make it a comparison
_IN_CLAUSE = r"[^.;:]|(?<=[0-9])[.:](?=[0-9])"  # a character within a clause ("603.4")
_NEVER = re.compile(r"(?!)")
_WORD_RUNS = re.compile(r"[A-Za-z'’-]+")  # words with their possessive and hyphens
_RECORD_BREAK = re.compile(r"[;!?]|\.\s")  # a clause may wrap ("the\nfirst monthly rise since")
RECORD_CHARS = 60  # how far before "since" a word of a record is looked for


class Comparisons:
    def __init__(self, res: TemporalResources) -> None:
        self._record = res.words("record_since")
        self._not_record = res.words("record_not_after")
        self._record_leads = res.words("determiner") | res.words("possessive_pronouns")
        self._possessive = tuple(res.words("possessive_suffix"))
        lead = res.alternation("comparison_lead")
        self._period = (
            re.compile(
                rf"\b{lead}\s+(?:{_IN_CLAUSE}){{0,30}}?[0-9](?:{_IN_CLAUSE}){{0,24}}?\s+in\s+$",
                re.I,
            )
            if lead
            else _NEVER
        )
        # "after 20 years in March": an amount of time, no figure compared with
        time_units = res.alternation("unit")
        self._time_amount = (
            re.compile(rf"[0-9][0-9,.]*\s+(?:{time_units})(?!\w)", re.I) if time_units else _NEVER
        )
        day_lead = res.alternation("day_comparison_lead")
        units = res.alternation("comparison_units")
        self._day = (
            re.compile(
                rf"[0-9][^.;:]{{0,6}}?\b{units}\b(?:{_IN_CLAUSE}){{0,24}}?\b{day_lead}\s+$", re.I
            )
            if day_lead and units
            else _NEVER
        )

    def period(self, text: str, s: int, action: str, norm: Norm, ahead: bool = False) -> bool:
        """The year or month ``norm`` starting at ``s`` is compared with (for a month, not
        after an amount of time: "after 20 years in March"; right after "from", not in a
        clause about the future, ``ahead``: "fares will rise 5 percent from January")."""
        if norm.precision == "year":
            if norm.relative:
                return False
        elif norm.precision != "month" or action != "date":
            return False
        m = self._period.search(text, max(0, s - COMPARISON_CHARS), s)
        if m is None:
            # "producer prices rose 0.2 pct from December": a month right after an amount
            # and "from"
            return (
                not ahead
                and norm.precision == "month"
                and self._day.search(text, max(0, s - DAY_COMPARISON_CHARS), s) is not None
            )
        return norm.precision == "year" or self._time_amount.search(m.group()) is None

    def day(self, text: str, s: int, norm: Norm) -> bool:
        """The day ``norm`` starting at ``s`` comes right after an amount and a word of
        comparison ("up 307 points, or 1.6 percent, from Monday ... at 10 a.m.")."""
        if norm.precision != "day":
            return False
        return self._day.search(text, max(0, s - DAY_COMPARISON_CHARS), s) is not None

    def record(self, text: str, s: int) -> bool:
        """A word of ``record_since`` in the clause before "since", after a determiner or a
        possessive or closing a hyphenated word, not after a word of ``record_not_after``
        ("the rate was the lowest since December 1977"; not "half a year since April 20,
        when an explosion ...", "at least 40 have died since Monday")."""
        lead = _RECORD_BREAK.split(text[max(0, s - RECORD_CHARS) : s])[-1]
        words = [""] + [w.lower() for w in _WORD_RUNS.findall(lead)]
        for a, b in zip(words, words[1:], strict=False):
            if b.rsplit("-", 1)[-1] not in self._record or a in self._not_record:
                continue
            # "the lowest", "the country's lowest", "the second-lowest"; not "Most shops
            # have been closed since March 3", "at least 40 people"
            if "-" in b or a in self._record_leads or a.endswith(self._possessive):
                return True
        return False
