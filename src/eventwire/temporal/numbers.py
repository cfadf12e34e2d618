"""Numbers written in digits or words ("1,460 years", "8-1/2 months", "two thousand
years", "several days") and years in words ("nineteen ninety-six"), read through the word
tables ``number`` and ``year_fillers``."""

from __future__ import annotations

import re
from typing import Any

from eventwire.temporal.resources import TemporalResources

MULTIPLIER = 100  # a number word at least this large multiplies the words before it
_NUMBER_SPLIT = re.compile(r"[-\s]+")


class NumberWords:
    def __init__(self, res: TemporalResources) -> None:
        self.res = res

    def number(self, text: str) -> Any:
        """A count in digits ("1,460", "8-1/2") or words ("two thousand", "several": X)."""
        t = text.lower().strip()
        if t[:1].isdigit():
            t = t.replace(",", "")  # "1,460 years"
            whole, _, frac = t.replace("-", " ").replace("\\/", "/").partition(" ")
            if frac.strip() == "1/2":  # "5 1/2", "8-1/2", "3-1\\/2" (an escaped slash)
                return int(whole) + 0.5
            return float(t) if "." in t else int(t)
        v = self.res.lookup("number", t)
        if v is not None:
            return v
        total = 0
        for part in _NUMBER_SPLIT.split(t):
            x = self.res.lookup("number", part)
            if x is None:
                return None
            if x == "X":
                return "X"
            # "two thousand": a word of a hundred or more multiplies what comes before it
            total = (total or 1) * x if x >= MULTIPLIER else total + x
        return total

    def year(self, text: str) -> int | None:
        """A year in words: "nineteen ninety-six" (hundreds, then the rest),
        "two thousand and one" (a plain number)."""
        fillers = self.res.words("year_fillers")
        words = [w for w in _NUMBER_SPLIT.split(text.lower()) if w and w not in fillers]
        values = [self.res.lookup("number", w) for w in words]
        if any(v is None or v == "X" for v in values):
            return None
        if 1000 in values:  # "two thousand (and) three"
            k = values.index(1000)
            head = sum(values[:k]) or 1
            return head * 1000 + sum(values[k + 1 :])
        if len(values) < 2 or not 10 <= values[0] <= 99:
            return None
        rest = [v for v in values[1:] if v != 100]
        if not rest or sum(rest) > 99:
            return None
        return values[0] * 100 + sum(rest)
