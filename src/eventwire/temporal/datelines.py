"""The day a story was written, from its dateline ("NEW YORK, June 24 --"), and the entry
times of a live report ("1541 President Barack Obama says ..."), which are no years."""

from __future__ import annotations

import datetime as dt
import re

from eventwire.temporal.normalize import ACTIONS
from eventwire.temporal.norms import Ctx
from eventwire.temporal.resources import TemporalResources

DATELINE_CHARS = 300  # how far into a story its dateline may name the day of writing
DATELINE_DAYS = 3  # ... at most this many days before the document date
DATELINE_AHEAD_DAYS = 1  # ... or after it, from a time zone ahead ("TOKYO, April 10" on the 9th)
_DATELINE_MARK = (
    r"[ \t]*(?:--|\u2014|\u2013|-LRB-[ \t]*[A-Z]|\([ \t]*[A-Z]|-[ \t])"  # "--", "(Reuters)"
)
_DATELINE_END = re.compile(_DATELINE_MARK)
DATELINE_HINT = re.compile(r"\d" + _DATELINE_MARK)  # a day before its mark
_DATELINE_LINE = re.compile(
    r"(?:\A|\n)[ \t]*[A-Z][A-Z.'-]+(?:[ \t][A-Z][A-Z.'-]+){0,2}[ \t]*,?[ \t]*\Z"
)
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'-]+[ \t]*,?[ \t]*\Z")  # "NEW YORK, " before the day
STAMPS_MIN = 3  # entry times of a live report needed to read four digits as clock times
_STAMP_BEFORE = re.compile(r"(?:[.!?\"'’”)]\s+|\n\s*|^\s*)$")
_STAMP_AFTER = re.compile(r"\s+[\"'“‘(]?[A-Z]")


def dateline_day(res: TemporalResources, text: str, dct: dt.date, found) -> dt.date | None:
    """The day a story was written when its dateline names one a few days before the
    document date ("NEW YORK, June 24 -- ... a survey to be released Wednesday", in a
    story dated June 25), or the day after it (a time zone ahead: "TOKYO, April 10" in
    a story dated April 9): what the story calls "Wednesday" or "yesterday" counts from
    it.  ``found``: the expressions found from the start of the text, in order."""
    for s, e, idx, g in found:
        if s > DATELINE_CHARS:
            break
        rule = res.rules[idx]
        if rule.action != "date" or not (g.get("month") and g.get("day")):
            continue
        if (
            g.get("year") is not None
            or not _DATELINE_END.match(text, e)
            or not _DATELINE_PLACE.search(text, max(0, s - 40), s)
        ):
            continue  # not "CITY, June 24 --"
        ctx = Ctx(dct=dct, direction=-1, res=res, now=dct)
        try:
            norm = ACTIONS[rule.action](g, text[s:e], rule, ctx)
        except (ValueError, OverflowError):
            return None
        if norm is not None and norm.begin is not None:
            days = (dct - norm.begin).days
            if days < 0 and not _DATELINE_LINE.search(text, max(0, s - 40), s):
                return None  # a day ahead only after a city opening its line ("TOKYO, ")
            if -DATELINE_AHEAD_DAYS <= days <= DATELINE_DAYS:
                return norm.begin if norm.begin != dct else None
        return None
    return None


def stamps_dropped(text: str, chosen):
    """Without the entry times of a live report: four digits that open sentences
    ("1541 President Barack Obama says ..."), each a valid clock time, at least
    ``STAMPS_MIN`` of them, running in one direction. They are no years."""
    stamps = []
    for k, (s, e, _idx, g) in enumerate(chosen):
        digits = text[s:e]
        if not (len(digits) == 4 and digits.isdigit() and g.get("year") is not None):
            continue
        if int(digits[:2]) > 23 or int(digits[2:]) > 59:
            continue
        before = text[max(0, s - 3) : s]
        if s > 0 and not _STAMP_BEFORE.search(before):
            continue
        if not _STAMP_AFTER.match(text, e):
            continue
        stamps.append((k, int(digits)))
    if len(stamps) < STAMPS_MIN:
        return chosen
    values = [v for _, v in stamps]
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    if not (all(d <= 0 for d in steps) or all(d >= 0 for d in steps)):
        return chosen
    drop = {k for k, _ in stamps}
    return [c for k, c in enumerate(chosen) if k not in drop]
