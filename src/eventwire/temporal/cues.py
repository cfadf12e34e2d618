"""Word tables of the raw-text tense cues, the test of a full stop that ends no sentence,
and line helpers (the line at an offset, a row of a table of figures); the words themselves
are in the resource files (``tables.yaml``)."""

from __future__ import annotations

import re

_WORD_BEFORE = re.compile(r"[A-Za-z.]+$")


def is_abbreviation(
    text: str, dot: int, abbreviations: frozenset[str], final: frozenset[str] = frozenset()
) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation ("Gen.", "vs.", "U.S."), an
    initial ("George W. Bush") or a month or weekday abbreviation, not a sentence.  Words
    of ``final`` ("p.m.") often end a sentence: their stop counts as one."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if m is None:
        return False
    word = m.group().lower()
    if word in final:
        return False
    if word in abbreviations:
        return True
    core = word.rstrip(".")
    if len(core) == 1 and text[m.start()].isupper():
        return True  # an initial
    return "." in core  # "U.S.", "a.m."


def line_at(text: str, i: int) -> str:
    """The line of ``text`` holding offset ``i``."""
    b = text.find("\n", i)
    return text[text.rfind("\n", 0, i) + 1 : b if b >= 0 else len(text)]


_MARKED = re.compile(r"(?<![\w.,])[0-9]{3,}[A-Za-z]\b")  # a price marked "1552H", "1550L"
_FIGURE = re.compile(r"(?<![\w.,])[0-9]{3,}(?![.,]?[0-9])")  # a figure of three digits or more
LETTERS = re.compile(r"[A-Za-z]+")  # the runs of letters of a text
FIRST_YEAR, LAST_YEAR = 1000, 2099  # the years a table's head row may name
TABLE_WORD_LETTERS = 3  # a word of a table row's line has at least this many letters


def table_row(line: str, figures: int) -> bool:
    """A line of a table of figures: more than ``figures`` numbers of three digits or more
    and fewer than half as many words ("MAY7  1552H 1550L  1564 1548 1560L"), not a
    sentence naming many years."""
    found = _FIGURE.findall(line)
    words = sum(1 for w in LETTERS.findall(line) if len(w) >= TABLE_WORD_LETTERS)
    if len(found) <= figures or words * 2 >= len(found):
        return False
    # a row of years heads a table ("  1986  1985  1984  1983  1982"): years one after
    # another, no figure marked with a letter ("1552H")
    years = [int(f) for f in found]
    steps = {b - a for a, b in zip(years, years[1:], strict=False)}
    run = all(FIRST_YEAR <= y <= LAST_YEAR for y in years) and steps in ({1}, {-1})
    return not run or bool(_MARKED.search(line))


# word tables of the tense cues: attribute -> table in the resource files (tables.yaml)
WORD_TABLES = (
    ("future_cues", "future_cues"),
    ("scheduled", "scheduled_present"),
    ("scheduled_plural", "scheduled_plural"),
    ("scheduled_phrases", "scheduled_phrases"),
    ("reported_periods", "reported_periods"),
    ("future_adjectives", "future_adjectives"),
    ("perfect_modals", "perfect_modals"),
    ("until_states", "until_states"),
    ("fronted_by_modals", "fronted_by_modals"),
    ("role_nouns", "role_nouns"),
    ("plan_subjects", "plan_subjects"),
    ("naming", "naming_words"),
    ("agent_by", "agent_by"),
    ("figure_words", "figure_words"),
    ("scheduled_nouns_too", "scheduled_noun_forms"),
    ("number_ones", "number_ones"),
    ("month_names", "month"),
    ("plan_progressives", "plan_progressives"),
    ("figure_changes", "figure_change_words"),
    ("participle_links", "participle_links"),
    ("delivery", "delivery_nouns"),
    ("contracts", "contract_nouns"),
    ("not_past_ed", "not_past_ed"),
    ("not_finite", "not_finite"),
    ("past_do", "past_do"),
    ("capitalized", "capitalized_only"),  # "May" is a month, "may" a cue
    ("past_cues", "past_cues"),
    ("future_aux", "future_aux"),
    ("future_verbs", "future_verbs"),
    ("asking", "asking_verbs"),
    ("agreeing", "agreeing_verbs"),
    ("past_aux", "past_aux"),
    ("reported", "reported_future_aux"),
    ("infinitive", "infinitive_marker"),
    ("plan_words", "plan_words"),
    ("plan_nouns", "plan_nouns"),
    ("same_time", "same_time_verbs"),
    ("noun_plan_verbs", "noun_plan_verbs"),
    ("lasting", "duration_verbs"),
    ("modals", "modal_cues"),
    ("relatives", "relative_pronouns"),
    ("lasting_links", "duration_verb_links"),
    ("past_be", "past_progressive_aux"),
    ("determiners", "determiner"),
    ("noun_determiners", "noun_determiner"),
    ("possessive_pronouns", "possessive_pronouns"),
    ("telling", "telling_verbs"),
    ("day_adverbs", "same_day_adverbs"),
    ("ahead", "ahead_of"),
    ("conditional", "conditional"),
    ("conditional_that", "conditional_that"),
    ("question_verbs", "question_verbs"),
    ("present_modals", "present_modals"),
    ("preparing_nouns", "preparing_nouns"),
    ("focus_adverbs", "focus_adverbs"),
    ("scheduled_nouns", "scheduled_nouns"),
    ("set_for_nouns", "set_for_nouns"),
    ("unplanned_nouns", "unplanned_nouns"),
    ("set_for", "scheduled_for"),
    ("bare_be", "infinitive_be"),
    ("reporting_progressive", "reporting_progressive"),
    ("noun_phrase_end", "noun_phrase_end"),
    ("attaching", "attaching_prepositions"),
    ("destination", "destination_prepositions"),
    ("than", "comparison_than"),
    ("particles", "verb_particles"),
    ("plural_pronouns", "plural_pronouns"),
    ("time_subordinators", "time_subordinators"),
    ("deictic_this", "deictic_this"),
    ("coordinators", "coordinators"),
    ("subordinators", "subordinators"),
    ("finite_be", "finite_present_be"),
    ("sequence", "sequence_adverbs"),
    ("perfect_have", "perfect_have"),
    ("possibility", "possibility_modals"),
    ("perfect_adverbs", "perfect_adverbs"),
    ("bare_participles", "bare_participles"),
    ("perfect", "past_participle_aux"),
    ("passive_be", "participle_be"),
    ("past_perfect", "past_perfect_aux"),
    ("be_forms", "be_forms"),
    ("present_be", "present_be"),
    ("reporting", "reporting_verbs"),
    ("until", "deadline_until"),
    ("since", "since_past"),
    ("past_in", "past_in"),
    ("announcing", "announcing_verbs"),
    ("imposing", "imposing_verbs"),
    ("complementizers", "complementizer"),
    ("by", "deadline_by"),
    ("by_modals", "deadline_by_modals"),
    ("deadline_verbs", "deadline_verbs"),
    ("moving", "moving_verbs"),
)
