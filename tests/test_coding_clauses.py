"""Clause walks of the coder (eventwire.coding.clauses) on parsed sentences."""

from __future__ import annotations

import pytest

from eventwire.coding.clauses import Clauses
from eventwire.coding.view import SentenceView as _View


def _view(parse, text: str) -> Clauses:
    """The coder's sentence view (its clause walks come from Clauses), no mentions."""
    return _View(parse(text).sentences[0], [])


def _index(view: Clauses, word: str) -> int:
    return next(t.i for t in view.tokens if t.text == word)


def test_tail_report_is_only_the_closing_report(parse):
    view = _view(
        parse, "Hungary is mistreating asylum seekers, a human rights group protested here Friday."
    )
    v = _index(view, "protested")
    if view.tokens[v].dep != "acl":
        pytest.skip("the parser reads this report as a clause of its own")
    assert view.tail_report(v)
    other = _view(parse, "The police arrested a man wanted for murder in Zagreb.")
    assert not other.tail_report(_index(other, "wanted"))


def test_phrase_on_reads_the_clause_outside_the_subject(parse):
    view = _view(parse, "Lifting the sanctions is out of the question.")
    v = _index(view, "Lifting")
    assert view.phrase_on(v, [("out", "of", "the", "question")])
    assert not view.phrase_on(v, [("the", "sanctions")])


def test_stranded_infinitive_after_a_relative_clause(parse):
    view = _view(parse, "Jordan will allow refugees who fled the fighting to return home.")
    ret = _index(view, "return")
    if view.tokens[view.tokens[ret].head].text != "fled":
        pytest.skip("the parser hangs the infinitive on the verb itself")
    assert view.stranded_infinitives(_index(view, "allow")) == [ret]
    assert view.stranded_infinitives(_index(view, "fled")) == []


def test_first_predicate_only_in_a_sentence_rooted_on_a_noun(parse):
    view = _view(parse, "Russia attacked Kyiv after troops massed on the border.")
    assert not view.first_predicate(_index(view, "attacked"))


def test_first_predicate_of_a_noun_rooted_sentence_but_not_a_set_off_participle(parse):
    text = "Nurses from two Cuban medical brigades donated and personally handed out vaccines."
    view = _view(parse, text)
    v = _index(view, "donated")
    if view.tokens[v].dep == "ROOT":
        pytest.skip("the parser finds the verb itself")
    assert view.first_predicate(v)
    other = _view(parse, "The rig, owned by a Swiss company.")
    assert not other.first_predicate(_index(other, "owned"))


def test_tail_report_joined_by_a_comma_alone(parse):
    view = _view(
        parse,
        "Serbian authorities are failing to return seized farmland to its owners,"
        " a rights group protested on Tuesday.",
    )
    v = _index(view, "protested")
    if view.tokens[v].dep != "conj":
        pytest.skip("the parser reads this report another way")
    assert view.tail_report(v)
    other = _view(parse, "Police fired tear gas at the crowd, and the protesters threw stones.")
    assert not other.tail_report(_index(other, "threw"))


def test_subject_clause_mark_of_a_for_to_clause(parse):
    view = _view(parse, "France pushed for the European Union to impose new sanctions on Belarus.")
    c = _index(view, "impose")
    if view.tokens[c].dep != "advcl":
        pytest.skip("the parser hangs the clause another way")
    assert view.low(view.subject_clause_mark(c)) == "for"
    other = _view(parse, "Troops were sent to the border to stop the smugglers.")
    assert other.subject_clause_mark(_index(other, "stop")) is None
