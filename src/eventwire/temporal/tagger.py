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
from typing import Any

from eventwire.records import Sentence, TimeExpr
from eventwire.temporal.normalize import ACTIONS, Ctx
from eventwire.temporal.resources import Rule, TemporalResources, load_resources
from eventwire.temporal.tense import TenseGuesser

_DIGITS = re.compile(r"\d+")
_NUMBER_SPLIT = re.compile(r"[-\s]+")
WINDOW = 48  # characters searched either side of a rule's trigger
NARRATIVE_YEARS = 2  # an explicit year this far from the document date is "far"
NARRATIVE_MIN = 4  # far years needed to read a text as a history narrative ...
NARRATIVE_RATIO = 5  # ... and this many times more far years than near ones
ASIDE_YEARS = 10  # in a narrative, a bare year further than this from the story is an aside
HISTORY_MIN = 16  # far years that make a narrative a history text (rules `narrative_only`)
_NEEDS_TENSE = frozenset({"date", "weekday", "quarter", "range", "relative", "time"})


class TimeTagger:
    """Find and normalize TIMEX3 expressions in text."""

    def __init__(self, *, lang: str = "en") -> None:
        self.lang = lang
        self.res: TemporalResources = load_resources(lang)
        self.version = f"{lang}:{self.res.version}"
        self.tense = TenseGuesser(self.res)
        self._capitalized = self.res.words("capitalized_only")

    # ------------------------------------------------------------------ values
    def _number(self, text: str) -> Any:
        t = text.lower().strip()
        if t[:1].isdigit():
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
            total += x
        return total

    def _year_words(self, text: str) -> int | None:
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
                v = self._number(raw)
                if v is None:
                    return None
                out[name] = v
            elif pat.value == "year_words":
                v = self._year_words(raw)
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

    def _is_narrative(self, chosen, dct: dt.date, minimum: int = NARRATIVE_MIN) -> bool:
        """A history narrative: explicit years far from the document date, no deixis."""
        far = near = deictic = 0
        for _, _, idx, g in chosen:
            action = self.res.rules[idx].action
            if action in ("weekday", "dayword"):
                deictic += 1
            elif action in ("date", "range") and isinstance(g.get("year"), int):
                if abs(g["year"] - dct.year) >= NARRATIVE_YEARS:
                    far += 1
                else:
                    near += 1
        if far < minimum or deictic * 4 > far:
            return False
        # a long history reaching up to the document date may name many recent years
        return near * NARRATIVE_RATIO <= far or (far >= HISTORY_MIN and near * 2 <= far)

    @staticmethod
    def _moves_story(current: dt.date | None, norm) -> bool:
        """Whether an explicit date moves a narrative on: a bare year far from the
        current one is an aside ("the Estates-General, last called in 1614")."""
        if current is None or norm.precision not in ("year", None):
            return True
        return abs(norm.begin.year - current.year) <= ASIDE_YEARS

    # ------------------------------------------------------------------ public
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
        ctx = Ctx(dct=dct, direction=0, res=self.res)
        out: list[TimeExpr] = []
        chosen = self._candidates(text, start, end)
        narrative = self._is_narrative(chosen, dct)
        history = narrative and self._is_narrative(chosen, dct, HISTORY_MIN)
        for s, e, idx, g in chosen:
            rule = self.res.rules[idx]
            if rule.args.get("narrative_only") and not history:
                continue
            sent = None
            if sentences:
                k = bisect.bisect_right(sent_starts, s) - 1
                if k >= 0 and s < sentences[k].end:
                    sent = sentences[k]
            if narrative and ctx.narrative is not None:
                ctx.dct = ctx.narrative
            if rule.action in _NEEDS_TENSE:
                d = self.tense.from_parse(sent, s, e) if sent is not None else None
                ctx.direction = d if d else self.tense.from_text(text, s, e)
            else:
                ctx.direction = 0
            try:
                norm = ACTIONS[rule.action](g, text[s:e], rule, ctx)
            except (ValueError, OverflowError):  # a date out of the calendar's range
                norm = None
            if norm is None:
                continue
            if norm.begin is not None and norm.type in ("DATE", "TIME") and not norm.back:
                ctx.ref, ctx.ref_precision = norm.begin, norm.precision
                if norm.precision == "quarter" and not norm.back:
                    ctx.quarter = norm.begin
                if narrative and not norm.relative and rule.action in ("date", "range"):
                    if self._moves_story(ctx.narrative, norm):
                        ctx.narrative = norm.begin
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
        return out
