"""Rule actions: turn the normalized groups of a match into a TIMEX3 value.

Every action takes ``(g, text, rule, ctx)`` where ``g`` maps group names to normalized
values (month numbers, unit codes, ... as the data tables give them) and returns a
``Norm`` or ``None`` (the match is then dropped).  Nothing here names a month, weekday
or unit word: those come from the data tables.
"""

from __future__ import annotations

import datetime as dt
import re
from types import MappingProxyType
from typing import Any

from eventwire.temporal import calendar as cal
from eventwire.temporal.directions import FIRM_PAST, MOSTLY_AHEAD, PLAN_PAST
from eventwire.temporal.norms import (
    NIGHT_FROM_HOUR,
    PRECISION_RANK,
    UNIT_RANK,
    Ctx,
    Norm,
    apply_mod,
    counts_from_last,
    mod_of,
)
from eventwire.temporal.quarters import act_quarter, act_same_period

VAGUE_COUNT = 3  # "the coming weeks": the interval assumed for a vague count
RECENT_REF_DAYS = 366  # a month named this far back at most is the one "the month" speaks of
SLACK_DAYS = 45  # a period this close to the document date keeps its year whatever the tense
NEXT_YEAR_SLACK_DAYS = 15  # ... and one of the next year this close ("extended to Jan. 5")
LEAP_YEARS = 8  # how many years to look for a February 29
WEEK_LAST_DAY = 7  # Sunday, the last day of an ISO week
THIS_WEEKEND_AHEAD_FROM = 4  # from this weekday (Thursday) "this weekend" is the coming one
YEAR_AGO_BACK = 2  # a year named this many years back at most is what "year-ago" compares with
WEEKEND_FIRST_DAY = 6  # from this weekday (Saturday) "the weekend" is this week's ...
FIRST_WEEKEND_EVE = 5  # ... and "before the weekend" from Friday
LAST_WEEKEND_DAY = 2  # up to this weekday (Tuesday) a tenseless "the weekend" is the last one
MAX_COUNT = 10000  # a count of units this large is a figure, not a duration
STORY_BACK_DAYS = 183  # a bare date this far before the story's date is in the next year
HALF_YEAR_DAYS = 183  # "this January 31" written in November is next year's ...
THIS_DATE_BACK_DAYS = 240  # ... with no tense, only this far back ("hit a record this March 15")
AHEAD_PAST_WEIGHT = 3  # a past period mostly ahead must be this many times nearer
FUTURE_PENALTY = 3  # with no tense, a future reading must be this many times nearer
WEEKDAY_FUTURE_PENALTY = 2  # ... for a weekday ("polls close at 8 p.m. Sunday")
NEAR_DAY_BACK = 1  # a day named this close before the document date is "the day" of news ...
NEAR_DAY_AHEAD = 6  # ... and in a clause about the future one this close after it
PART_DAY_BACK = 6  # ... and one of the past week the day "in the morning" speaks of
NIGHT = "NI"  # a night told of in the past with no day named is the last one ("during the night")
MIDNIGHT_HOUR = 24  # TIMEX3 writes the midnight ending a day as T24:00
PAST_WEEK_MIDDLE = 3  # "the past week", the seven days up to the document date, is named by
# the week of its middle day, this far back


def _infer_year(ctx: Ctx, period) -> tuple[str, dt.date, dt.date, bool]:
    """Pick the year for a period given without one (``period(year) -> (v, b, e)``)."""
    if ctx.sentence_year is not None:  # "In 1918, a first wave of flu came in April"
        v, b, e = period(ctx.sentence_year)
        return v, b, e, True
    if ctx.narrative is not None and not (ctx.direction > 0 and not ctx.history):
        story = ctx.narrative
        v, b, e = period(story.year)
        if ctx.narrative_precision in ("day", "month") and (story - e).days > STORY_BACK_DAYS:
            v, b, e = period(story.year + 1)  # a history moves on: "in December ... 14 January"
        return v, b, e, True
    now = ctx.now or ctx.dct  # a plan in a news story counts from the time of writing
    y = now.year
    cands = [period(y - 1), period(y), period(y + 1)]
    if ctx.direction < 0:
        # a period a little after the document date keeps its year, as tense cues mislead
        # ("extended the offer to Nov. 20", "bought wheat for May shipment"), unless the
        # past is firm ("since April"); a period of the next year only when it begins within
        # days ("extended the offer to Jan. 5" written on Dec. 28, not "won the elections in
        # January" written on Dec. 2)
        slack = 0 if ctx.direction <= FIRM_PAST else SLACK_DAYS
        next_slack = min(slack, NEXT_YEAR_SLACK_DAYS)
        ok = [c for c in cands[:2] if (c[1] - now).days <= slack]
        ok += [c for c in cands[2:] if (c[1] - now).days <= next_slack]
        v, b, e = ok[-1]
    elif ctx.direction == MOSTLY_AHEAD:  # to come unless far nearer in the past

        def gap(c):
            past = max(0, (now - c[2]).days) * AHEAD_PAST_WEIGHT
            return (c[1] - now).days if c[1] > now else past

        v, b, e = min(cands, key=gap)
    elif ctx.direction > 0:
        ok = [c for c in cands if (now - c[2]).days <= SLACK_DAYS]
        v, b, e = ok[0]
    else:  # the nearest, with the past preferred (news reports what happened)

        def distance(c):
            if c[1] > now:
                return (c[1] - now).days * FUTURE_PENALTY
            return max(0, (now - c[2]).days)

        v, b, e = min(cands, key=distance)
    return v, b, e, True


