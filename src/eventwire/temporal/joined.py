"""Dates named together: a weekday, month or day joined to one of its kind right before
it ("on Thursday and Friday", "late May/early June", "from January to October"), put in
order, and the days of a story's bare weekdays made one."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from eventwire.records import TimeExpr
from eventwire.temporal.normalize import ACTIONS, FUTURE_PENALTY
from eventwire.temporal.norms import Ctx
from eventwire.temporal.resources import Rule, TemporalResources
from eventwire.temporal.tense import TenseGuesser

WEEK_DAYS = 7
JOINED_CHARS = 40  # how far back a day joined by "and" finds the last one, and ahead its verb
RECENT_END_DAYS = 92  # a span's end this recently over makes a start read with slack go back
SPAN_BACK_WEIGHT = 2  # with no tense, a span moves back only when this much nearer in the past
_LETTERS = re.compile(r"[A-Za-z]+")
_LISTED = frozenset({"date", "weekday"})  # kinds whose joined pairs run forward


def one_day_per_weekday(out: list[TimeExpr], marks: list[tuple[int, int, bool]]) -> list[TimeExpr]:
    """A news story that names one weekday several times mostly means one day: where the
    tense of its sentences put the same bare weekday on two days (the coming and the past
    Friday), the day most of them chose is taken by the others ("the delay of Friday's
    debate", "if he backs out of the debate on Friday"), except where a future cue chose
    the coming day ("will help prevent protests on Tuesday" after a story of last
    Tuesday's protests) or a past verb right before it ("a chart gap created Friday" in a
    story of Friday's data still to come). ``marks``: index in ``out``, the direction its
    tense gave and whether a past verb is right before it."""
    by_day: dict[int, list[tuple[int, int, bool]]] = {}
    for k, direction, firm in marks:
        by_day.setdefault(out[k].begin.isoweekday(), []).append((k, direction, firm))
    for same in by_day.values():
        ranked = Counter(out[k].begin for k, _, _ in same).most_common(2)
        if len(ranked) < 2 or ranked[0][1] == ranked[1][1]:
            continue  # one day, or no majority: each keeps the day its tense gave
        day = ranked[0][0]
        for k, direction, firm in same:
            x = out[k]
            if x.begin != day and direction <= 0 and not firm:
                out[k] = replace(x, value=day.isoformat() + x.value[10:], begin=day, until=day)
    return out


def joined_days_in_order(
    out: list[TimeExpr], pairs: list[tuple[int, int, bool, bool]], dct: dt.date
) -> list[TimeExpr]:
    """The second of two joined weekdays after a first still to come follows it ("meet
    residents on Monday and Tuesday"; "scheduled for Thursday and Friday" in a Friday's
    article is next week's Friday), and so does the end of a span after its start ("a flood
    warning from Friday until Sunday evening" in a Friday's article); the start of a span
    that is over goes back before its end instead ("the airport was closed from Friday to
    Monday"). Past ones joined in a list stay as written ("statements made Friday and
    Thursday"). Done once the first has its final day."""
    for i, j, span, over in pairs:
        a, b = out[i], out[j]
        if a.begin is None or b.begin is None or b.begin >= a.begin:
            continue
        if over:  # "the airport was closed from Friday to Monday": the Friday before
            day = b.begin - dt.timedelta(days=(b.begin.isoweekday() - a.begin.isoweekday()) % 7)
            out[i] = replace(a, value=day.isoformat() + a.value[10:], begin=day, until=day)
            continue
        if a.begin <= dct and not span:
            continue
        day = a.begin + dt.timedelta(days=(b.begin.isoweekday() - a.begin.isoweekday()) % 7)
        if (day - b.begin).days == WEEK_DAYS:  # the same weekday a week on, nothing else
            out[j] = replace(b, value=day.isoformat() + b.value[10:], begin=day, until=day)
    return out


def years_on(norm, years: int):
    """``norm`` (a month, day or season with its year) that many years on; None when it has
    no year of its own or the day does not exist then (February 29)."""
    if not years:
        return norm
    if norm.begin is None or norm.until is None or not norm.value[:4].isdigit():
        return None
    try:
        begin = norm.begin.replace(year=norm.begin.year + years)
    except ValueError:
        return None  # February 29 as a day
    try:
        until = norm.until.replace(year=norm.until.year + years)
    except ValueError:  # a period ending on February 29 ends on the 28th in a common year
        until = norm.until.replace(year=norm.until.year + years, day=28)
    return replace(norm, value=f"{begin.year:04d}{norm.value[4:]}", begin=begin, until=until)


class JoinedDates:
    """Order two dates named together, with the tagger's word tables and tense cues."""

    def __init__(self, res: TemporalResources, tense: TenseGuesser) -> None:
        self.res = res
        self.tense = tense

    def joined_to_last(self, text: str, last_end: int, s: int, e: int) -> bool:
        """The expression follows a coordinator that joins it to the last one, a few words
        back in the same clause ("on Monday in Northern Ireland and Tuesday in Scotland"),
        and opens no clause of its own ("and Tuesday is expected to bring more storms",
        "and Monday's hearing will decide")."""
        if last_end < 0 or not 0 < s - last_end <= JOINED_CHARS:
            return False
        after = _LETTERS.search(text, e, e + JOINED_CHARS)
        if text.startswith(self.tense.possessive, e) or (
            after and self.tense.opens_clause(after.group())
        ):
            return False
        gap = text[last_end:s]
        if any(c in gap for c in ",;:.()\n"):
            return False
        words = [w.lower() for w in _LETTERS.findall(gap)]
        return bool(words) and words[-1] in self.tense.coordinators

    def coordinated(self, text: str, prev, s: int, action: str, g: dict) -> bool:
        """A weekday, or a month or day without a year, joined to one of the same kind
        right before it ("on Thursday and Friday", "late May/early June", "from December 1
        to January 1")."""
        end, prev_action, prev_norm, _ = prev
        if action != prev_action or prev_norm.begin is None or action not in _LISTED:
            return False
        if action == "date" and g.get("year") is not None:
            return False
        gap = " ".join(text[end:s].lower().split())
        return gap in self.res.words("date_link")

    def after(self, text, s, e, rule: Rule, g: dict, ctx: Ctx, first, norm, span: bool):
        """The second of two joined months or days after a first one still to come comes after it
        ("late May/early June"), and the end of a span after its start ("the fiscal year runs
        April-March"); joined weekdays are put in order at the end of ``tag``, by
        ``joined_days_in_order``."""
        if norm.begin is None or norm.begin > first.begin:
            return norm
        if first.begin <= (ctx.now or ctx.dct) and not span:
            return norm  # "statements made Friday and Thursday": both past, as written
        if span and norm.relative:
            later = years_on(norm, first.begin.year - norm.begin.year)
            if later is not None and later.begin < first.begin:
                later = years_on(later, 1)  # "the fiscal year runs April-March"
            return later if later is not None else norm
        saved = ctx.dct, ctx.direction, ctx.narrative
        ctx.dct, ctx.direction, ctx.narrative = first.begin, 1, None
        try:
            later = ACTIONS[rule.action](g, text[s:e], rule, ctx)
        except (ValueError, OverflowError):
            later = None
        finally:
            ctx.dct, ctx.direction, ctx.narrative = saved
        return later if later is not None and later.begin and later.begin >= first.begin else norm

    def is_span(self, text: str, first_start: int, first_end: int, s: int) -> bool:
        """Whether the expressions at ``first_start`` and ``s`` are the start and end of a
        span ("from January to June", "between January and October", "April-March"), not a
        list ("June and September", "May/June")."""
        raw = text[first_end:s]
        gap = " ".join(raw.lower().split())
        if gap not in self.res.words("span_link"):
            return False
        if not gap.isalpha() and raw != gap:
            return False  # a spaced dash: "TORONTO, June 1 - April 30 end"
        if self.tense.moving_before(text, first_start):
            return False  # "moved the election from January to June": two dates
        if gap in self.tense.coordinators:
            before = text[max(0, first_start - 12) : first_start].lower().split()
            return bool(before) and before[-1] in self.res.words("span_open")
        return True

    def first_back(self, text: str, first_start: int, prev, s: int, ctx: Ctx, norm):
        """The start of a span, a year back when the span would run backwards and its end
        is past ("killed between January and November", written in December; "a profit in
        the July-June fiscal year", written in August); None when it stays and the end is
        put after it instead ("banned fishing from December to February", in November)."""
        first, direction = prev[2], prev[3]
        if direction > 0 or ctx.direction > 0 or not first.relative:
            return None
        if None in (first.begin, first.until, norm.begin, norm.until):
            return None
        if first.begin <= norm.begin:
            return None  # in order already
        back = years_on(first, -1)
        if back is None or back.begin > norm.begin:
            return None
        now = ctx.now or ctx.dct
        if (
            direction < 0
            and first.begin > now
            and (
                (now - norm.until).days > RECENT_END_DAYS
                or self.tense.announcing_before(text, first_start)
            )
        ):
            # a start read as past but still to come, within the slack, stays unless the
            # end is recently over and no verb imposes or announces the span
            return None
        if (
            ctx.direction
            or not direction
            and self._back_with_no_tense(text, first_start, first, norm, now)
        ):
            return back
        return None

    def _back_with_no_tense(self, text: str, first_start: int, first, norm, now) -> bool:
        """With no tense on either side, a backwards span goes back only when its end is
        over, no present comes before it, and, if its start is still to come, the span lies
        far nearer in the past ("in the January-October period", written in November; not
        "the rules apply from January to June", "the offer is valid from January to
        October", "the October-September season is seen at ...", in September); a present
        reporting a figure is no bar ("exports are up 5 percent in January-October")."""
        if norm.until >= now:
            return False
        if self.tense.present_before(text, first_start) and not self.tense.figure_before(
            text, first_start
        ):
            return False
        if first.begin <= now:
            return True  # begun: "In the July-June fiscal year, the government posted ..."
        ahead = (first.begin - now).days
        return SPAN_BACK_WEIGHT * (now - norm.until).days <= FUTURE_PENALTY * ahead
