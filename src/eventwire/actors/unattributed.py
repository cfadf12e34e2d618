"""The unnamed doer of an attack: "a roadside bombing near Samarra killed a soldier".

An act of violence whose doer the sentence does not name, done in a place the sentence
attaches to it, is coded as done by unaligned armed forces of that place's country
(``IRQUAF``), as the PLOVER and ICEWS coders do. The CAMEO roots and the sector come from
``data/actors/resolution.yaml`` (``unattributed_roots``, ``unattributed_sector``).
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Actor, Place, Sentence

# tokens that name someone: the doer is named, only not known to the knowledge base
NAMING_POS = frozenset({"PROPN"})
NAMING_LABELS = frozenset({"PERSON", "ORG", "NORP"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})


def _names_someone(s: Sentence, i: int, kb) -> bool:
    """The phrase headed by ``i`` names its doer: a name ("a Hamas attack", "gunman John
    Doe"), a nationality ("an Israeli attack") or a word of the knowledge base ("military
    operations")."""
    mods = [c for c in s.children[i] if s.tokens[c].dep in MODIFIER_DEPS]
    if any(kb.lookup(s.tokens[c].text) for c in mods):
        return True
    return any(
        s.tokens[t].pos in NAMING_POS or s.tokens[t].ent_type in NAMING_LABELS for t in [i, *mods]
    )


def doer_phrases(s: Sentence, head: int, trigger=()) -> list[int]:
    """Heads of the phrases that could name the doer of the act at ``head``: the event
    nouns of its trigger, its subject (for "that" or "which", the noun the clause is on)
    and the object of its "by" phrase."""
    out = [t for t in dict.fromkeys((head, *trigger)) if s.tokens[t].pos == "NOUN"]
    for c in s.children[head]:
        dep = s.tokens[c].dep
        if dep == "nsubj":
            if s.tokens[c].tag in RELATIVE_TAGS and s.tokens[head].dep == "relcl":
                c = s.tokens[head].head  # "a new kind of flu that struck": the flu
            out.append(c)
        elif dep == "agent":
            out.extend(g for g in s.children[c] if s.tokens[g].dep == "pobj")
    return out


def unattributed_source(
    s: Sentence, coded, attached_place: Callable[[], Place | None], kb
) -> Actor | None:
    """Unaligned armed forces of the country of the place the sentence attaches to
    ``coded`` (``attached_place()``, asked only when needed) as the doer of an act of
    one of ``kb.words.unattributed_roots`` with no source, else None."""
    words = kb.words
    sector = next(iter(words.unattributed_sector), "").upper()
    if coded.source is not None or not sector:
        return None
    if str(coded.cameo)[:2] not in words.unattributed_roots:
        return None
    trigger = tuple(coded.trigger)
    phrases = doer_phrases(s, coded.head, trigger)
    if any(_names_someone(s, i, kb) for i in phrases):
        return None
    doer = [i for i in phrases if i != coded.head and i not in trigger]
    if doer and s.tokens[doer[0]].lemma.lower() not in words.unattributed_means:
        return None  # "a new kind of flu struck seven people": no attack, no attacker
    place = attached_place()
    if place is None or not place.country:
        return None
    text = s.span_text(min(s.subtree(doer[0])), doer[0] + 1) if doer else ""
    label = kb.sector_codes.get(sector, sector).split(" (")[0]
    name = f"{label} in {kb.country_name(place.country) or place.country}"
    # no mention when the sentence has no doer phrase ("was killed in a bomb explosion")
    return Actor(text, name, place.country, sector, place.country + sector)
