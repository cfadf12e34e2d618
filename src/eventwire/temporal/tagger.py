"""The TIMEX3 tagger: a generic rule engine over the data in ``data/temporal/<lang>/``.

``TimeTagger().tag(text, dct)`` finds time expressions, picks the longest
non-overlapping matches and normalizes them in text order, so expressions such as
"two days later" resolve against the last reference time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from eventwire.records import Sentence, TimeExpr
from eventwire.temporal import calendar as cal
from eventwire.temporal.comparisons import Comparisons
from eventwire.temporal.cues import LETTERS, is_abbreviation, line_at, table_row
from eventwire.temporal.datelines import (
    DATELINE_CHARS,
    DATELINE_HINT,
    dateline_day,
    stamps_dropped,
)
from eventwire.temporal.joined import JoinedDates, joined_days_in_order, one_day_per_weekday
from eventwire.temporal.names import NameWords, after_name
from eventwire.temporal.normalize import ACTIONS
from eventwire.temporal.norms import NIGHT_FROM_HOUR, Ctx, Norm
from eventwire.temporal.numbers import NumberWords
from eventwire.temporal.quarters import reported_quarter
from eventwire.temporal.resources import Rule, TemporalResources, load_resources
from eventwire.temporal.tense import TenseGuesser

_DIGITS = re.compile(r"\d+")
_OPENING = re.compile(r"(?:^|[.!?\n]\s*|[.!?][\"'’”]\s*)$")  # right at a sentence's start
WINDOW = 48  # characters searched either side of a rule's trigger
NARRATIVE_YEARS = 2  # an explicit year this far from the document date is "far"
NARRATIVE_MIN = 4  # far years needed to read a text as a history narrative ...
NARRATIVE_QUIET_MIN = 3  # ... or this many, all old, when nothing counts from the document date
NARRATIVE_RATIO = 5  # ... and this many times more far years than near ones
ASIDE_YEARS = 10  # in a narrative, a bare year further than this from the story is an aside
HISTORY_MIN = 16  # far years that make a narrative a history text (rules `narrative_only`)
SEQUENCE_WINDOW = 60  # characters between a morning clock time and a later bare one
RELATIVE_CHARS = 80  # how far back a relative clause holding a reference time may open
DOCUMENT_WORDS = 2  # different words of a veto table that make a whole text a match's
CLOCK_WINDOW = 24  # characters between a clock time and the date it belongs to
CLOCK_SENTENCES = 1  # a past clock time takes the last day named at most this many sentences back
FRONTED_GAP = 12  # characters of sentence end and spacing before a fronting phrase
WEEKDAY_NEAR = 6  # a bare weekday this many days from the document date is in the current story
_CLAUSE_BREAK = re.compile(r"[;!?]|\.\s|\n")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
ZONE_GAP_MINUTES = 14 * 60  # a time in brackets further off than this is on another day
LINK_WORDS = 6  # words of a happening's noun phrase between a day and "in <year>"
COMPARED_CHARS = 60  # how far before a compared period its amount is looked for
SENTENCE_CHARS = 300  # how far either side of an expression its sentence is looked at
SENTENCE_OPEN_CHARS = 3  # quote or bracket and first letter of a sentence after a break
_SENTENCE_BREAK = re.compile(r"[.!?][\"')]*\s+[\"'(]?[A-Z]|\n\s*\n")
_DAY_ACTIONS = frozenset({"date", "weekday", "dayword"})
_NEEDS_TENSE = frozenset({"date", "weekday", "quarter", "range", "relative", "time"})


def _same_sentence(
    text: str, a: int, b: int, abbreviations: frozenset[str], final: frozenset[str]
) -> bool:
    """No sentence ends between offsets a and b (an expression ending in "p.m." may
    itself end the sentence: "at 5:30 p.m. Polls close"; "Gen. Smith" goes on)."""
    since = a - 1 if text[a - 1 : a] == "." else a
    # a break ends with the first letter of the next sentence: look a little past b for one
    # that opens the sentence at b ('dlrs.\n"The second quarter ...')
    for m in _SENTENCE_BREAK.finditer(text, since, b + SENTENCE_OPEN_CHARS):
        if m.start() >= b:
            break
        # a break into the expression itself: not after "a.m." ("at 8:46 a.m. Tuesday")
        last = frozenset() if m.end() > b else final
        if m.start() < a or not (
            text[m.start()] == "." and is_abbreviation(text, m.start(), abbreviations, last)
        ):
            return False
    return True


class TimeTagger:
    """Find and normalize TIMEX3 expressions in text."""

    def __init__(self, *, lang: str = "en") -> None:
        self.lang = lang
        self.res: TemporalResources = load_resources(lang)
        self.version = f"{lang}:{self.res.version}"
        self.tense = TenseGuesser(self.res)
        self.joined = JoinedDates(self.res, self.tense)
        self.names = NameWords(self.res)
        # rule arg `after_name`: right after a name and before this, the match is a name's
        self._after_name = {
            k: re.compile(r.args["after_name"])
            for k, r in enumerate(self.res.rules)
            if r.args.get("after_name")
        }
        self._capitalized = self.res.words("capitalized_only")
        shifts = [k for k in self.res.tables.get("shift", {}) if " " not in str(k)]
        self._deixis = frozenset(shifts) | self.res.words("deictic_sign")
        # "In 1918, ...", "For all of 1986, ...": a year that opens the sentence holds for it
        fronted = self.res.alternation("fronted_year_lead")  # capitalised, as written
        self._fronted = re.compile(
            rf"(?:^|[.!?\n]\s*|[.!?][\"'’”]\s*){fronted}\s+$" if fronted else r"(?!)"
        )
        # how far back a fronting phrase may start: the longest lead, the punctuation and
        # spacing of a sentence end ("    For all of 1986")
        leads = self.res.tables.get("fronted_year_lead") or ()
        self._fronted_window = max((len(str(w)) for w in leads), default=0) + FRONTED_GAP
        closing = self.res.alternation("period_closing")  # "Period ended May 31"
        heads = self.res.alternation("period_closing_heads")
        self._closing = re.compile(
            rf"\b(?:{heads})\s+(?:{closing})\b" if closing and heads else r"(?!)", re.I
        )
        self.compared = Comparisons(self.res)  # "to 635.5 mln from 603.4 mln in 1985"
        self._compared_words = self.res.words("compared_shift") | self.res.words("compared_sign")
        self._clause_openers = self.tense.relatives | self.tense.subordinators
        self._happening_nouns = self.tense.happenings | self.tense.unplanned_nouns
        self.numbers = NumberWords(self.res)

    def _groups(self, rule: Rule, m: re.Match) -> dict[str, Any] | None:
        out: dict[str, Any] = {}
        for name, raw in m.groupdict().items():
            if raw is None:
                continue
            pname = rule.groups.get(name)
            if pname is None:
                out[name] = raw.lower()
                continue
            pat = self.res.patterns[pname]
            if pat.value == "table":
                key = " ".join(raw.lower().split())
                if key in self._capitalized and not raw[:1].isupper():
                    return None
                v = self.res.lookup(pat.table, raw)
                if v is None:
                    return None
                out[name] = v
            elif pat.value == "int":
                digits = _DIGITS.search(raw)
                if digits is None:
                    return None
                out[name] = int(digits.group())
            elif pat.value == "number":
                v = self.numbers.number(raw)
                if v is None:
                    return None
                out[name] = v
            elif pat.value == "year_words":
                v = self.numbers.year(raw)
                if v is None:
                    return None
                out[name] = v
            else:
                out[name] = raw.lower()
        return out

    # ------------------------------------------------------------------ matching
    def _rejected(self, reject: dict, m: re.Match) -> bool:
        """Rule arg ``reject: {group, table}``: drop matches whose group is in the table."""
        raw = m.group(reject["group"]) or ""
        return " ".join(raw.lower().split()) in self.res.words(reject["table"])

    @staticmethod
    def _windows(trigger: re.Pattern, lower: str, start: int, end: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for m in trigger.finditer(lower, start, end):
            a, b = max(start, m.start() - WINDOW), min(end, m.end() + WINDOW)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def _matches(self, rule: Rule, text: str, start: int, end: int, cache: dict):
        if rule.trigger is None:
            yield from rule.regex.finditer(text, start, end)
            return
        windows = cache.get(rule.trigger)
        if windows is None:
            lower = cache.get("")
            if lower is None:
                lower = cache[""] = text.lower()
            if len(lower) != len(text):  # lower-casing moved offsets: search everything
                windows = [(start, end)]
            else:
                windows = self._windows(rule.trigger, lower, start, end)
            cache[rule.trigger] = windows
        last = -1
        for a, b in windows:
            for m in rule.regex.finditer(text, max(a, last), b):
                if m.end() >= b and b < end:  # may run on past the window: match again
                    m = rule.regex.match(text, m.start(), end) or m
                last = m.end()
                yield m

    def _candidates(self, text: str, start: int, end: int):
        cands = []
        cache: dict = {}
        for idx, rule in enumerate(self.res.rules):
            reject = rule.args.get("reject")
            for m in self._matches(rule, text, start, end, cache):
                g = self._groups(rule, m)
                if g is None or (reject and self._rejected(reject, m)):
                    continue
                after = self._after_name.get(idx)
                if (
                    after
                    and after.match(text, m.end())
                    and after_name(text, m.start(), self.tense.determiners)
                ):
                    continue  # "the Yediot Aharonot daily found": a newspaper's name
                s, e = m.span("core") if "core" in g else m.span()
                if e > s:
                    cands.append((s, e, idx, g))
        cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
        starts: list[int] = []
        ends: list[int] = []
        chosen = []
        for c in cands:
            s, e = c[0], c[1]
            k = bisect.bisect_right(starts, s)
            if k > 0 and ends[k - 1] > s:
                continue
            if k < len(starts) and starts[k] < e:
                continue
            starts.insert(k, s)
            ends.insert(k, e)
            chosen.insert(k, c)
        return chosen

    def _sentence_has(self, text: str, s: int, e: int, table: str) -> bool:
        """A word of ``table`` in the sentence of ``text[s:e]`` (within ``SENTENCE_CHARS``)."""
        words = self.res.words(table)
        for m in LETTERS.finditer(text, max(0, s - SENTENCE_CHARS), e + SENTENCE_CHARS):
            if m.group().lower() in words:
                a, b = (m.end(), s) if m.start() < s else (e, m.start())
                if _same_sentence(text, a, b, self.tense.abbreviations, self.tense.final):
                    return True
        return False

    def _text_has(self, text: str, table: str) -> bool:
        """``DOCUMENT_WORDS`` different words of ``table`` in the whole text: a story of a
        match ("Toronto went on a 19-9 run in the first quarter" after "11 rebounds")."""
        words = self.res.words(table)
        seen = {w for m in LETTERS.finditer(text) if (w := m.group().lower()) in words}
        return len(seen) >= DOCUMENT_WORDS

    def _compared(self, text: str, s: int, e: int) -> bool:
        """The expression names a period compared with ("two-thirds above the previous
        week", "rose to 15.6 pct from a month earlier"): a word of ``compared_shift`` or
        ``compared_sign`` in it, one of ``compared_before`` right before."""
        if not self._compared_words & set(text[s:e].lower().split()):
            return False
        m = _WORD_BEFORE.search(text, max(0, s - 12), s)
        if m is None or m.group(1).lower() not in self.res.words("compared_before"):
            return False
        # an amount before it in the clause ("sales were 11 pct above"; not "had fled on")
        lead = text[max(0, m.start() - COMPARED_CHARS) : m.start()]
        return any(c.isdigit() for c in _CLAUSE_BREAK.split(lead)[-1])

    def _since(self, text: str, s: int) -> bool:
        """The expression follows a word of ``since_past`` ("since 1963")."""
        m = _WORD_BEFORE.search(text, max(0, s - 12), s)
        return m is not None and m.group(1).lower() in self.res.words("since_past")

    def _deictic(self, action: str, g: dict, text: str) -> bool:
        """Whether an expression counts from the time of writing ("last week", "two
        years ago", "Friday"), not from a time the text has moved to."""
        if action in ("weekday", "dayword"):
            return True
        if action == "literal":  # "now" in a history is the story's now
            return False
        words = text.lower().replace("-", " ").split()
        article, anaphoric = self.res.words("definite_article"), self.res.words("anaphoric_shift")
        if any(a in article and b in anaphoric for a, b in zip(words, words[1:], strict=False)):
            return False  # "the following week", "the early part of the next decade"
        return any(w in self._deixis for w in words)

    def _is_narrative(
        self, chosen, dct: dt.date, minimum: int = NARRATIVE_MIN, text: str = ""
    ) -> bool:
        """A history narrative: explicit years far from the document date, no deixis."""
        far = near = deictic = old = 0
        for s, e, idx, g in chosen:
            action = self.res.rules[idx].action
            if self._since(text, s):
                continue  # "in power since 1971": where a state began, not a story told
            if self._deictic(action, g, text[s:e]):
                deictic += 1
            elif action in ("date", "range") and isinstance(g.get("year"), int):
                if abs(g["year"] - dct.year) >= NARRATIVE_YEARS:
                    far += 1
                    old += dct.year - g["year"] > ASIDE_YEARS
                else:
                    near += 1
        if minimum == NARRATIVE_MIN and not near and not deictic and old >= NARRATIVE_QUIET_MIN:
            minimum = NARRATIVE_QUIET_MIN  # nothing counts from the date of a text of old years
        if far < minimum or deictic * 4 > far:
            return False
        # a long history reaching up to the document date may name many recent years
        return near * NARRATIVE_RATIO <= far or (far >= HISTORY_MIN and near * 2 <= far)

    @staticmethod
    def _moves_story(current: dt.date | None, norm, dct: dt.date) -> bool:
        """Whether an explicit date moves a narrative on: a bare year far from the
        current one is an aside ("the Estates-General, last called in 1614"), and a
        date after the time of writing is a plan, not the story."""
        if norm.begin > dct:
            return False
        if current is None or norm.precision not in ("year", None):
            return True
        return abs(norm.begin.year - current.year) <= ASIDE_YEARS

    def _normalize(
        self, text: str, s: int, e: int, rule: Rule, g: dict, ctx: Ctx, sent
    ) -> Norm | None:
        if rule.action in _NEEDS_TENSE or rule.args.get("tense"):
            d = self.tense.from_parse(sent, s, e) if sent is not None else None
            ctx.direction = d if d else self.tense.from_text(text, s, e)
            if not ctx.direction and ctx.last_direction > 0 and ctx.last_end >= 0:
                between = {w.lower() for w in LETTERS.findall(text[ctx.last_end : s])[:-1]}
                if (
                    _same_sentence(
                        text, ctx.last_end, s, self.tense.abbreviations, self.tense.final
                    )
                    and not between & self.tense.subordinators
                ):
                    # the tense of the sentence so far; not across "after" ("schools shut
                    # until Friday after flooding on Monday")
                    ctx.direction = ctx.last_direction
            elif ctx.last_direction and self.joined.joined_to_last(text, ctx.last_end, s, e):
                # "comes into force on Monday in Northern Ireland and Tuesday in Scotland
                # but no figures were available": the tense of the day it is joined to
                ctx.direction = ctx.last_direction
            if rule.action in _NEEDS_TENSE:  # "will speak tonight, after the attack on
                ctx.last_direction, ctx.last_end = ctx.direction, e  # Tuesday": not its tense
            if rule.args.get("not_past") and ctx.direction < 0:
                return None  # "and soon the unrest spread": no time to come
        else:
            ctx.direction = 0
        try:
            return ACTIONS[rule.action](g, text[s:e], rule, ctx)
        except (ValueError, OverflowError):  # a date out of the calendar's range
            return None

    def _day_named(self, text: str, item, ctx: Ctx, sent) -> dt.date | None:
        """The day a chosen expression of a day action names, read without changing the
        tense state of the text (for a clock time next to it)."""
        s, e, idx, g = item
        rule = self.res.rules[idx]
        if rule.action not in _DAY_ACTIONS:
            return None
        saved = ctx.direction, ctx.last_direction, ctx.last_end
        norm = self._normalize(text, s, e, rule, g, ctx, sent)
        ctx.direction, ctx.last_direction, ctx.last_end = saved
        return norm.begin if norm is not None and norm.precision == "day" else None

    def _day_of_clock(
        self, text: str, chosen, k: int, ctx: Ctx, ends: tuple[int, int], sent
    ) -> dt.date | None:
        """The day of a clock time: a date or weekday right after it in the clause
        ("at 11 a.m. on 11 November", "10:35 a.m. (0735 GMT) Friday"), else a day
        named earlier in the same sentence ("On Friday ... at 3 p.m."), else none."""
        end = chosen[k][1]
        ref_end, day_end = ends
        links = self.res.words("clock_day_links")
        if ctx.day_ref is not None and 0 <= day_end <= chosen[k][0]:
            gap = text[day_end : chosen[k][0]].strip(" ,;").lower()
            if gap in ("", "at", ":"):  # "Tuesday 1 February 2005 02.38 GMT", "... 2011 : 2:42"
                return ctx.day_ref
        if k and self.tense.possessive_gap(text, chosen[k - 1][1], chosen[k][0]):
            day = self._day_named(text, chosen[k - 1], ctx, sent)
            if day is not None:
                return day  # "up from Thursday's 5 p.m. quotes": that day's
        aside = False  # passed a clock time set in brackets: "(2330 GMT Thursday)"
        for item in chosen[k + 1 : k + 3]:
            s2, e2, idx2, _ = item
            if s2 - end > CLOCK_WINDOW or _CLAUSE_BREAK.search(text, end, s2):
                break
            if aside and ")" not in text[end:s2]:
                break  # "at 8:30 a.m. (2330 GMT Thursday)": the day of the other clock
            rule2 = self.res.rules[idx2]
            if any(
                w.lower() not in links and not w[0].isupper()
                for w in LETTERS.findall(text, end, s2)
            ):
                break  # "at 0830 GMT, down 38 cents from Thursday": another day
            if rule2.action in _DAY_ACTIONS:
                day = self._day_named(text, item, ctx, sent)
                if day is not None:
                    return day
                break
            if rule2.action != "time":  # "10:35 a.m. (0735 GMT) Friday": look past a clock
                break
            aside = "(" in text[end:s2]
            end = e2
        if k and self.tense.possessive_phrase(text, chosen[k - 1][1], chosen[k][0]):
            day = self._day_named(text, chosen[k - 1], ctx, sent)
            if day is not None:
                return day  # "from Thursday's quotes of 118.75 yen at 4 p.m.": that day's
        start = chosen[k][0]
        if ctx.ref_precision == "day" and ref_end >= 0:
            if (sent is None or ref_end > sent.start) and _same_sentence(
                text, ref_end, start, self.tense.abbreviations, self.tense.final
            ):
                # not the day a span began, unless the clock time is past ("since 20 April,
                # when the rig exploded at 10 pm"; not "meeting since Monday will take it up
                # again at 1600 hrs")
                # not the day a span began when the clock time is in the main clause again
                # ("have fallen since 20 April and were down 3 percent at 2.30 pm"); in a
                # clause about that day it is ("since 20 April, the night the rig exploded
                # at 10 pm")
                if self._began_span(text, chosen, ref_end) and (
                    self._main_again(text[ref_end:start])
                    or self._clock_tense(text, sent, chosen[k]) > 0
                ):
                    return None  # nor under a future verb ("meeting since Monday will ...")
                return ctx.ref
        # a past clock time with no day in its sentence happened on the last day named
        # ("Slepian was shot on Oct. 23. ... He was killed at 10 p.m."); a present or future
        # one is today's ("Polls close at 8 p.m.")
        if ctx.day_ref is None or ctx.day_ref > (ctx.now or ctx.dct):
            return None
        if self._sentences_between(text, day_end, start) > CLOCK_SENTENCES:
            return None  # a day named long before: the clock time is the report's day
        if self._began_span(text, chosen, day_end):
            return None  # "has lost 44bn since 20 April ... By 2.30 pm": where a span began
        d = self._clock_tense(text, sent, chosen[k])
        return ctx.day_ref if d < 0 or (ctx.story and d == 0) else None

    def _main_again(self, gap: str) -> bool:
        """``gap`` holds a coordinator with no relative pronoun or subordinator after it:
        the main clause goes on ("since 20 April and were down")."""
        words = [w.lower() for w in LETTERS.findall(gap)]
        joins = [i for i, w in enumerate(words) if w in self.tense.coordinators]
        if not joins:
            return False
        return not self._clause_openers.intersection(words[joins[-1] + 1 :])

    def _began_span(self, text: str, chosen, end: int) -> bool:
        """The chosen expression ending at ``end`` follows "since": where a span began."""
        named = next((c[0] for c in chosen if c[1] == end), None)
        return named is not None and self._since(text, named)

    def _clock_tense(self, text: str, sent, item) -> int:
        """The tense direction of a clock time's clause, from the parse if it tells."""
        d = self.tense.from_parse(sent, item[0], item[1]) if sent is not None else None
        return d or self.tense.from_text(text, item[0], item[1])

    def _sentences_between(self, text: str, a: int, b: int) -> int:
        """How many sentences end between offsets a and b."""
        n = 0
        for m in _SENTENCE_BREAK.finditer(text, max(a, 0), b):
            dot = m.start()
            if text[dot] != "." or not is_abbreviation(
                text, dot, self.tense.abbreviations, self.tense.final
            ):
                n += 1
        return n

    @staticmethod
    def _yearless(g: dict) -> bool:
        """A month, a day of a month or a holiday given without a year."""
        return bool(g.get("month") or g.get("holiday"))

    def _shared_year(self, text: str, chosen, k: int, g: dict) -> dict:
        """ "In August and September 1914", "26 June - 4 August 1952": a month or day
        without a year takes the year of the date joined to it; so does one with a bare
        year right after it ("on Christmas Eve in 2000", "on July 4 of 1950")."""
        if k + 1 >= len(chosen):
            return g
        s2, _, idx2, g2 = chosen[k + 1]
        if self.res.rules[idx2].action not in ("date", "range") or g2.get("year") is None:
            return g
        if g2.get("month") is None and g2.get("season") is None:
            year = self._linked_year(text, chosen, k)
            return g if year is None else {**g, "year": year}
        gap = " ".join(text[chosen[k][1] : s2].lower().split())
        if gap not in self.res.words("date_link") or not g.get("month"):
            return g
        return {**g, "year": g2["year"]}

    def _linked_year(self, text: str, chosen, k: int) -> Any:
        """The bare year right after expression ``k`` and a word of ``year_link`` ("on
        Christmas Eve in 2000", "the final quarter in 2005"), or after the noun phrase of a
        happening and such a word ("the 7 July terror bombings in London in 2005"), else
        None."""
        if k + 1 >= len(chosen):
            return None
        s2, _, idx2, g2 = chosen[k + 1]
        if self.res.rules[idx2].action != "date" or g2.get("year") is None:
            return None
        if any(g2.get(key) for key in ("month", "season", "mod", "range_yy")):
            return None
        gap = " ".join(text[chosen[k][1] : s2].lower().split())
        if gap in self.res.words("year_link"):
            return g2["year"]
        # "the 7 July terror bombings in London in 2005": the happening the day names, then
        # the year; no verb, no clause between
        words = gap.split()
        if not words or words[-1] not in self.res.words("year_link") or len(words) > LINK_WORDS:
            return None
        stops = self.tense.coordinators
        if any(not w.isalpha() or self.tense._cue(w) or w in stops for w in words[:-1]):
            return None  # not "the 7 July attacks and the Iraq war in 2003"
        return g2["year"] if self._happening_nouns.intersection(words) else None

    def _clause_between(self, text: str, a: int, b: int) -> bool:
        """A clause break between ``a`` and ``b``: a comma or semicolon, or a word joining
        clauses ("Last year the bank raised rates, but it has held them since January")."""
        gap = text[a:b].lstrip().removeprefix(",")  # "Last year, the company sold ... in March"
        if any(c in gap for c in ",;:"):
            return True
        words = {w.lower() for w in LETTERS.findall(gap)}
        return bool(words & self.tense.clause_joins)

    def _relative_before(self, text: str, a: int, b: int) -> bool:
        """Offset ``a`` ends a relative clause set off by commas that closes before ``b``
        (", which recalled cars in January, said")."""
        comma = text.rfind(",", max(0, a - RELATIVE_CHARS), a)
        words = LETTERS.findall(text, comma + 1, a) if comma >= 0 else []
        return bool(words) and words[0].lower() in self.tense.relatives and "," in text[a:b]

    def _year_of_sentence(self, text: str, s: int, e: int, rule: Rule, norm) -> bool:
        """A year that opens its sentence and holds for the rest of it: an explicit one
        after a fronting word ("In 1918, a first wave came in April"), or "last year",
        "next year" opening it ("Last year the crop was not drilled until May"), not as a
        possessive ("Last year's crop")."""
        if norm.precision != "year" or norm.begin is None:
            return False
        lo = max(0, s - self._fronted_window)
        fronted = self._fronted.search(text, lo, s) is not None
        if not norm.relative:
            return rule.action == "date" and fronted
        return (
            rule.action == "relative"
            and (fronted or _OPENING.search(text, lo, s) is not None)
            and not text.startswith(self.tense.possessive, e)
        )

    def _past_midnight(self, text: str, prev, chosen, k: int, norm):
        """A clock time of the same day as the one before it, past midnight from it: the
        end of a span ("between 2300 and 0200 GMT", "from 7 p.m. to 6 a.m.") is on the next
        day; a time in brackets more than ``ZONE_GAP_MINUTES`` off, another zone's ("at 2000
        (0000 GMT)"), on the next or the day before."""
        end, _, first, _ = prev
        h1, h2 = cal.clock_minutes(first.value), cal.clock_minutes(norm.value)
        if first.begin is None or norm.begin != first.begin or h1 is None or h2 is None:
            return norm  # not two clock times of one day ("Friday night" is no clock time)
        s, e = chosen[k][0], chosen[k][1]
        if k + 1 < len(chosen) and self.res.rules[chosen[k + 1][2]].action in _DAY_ACTIONS:
            close = text.find(")", e, e + CLOCK_WINDOW)
            if 0 <= chosen[k + 1][0] < close or "RRB" in text[e : chosen[k + 1][0]]:
                return norm  # "0200 local time (2200 GMT, Friday)": the bracket names its day
        gap = " ".join(text[end:s].lower().split())
        shift = 0
        if gap in self.res.words("span_link") and h2 < h1:
            shift = 1  # "from 7 p.m. to 6 a.m."; not "9 p.m. ET/6 p.m. PT", "10 p.m. or 9 p.m."
        elif gap in ("(", "-lrb-") and abs(h1 - h2) > ZONE_GAP_MINUTES:
            shift = 1 if h2 < h1 else -1
        if not shift:
            return norm
        day = norm.begin + dt.timedelta(days=shift)
        return replace(norm, value=day.isoformat() + norm.value[10:], begin=day, until=day)

    def _clock_half(self, text: str, chosen, k: int, g: dict) -> dict:
        """A clock time with no a.m./p.m. right before a part of day of the afternoon or
        night ("at 2:30 this afternoon", "at 11 tonight") is in the afternoon or evening."""
        if g.get("ampm") or g.get("clockword"):
            return g
        hour = int(g.get("hour12") or g.get("hour") or 0)
        if k and 0 < hour < 12 and self._after_morning(text, chosen[k - 1], chosen[k][0], hour):
            return {**g, "ampm": "pm"}  # "started at 10:15 a.m. and completed it at 3:15"
        if k + 1 >= len(chosen):
            return g
        s2, _, idx2, g2 = chosen[k + 1]
        link = text[chosen[k][1] : s2].strip(" -").lower()
        if self.res.rules[idx2].action == "time" and link in self.res.words("clock_sequence"):
            later = int(g2.get("hour12") or g2.get("hour") or 0)  # "from 5:30 to 7:30 pm"
            return {**g, "ampm": g2["ampm"]} if g2.get("ampm") and hour <= later else g
        if self.res.rules[idx2].action != "dayword" or text[chosen[k][1] : s2].strip():
            return g
        part = g2.get("partword")
        if not isinstance(part, (list, tuple)) or len(part) < 2:
            return g
        half = self.res.tables.get("part_half", {}).get(str(part[1]))
        if half == "pm" or (half == "night" and NIGHT_FROM_HOUR <= hour < 12):
            return {**g, "ampm": "pm"}  # "at 2:30 this afternoon", "at 8:15 tonight"
        return g  # "at 1:30 tonight"

    def _after_morning(self, text: str, before, s: int, hour: int) -> bool:
        """A clock time of the morning at a later hour than ``hour`` comes a little before,
        in the same clause and joined by a word of sequence: ``hour`` is in the afternoon."""
        _, e1, idx1, g1 = before
        if self.res.rules[idx1].action != "time" or g1.get("ampm") != "am":
            return False
        if s - e1 > SEQUENCE_WINDOW or _CLAUSE_BREAK.search(text, e1, s) or "(" in text[e1:s]:
            return False  # not "at 10:30 a.m. (0230 GMT)": another zone's
        between = {w.lower() for w in LETTERS.findall(text, e1, s)}
        if "," in text[e1:s] or not between & self.res.words("clock_sequence"):
            return False  # "resumed at 11 a.m. after being halted at 9:45": no sequence
        if text[s : s + 1] == "0" or text[s : s + 4].isdigit():
            return False  # "0900 GMT": a 24-hour clock
        return int(g1.get("hour12") or g1.get("hour") or 0) % 12 > hour

    def tag(
        self,
        text: str,
        dct: dt.date,
        *,
        sentences: Sequence[Sentence] | None = None,
        start: int = 0,
        end: int | None = None,
    ) -> list[TimeExpr]:
        if isinstance(dct, dt.datetime):
            dct = dct.date()
        end = len(text) if end is None else end
        sent_starts = [s.start for s in sentences] if sentences else []
        chosen = stamps_dropped(text, self._candidates(text, start, end))
        chosen = self.names.dropped(text, chosen)  # "May did not surrender"
        head = min(start, DATELINE_CHARS)  # a dateline before the part to tag
        before = self._candidates(text, 0, head) if DATELINE_HINT.search(text, 0, head) else []
        dct = dateline_day(self.res, text, dct, before + chosen) or dct
        ctx = Ctx(dct=dct, direction=0, res=self.res, now=dct)
        out: list[TimeExpr] = []
        narrative = ctx.story = self._is_narrative(chosen, dct, text=text)
        history = ctx.history = narrative and self._is_narrative(chosen, dct, HISTORY_MIN, text)
        ref_end = day_end = -1
        # the last year opening a sentence, where it ended, and whether it is relative
        said_year: tuple[int, int, bool] | None = None
        planned_quarter = False
        headline_quarter = False  # the reported quarter was named in a headline (all capitals)
        # end, action, value and tense direction of the last one
        prev: tuple[int, str, Any, int] | None = None
        # bare weekday names near the document date: index in out, direction of its tense
        weekdays: list[tuple[int, int]] = []
        # joined weekdays ("on Monday and Tuesday"), whether they bound a span, whether it
        # is over
        pairs: list[tuple[int, int, bool, bool]] = []
        text_vetoes: dict[str, bool] = {}  # rule arg `sentence_veto` over the whole text
        for pos, (s, e, idx, g) in enumerate(chosen):
            rule = self.res.rules[idx]
            if rule.args.get("narrative_only") and not history:
                continue
            closing = rule.args.get("closing_veto")
            if closing and self._closing.search(text, e, e + int(closing)):
                continue  # "3RD QTR OPER NET ... Period ended May 31": a fiscal quarter
            figures = rule.args.get("table_veto")
            if figures and table_row(line_at(text, s), int(figures)):
                continue  # " MAY7  1552H 1550L  1564 1548": a row of prices, no times
            veto = rule.args.get("sentence_veto")
            keys = ("year", "of_year", "qyear", "shift", "yshift")  # "last quarter": no match's
            bare = veto and not any(g.get(k) is not None for k in keys)
            if bare and veto not in text_vetoes:
                text_vetoes[veto] = self._text_has(text, veto)  # once per text and table
            if bare and (text_vetoes[veto] or self._sentence_has(text, s, e, veto)):
                continue  # "China dominated the first half": a match's, no half-year
            sent = None
            if sentences:
                k = bisect.bisect_right(sent_starts, s) - 1
                if k >= 0 and s < sentences[k].end:
                    sent = sentences[k]
            if narrative and ctx.narrative is not None:
                # "today", "this week", "Sunday" still count from the time of writing
                ctx.deictic = not history and self._deictic(rule.action, g, text[s:e])
                if history and rule.action == "dayword" and g.get("dayword") == 0:
                    # "Likewise today, other factors could make it difficult": a history's
                    # "today" in a clause not in the past is the time of writing
                    ctx.deictic = self.tense.from_text(text, s, e) >= 0
                ctx.dct = dct if ctx.deictic else ctx.narrative
            ctx.sentence_year = None
            ctx.ref_near = ref_end >= 0 and _same_sentence(
                text, ref_end, s, self.tense.abbreviations, self.tense.final
            )
            # "Toyota, which recalled cars in January, said profit fell from a year earlier"
            ctx.ref_near = ctx.ref_near and not self._relative_before(text, ref_end, s)
            if (
                said_year is not None
                and _same_sentence(
                    text, said_year[1], s, self.tense.abbreviations, self.tense.final
                )
                and not (said_year[2] and self._clause_between(text, said_year[1], s))
            ):
                ctx.sentence_year = said_year[0]
            if rule.action == "time":
                ctx.day = self._day_of_clock(text, chosen, pos, ctx, (ref_end, day_end), sent)
                g = self._clock_half(text, chosen, pos, g)
            elif rule.action == "date" and g.get("year") is None and self._yearless(g):
                g = self._shared_year(text, chosen, pos, g)
            elif rule.action == "quarter" and g.get("ordinal") and g.get("qyear") is None:
                year = self._linked_year(text, chosen, pos)  # "the final quarter in 2005"
                g = g if year is None else {**g, "qyear": year}
            norm = self._normalize(text, s, e, rule, g, ctx, sent)
            if norm is None:
                continue
            if rule.action == "time" and prev is not None and prev[1] == "time":
                norm = self._past_midnight(text, prev, chosen, pos, norm)
            spanned = False
            if prev is not None and self.joined.coordinated(text, prev, s, rule.action, g):
                back = None
                span = bool(out) and out[-1].end == prev[0]
                span = span and self.joined.is_span(text, out[-1].start, prev[0], s)
                spanned = span
                if rule.action != "weekday" and span:
                    back = self.joined.first_back(text, out[-1].start, prev, s, ctx, norm)
                if back is not None:
                    out[-1] = replace(out[-1], value=back.value, begin=back.begin, until=back.until)
                elif rule.action != "weekday":
                    norm = self.joined.after(text, s, e, rule, g, ctx, prev[2], norm, span)
                elif out and out[-1].end == prev[0]:  # set in order once the days are final
                    # a span whose end names no week of its own ("to Friday last week")
                    plain_span = span and g.get("shift") is None and g.get("wshift") is None
                    # a span over ("was closed from Friday to Monday") starts a week back; one
                    # set then ("issued a flood warning from Friday until Sunday") runs on
                    over = plain_span and prev[3] < 0 and ctx.direction < 0
                    over = over and not self.tense.announcing_before(text, out[-1].start)
                    over = over or (span and not plain_span)  # "to Friday last week": its start
                    pairs.append((len(out) - 1, len(out), plain_span, over))
            if norm.type == "DURATION" and "T" not in norm.value and norm.value[-1:] in "MQY":
                ctx.span = True  # "for the nine months": no longer the quarter
            if rule.args.get("no_reference"):
                norm = replace(norm, back=True)  # "Sept. 11 victims": no time the text is at
            elif self.compared.period(text, s, rule.action, norm, ctx.direction > 0):
                norm = replace(norm, back=True)  # a year or month compared with
            elif self.compared.day(text, s, norm):
                # "up 307 points, or 1.6 percent, from Monday ... at 10 a.m.": a day compared
                # with, not the day of what follows
                norm = replace(norm, back=True)
            elif norm.relative and self._compared(text, s, e):
                norm = replace(norm, back=True)  # "11 pct above the previous week"
            elif self._since(text, s) and self.compared.record(text, s):
                norm = replace(norm, back=True)  # "the lowest since December 1977": no story
            if norm.begin is not None and norm.type in ("DATE", "TIME") and not norm.back:
                ctx.ref, ctx.ref_precision = norm.begin, norm.precision
                ref_end = e
                if norm.precision == "day":
                    ctx.day_ref, day_end = norm.begin, e
                half = norm.precision == "quarter" and "-H" in norm.value
                # "for the first half ... a year before": not a quarter; "in January-October
                # ... from a year earlier": not October
                ctx.span = half or spanned
                if norm.precision == "quarter" and not half:
                    if reported_quarter(ctx.quarter, planned_quarter, headline_quarter, norm, dct):
                        ctx.quarter, planned_quarter = norm.begin, ctx.direction > 0
                        line = line_at(text, s)  # "SEES STRONG 1ST QTR START": a headline's
                        headline_quarter = line.isupper()
                if narrative and not norm.relative and rule.action in ("date", "range"):
                    if (
                        ctx.direction <= 0
                        and not self._since(text, s)
                        and self._moves_story(ctx.narrative, norm, dct)
                    ):
                        ctx.narrative, ctx.narrative_precision = norm.begin, norm.precision
            if self._year_of_sentence(text, s, e, rule, norm):
                # "In 1918, ...": for the rest of the sentence; "Last year ...": its clause
                said_year = (norm.begin.year, e, norm.relative)
            prev = (e, rule.action, norm, ctx.direction)
            if (
                rule.action == "weekday"
                and g.get("shift") is None
                and not narrative
                and norm.begin is not None
                and 0 < abs((norm.begin - dct).days) <= WEEKDAY_NEAR
            ):
                weekdays.append((len(out), ctx.direction, self.tense.past_right_before(text, s)))
            out.append(
                TimeExpr(
                    start=s,
                    end=e,
                    text=text[s:e],
                    type=norm.type,
                    value=norm.value,
                    mod=norm.mod,
                    begin=norm.begin,
                    until=norm.until,
                    precision=norm.precision,
                    relative=norm.relative,
                    sentence_index=sent.index if sent is not None else None,
                    rule=rule.id,
                )
            )
        return joined_days_in_order(one_day_per_weekday(out, weekdays), pairs, dct)