def act_date(g, text, rule, ctx: Ctx) -> Norm | None:
    n = _date(g, text, rule, ctx)
    field = rule.args.get("field")
    if n is not None and n.begin is not None and field in ("week", "weekend"):
        # "Easter week": the week holding the day; "the weekend of 14 August": its weekend,
        # the one just before for a Monday or a Tuesday ("the weekend of March 13")
        day = n.begin
        if field == "weekend" and day.isoweekday() <= LAST_WEEKEND_DAY:
            day -= dt.timedelta(days=LAST_WEEKEND_DAY + 1)
        v, b, e, _ = cal.period_of(day, "WE" if field == "weekend" else "W")
        return Norm(v, n.type, n.mod, b, e, "week", n.relative)
    if n is not None and n.until is not None and field == "month_week":
        day = int(g["mweek"])  # "the first week of March": the week of its middle day
        middle = (
            n.begin + dt.timedelta(days=day - 1)
            if day > 0
            else n.until + dt.timedelta(days=day + 1)
        )
        v, b, e = cal.week_of(middle)
        return Norm(v, n.type, n.mod, b, e, "week", n.relative)
    return n


def _date(g, text, rule, ctx: Ctx) -> Norm | None:
    t = rule.type
    year = g.get("year") or g.get("qyear")
    if g.get("range_yy") is not None:  # "1915-17": the second year of a span, in full
        first = int(g["range_from"])
        year = first // 100 * 100 + int(g["range_yy"])
        if year <= first:
            year += 100
    if g.get("short_decade") is not None:  # "the '90s": the last one begun by the document date
        y = ctx.dct.year // 100 * 100 + int(g["short_decade"])
        if y > ctx.dct.year:
            y -= 100
        v, b, e = cal.decade_of(y)
        return apply_mod(Norm(v, t, mod_of(g), b, e, "year"), ctx)
    if g.get("decade") is not None or g.get("century") is not None:
        if g.get("decade") is not None:
            y = int(g["decade"])
        else:
            y = int(g["century"]) * 100 + int(g["decadeword"])
        v, b, e = cal.decade_of(y)
        return apply_mod(Norm(v, t, mod_of(g), b, e, "year"), ctx)
    if g.get("bc") is not None:  # no calendar interval before year 1
        season = f"-{g['season']}" if g.get("season") else ""
        return Norm(f"BC{int(g['bc']):04d}{season}", t, mod_of(g), precision="year")
    if g.get("century_ord") is not None:
        v, b, e = cal.century_of((int(g["century_ord"]) - 1) * 100)
        return apply_mod(Norm(v, t, mod_of(g), b, e, "year"), ctx)
    field = rule.args.get("field")
    if field == "quarter":
        q = g.get("ordinal") or g.get("qnum") or g.get("qnum2")
        if not q or not year:
            return None
        v, b, e = cal.quarter_of(int(year), int(q))
        return Norm(v, t, None, b, e, "quarter")
    if field == "half":
        h = int(g.get("half") or 1)
        if year:
            v, b, e = cal.half_of(int(year), h)
            return Norm(v, t, None, b, e, "quarter")
        shift = int(g.get("shift") or 0)
        v, b, e = cal.half_of(ctx.dct.year + shift, h)
        return Norm(v, t, None, b, e, "quarter", relative=True)
    if year is None and g.get("yy") is not None:  # "20 June 11": the nearest such year
        year = min(
            (ctx.dct.year // 100 * 100 + c + int(g["yy"]) for c in (-100, 0, 100)),
            key=lambda y: abs(y - ctx.dct.year),
        )
    if year is None and rule.args.get("year_from") == "reference":  # "May of that year"
        year = (ctx.ref or ctx.narrative or ctx.dct).year
    if year is None and g.get("yshift") is not None:
        year = ctx.dct.year + int(g["yshift"])
    if year is None and g.get("shift") is not None and g.get("month") and not g.get("day"):
        m, now, shift = int(g["month"]), ctx.dct.month, int(g["shift"])
        year = ctx.dct.year
        if shift < 0 and m >= now - 1:  # "last May": a May at least a month back
            year -= 1
        elif shift > 0 and m <= now:  # "next May": the first May after this month
            year += 1
        v, b, e = cal.month_of(year, m)
        return apply_mod(Norm(v, t, mod_of(g), b, e, "month", True), ctx)
    day_shift = g.get("shift", rule.args.get("shift"))
    if year is None and day_shift is not None and g.get("month") and g.get("day"):
        # "last February 28": the latest one before the document date; "next": the first after
        m, d, shift = int(g["month"]), int(g["day"]), int(day_shift)
        year = ctx.dct.year
        if shift < 0 and (m, d) >= (ctx.dct.month, ctx.dct.day):
            year -= 1
        elif shift > 0 and (m, d) <= (ctx.dct.month, ctx.dct.day):
            year += 1
        elif not shift:  # "this January 31": this year's, or the nearer one across a new year
            day_of = cal.safe_date(year, m, d) or dt.date(year, m, 28)
            back = (ctx.dct - day_of).days
            if (back > HALF_YEAR_DAYS and ctx.direction > 0) or (
                back > THIS_DATE_BACK_DAYS and not ctx.direction
            ):
                year += 1  # "the deal expires this January 31", written in November
            elif (day_of - ctx.dct).days > HALF_YEAR_DAYS and ctx.direction < 0:
                year -= 1  # "the old rate applied until this December 31", written in February
        step = -1 if shift < 0 else 1
        for _ in range(LEAP_YEARS):  # "last February 29": the latest leap year's
            try:
                day_of = dt.date(year, m, d)
                break
            except ValueError:
                year += step
        else:
            return None
        return Norm(day_of.isoformat(), t, mod_of(g), day_of, day_of, "day", True)
    season = g.get("season")
    month, day = g.get("month") or g.get("month_num"), g.get("day") or g.get("day_num")
    if g.get("named_day"):  # "the September 11 attacks": a day known by its events
        day_of = dt.date.fromisoformat(str(g["named_day"]))
        return Norm(day_of.isoformat(), t, None, day_of, day_of, "day")
    holiday = g.get("holiday")
    if g.get("nth") is not None and g.get("weekday") and month:
        # "the last Sunday in January": a day that moves like a holiday
        holiday = f"{int(month):02d}-{int(g['weekday'])}#{int(g['nth'])}"
    if holiday:
        rule_of = str(holiday)
        if not cal.is_fixed_holiday(rule_of):  # a date that moves from year to year

            def moving(y: int):
                date = cal.holiday_date(rule_of, y)
                return date.isoformat(), date, date

            if year:
                v, b, e = moving(int(year))
                return Norm(v, t, mod_of(g), b, e, "day")
            v, b, e, rel = _infer_year(ctx, moving)
            return Norm(v, t, mod_of(g), b, e, "day", rel)
        month, day = (int(x) for x in rule_of.split("-"))
    if season:
        months = tuple(ctx.res.tables["season_months"][season])
        if year:
            v, b, e = cal.season_of(int(year), season, months)
            rel = False
        else:
            v, b, e, rel = _infer_year(ctx, lambda y: cal.season_of(y, season, months))
        return apply_mod(Norm(v, t, mod_of(g), b, e, "season", rel), ctx)
    if month and day:
        m, d = int(month), int(day)
        part = f"T{g['part']}" if g.get("part") else ""  # "the night of May 13"
        if year:
            date = cal.safe_date(int(year), m, d)
            if date is None:
                return None
            return Norm(date.isoformat() + part, t, mod_of(g), date, date, "day")
        if cal.safe_date(2000, m, d) is None:
            return None

        def period(y: int):
            date = cal.safe_date(y, m, d) or dt.date(y, m, 28)
            return date.isoformat(), date, date

        if g.get("weekday") is not None:  # "Saturday, April 25": the year that fits
            for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1):
                date = cal.safe_date(y, m, d)
                if date is not None and date.isoweekday() == int(g["weekday"]):
                    return Norm(date.isoformat(), t, mod_of(g), date, date, "day", True)
        v, b, e, rel = _infer_year(ctx, period)
        return Norm(v + part, t, mod_of(g), b, e, "day", rel)
    if month:
        m = int(month)
        if year:
            v, b, e = cal.month_of(int(year), m)
            return apply_mod(Norm(v, t, mod_of(g), b, e, "month"), ctx)
        v, b, e, rel = _infer_year(ctx, lambda y: cal.month_of(y, m))
        return apply_mod(Norm(v, t, mod_of(g), b, e, "month", rel), ctx)
    if year:
        v, b, e = cal.year_of(int(year))
        return apply_mod(Norm(v, t, mod_of(g), b, e, "year"), ctx)
    return None


