"""The records rule actions pass around: the normalized value of a match (``Norm``) and
what an action knows of the text so far (``Ctx``), with the helpers every action uses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from eventwire.temporal import calendar as cal
from eventwire.temporal.resources import TemporalResources

# "at 8:15 tonight", "11 o'clock at night" are after noon, "at 1:30 tonight" not
NIGHT_FROM_HOUR = 6


@dataclass(slots=True)
class Norm:
    value: str
    type: str
    mod: str | None = None
    begin: dt.date | None = None
    until: dt.date | None = None
    precision: str | None = None
    relative: bool = False
    back: bool = False  # a period counted back from the reported one ("a year ago")


@dataclass(slots=True)
class Ctx:
    dct: dt.date
    direction: int  # -1 past, +1 future, 0 unknown
    res: TemporalResources
    ref: dt.date | None = None  # last resolved day-or-coarser reference time
    ref_precision: str | None = None
    narrative: dt.date | None = None  # explicit reference far from the document date
    narrative_precision: str | None = None
    quarter: dt.date | None = None  # last quarter spoken of, not counted back from another
    span: bool = False  # a span of months or years was named after the last reference time
    day: dt.date | None = None  # the day a clock time belongs to, when the text names it
    day_ref: dt.date | None = None  # last reference time that is a day
    story: bool = False  # the text is a history narrative
    deictic: bool = False  # the expression counts from the time of writing even in a story
    history: bool = False  # the story is a history text (many far years, no deixis)
    now: dt.date | None = None  # the document date, when `dct` has moved to the story's
    last_direction: int = 0  # direction of the last expression that needed one ...
    last_end: int = -1  # ... and where it ended
    sentence_year: int | None = None  # an explicit year named before in the same sentence
    ref_near: bool = False  # the reference time was named earlier in the same sentence


def mod_of(g: dict[str, Any]) -> str | None:
    m = g.get("mod") or g.get("mod2") or g.get("dmod")
    return str(m) if m else None


def counts_from_last(words: list[str], ctx: Ctx) -> bool:
    """The expression opens with an article and a word that counts from the last time
    named: "the previous Friday", "the following week", "the preceding quarter"."""
    return (
        len(words) > 1
        and words[0] in ctx.res.words("definite_article")
        and words[1] in ctx.res.words("anaphoric_shift")
    )


def apply_mod(n: Norm, ctx: Ctx) -> Norm:
    frac = ctx.res.tables.get("mod_fraction", {}).get(n.mod or "")
    if frac and n.begin and n.until:
        n.begin, n.until = cal.narrow(n.begin, n.until, tuple(frac))
    return n


PRECISION_RANK = MappingProxyType(
    {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}
)
UNIT_RANK = MappingProxyType(
    {
        "D": 0,
        "W": 1,
        "WE": 1,
        "FN": 1,
        "M": 2,
        "Q": 3,
        "season": 3,
        "Y": 4,
        "DE": 5,
        "CE": 6,
    }
)
