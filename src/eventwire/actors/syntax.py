"""Noun-phrase and clause helpers on spaCy dependency parses, used by the resolver."""

from __future__ import annotations

from eventwire.actors.kb import Words
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
        lo += 1  # "Hours earlier Maduro", "17 July 2017 Russia's Supreme Court"
    if hi + 1 < len(toks) and toks[hi + 1].text == ")":
        opened = [i for i in range(lo, hi + 1) if toks[i].text in ("(", ")")]
        if opened and toks[opened[-1]].text == "(":
            hi += 1  # "the Nigerian Air Force (NAF)": close the bracket
    return list(range(lo, hi + 1))


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


def context_tokens(s: Sentence, h: int, words: Words) -> list[int]:
    out: list[int] = []
    for c in s.children[h]:
        tok = s.tokens[c]
        if c > h and tok.dep == "prep" and tok.text.lower() in words.context_preps:
            for g in s.children[c]:
                if s.tokens[g].dep == "pobj":
                    out.extend(np_tokens(s, g))
        elif c > h and tok.dep == "appos":
            out.extend(context_tokens(s, c, words))
    return out


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