def act_range(g, text, rule, ctx: Ctx) -> Norm | None:
    year = g.get("year")
    if g.get("until_year") is not None:
        y1, y2 = int(year), int(g["until_year"])
        if y2 < y1:
            return None
        return Norm(f"{y1:04d}", rule.type, None, dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year")
    m, d1, d2 = int(g["month"]), int(g["day"]), int(g["until_day"])
    if d2 <= d1 or cal.safe_date(2000, m, d2) is None:
        return None
    if year:
        y, rel = int(year), False
    else:
        _, b, _, rel = _infer_year(ctx, lambda y: cal.month_of(y, m))
        y = b.year
    b, e = cal.safe_date(y, m, d1), cal.safe_date(y, m, d2)
    if b is None or e is None:
        return None
    return Norm(b.isoformat(), rule.type, None, b, e, "day", rel)


def act_weekday(g, text, rule, ctx: Ctx) -> Norm | None:
    wd = int(g["weekday"])  # ISO 1..7
    if g.get("wshift") is not None and int(g["wshift"]):  # "Friday next week": that day
        now = ctx.now or ctx.dct
        if ctx.day_ref is not None and ctx.res.words("definite_article") & set(
            text.lower().split()
        ):
            now = ctx.day_ref  # "on Monday the following week": after the last day named
        monday = (
            now - dt.timedelta(days=now.isoweekday() - 1) + dt.timedelta(weeks=int(g["wshift"]))
        )
        date = monday + dt.timedelta(days=wd - 1)
        return Norm(date.isoformat(), rule.type, mod_of(g), date, date, "day", True)
    base = ctx.ref if (ctx.narrative is not None and ctx.ref and not ctx.deictic) else ctx.dct
    words = text.lower().split()
    if ctx.day_ref is not None and len(words) > 2 and counts_from_last(words, ctx):
        base = ctx.day_ref  # "the previous Friday", "the following Monday": from the last day
    delta = wd - base.isoweekday()
    shift = g.get("shift")
    if shift is not None and int(shift) != 0:
        s = int(shift)
        if s < 0:
            back = (base.isoweekday() - wd) % 7 or 7
            date = base - dt.timedelta(days=back)
        else:
            fwd = (wd - base.isoweekday()) % 7 or 7
            date = base + dt.timedelta(days=fwd)
    elif delta == 0:
        date = base
    else:
        past = base - dt.timedelta(days=(base.isoweekday() - wd) % 7)
        future = base + dt.timedelta(days=(wd - base.isoweekday()) % 7)
        plan = ctx.direction in (PLAN_PAST, MOSTLY_AHEAD)  # a plan made before: the nearest day
        direction = 0 if plan else ctx.direction
        penalty = 1 if plan else WEEKDAY_FUTURE_PENALTY
        if shift is not None:  # "this Friday": within the current week
            date = base + dt.timedelta(days=delta)
        elif direction < 0:
            date = past
        elif direction > 0:
            date = future
        else:
            date = past if (base - past) <= (future - base) * penalty else future
    part = g.get("part")
    if part and rule.args.get("keep_part", True):
        return Norm(f"{date.isoformat()}T{part}", rule.type, mod_of(g), date, date, "day", True)
    return Norm(date.isoformat(), rule.type, mod_of(g), date, date, "day", True)


def act_dayword(g, text, rule, ctx: Ctx) -> Norm | None:
    phrase = g.get("partword")
    if phrase:
        # "fighting raged overnight": the night before; "snow will fall overnight": tonight
        offset, part = phrase[:2]
        if len(phrase) > 2 and ctx.direction <= 0:
            offset = phrase[2]
    else:
        offset, part = int(g["dayword"]), g.get("part")
    date = ctx.dct + dt.timedelta(days=int(offset))
    if part:
        return Norm(f"{date.isoformat()}T{part}", "TIME", mod_of(g), date, date, "day", True)
    return Norm(date.isoformat(), rule.type, mod_of(g), date, date, "day", True)


_UNKNOWN_PART = {"D": "-XX", "W": "-WXX", "WE": "-WXX", "M": "-XX", "Q": "-QX"}


def _coarse(ctx: Ctx, unit: str, rule_type: str) -> Norm | None:
    """ "The next day" after "in March 1998": the reference time is coarser than the
    unit counted, so only the part of the date it gives is known (1998-03-XX)."""
    rank = PRECISION_RANK.get(ctx.ref_precision or "")
    if ctx.ref is None or rank is None or rank <= UNIT_RANK.get(unit, 0):
        return None
    ref = ctx.ref
    if ctx.ref_precision == "month":
        v, b, e = cal.month_of(ref.year, ref.month)
        value = v + "-XX" if unit == "D" else f"{ref.year:04d}{_UNKNOWN_PART[unit]}"
        return Norm(value, rule_type, None, b, e, "month", True)
    v, b, e = cal.year_of(ref.year)
    value = v + ("-XX-XX" if unit == "D" else _UNKNOWN_PART.get(unit, ""))
    return Norm(value, rule_type, None, b, e, "year", True)


def _anchor(ctx: Ctx, anaphoric: bool, unit: str | None = None) -> dt.date:
    if anaphoric and ctx.ref is not None:
        rank = PRECISION_RANK.get(ctx.ref_precision or "")
        if ctx.story or unit is None or rank is None or rank <= UNIT_RANK.get(unit, 0):
            return ctx.ref
        # news: "a day earlier" after "elected in 2005" counts from the last day named
        return ctx.day_ref or ctx.ref
    return ctx.dct


def _recent_ref(ctx: Ctx, unit: str | None) -> bool:
    """The last reference time is a period of ``unit`` or a shorter one ("sales for the
    March 21-31 period rose ... sales for the month"), within a year before the document
    date (not "the record set in July 1980"), or after it in a clause about the future."""
    rank = PRECISION_RANK.get(ctx.ref_precision or "")
    if ctx.ref is None or rank is None or rank > UNIT_RANK.get(unit or "", 0):
        return False
    back = (ctx.dct - ctx.ref).days
    if ctx.direction > 0 and back < 0:  # "will open in July ... during the month": July
        return -back <= RECENT_REF_DAYS
    return 0 <= back <= RECENT_REF_DAYS


def _from_now(ctx: Ctx, unit: str | None) -> bool:
    """In news, "the next month" said of the future counts from the time of writing
    unless the text named a later day or a period as fine as the unit: a past reference
    time ("the spill began in April") or a coarser one ("next year") is no anchor for it."""
    if ctx.story or ctx.direction <= 0 or ctx.ref is None:
        return False
    rank = PRECISION_RANK.get(ctx.ref_precision or "")
    return ctx.ref <= ctx.dct or rank is None or rank > UNIT_RANK.get(unit or "", 0)


def _near_day(ctx: Ctx, back_days: int = NEAR_DAY_BACK) -> bool:
    """In news, the last day named is the day "later in the day" speaks of only when it is
    the document's or the one before, in a past clause ("apologized Thursday. Later in the
    day"), or one of the coming week in a clause about the future ("will chair a meeting on
    Monday and address parliament later in the day"), not an old date told in the background;
    "earlier in the week" stays the document's week."""
    if ctx.ref is None or ctx.ref_precision != "day":
        return False
    back = (ctx.dct - ctx.ref).days
    if ctx.direction > 0:
        return -NEAR_DAY_AHEAD <= back <= 0
    return ctx.direction < 0 and 0 <= back <= back_days  # no tense: the document's day


def _dated_sunday(ctx: Ctx) -> bool:
    """The document is dated on the last day of its week (a Sunday's paper), in news, not
    in a history text's narrative."""
    return ctx.dct.isoweekday() == WEEK_LAST_DAY and ctx.narrative is None


def act_relative(g, text, rule, ctx: Ctx) -> Norm | None:
    unit = rule.args.get("unit") or g.get("unit")
    shift = g.get("shift") if g.get("shift") is not None else rule.args.get("shift", 0)
    words = text.lower().split()
    this = bool(ctx.res.words("deictic_this").intersection(words))  # "this week", "this quarter"
    if shift == "tense":  # "the weekend": the last one in the past tense, else this week's
        # at the weekend, this one; with `late_week`, from Friday on ("short-covering before
        # the weekend", written on a Friday)
        day = ctx.dct.isoweekday()
        weekend = day >= WEEKEND_FIRST_DAY or (
            rule.args.get("late_week") and day >= FIRST_WEEKEND_EVE and ctx.direction > FIRM_PAST
        )
        shift = -1 if ctx.direction < 0 and not weekend else 0
        if this and day >= THIS_WEEKEND_AHEAD_FROM:
            shift = 0  # "would have allowed an attempt over this weekend", on a Thursday
        if ctx.direction == MOSTLY_AHEAD:  # "this weekend's summit achieved little": nearest
            shift = -1 if day <= LAST_WEEKEND_DAY else 0
        if not ctx.direction and not this:
            # no tense: the last one early in the week ("violence at the weekend" written
            # on a Tuesday)
            shift = -1 if day <= LAST_WEEKEND_DAY else 0
    shift = int(shift)
    if shift and ctx.dct.month < int(rule.args.get("shift_from_month", 1)):
        shift = 0  # "in the new year", written in January: this one
    if rule.args.get("passed_end") and ctx.direction < 0 and not shift and not ctx.story:
        shift = -1  # "were sold out at year-end", written in March: the end last passed
    if rule.args.get("passed_mid") and not shift and not ctx.story:
        # "have risen since mid-year", written in January: the last middle passed; "will be
        # complete by mid-year", written in November: the coming one
        _, b, e, _ = cal.period_of(ctx.dct, str(unit))
        before_middle = ctx.dct < b + (e - b) / 2
        if ctx.direction < 0 and before_middle:
            shift = -1
        elif ctx.direction > 0 and not before_middle:
            shift = 1
    near = rule.args.get("anaphoric")
    if near in ("near", "part"):  # "later in the day", "in the morning": the day last named
        back = PART_DAY_BACK if near == "part" else NEAR_DAY_BACK
        # "on November 2 in the evening": a day named before in the sentence, on the side of
        # the document date the tense points to
        same = near == "part" and ctx.ref_near and ctx.ref_precision == "day"
        same = same and ctx.ref is not None and (ctx.ref - ctx.dct).days * ctx.direction >= 0
        anaphoric = ctx.story or (unit == "D" and (same or _near_day(ctx, back)))
    elif near == "recent":  # "lending during the month": a month named lately, if any
        anaphoric = _recent_ref(ctx, unit)
    else:
        anaphoric = bool(rule.args.get("anaphoric"))
    anaphoric = anaphoric or (shift != 0 and counts_from_last(words, ctx))
    if anaphoric and shift > 0 and _from_now(ctx, unit):
        anaphoric = False  # "the change would be implemented over the next month"
    base = _anchor(ctx, anaphoric, unit)
    mod = mod_of(g)
    if unit == "season":
        code = g["season"]
        months = tuple(ctx.res.tables["season_months"][code])
        y = base.year
        v, b, e = cal.season_of(y, code, months)
        if shift < 0:
            while e >= base:
                y -= 1
                v, b, e = cal.season_of(y, code, months)
        elif shift > 0:
            while b <= base:
                y += 1
                v, b, e = cal.season_of(y, code, months)
        return apply_mod(Norm(v, rule.type, mod, b, e, "season", True), ctx)
    if unit not in ("D", "W", "WE", "M", "Q", "Y", "DE", "CE"):
        return None
    if unit == "Q" and shift == 0 and ctx.quarter is not None and ctx.direction <= 0 and not this:
        base = ctx.quarter  # "higher at the end of the quarter": the one being reported
    if anaphoric and base is ctx.ref:
        coarse = _coarse(ctx, unit, rule.type)
        if coarse is not None:
            return coarse
    if unit == "W" and this and not shift and ctx.direction > 0 and _dated_sunday(ctx):
        shift = 1  # "will lay out his vision this week" in a Sunday's paper: the coming week
    if unit == "W" and shift < 0 and rule.args.get("span"):
        # "the past week": the seven days up to the document date, named by the week holding
        # most of them (the week before on a Tuesday, the current one from Thursday on)
        target = base - dt.timedelta(days=PAST_WEEK_MIDDLE)
    else:
        target = cal.shift_unit(base, unit, shift)
    v, b, e, precision = cal.period_of(target, unit)
    if g.get("part") and unit == "D":  # "late in the afternoon": a part of that day
        if g["part"] == NIGHT and not anaphoric and ctx.direction < 0:
            v, b, e, precision = cal.period_of(cal.shift_unit(target, "D", -1), unit)
        return Norm(f"{v}T{g['part']}", "TIME", mod, b, e, precision, True)
    return apply_mod(Norm(v, rule.type, mod, b, e, precision, True), ctx)


def _in_quarter(ctx: Ctx) -> bool:
    """Whether the text is speaking of the reported quarter: the last reference time is
    that quarter or a day in it ("the quarter ended Sept. 30")."""
    if ctx.quarter is None or ctx.ref is None or ctx.span:
        return False
    if ctx.ref_precision == "quarter":
        return True
    if ctx.ref_precision != "day":
        return False
    _, b, e, _ = cal.period_of(ctx.quarter, "Q")
    return b <= ctx.ref <= e


_YEARS_IN = MappingProxyType({"DE": 10, "CE": 100})  # years in a decade, a century


def act_offset(g, text, rule, ctx: Ctx) -> Norm | None:
    unit = rule.args.get("unit") or g.get("unit")
    n = g.get("n", rule.args.get("n", 1))
    shift = g.get("shift")
    if rule.args.get("sign") is not None:
        sign, anaphoric = int(rule.args["sign"]), False
    elif shift is not None:
        n, sign, anaphoric = 1, int(shift), True
    elif g.get("sign") is None:
        if "shift" in rule.groups:  # "that day", "the same day"
            n, sign, anaphoric = 0, 1, True
        else:  # "... from now"
            sign, anaphoric = 1, False
    else:
        sign = int(g["sign"])
        anaphoric = text.lower().split()[-1] not in ctx.res.words("deictic_sign")
    if n == "X" and anaphoric:  # "a few days later": some days after a time of the text
        return Norm(_duration_value("X", unit) or "PXY", "DURATION", None)
    if n == "X":
        return Norm(
            "PAST_REF" if sign < 0 else "FUTURE_REF", rule.type, None, None, None, None, True
        )
    base = _anchor(ctx, anaphoric, unit)
    if (
        rule.args.get("from_year_named")
        and ctx.ref_near
        and ctx.ref_precision == "year"
        and ctx.ref is not None
        and -1 <= ctx.dct.year - ctx.ref.year <= YEAR_AGO_BACK
    ):
        base = ctx.ref  # "exports fell in 1986 from the year-ago figure": 1985; not "founded
        # in 1975, rose from year-ago levels"
    if anaphoric and base is ctx.ref and unit in _UNKNOWN_PART:
        coarse = _coarse(ctx, unit, rule.type)
        if coarse is not None:
            return coarse
    years = _YEARS_IN.get(unit)
    # "a half century ago": the fraction counts in years, not in centuries
    steps = int(round(float(n) * (years or 1))) * sign
    if years:
        unit = "Y"
    if anaphoric and ctx.ref is None and steps > 0 and unit == "Y":
        steps = 0  # "Three decades later, the 1979 disaster still ...": no time named, now
    if unit in ("H", "MIN", "S"):  # "about an hour earlier": that day
        return Norm(base.isoformat(), rule.type, mod_of(g), base, base, "day", True)
    if unit == "FN":
        unit, steps = "W", steps * 2
    quarter_word = any(g.get(k) for k in ("qword", "qword2", "qword3", "qword4", "qword5"))
    month_named = ctx.ref_precision == "month"
    # "sales in October fell from a year earlier": that October a year back, the month named
    # in the clause; not "a 77 percent rise on the same period last year", a period of any
    # length
    month_near = month_named and ctx.ref_near and not ctx.span and not quarter_word
    month_near = month_near and not ctx.res.words("period_words").intersection(text.lower().split())
    if unit == "Y" and (g.get("mword") or (steps == -1 and month_near)):
        # "rose in May from the same month of last year": that month a year back; with no
        # month named, only the year is known
        month = ctx.ref if month_named else None
        target = cal.shift_unit(month or base, "Y", steps)
        v, b, e, precision = cal.period_of(target, "M" if month else "Y")
        return Norm(v, rule.type, mod_of(g), b, e, precision, True, back=True)
    if unit == "Y" and abs(steps) == 1 and (_in_quarter(ctx) or (quarter_word and ctx.quarter)):
        # "profit rose in the quarter from a year ago": the same quarter a year before
        v, b, e, precision = cal.period_of(cal.shift_unit(ctx.quarter, "Y", steps), "Q")
        return Norm(v, rule.type, mod_of(g), b, e, precision, True, back=True)
    target = cal.shift_unit(base, unit, steps)
    v, b, e, precision = cal.period_of(target, unit)
    if g.get("part") and unit == "D":  # "that afternoon", "the next morning"
        return Norm(f"{v}T{g['part']}", "TIME", mod_of(g), b, e, precision, True)
    # "from $1.2 billion a year earlier": a comparison, not a new reference time
    back = unit == "Y" and steps == -1
    return Norm(v, rule.type, mod_of(g), b, e, precision, True, back=back)


# a fraction of a unit is written in the next smaller one: 2.5 years = P2Y6M
_SMALLER = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
}
_TIME_UNITS = ("H", "MIN", "S")
_DECIMAL = re.compile(r"\d\.\d")  # a number written with a decimal point


