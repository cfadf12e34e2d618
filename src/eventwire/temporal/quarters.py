"""The action for quarters: "the third quarter", "the June quarter", "the quarter ended
July 31", "the previous quarter", "the year-earlier quarter"."""

from __future__ import annotations

import datetime as dt

from eventwire.temporal import calendar as cal
from eventwire.temporal.norms import PRECISION_RANK, UNIT_RANK, Ctx, Norm, counts_from_last

QUARTER_DAYS = 92  # "the quarter ending March 31" is the one under way when it ends this soon


def act_quarter(g, text, rule, ctx: Ctx) -> Norm | None:
    words = text.lower().replace("-", " ").split()
    q_now = (ctx.dct.month - 1) // 3 + 1
    y = ctx.dct.year
    ordinal = g.get("ordinal")
    shift = g.get("shift")
    back = bool(ctx.res.words("year_back_words") & set(words))  # "the year-earlier quarter"
    if g.get("month") and g.get("day") and (ctx.quarter is None or ordinal):
        # "the quarter ended July 31": the three months up to that day, named after the
        # calendar quarter holding most of them (the one of the month before); a quarter
        # named before ("the fiscal first quarter ... the quarter ended Sept. 29") is kept;
        # one with a number keeps it, in the year of its end
        m = int(g["month"])
        end = cal.safe_date(int(g.get("qyear") or y), m, 28)
        if end is None:
            return None
        if not g.get("qyear") and (end - ctx.dct).days > QUARTER_DAYS:
            end = cal.add_years(end, -1)  # not the quarter under way: the last one ended
        if ordinal:  # "the third quarter ended February 28": a fiscal quarter keeps its name
            v, b, e = cal.quarter_of(end.year, int(ordinal))
            return Norm(v, rule.type, None, b, e, "quarter", not g.get("qyear"))
        first = cal.add_months(end, -1)
        v, b, e = cal.quarter_of(first.year, (first.month - 1) // 3 + 1)
        return Norm(v, rule.type, None, b, e, "quarter", not g.get("qyear"))
    end_month = g.get("month") or g.get("month2") or g.get("month3")
    if end_month and not g.get("day"):  # "the June quarter", "the April-June quarter"
        return _quarter_to_month(int(end_month), rule, ctx)
    if rule.args.get("year_of") == "begun" and ordinal:
        # "the last quarter of the year": the latest such quarter begun by the time of
        # writing ("lost $2 billion in the fourth quarter of the year", written in February),
        # or the coming one in a plan
        _, b, _ = cal.quarter_of(y, int(ordinal))
        if b > ctx.dct and ctx.direction <= 0:
            y -= 1
        v, b, e = cal.quarter_of(y, int(ordinal))
        return Norm(v, rule.type, None, b, e, "quarter", True)
    yshift = g.get("yshift")
    if yshift is not None:  # "next year's first quarter"
        y += int(yshift)
        if not ordinal:
            return None
        v, b, e = cal.quarter_of(y, int(ordinal))
        return Norm(v, rule.type, None, b, e, "quarter", True)
    if ordinal and g.get("qyear"):
        v, b, e = cal.quarter_of(int(g["qyear"]), int(ordinal))
        return Norm(v, rule.type, None, b, e, "quarter")
    if ordinal and ctx.sentence_year is not None and not back:
        # "For all of 1986, productivity rose, reflecting rises in the first quarter"
        v, b, e = cal.quarter_of(ctx.sentence_year, int(ordinal))
        return Norm(v, rule.type, None, b, e, "quarter", True)
    if ordinal:  # the last quarter with that number that has begun, unless still to come
        q = int(ordinal)
        v, b, e = cal.quarter_of(y, q)
        if b > ctx.dct and ctx.direction <= 0:  # "expects third-quarter profit to rise"
            v, b, e = cal.quarter_of(y - 1, q)
        if back or ctx.res.words("compared_shift") & set(words):
            # "the year-earlier third quarter", "the prior first quarter": a year before; not
            # "this past first quarter"
            v, b, e = cal.quarter_of(b.year - 1, q)
    elif back and shift is None and ctx.quarter is not None:
        # the same quarter a year before the one being reported
        v, b, e, _ = cal.period_of(cal.shift_unit(ctx.quarter, "Y", -1), "Q")
    elif (previous := _previous_quarter(words, shift, ctx)) is not None:
        v, b, e, _ = cal.period_of(previous, "Q")
    else:
        if shift is None and ctx.quarter is not None and not g.get("qyear") and not back:
            q_ref = ctx.quarter  # "the quarter": the one being reported
            v, b, e, _ = cal.period_of(q_ref, "Q")
            return Norm(v, rule.type, None, b, e, "quarter", True)
        n = q_now - 1 if shift is None else q_now + int(shift)
        if back:
            n -= 4
        yy, qq = y + (n - 1) // 4, (n - 1) % 4 + 1
        if g.get("qyear"):  # "the 1988 quarter": the same quarter of that year
            if ctx.quarter is not None:
                qq = (ctx.quarter.month - 1) // 3 + 1
                back = int(g["qyear"]) < ctx.quarter.year
            yy = int(g["qyear"])
        v, b, e = cal.quarter_of(yy, qq)
    return Norm(v, rule.type, None, b, e, "quarter", True, back=back)


def _previous_quarter(words: list[str], shift, ctx: Ctx) -> dt.date | None:
    """ "the previous quarter" counts from the quarter being reported ("rose in the third
    quarter from the previous quarter": the second), or, back in time, from the month last
    named ("between July and September, slowing from the previous quarter")."""
    if shift is None or not counts_from_last(words, ctx):
        return None
    base = ctx.quarter
    if base is None and int(shift) < 0 and ctx.ref is not None:
        rank = PRECISION_RANK.get(ctx.ref_precision or "")
        if rank is not None and rank <= UNIT_RANK["Q"]:
            base = ctx.ref
    return None if base is None else cal.shift_unit(base, "Q", int(shift))


def _quarter_to_month(m: int, rule, ctx: Ctx) -> Norm | None:
    """ "The June quarter", "the quarter to September": the three months that end with
    that month, the last that has begun (the next that has not ended, of the future)."""
    y = ctx.dct.year
    end = cal.safe_date(y, m, 1)
    if end is None:
        return None
    if ctx.direction > 0:
        if cal.add_months(end, 1) <= ctx.dct:
            end = cal.add_years(end, 1)
    elif cal.add_months(end, -2) > ctx.dct:
        end = cal.add_years(end, -1)
    mid = cal.add_months(end, -1)
    v, b, e = cal.quarter_of(mid.year, (mid.month - 1) // 3 + 1)
    return Norm(v, rule.type, None, b, e, "quarter", True)


def reported_quarter(
    current: dt.date | None, planned: bool, headline: bool, norm, dct: dt.date
) -> bool:
    """Whether a quarter ``norm`` becomes the one being reported instead of ``current``:
    the first one named, or any after a plan ("expects a fourth-quarter charge") but the
    same quarter of an earlier year; after a quarter still running named in a headline
    (``headline``: "SEES STRONG 1ST QTR"), the first one named that has ended ("... fourth
    quarter earnings"); else only a later quarter that has ended ("after a flat second
    quarter" is a comparison)."""
    if current is None:
        return True
    if planned:
        # "expects first quarter revenues to rise ... from the first quarter last year": the
        # same quarter of an earlier year is compared with, not reported
        return not (norm.begin.month == current.month and norm.begin.year < current.year)
    ended = norm.until is not None and norm.until < dct
    if headline and (current.year, (current.month - 1) // 3) >= (dct.year, (dct.month - 1) // 3):
        return ended
    return ended and current < norm.begin


def act_same_period(g, text, rule, ctx: Ctx) -> Norm | None:
    """ "the same month of 2001" after "fell in October": that month of the year named; "the
    same quarter of 1985" in a report on a quarter: that quarter; else the year."""
    y = int(g["year"])
    finer = PRECISION_RANK.get(ctx.ref_precision or "", 99) <= PRECISION_RANK["month"]
    if g.get("pmonth") and ctx.ref_near and finer and ctx.ref:  # "fell on October 5": October
        v, b, e = cal.month_of(y, ctx.ref.month)
        return Norm(v, rule.type, None, b, e, "month", back=True)
    if g.get("pquarter") and ctx.quarter is not None:
        v, b, e = cal.quarter_of(y, (ctx.quarter.month - 1) // 3 + 1)
        return Norm(v, rule.type, None, b, e, "quarter", back=True)
    v, b, e, _ = cal.period_of(dt.date(y, 1, 1), "Y")
    return Norm(v, rule.type, None, b, e, "year", back=True)
