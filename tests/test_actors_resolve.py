"""Actor resolution on real spaCy parses: golden cases in tests/cases/actors_resolve.yaml
and tests/cases/actors_more.yaml (same format; ``codes`` lists every actor a mention
gives, in order, for phrases that stand for two actors)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.actors import ActorKB, ActorResolver

CASES_DIR = Path(__file__).parent / "cases"
CASES = [
    case
    for name in ("actors_resolve.yaml", "actors_more.yaml")
    for case in yaml.safe_load((CASES_DIR / name).read_text(encoding="utf-8"))
]


@pytest.fixture(scope="module")
def resolvers():
    cache: dict[tuple[str, ...], ActorResolver] = {}

    def get(user: tuple[str, ...]) -> ActorResolver:
        if user not in cache:
            files = [CASES_DIR / name for name in user]
            cache[user] = ActorResolver(ActorKB.load(user_files=files))
        return cache[user]

    return get


def _mentions(actors, parsed):
    out = []
    for s in parsed.sentences:
        for m in actors.mentions(s.index):
            out.append((s, m))
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case, parse, resolvers):
    parsed = parse(case["text"], str(case["date"]))
    actors = resolvers(tuple(case.get("user", ()))).resolve(parsed)
    found = {}
    for s, m in _mentions(actors, parsed):
        found.setdefault(s.span_text(m.token_start, m.token_end), []).append(m.actor)
    for want in case["expect"]:
        got = found.get(want["text"])
        assert got, f"no mention {want['text']!r}; got {sorted(found)}"
        actor = got[0]
        if "codes" in want:
            assert [a.code for a in got] == want["codes"], (want["text"], got)
        else:
            assert actor.code == want["code"], (want["text"], actor)
        if "wikidata" in want:
            assert actor.wikidata == want["wikidata"], (want["text"], actor)
        if "name" in want:
            assert actor.name == want["name"], (want["text"], actor)
    for word in case.get("absent", ()):
        for s in parsed.sentences:
            for t in s.tokens:
                if t.text == word:
                    assert actors.at(s.index, t.i) is None, (word, actors.at(s.index, t.i))
    for index, words in (case.get("absent_in_sentence") or {}).items():
        s = parsed.sentences[int(index)]
        for t in s.tokens:
            if t.text in words:
                assert actors.at(s.index, t.i) is None, (t.text, actors.at(s.index, t.i))


def test_mention_head_and_offsets(parse, resolvers):
    parsed = parse("China's President Xi Jinping met Russian troops.")
    actors = resolvers(("actors_people.yaml",)).resolve(parsed)
    s = parsed.sentences[0]
    first = actors.mentions(0)[0]
    assert s.tokens[first.head].text == "Jinping"
    assert parsed.article.text[first.start : first.end] == "China's President Xi Jinping"
    # every token of the phrase leads back to the same mention
    assert all(actors.at(0, i) is first for i in range(first.token_start, first.token_end))


def test_countries_most_frequent_first(parse, resolvers):
    parsed = parse(
        "Iranian officials met Iraqi ministers in Baghdad. Tehran and Iraq signed a deal. "
        "Iran said the Iranian delegation would return."
    )
    actors = resolvers(()).resolve(parsed)
    assert actors.countries()[:2] == ["IRN", "IRQ"]


def test_unclear_context_leaves_sector_without_country(parse, resolvers):
    parsed = parse("Chinese and Japanese diplomats met in Hanoi. Police said the talks were calm.")
    actors = resolvers(()).resolve(parsed)
    police = [m for m in actors.mentions(1) if parsed.sentences[1].tokens[m.head].text == "Police"]
    assert police and police[0].actor.code == "COP"


def test_two_pipelines_with_different_dictionaries(parse, resolvers):
    parsed = parse("Ruritanian troops crossed the border.", "2024-05-10")
    plain = resolvers(()).resolve(parsed)
    custom = resolvers(("actors_user.yaml",)).resolve(parsed)
    codes_custom = [m.actor.code for m in custom.mentions(0)]
    codes_plain = [m.actor.code for m in plain.mentions(0)]
    assert "RURMIL" in codes_custom
    assert "RURMIL" not in codes_plain


def test_user_countries_section(parse, tmp_path):
    f = tmp_path / "places.yaml"
    f.write_text(
        "countries:\n  - {code: RUR, name: Ruritania, adj: [Ruritanian], capitals: [Strelsau]}\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(ActorKB.load(user_files=[f]))
    parsed = parse("Strelsau said Ruritanian troops would stay.", "2024-05-10")
    codes = {
        parsed.sentences[0].span_text(m.token_start, m.token_end): m.actor.code
        for m in resolver.resolve(parsed).mentions(0)
    }
    assert codes == {"Strelsau": "RURGOV", "Ruritanian troops": "RURMIL"}


def test_two_leaders_are_two_mentions_over_the_same_words(parse, resolvers):
    parsed = parse(
        "Russian President Vladimir Putin met Chinese President Xi Jinping on Monday. "
        "The two leaders signed a statement."
    )
    actors = resolvers(("actors_people.yaml",)).resolve(parsed)
    s = parsed.sentences[1]
    pair = [m for m in actors.mentions(1) if s.tokens[m.head].text == "leaders"]
    assert [m.actor.code for m in pair] == ["RUSGOV", "CHNGOV"]
    assert pair[0].token_start == pair[1].token_start and pair[0].head == pair[1].head
    assert actors.all_at(1, pair[0].head) == pair
    assert actors.at(1, pair[0].head) is pair[0]


def test_both_countries_refer_to_the_last_two_named(parse, resolvers):
    parsed = parse("Sudan and Chad signed a deal. Both governments said the border would reopen.")
    actors = resolvers(()).resolve(parsed)
    head = next(t.i for t in parsed.sentences[1].tokens if t.text == "governments")
    assert [m.actor.code for m in actors.all_at(1, head)] == ["SDNGOV", "TCDGOV"]


def test_plural_reference_needs_two_earlier_actors(parse, resolvers):
    parsed = parse("Sudan signed a deal. Both sides said the border would reopen.")
    actors = resolvers(()).resolve(parsed)
    head = next(t.i for t in parsed.sentences[1].tokens if t.text == "sides")
    assert actors.all_at(1, head) == []


def test_headline_in_capitals_is_not_one_name(parse, resolvers):
    parsed = parse("PUTIN MEETS XI IN MOSCOW")
    actors = resolvers(("actors_people.yaml",)).resolve(parsed)
    s = parsed.sentences[0]
    codes = {s.span_text(m.token_start, m.token_end): m.actor.code for m in actors.mentions(0)}
    assert codes == {"PUTIN": "RUSGOV", "XI": "CHNGOV", "MOSCOW": "RUS"}


def test_resolver_works_without_gazetteer(parse):
    resolver = ActorResolver(ActorKB.load(), gazetteer=None)
    parsed = parse("Police in Lagos arrested five men.")
    codes = [m.actor.code for m in resolver.resolve(parsed).mentions(0)]
    assert "NGACOP" not in codes


def test_coordination_that_leaves_no_phrase_after_the_split_does_not_fail(parse):
    from eventwire.actors.kb import ActorKB
    from eventwire.actors.resolve import ActorResolver

    resolver = ActorResolver(ActorKB.load())
    for text in (
        "New interest rates on two-year and one-year deposits at banks will be 3.64 pct "
        "and 3.39 pct per annum, respectively.",
        "The interest rate ceiling of MMCs with maturities of between one year and two "
        "years will be set at 0.5 percentage point below the deposit rate, the bank said.",
    ):
        actors = resolver.resolve(parse(text, "1987-03-02"))
        assert all(m.token_start < m.token_end for m in actors.mentions(0))


def test_rank_inside_a_company_name_is_not_an_officer(parse, resolvers):
    parsed = parse("General Electric Co declined comment on rumours of a purchase.")
    ents = [e.label for e in parsed.sentences[0].entities if "General" in e.text]
    if ents != ["ORG"]:
        pytest.skip("the parser does not read the company as an organisation")
    actors = resolvers(()).resolve(parsed)
    assert all(m.actor.sector != "MIL" for m in actors.mentions(0))


def test_pair_phrase_with_a_shared_head_is_resolved_without_failing(parse, resolvers):
    # "both" before a coordination with a shared head ("both Arab and Western capitals")
    # after two countries were named: the phrase may stand for a pair of actors
    parsed = parse(
        "Initial US military assessments suggest that a campaign against Syria's air "
        "defences could lead to serious civilian loss of life. For now, such an operation "
        "is simply not on President Barack Obama's agenda. An active discussion about the "
        "merits of intervention is being waged in both Arab and Western capitals."
    )
    actors = resolvers(()).resolve(parsed)
    s = parsed.sentences[2]
    texts = {s.span_text(m.token_start, m.token_end) for m in actors.mentions(2)}
    assert "Western capitals" in texts