def _fraction_value(x: float, unit: str) -> str | None:
    small, factor = _SMALLER[unit]
    whole, rest = int(x), int(round((x - int(x)) * factor))
    parts = []
    for qty, u in ((whole, unit), (rest, small)):
        if qty:
            parts.append((u in _TIME_UNITS, f"{qty}{'M' if u == 'MIN' else u}"))
    date = "".join(p for t, p in parts if not t)
    time = "".join(p for t, p in parts if t)
    return "P" + date + ("T" + time if time else "") if parts else None


def _duration_value(n: Any, unit: str, decimal: bool = False) -> str | None:
    """The TIMEX3 value of ``n`` units; a fraction is written in the next smaller unit
    (2 1/2 years = P2Y6M), a number written with a decimal point as written (13.21
    seconds = PT13.21S, 30.8 minutes = PT30.8M)."""
    if unit in ("DE", "CE") and n != "X":  # "half a century", "two and a half decades"
        n, unit = float(n) * (10 if unit == "DE" else 100), "Y"
        decimal = False
    if n == "X":
        qty = "X"
    else:
        x = float(n)
        if x != int(x) and decimal:
            qty = f"{x:.10g}"
        elif x != int(x) and unit in _SMALLER:
            return _fraction_value(x, unit)
        else:
            qty = str(int(round(x)))
    if unit == "FN":
        return "PX2W" if qty == "X" else f"P{int(qty) * 2}W"
    if unit in ("H", "S"):
        return f"PT{qty}{unit}"
    if unit == "MIN":
        return f"PT{qty}M"
    if unit == "WE":
        return f"P{qty}WE"
    if unit in ("DE", "CE"):
        return "PXY"
    return f"P{qty}{unit}"


