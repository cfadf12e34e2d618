"""Noun-phrase and clause helpers on spaCy dependency parses, used by the resolver."""

from __future__ import annotations

from eventwire.actors.kb import Entry, Words, pick_entry
from eventwire.records import Actor, Sentence

LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "predet", "case", "punct"}
)
RIGHT_DEPS = frozenset({"flat", "compound", "case", "appos"})
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "csubj"})
TIME_LABELS = frozenset({"DATE", "TIME"})
REPORT_DEPS = frozenset({"ccomp", "parataxis"})


def headline(s: Sentence) -> bool:
    """A sentence written in capitals (a headline or slug)."""
    upper = words = 0
    for t in s.tokens:
        w = t.text
        if len(w) > 1 and w.isalpha():
            words += 1
            upper += w.isupper()
    return upper >= 3 and upper >= 0.6 * words


def same_report(s: Sentence, a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` are not separated by a reported-speech boundary: the path
    between them in the parse crosses no clausal complement or parataxis."""

    def up(i: int) -> list[int]:
        out = [i]
        while s.tokens[i].head != i and len(out) < 60:
            i = s.tokens[i].head
            out.append(i)
        return out

    pa, pb = up(a), up(b)
    common = set(pa) & set(pb)
    for path in (pa, pb):
        for i in path:
            if i in common:
                break
            if s.tokens[i].dep in REPORT_DEPS:
                return False
    return True


def np_tokens(s: Sentence, h: int) -> list[int]:
    toks = s.tokens
    out = [h]
    for c in s.children[h]:
        dep = toks[c].dep
        if c > h and dep == "appos":
            if appos_joins(s, h, c):
                out.extend(np_tokens(s, c))  # "Kuleba, Ukraine's foreign minister" (not its PPs)
        elif toks[c].pos in ("VERB", "AUX"):
            continue  # a misparsed clause ("The Taliban closed schools"), not a modifier
        elif (c < h and dep in LEFT_DEPS) or (c > h and dep in RIGHT_DEPS):
            out.extend(s.subtree(c))
    lo, hi = min(out), max(out)
    while lo < h and (toks[lo].ent_type in TIME_LABELS or toks[lo].dep in ("npadvmod", "advmod")):
        if toks[lo].ent_type not in TIME_LABELS and _counts(s, lo, h):
            break  # "at least 75 people" keeps its quantity
        lo += 1  # "Hours earlier Maduro", "17 July 2017 Russia's Supreme Court"
    if (
        hi + 3 < len(toks)
        and toks[hi + 1].text == "("
        and toks[hi + 3].text == ")"
        and toks[hi + 2].text.isupper()
        and toks[hi].pos in ("PROPN", "NOUN")
    ):
        hi += 3  # "the Lebanese Armed Forces (LAF)": its acronym in brackets
    if hi + 1 < len(toks) and toks[hi + 1].text == ")":
        opened = [i for i in range(lo, hi + 1) if toks[i].text in ("(", ")")]
        if opened and toks[opened[-1]].text == "(":
            hi += 1  # "the Nigerian Air Force (NAF)": close the bracket
    return list(range(lo, hi + 1))


def _counts(s: Sentence, i: int, h: int) -> bool:
    """Token ``i`` modifies a number inside the phrase headed by ``h`` ("at least 75")."""
    seen = 0
    while i != h and seen < 10:
        i = s.tokens[i].head
        if s.tokens[i].pos == "NUM":
            return True
        seen += 1
    return False


def quantity_start(s: Sentence, h: int, words: Words) -> int | None:
    """Where a quantity that governs the phrase headed by ``h`` begins ("dozens of",
    "at least three of", "a group of"), or None when there is none."""
    t = s.tokens[h]
    if t.dep != "pobj":
        return None
    prep = s.tokens[t.head]
    if prep.dep != "prep" or prep.text.lower() not in words.quantity_preps:
        return None
    q = s.tokens[prep.head]
    if q.i >= prep.i or not (q.pos == "NUM" or q.text.lower() in words.quantity_nouns):
        return None
    left = [i for i in np_tokens(s, q.i) if i <= q.i]
    return min(left) if left else None


def np_text(s: Sentence, h: int) -> str:
    span = np_tokens(s, h)
    return s.span_text(min(span), max(span) + 1)


def appos_joins(s: Sentence, h: int, c: int) -> bool:
    """An apposition is part of the phrase when it describes the same thing: same
    grammatical number, and the head is not one of a coordination ("refugees, a group")."""
    if plural(s, h) != plural(s, c):
        return False
    if s.tokens[h].ent_type == "GPE" and s.tokens[c].ent_type == "GPE":
        return False  # "The United States, India and Japan": a list of places
    return not any(s.tokens[k].dep == "conj" for k in s.children[h] if k < c)


def context_tokens(s: Sentence, h: int, words: Words, skip=frozenset()) -> list[int]:
    """The objects of the ``context_preps`` attached to ``h`` (or to its apposition),
    leaving out those of the prepositions in ``skip``."""
    out: list[int] = []
    for c in s.children[h]:
        tok = s.tokens[c]
        prep = tok.text.lower()
        if c > h and tok.dep == "prep" and prep in words.context_preps and prep not in skip:
            for g in s.children[c]:
                if s.tokens[g].dep == "pobj":
                    out.extend(np_tokens(s, g))
                    if prep not in words.locative_preps:  # "the Ministry of Health of Ethiopia"
                        out.extend(context_tokens(s, g, words, skip | words.locative_preps))
        elif c > h and tok.dep == "appos":
            out.extend(context_tokens(s, c, words, skip))
    return out


def office_of(s: Sentence, h: int, words: Words) -> int | None:
    """The last token of a capitalised name after ``of`` that completes the office named
    by ``h`` ("Minister of Interior", "Ministry of Health of Ethiopia"), or None."""
    heads = [h, *(c for c in s.children[h] if c > h and s.tokens[c].dep == "appos")]
    for k in heads:
        for c in s.children[k]:
            prep = s.tokens[c]
            word = prep.text.lower()
            if c != k + 1 or prep.dep != "prep" or word not in words.context_preps:
                continue
            if word in words.locative_preps:
                continue
            for g in s.children[c]:
                obj = s.tokens[g]
                listed = any(s.tokens[x].dep == "conj" for x in s.children[g])
                if obj.dep == "pobj" and obj.pos == "PROPN" and obj.text[:1].isupper():
                    return None if listed else max(s.subtree(c))  # "of Armenia and ..."
    return None


def effective_dep(s: Sentence, h: int, words: Words) -> str:
    """agent | locative | other: how a place name is used in its clause."""
    t = s.tokens[h]
    seen = 0
    while t.dep == "conj" and t.head != t.i and seen < 10:
        t = s.tokens[t.head]
        seen += 1
    if t.dep in AGENT_DEPS:
        return "agent"
    if t.dep == "pobj":
        prep = s.tokens[t.head].text.lower()
        if prep in words.agent_preps:
            return "agent"
        if prep in words.locative_preps:
            return "locative"
    return "other"


def plural(s: Sentence, h: int) -> bool:
    return s.tokens[h].tag in ("NNS", "NNPS")


def name_anchors(s: Sentence, h: int, covered: set[int] | frozenset = frozenset()) -> set[int]:
    """Tokens a personal name must include: the head, an apposition to it, or the object
    of a preposition inside a title ("Secretary of State George Shultz")."""
    out = {h}
    for c in s.children[h]:
        dep = s.tokens[c].dep
        if dep == "appos":
            out.add(c)
        elif dep == "prep" and c in covered:
            out.update(g for g in s.children[c] if s.tokens[g].dep == "pobj")
    return out


def place_word(s: Sentence, j: int) -> bool:
    """The object of a preposition, or a modifier of a named one ("of the Syrian Golan
    Heights"), not of a common noun ("of Middle Eastern relations")."""
    tok = s.tokens[j]
    if tok.dep == "pobj":
        return True
    up = s.tokens[tok.head]
    return tok.dep in ("amod", "compound") and up.dep == "pobj" and up.pos == "PROPN"


def thing_word(s: Sentence, span: list[int], i: int, actor: Actor) -> bool:
    """An adjective naming only a sector ("military aid", "civilian flights"), in a phrase
    with no country or name: it describes the thing and names no owner."""
    return (
        s.tokens[i].pos == "ADJ"
        and not actor.country
        and actor.code == actor.sector
        and not any(s.tokens[k].pos == "PROPN" for k in span)
    )


def person_name(
    s: Sentence, span: list[int], h: int, words: Words, *, covered, titled: bool
) -> str | None:
    """A personal name in the phrase not already explained by the knowledge base
    (``covered``: tokens it explains; ``titled``: the phrase has a title or honorific)."""
    toks = s.tokens
    anchors = name_anchors(s, h, covered)
    run: list[int] = []
    best: list[int] = []
    for i in span:
        t = toks[i]
        is_name = (
            t.pos == "PROPN"
            and (t.text[:1].isupper() or t.text.lower() in words.name_particles)
            and not (t.text.isupper() and len(t.text) > 3)  # headlines in capitals
            and not (0 < i < len(toks) - 1 and toks[i - 1].text == "(" and toks[i + 1].text == ")")
            and i not in covered
            and (t.ent_type == "PERSON" or titled and t.ent_type in ("", "PERSON", "ORG"))
        )
        if is_name or (run and t.text == "-" and not t.whitespace):  # "el-Adly"
            run.append(i)
            continue
        if is_name:
            run.append(i)
        else:
            if anchors.intersection(run):
                best = run
            run = []
    if anchors.intersection(run):
        best = run
    if not best:
        return None
    return s.span_text(best[0], best[-1] + 1)


def shared_role(s: Sentence, h: int, by_token, adj: bool, words: Words) -> Entry | None:
    """The role word a country shares with a conjunct: in "the foreign ministers of
    Armenia and Azerbaijan" the plural role noun before "of" covers both countries; in
    "Sierra Leonean and Liberian refugees" (parsed as two conjuncts) the later role noun
    covers the nationality before it."""
    t = s.tokens[h]
    if t.dep != "conj":
        if t.tag in ("NNS", "NNPS") or not adj:
            return None  # a nationality word, not a people ("Iraqis") or a country
        for c in s.children[h]:
            m = by_token.get(c)
            if c > h and s.tokens[c].dep == "conj" and m is not None and plural(s, c):
                e = pick_entry(m.entries)
                mods = [k for k in s.children[c] if k < c and k in by_token]
                if e.kind == "sector" and any(
                    pick_entry(by_token[k].entries).kind == "country" for k in mods
                ):
                    return e
        return None
    while t.dep == "conj" and t.head != t.i:
        t = s.tokens[t.head]
    prep = s.tokens[t.head]
    if t.dep != "pobj" or prep.dep != "prep" or prep.text.lower() not in words.context_preps:
        return None
    head = prep.head
    m = by_token.get(head)
    if m is None or not plural(s, head) or head >= t.i:
        return None
    e = pick_entry(m.entries)
    return e if e.kind == "sector" else None
