"""A cheap sentence filter: parse only the sentences that can yield an event.

The coder fires only on tokens whose lemma is in the predicate lexicon.  A sentence
none of whose words can be an inflected form of such a lemma cannot yield an event,
so the expensive components (tagger, parser, entity recogniser) can skip it.

The inflected forms are generated from the lemmas with the model's own lemmatizer
tables, run backwards: its suffix rules (``lemma_rules``: form suffix -> lemma suffix)
and its exception lists (``lemma_exc``: irregular form -> lemma).  Over-generating a
form only costs time (a sentence is parsed that need not be); missing one would lose
events, which is what ``tests/test_nlp_filter.py`` and the corpus measurement check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# how much a filter keeps: see ``Pipeline.build_sentence_filter``
MODES = ("context", "predicates")


def _tables(nlp) -> tuple[dict, dict]:
    if "lemmatizer" not in nlp.pipe_names:
        return {}, {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules = dict(lookups.get_table("lemma_rules")) if lookups.has_table("lemma_rules") else {}
    exc = dict(lookups.get_table("lemma_exc")) if lookups.has_table("lemma_exc") else {}
    return rules, exc


def surface_forms(lemmas: Iterable[str], nlp) -> frozenset[str]:
    """Every lower-case word form the model's lemmatizer could map to one of ``lemmas``."""
    rules, exc = _tables(nlp)
    wanted = {lem.lower() for lem in lemmas if lem}
    forms = set(wanted)
    for word in wanted:
        for pos_rules in rules.values():
            for form_suffix, lemma_suffix in pos_rules:
                if word.endswith(lemma_suffix):
                    stem = word[: len(word) - len(lemma_suffix)] if lemma_suffix else word
                    forms.add(stem + form_suffix)
                    # doubled final consonant before a vowel suffix ("stopped", "shelling")
                    if stem and form_suffix[:1] in "aeiou" and stem[-1] not in "aeiouwxy":
                        forms.add(stem + stem[-1] + form_suffix)
        if word.endswith("c"):  # "panicked", "trafficking"
            forms.update({word + "ked", word + "king", word + "ks"})
    for pos_exc in exc.values():
        for form, form_lemmas in pos_exc.items():
            if any(lem.lower() in wanted for lem in form_lemmas):
                forms.add(form.lower())
    return frozenset(forms)


class SentenceFilter:
    """Keeps a sentence when one of its words may be a form of a lexicon lemma -- and, with
    ``cues``, also every sentence that may give later sentences their actors.

    Predicates alone are not enough to lose nothing: actor resolution reads the whole
    article ("Mr Xi" after "China's President Xi Jinping", "he" after a named person, the
    country most of the article is about).  With ``cues`` (the normalised first words of
    every known actor phrase: names, titles, roles, countries, organisations) a sentence is
    also kept when one of its words is a cue, or when it has a capitalised word that is not
    a sentence-initial stop word (a name the model may tag as a person).  ``key``
    normalises a word the way the cues were normalised.

    A kept sentence is parsed together with ``margin`` sentences on each side: the
    parser's reading of a sentence depends on the words around it, and a sentence cut
    out of its text is sometimes parsed differently.
    """

    def __init__(
        self,
        forms: frozenset[str],
        *,
        cues: frozenset[str] = frozenset(),
        key: Callable[[str], str] = str.lower,
        stop_words: frozenset[str] = frozenset(),
        margin: int = 1,
    ) -> None:
        self.forms = forms
        self.margin = margin
        self.cues = cues
        self.key = key
        self.stop_words = stop_words

    @classmethod
    def from_lemmas(cls, lemmas: Iterable[str], nlp, **context) -> SentenceFilter:
        return cls(surface_forms(lemmas, nlp), **context)

    def keep(self, words: Iterable[str]) -> bool:
        forms = self.forms
        words = list(words)
        for w in words:
            lw = w.lower()
            if lw in forms:
                return True
            if "-" in lw and any(part in forms for part in lw.split("-")):
                return True
        if self.cues:
            return self._context(words)
        return False

    def _context(self, words: list[str]) -> bool:
        cues, key = self.cues, self.key
        first = True
        for w in words:
            if not w.strip() or not any(c.isalnum() for c in w):
                continue
            if key(w) in cues:
                return True
            if w[:1].isupper() and not (first and w.lower() in self.stop_words):
                return True
            first = False
        return False