def _joined_duration(first: str, second: str) -> str:
    """Two TIMEX3 durations as one ("PT2H" and "PT17M": "PT2H17M"; "P2D", "PT3H": "P2DT3H")."""
    date1, _, time1 = first[1:].partition("T")
    date2, _, time2 = second[1:].partition("T")
    time = time1 + time2
    return "P" + date1 + date2 + ("T" + time if time else "")


def act_duration(g, text, rule, ctx: Ctx) -> Norm | None:
    unit = g.get("unit")
    n = g.get("n", rule.args.get("n", 1))
    if g.get("n2") is not None and g.get("unit2") and unit:  # "two hours and 17 minutes"
        exact = _DECIMAL.search(text) is not None  # "50 minutes 55.154 seconds"
        first = _duration_value(n, unit)
        second = _duration_value(g["n2"], g["unit2"], decimal=exact)
        if first and second:
            return Norm(_joined_duration(first, second), rule.type, mod_of(g))
    upto = g.get("upto")
    if upto is not None:  # "two to three weeks": the longest, as annotators mostly do
        n = "X" if "X" in (n, upto) else max(n, upto)
    if (g.get("half") or g.get("half2")) and n != "X":  # "two and a half years"
        n = float(n) + 0.5
    if n != "X" and not 0 < float(n) < MAX_COUNT:
        return None  # "Revs 594,000\n Year": a figure above a table heading
    if unit is None:  # a bare plural word
        unit = ctx.res.lookup("unit", str(g.get("core_unit") or g.get("core") or ""))
    if unit is None:
        return None
    value = _duration_value(n, unit, decimal=_DECIMAL.search(text) is not None)
    if value is None:
        return None
    norm = Norm(value, rule.type, mod_of(g), relative=False)
    dshift = str(g.get("dshift") or rule.args.get("dshift") or "").lower()
    if dshift and unit in cal.UNIT_PRECISION:
        steps = VAGUE_COUNT if n == "X" else int(round(float(n)))
        if dshift in ctx.res.words("duration_shift"):
            norm.begin, norm.until = cal.shift_unit(ctx.dct, unit, -steps), ctx.dct
        elif dshift in ctx.res.words("shift") and int(ctx.res.lookup("shift", dshift) or 0) > 0:
            norm.begin, norm.until = ctx.dct, cal.shift_unit(ctx.dct, unit, steps)
        if norm.begin:
            norm.precision, norm.relative = cal.UNIT_PRECISION[unit], True
    return norm


