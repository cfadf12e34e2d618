"""Loading the predicate lexicon (data/lexicon/*.yaml) and its errors."""

from __future__ import annotations

import pytest

from eventwire.coding.lexicon import Lexicon, LexiconError
from eventwire.coding.ontology import Ontology


@pytest.fixture(scope="module")
def ontology():
    return Ontology.load()


@pytest.fixture(scope="module")
def lexicon(ontology):
    return Lexicon.load(ontology)


def test_one_file_per_root_covers_all_twenty_roots(lexicon):
    roots = {p.file.rsplit("/", 1)[-1][:2] for p in lexicon.patterns}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_patterns_use_codes_of_their_file_root(lexicon):
    for p in lexicon.patterns:
        root = p.file.rsplit("/", 1)[-1][:2]
        # 19 and 20 patterns may code 17x/19x neighbours of the same PLOVER family
        assert p.cameo[:2] == root or (root, p.cameo[:2]) in {
            ("19", "17"),
            ("17", "19"),
            ("02", "03"),
        }, p.id


def test_every_pattern_has_an_example(lexicon):
    with_examples = {e.pattern for e in lexicon.examples}
    assert [p.id for p in lexicon.patterns if p.id not in with_examples] == []


def test_patterns_are_indexed_by_lemma_and_pos(lexicon):
    ids = [p.id for p in lexicon.candidates("visit", "VERB")]
    assert "consult.visit" in ids
    assert all(p.pos == "NOUN" for p in lexicon.candidates("visit", "NOUN"))


def test_more_specific_patterns_come_first(lexicon):
    cands = lexicon.candidates("sign", "VERB")
    assert cands[0].object  # "sign" + agreement noun before any bare "sign"


def test_yaml_words_like_on_and_no_stay_words(lexicon):
    call_on = next(p for p in lexicon.patterns if p.id == "appeal.call-on")
    assert call_on.prep == frozenset({"on", "upon"})
    assert "no" in lexicon.modality.negation


def test_extra_file_adds_patterns_and_changes_version(ontology, lexicon, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "root: '04'\npatterns:\n"
        "  - {id: user.parley, lemma: [powwow], cameo: '040', examples: []}\n",
        encoding="utf-8",
    )
    bigger = Lexicon.load(ontology, extra_files=[extra])
    assert len(bigger) == len(lexicon) + 1
    assert bigger.version != lexicon.version
    assert bigger.candidates("powwow", "VERB")[0].id == "user.parley"


def test_unknown_cameo_code_names_file_and_pattern(ontology, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("patterns:\n  - {id: x.y, lemma: [go], cameo: '999'}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.yaml: pattern x\.y: '999'"):
        Lexicon.load(ontology, extra_files=[bad])


@pytest.mark.parametrize(
    "field, message",
    [
        ("source: [subject]", "unknown role 'subject'"),
        ("purpose: sometimes", "'purpose' is true, false or any"),
    ],
)
def test_bad_pattern_field_is_refused(ontology, tmp_path, field, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        f"patterns:\n  - {{id: x.y, lemma: [go], cameo: '042', {field}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=message):
        Lexicon.load(ontology, extra_files=[bad])


def test_protests_are_the_motive_of_any_act_they_are_the_purpose_of(lexicon):
    assert lexicon.pattern("protest.demonstrate").purpose == "any"


def test_invalid_yaml_names_the_line(ontology, tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("patterns:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.yaml:\d+: invalid YAML"):
        Lexicon.load(ontology, extra_files=[bad])


def test_duplicate_pattern_id_is_refused(ontology, tmp_path):
    dup = tmp_path / "dup.yaml"
    dup.write_text(
        "patterns:\n  - {id: consult.visit, lemma: [go], cameo: '042'}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="already used"):
        Lexicon.load(ontology, extra_files=[dup])


def test_missing_extra_file_is_a_clear_error(ontology, tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        Lexicon.load(ontology, extra_files=[tmp_path / "absent.yaml"])


def test_unknown_converse_code_is_refused(ontology, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "patterns:\n  - {id: x.y, lemma: [go], cameo: '043', converse: '999'}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="converse '999'"):
        Lexicon.load(ontology, extra_files=[bad])


def test_pattern_refine_table_comes_before_the_file_table(ontology, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "refine: {'08': '105'}\npatterns:\n"
        "  - {id: user.howl, lemma: [howl], cameo: '100', absorb: true,"
        " refine: {'08': '1056', '0841': '1053'}}\n",
        encoding="utf-8",
    )
    p = Lexicon.load(ontology, extra_files=[extra]).pattern("user.howl")
    assert p.refined("0841") == "1053" and p.refined("087") == "1056"
    assert p.refined("19") is None


def test_obligation_cues_name_a_demand_pattern(lexicon):
    cues = lexicon.modality
    assert "must" in cues.obligation_aux
    assert lexicon.pattern(cues.obligation_pattern).cameo[:2] == "10"


def test_claim_cues_name_an_accusation_pattern_refined_by_attacks(lexicon):
    cues = lexicon.modality
    assert {"18", "19"} <= cues.claim_roots
    p = lexicon.pattern(cues.claim_pattern)
    assert p.cameo[:2] == "11" and p.refined("190") == "1123"


def test_refusal_phrases_are_word_tuples(lexicon):
    assert ("out", "of", "the", "question") in lexicon.modality.refusal_phrases


def test_speech_nouns_and_background_clauses_are_read(lexicon):
    cues = lexicon.modality
    assert "reminder" in cues.speech_nouns
    assert "after" in cues.background_clauses and "since" not in cues.background_clauses


def test_demands_are_no_event_as_another_acts_purpose(lexicon):
    assert not lexicon.pattern("demand.demand").purpose
    assert lexicon.pattern("assault.abduct").purpose


def test_unknown_refusal_key_is_refused():
    from eventwire.coding.lexicon import _parse_modality

    text = "refusal: {aux: [will], roots: ['08'], pattern: x, when: [y]}\n"
    with pytest.raises(LexiconError, match="refusal"):
        _parse_modality(text, "modality.yaml")


def test_lexicon_size_and_code_coverage(ontology, lexicon):
    # distinct wordings: (lemma, part of speech, required words) per pattern
    assert lexicon.lemma_count >= 1500
    coded = {p.cameo for p in lexicon.patterns} | {p.converse for p in lexicon.patterns}
    coded |= {code for p in lexicon.patterns for _, code in p.refine}
    leaves = [c for c in ontology.codes() if len(c) > 2]
    assert len(coded & set(leaves)) / len(leaves) >= 0.85
