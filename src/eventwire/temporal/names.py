"""Words of time used as a person's name in one text ("Vi Van May ... police approached
May's house ... May did not surrender"): once the text names a person so, a bare such word
with no word of time before it is that person, not the month or the holiday. The words come
from the tables ``name_words`` and ``name_time_links``."""

from __future__ import annotations

import re

from eventwire.temporal.cues import line_at
from eventwire.temporal.resources import TemporalResources

TITLE_MIN_WORDS = 4  # a line this long or longer can be a headline in title case ...
TITLE_SHARE = 0.6  # ... when this share of its words is capitalised
LOOK_BACK_CHARS = 30  # how far before a name word the word before it is looked for
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)(,?)[ \t]*$")
_POSSESSIVE = ("'s", "’s")
_NUMBER_AFTER = re.compile(r"\s*[0-9]")
_AFTER = re.compile(r"(?:\s?['’]s\b|\s*[,.;:]|\s+([a-z]+)\b)")
_OPENING = re.compile(r"(?:^|[\n.!?*\"'])\s*$")
_TWO_WORDS_BEFORE = re.compile(r"([A-Za-z'’-]+)[ \t]+([A-Za-z'’-]+)[ \t]+$")
_JOINED_NAME = re.compile(r"[A-Z][a-z]*-[A-Z][a-z]+$")  # "Al-Ahram", "Al-Hayat"


def after_name(text: str, s: int, determiners: frozenset[str]) -> bool:
    """Offset ``s`` follows a name: a capitalised word after a determiner, another
    capitalised word or a possessive ("the Haaretz daily", "Le Figaro daily", "France's
    Le Figaro"), or a name joined by a hyphen ("Al-Hayat daily"), not a capitalised word
    after a lower-case one ("arriving in Tunisia daily")."""
    m = _TWO_WORDS_BEFORE.search(text, max(0, s - LOOK_BACK_CHARS * 2), s)
    if m is None or not m.group(2)[:1].isupper() or not m.group(2)[1:2].islower():
        return False
    if _JOINED_NAME.match(m.group(2)):
        return True  # "told Al-Hayat daily,"
    first = m.group(1)
    return first[:1].isupper() or first.lower() in determiners or first.endswith(_POSSESSIVE)


class NameWords:
    def __init__(self, res: TemporalResources) -> None:
        names = sorted(str(w) for w in res.tables.get("name_words", ()))
        alternation = "|".join(re.escape(w) for w in names)
        # capitalised words right before the month word, on the same line ("Vi Van May")
        named = rf"\b((?:[A-Z][a-z]+\.?[ \t]+)+)({alternation})\b"
        self._named = re.compile(named) if names else None
        self.listed = res.words("month") | res.words("weekday")  # "April, May and June"
        self.time_words = res.words("name_time_links") | res.words("determiner") | self.listed
        self.coordinators = res.words("coordinators")
        self.verbs = res.words("reporting_verbs") | res.words("future_aux") | res.words("past_cues")
        self.verbs |= res.words("be_forms")  # "Striker Jermaine Easter is expected to return"

    def used_as_names(self, text: str) -> frozenset[str]:
        """The name words the text uses as a name: after capitalised words, the last no word
        of time ("Theresa May", "Vi Van May", "Mrs. May"), not words opening a sentence
        unless a verb or a possessive follows ("German June cost of living"; "Theresa May
        said"), not before a number."""
        if self._named is None:
            return frozenset()
        found = set()
        for m in self._named.finditer(text):
            words = m.group(1).split()
            if words[-1].rstrip(".").lower() in self.time_words:
                continue  # "Since May", "The May elections"
            if _NUMBER_AFTER.match(text, m.end()):
                continue  # "Sunday May 5"
            opening = _OPENING.search(text, max(0, m.start() - 3), m.start())
            if opening and not self._name_after(text, m.end()):
                continue  # words opening a sentence: "West German June cost of living"
            if self._title_case(text, m.start()):
                continue  # a headline in title case: "US Retail Sales April"
            found.add(m.group(2))
        return frozenset(found)

    def _name_after(self, text: str, i: int) -> bool:
        """What follows offset ``i`` goes on a name: a possessive, a punctuation mark or a
        verb ("Jermaine Easter's goal", "Theresa May said", "Theresa May will resign")."""
        m = _AFTER.match(text, i)
        return m is not None and (m.group(1) is None or m.group(1) in self.verbs)

    @staticmethod
    def _title_case(text: str, i: int) -> bool:
        """The line holding offset ``i`` is written in title case (most words capitalised)."""
        words = re.findall(r"[A-Za-z]+", line_at(text, i))
        if len(words) < TITLE_MIN_WORDS:
            return False
        return sum(w[0].isupper() for w in words) >= TITLE_SHARE * len(words)

    def _time_before(self, text: str, s: int) -> bool:
        """A word of time right before offset ``s`` ("in May", "last year's May polls"), or a
        month or weekday before a comma or a coordinator there ("April, May and June", "in
        March and May")."""
        m = _WORD_BEFORE.search(text, max(0, s - LOOK_BACK_CHARS), s)
        if m is None:
            return False
        word = m.group(1).lower()
        if word.endswith(_POSSESSIVE):
            word = word[-2:]  # "year's": the possessive
        if word in self.time_words and not m.group(2):
            return True
        if not (m.group(2) or word in self.coordinators):
            return False
        m2 = _WORD_BEFORE.search(
            text, max(0, m.start() - LOOK_BACK_CHARS), m.start(2) if m.group(2) else m.start()
        )
        return m2 is not None and m2.group(1).lower().rstrip(".") in self.listed

    def dropped(self, text: str, chosen):
        """``chosen`` without the bare name words the text uses as a name."""
        names = self.used_as_names(text)
        if not names:
            return chosen
        out = []
        for c in chosen:
            s, e = c[0], c[1]
            if text[s:e] in names and not self._time_before(text, s):
                continue  # "May did not surrender", "police approached May's house"
            out.append(c)
        return out