def act_literal(g, text, rule, ctx: Ctx) -> Norm | None:
    by_group = rule.args.get("by_group")
    if by_group:  # the value of the first alternative that matched
        name = next((k for k in by_group if g.get(k)), None)
        if name is None:
            return None
        return Norm(str(by_group[name]), rule.type, rule.args.get("mod"), relative=True)
    return Norm(str(rule.args["value"]), rule.type, rule.args.get("mod"), relative=True)


def act_set(g, text, rule, ctx: Ctx) -> Norm | None:
    if g.get("setword"):
        return Norm(str(g["setword"]), rule.type)
    if g.get("weekday") is not None:  # "every Thursday", "on Sundays"
        part = g.get("part") or g.get("part2")
        part = f"T{part}" if part else ""
        return Norm(f"XXXX-WXX-{int(g['weekday'])}{part}", rule.type)
    if g.get("month") is not None:  # "each July"
        return Norm(f"XXXX-{int(g['month']):02d}", rule.type)
    if g.get("part"):  # "every morning"
        return Norm(f"XXXX-XX-XXT{g['part']}", rule.type)
    unit = g.get("unit")
    if not unit:
        return None
    value = _duration_value(g.get("n", 1), unit)
    return Norm(value, rule.type) if value else None


def act_time(g, text, rule, ctx: Ctx) -> Norm | None:
    date = ctx.day or ctx.dct
    if g.get("weekday") is not None:
        day = act_weekday(g, text, rule, ctx)
        date = day.begin if day and day.begin else date
    elif g.get("month") is not None:
        day = act_date(g, text, rule, ctx)
        date = day.begin if day and day.begin else date
    elif g.get("dayword") is not None:  # "2 p.m. yesterday"
        day = act_dayword(g, text, rule, ctx)
        date = day.begin if day and day.begin else date
    if g.get("clockword"):
        hhmm = str(g["clockword"])
    else:
        hour = int(g.get("hour12") or g.get("hour") or 0)
        minute = int(g.get("minute") or 0)
        half = g.get("ampm")
        if half == "night":  # "11 o'clock at night": 23:00, "2 o'clock at night": 02:00
            half = "pm" if NIGHT_FROM_HOUR <= hour < 12 else "am"
            hour = MIDNIGHT_HOUR if hour == 12 else hour  # "12 o'clock at night"
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{minute:02d}"
    return Norm(f"{date.isoformat()}T{hhmm}", rule.type, None, date, date, "day", True)


ACTIONS = {
    "date": act_date,
    "range": act_range,
    "weekday": act_weekday,
    "dayword": act_dayword,
    "relative": act_relative,
    "quarter": act_quarter,
    "same_period": act_same_period,
    "offset": act_offset,
    "duration": act_duration,
    "literal": act_literal,
    "set": act_set,
    "time": act_time,
}
