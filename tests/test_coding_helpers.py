"""Test fixture: actor mentions built from spaCy entities (GPE, NORP, PERSON, ORG).

Used by the coding tests while they run without the actor resolver; the codes come
from the small table below (any other entity gets its text, upper-cased, as code).
"""

from __future__ import annotations

from eventwire.records import Actor, ActorMention, Sentence

ENTITY_LABELS = ("GPE", "NORP", "PERSON", "ORG")
TEST_CODES = {
    "china": "CHN",
    "chinese": "CHN",
    "beijing": "CHN",
    "russia": "RUS",
    "russian": "RUS",
    "moscow": "RUS",
    "kremlin": "RUS",
    "united states": "USA",
    "u.s.": "USA",
    "washington": "USA",
    "ukraine": "UKR",
    "ukrainian": "UKR",
    "kyiv": "UKR",
    "france": "FRA",
    "paris": "FRA",
    "germany": "DEU",
    "iran": "IRN",
    "israel": "ISR",
    "israeli": "ISR",
    "lithuania": "LTU",
    "odesa": "UKR",
    "kazakhstan": "KAZ",
    "uzbekistan": "UZB",
    "armenia": "ARM",
    "azerbaijan": "AZE",
    "brazil": "BRA",
    "niger": "NER",
    "cavusoglu": "TURGOV",
    "griner": "USA",
    "imran khan": "PAKELI",
    "netanyahu": "ISRGOV",
    "xi jinping": "CHNGOV",
    "wang yi": "CHNGOV",
    "modi": "INDGOV",
    "lula": "BRAGOV",
    "scholz": "DEUGOV",
    "macron": "FRAGOV",
    "erdogan": "TURGOV",
    "zelenskiy": "UKRGOV",
    "blinken": "USAGOV",
    "biden": "USAGOV",
    "hamas": "PSEREB",
    "taliban": "AFGREB",
    "pentagon": "USAMIL",
    "facebook": "BUS",
    "gershkovich": "USAMED",
    "kharkiv": "UKR",
    "rohingya": "MMRETH",
    "rsf": "SDNREB",
    "fico": "SVKGOV",
    "xi": "CHNGOV",
    "vladimir putin": "RUSGOV",
    "putin": "RUSGOV",
    "united nations": "IGOUNO",
    "nato": "IGOWSTNAT",
    "european union": "IGOEUREEC",
}


# common nouns that name a sector (the actor resolver knows these too)
SECTOR_NOUNS = {
    "police": "COP",
    "policemen": "COP",
    "troops": "MIL",
    "soldiers": "MIL",
    "army": "MIL",
    "military": "MIL",
    "forces": "MIL",
    "government": "GOV",
    "authorities": "GOV",
    "protesters": "OPP",
    "demonstrators": "OPP",
    "students": "EDU",
    "workers": "LAB",
    "rebels": "REB",
    "insurgents": "REB",
    "militants": "REB",
    "guerrillas": "REB",
    "gunmen": "UAF",
    "bombers": "MIL",
    "warplanes": "MIL",
    "rioters": "CVL",
    "ships": "MIL",
    "georgians": "GEO",
    "peacekeepers": "IGOPKO",
    "refugees": "REF",
}


def _spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Entity spans, plus any run of tokens spelling a name of the test table."""
    spans = [(e.token_start, e.token_end) for e in sentence.entities if e.label in ENTITY_LABELS]
    covered = {i for a, b in spans for i in range(a, b)}
    words = [t.text.lower() for t in sentence.tokens]
    for name in sorted(TEST_CODES, key=lambda n: -len(n.split())):
        parts = name.split()
        for i in range(len(words) - len(parts) + 1):
            span = range(i, i + len(parts))
            if words[i : i + len(parts)] == parts and not covered.intersection(span):
                spans.append((i, i + len(parts)))
                covered.update(span)
    for i, w in enumerate(words):
        if w in SECTOR_NOUNS and i not in covered and sentence.tokens[i].pos in ("NOUN", "PROPN"):
            before = [sp for sp in spans if sp[1] == i]
            if before:  # "Russian troops" is one mention
                spans.remove(before[0])
                spans.append((before[0][0], i + 1))
            else:
                spans.append((i, i + 1))
            covered.add(i)
    return sorted(spans)


def _code(name: str) -> str:
    key = name.lower().removeprefix("the ")
    if key in TEST_CODES or key in SECTOR_NOUNS:
        return TEST_CODES.get(key) or SECTOR_NOUNS[key]
    *first, last = key.split()
    if first and last in SECTOR_NOUNS:  # "Russian troops" -> RUS + MIL
        return TEST_CODES.get(" ".join(first), " ".join(first).upper()) + SECTOR_NOUNS[last]
    return key.upper().replace(" ", "")


def entity_mentions(sentence: Sentence) -> list[ActorMention]:
    out = []
    for start, end in _spans(sentence):
        while start < end - 1 and sentence.tokens[start].text.lower() in ("the", "'s"):
            start += 1
        head = end - 1
        for i in range(start, end):
            h = sentence.tokens[i].head
            if not start <= h < end or h == i:
                head = i
                break
        name = sentence.span_text(start, end)
        code = _code(name)
        out.append(
            ActorMention(
                sentence_index=sentence.index,
                token_start=start,
                token_end=end,
                head=head,
                start=sentence.tokens[start].start,
                end=sentence.tokens[end - 1].end,
                actor=Actor(text=name, name=name, country=None, sector=None, code=code),
            )
        )
    return out
