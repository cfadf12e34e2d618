"""Leading datelines and closing wire credits of an article body.

A wire story often opens with a dateline (``BEIJING/MOSCOW - ``, ``WASHINGTON (Reuters) -``,
``KYIV, March 3 (AP) —``) and closes with credits (``REUTERS, AFP`` or ``(Reporting by
...; Editing by ...)``).  Neither is part of the story: ``DatelineParser.parse`` finds
them so that ingest can keep them out of the coded region while the body stays whole.

All words and patterns come from ``data/ingest/datelines.yaml`` (see the README there);
this module only assembles and applies them.  It is conservative: a pattern must match
exactly at the start (dateline) or at the end (credits) of the body, and a dateline is
rejected when one of its place words is a known non-place (``UPDATE``, ``NATO``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import yaml

DATA_FILE = ("data", "ingest", "datelines.yaml")
_REF = re.compile(r"\{([A-Za-z_]+)\}")
_HEAD_WINDOW = 400  # a dateline lies within the first characters of the body
_TAIL_WINDOW = 600  # a closing credit piece lies within the last characters of a line
_MAX_PIECES = 8  # at most this many credit pieces are peeled off the end


@dataclass(frozen=True, slots=True)
class Detected:
    """What ``DatelineParser.parse`` found in a body (all offsets into that body)."""

    dateline: tuple[str, ...] = ()
    dateline_span: tuple[int, int] | None = None
    credits: tuple[str, ...] = ()
    credits_span: tuple[int, int] | None = None
    code_start: int = 0
    code_end: int = 0
    rules: tuple[str, ...] = ()  # ids of the patterns that matched (provenance)


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    regex: re.Pattern
    min_letters: int = 0
    whole_line: bool = False


def _words_regex(words, *, case_sensitive: bool = False) -> str:
    """An alternation of ``words`` (longest first) that does not match inside a word."""
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    core = f"(?:{alts})" if case_sensitive else f"(?i:{alts})"
    return rf"(?<![\w-]){core}(?![\w-])"


class DatelineParser:
    """Finds datelines and credits with the rules of a ``datelines.yaml`` file.

    ``DatelineParser()`` reads the packaged file; ``DatelineParser(path=...)`` another
    one with the same format.
    """

    def __init__(self, *, path: str | Path | None = None) -> None:
        if path is None:
            resource = files("eventwire").joinpath(*DATA_FILE)
            source = resource.read_text(encoding="utf-8")
        else:
            source = Path(path).read_text(encoding="utf-8")
        data = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        self.version = str(data.get("version", ""))
        self._agency_names: dict[str, str] = {}
        for entry in data["agencies"]:
            for alias in [entry["name"], *entry.get("aliases", [])]:
                self._agency_names[alias.casefold()] = entry["name"]
        self._lowercase = frozenset(w.casefold() for w in data.get("lowercase_words", []))
        self._not_places = frozenset(w.casefold() for w in data.get("not_places", []))
        self._headline_max = int(data.get("headline_max_chars", 0))
        originals = [a for e in data["agencies"] for a in [e["name"], *e.get("aliases", [])]]
        fragments = dict(data.get("fragments", {}))
        fragments["agency"] = _words_regex(
            [*originals, *(a.upper() for a in originals)], case_sensitive=True
        )
        fragments["AGENCY"] = _words_regex([a.upper() for a in originals], case_sensitive=True)
        fragments["month"] = _words_regex(data["months"])
        fragments["weekday"] = _words_regex(data["weekdays"])
        self._fragments = fragments
        self._agency_alias_regex = re.compile(fragments["agency"])
        self.datelines = tuple(self._rule(r, at_end=False) for r in data.get("datelines", []))
        self.credits = tuple(self._rule(r, at_end=True) for r in data.get("credits", []))
        self.examples = tuple(
            (rule["id"], ex)
            for rule in [*data.get("datelines", []), *data.get("credits", [])]
            for ex in rule.get("examples", [])
        )

    # ------------------------------------------------------------------ loading

    def _expand(self, pattern: str, rule_id: str, depth: int = 0) -> str:
        if depth > 10:
            raise ValueError(f"datelines.yaml: fragments nest too deeply in {rule_id!r}")

        def repl(m: re.Match) -> str:
            name = m.group(1)
            if name not in self._fragments:
                raise ValueError(f"datelines.yaml: unknown fragment {{{name}}} in {rule_id!r}")
            return self._expand(self._fragments[name], rule_id, depth + 1)

        return _REF.sub(repl, pattern)

    def _rule(self, raw: dict, *, at_end: bool) -> _Rule:
        """Datelines match at the start of the body; tail credits must reach the line end."""
        rule_id = raw["id"]
        body = self._expand(raw["pattern"], rule_id)
        anchored = at_end and not raw.get("whole_line")
        try:
            regex = re.compile(f"(?:{body})\\Z" if anchored else body)
        except re.error as exc:
            raise ValueError(
                f"datelines.yaml: pattern {rule_id!r} does not compile: {exc}"
            ) from exc
        return _Rule(
            id=rule_id,
            regex=regex,
            min_letters=int(raw.get("min_letters", 0)),
            whole_line=bool(raw.get("whole_line", False)),
        )

    # ------------------------------------------------------------------ helpers

    def agency(self, text: str) -> str | None:
        """The canonical agency name for an alias (any case), or None."""
        return self._agency_names.get(" ".join(text.split()).casefold())

    def _agencies(self, text: str | None) -> list[str]:
        if not text:
            return []
        out = []
        for m in self._agency_alias_regex.finditer(text):
            name = self.agency(m.group(0))
            if name and name not in out:
                out.append(name)
        return out

    def place_name(self, raw: str) -> str:
        """A dateline place as a name: capitals to title case, other spellings kept."""
        raw = " ".join(raw.split())
        if any(c.islower() for c in raw):
            return raw
        words = []
        for i, word in enumerate(raw.split(" ")):
            parts = []
            for j, part in enumerate(word.split("-")):
                low = part.lower()
                first = i == 0 and j == 0
                if not first and low in self._lowercase:
                    parts.append(low)
                else:
                    parts.append(_cap(low))
            words.append("-".join(parts))
        return " ".join(words)

    def _places_ok(self, places: list[str], min_letters: int) -> bool:
        for place in places:
            if sum(c.isalpha() for c in place) < min_letters:
                return False
            for word in re.split(r"[\s/]+", place):
                key = word.strip(".,").casefold()
                if key in self._not_places or key in self._agency_names:
                    return False
        return bool(places)

    # ------------------------------------------------------------------ parsing

    def find_dateline(self, text: str):
        """``(places, agencies, (start, end), rule_id)`` of a leading dateline, or None.

        A first line in capitals with no closing stop ("FUNARO REJECTS UK PLAN") is a
        headline: the dateline may open the next line, and the span then covers both."""
        found = self._dateline_at(text, len(text) - len(text.lstrip()))
        if found is None and self._headline_max:
            start = len(text) - len(text.lstrip())
            line_end = text.find("\n", start)
            line = text[start:line_end] if line_end > 0 else ""
            letters = [c for c in line if c.isalpha()]
            if (
                0 < len(line) <= self._headline_max
                and len(letters) >= 2
                and all(c.isupper() for c in letters)
                and not line.rstrip().endswith((".", "!", "?"))
            ):
                found = self._dateline_at(text, line_end + 1 + _lead_space(text[line_end + 1 :]))
                if found is not None:
                    names, agencies, (_, end), rule_id = found
                    found = names, agencies, (start, end), rule_id
        return found

    def _dateline_at(self, text: str, start: int):
        head = text[start : start + _HEAD_WINDOW]
        for rule in self.datelines:
            m = rule.regex.match(head)
            if m is None:
                continue
            places = [p.strip() for p in m.group("places").split("/") if p.strip()]
            if not self._places_ok(places, rule.min_letters):
                continue
            names = tuple(self.place_name(p) for p in places)
            agencies = self._agencies(_group(m, "agencies"))
            return names, agencies, (start, start + m.end()), rule.id
        return None

    def find_credits(self, text: str, lower: int = 0):
        """Closing credit pieces ``(start, end, credits, rule_id)`` in text order.

        Nothing before ``lower`` is taken, and at least some text must remain between
        ``lower`` and the first piece.
        """
        pieces = []
        end = len(text.rstrip())
        while len(pieces) < _MAX_PIECES and end > lower:
            line_start = max(text.rfind("\n", lower, end) + 1, lower)
            found = None
            for rule in self.credits:
                if rule.whole_line:
                    stripped = text[line_start:end].strip()
                    if len(stripped) > _TAIL_WINDOW:
                        continue
                    m = rule.regex.fullmatch(stripped)
                    if m is None:
                        continue
                    s = line_start + (
                        len(text[line_start:end]) - len(text[line_start:end].lstrip())
                    )
                    found = (s, end, m, rule.id)
                else:
                    w0 = max(line_start, end - _TAIL_WINDOW)
                    m = rule.regex.search(text, w0, end)
                    if m is None:
                        continue
                    s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                    found = (s, end, m, rule.id)
                break
            if found is None:
                break
            s, e, m, rule_id = found
            if not text[lower:s].strip():
                break  # the credits would swallow the whole body: leave it as body
            credits = self._agencies(_group(m, "agencies"))
            credit = _group(m, "credit")
            if credit:
                credits.append(" ".join(credit.split()))
            pieces.append((s, e, credits, rule_id))
            end = len(text[:s].rstrip())
        pieces.reverse()
        return pieces

    def parse(self, text: str) -> Detected:
        """Find the dateline and credits of ``text`` and the region to code between them."""
        places: tuple[str, ...] = ()
        dateline_span = None
        credits: list[str] = []
        rules: list[str] = []
        code_start = 0
        found = self.find_dateline(text)
        if found is not None:
            places, agencies, dateline_span, rule_id = found
            credits.extend(agencies)
            rules.append(rule_id)
            rest = text[dateline_span[1] :]
            code_start = dateline_span[1] + (len(rest) - len(rest.lstrip()))
        code_end = len(text.rstrip())
        credits_span = None
        pieces = self.find_credits(text, lower=code_start)
        if pieces:
            credits_span = (pieces[0][0], pieces[-1][1])
            code_end = len(text[: pieces[0][0]].rstrip())
            for _, _, names, rule_id in pieces:
                credits.extend(c for c in names if c not in credits)
                rules.append(rule_id)
        return Detected(
            dateline=places,
            dateline_span=dateline_span,
            credits=tuple(dict.fromkeys(credits)),
            credits_span=credits_span,
            code_start=code_start,
            code_end=max(code_end, code_start),
            rules=tuple(rules),
        )


def _cap(word: str) -> str:
    """``"o'hare"`` -> ``"O'Hare"``, ``"st."`` -> ``"St."`` (``str.title`` would give ``"It'S"``)."""
    out, up = [], True
    for c in word:
        out.append(c.upper() if up else c)
        up = c in "'’"
    return "".join(out)


def _group(m: re.Match, name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _lead_space(text: str) -> int:
    return len(text) - len(text.lstrip())
