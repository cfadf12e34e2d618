"""Golden sentences: every case in tests/cases/sentences_*.yaml, coded by one Pipeline.

The case format is documented at the top of each YAML file. The helpers here
(``load_cases``, ``check_events``) are also used by tests/test_demo.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"

SPEC_KEYS = {
    "source",
    "target",
    "root",
    "cameo",
    "plover",
    "modality",
    "date",
    "sentence",
    "historical",
    "note",
    "gap",
}
# `gap: "why"` marks what the coder does not get right yet: on a case it makes the test an
# expected failure, on a spec it lets that one spec fail.  Both are strict -- a gap that
# starts passing fails the test until its mark is removed -- so the marks stay a true
# list of what is missing.
CASE_KEYS = {"id", "date", "text", "events", "forbid", "exact", "note", "gap"}
MODALITIES = {"occurred", "planned", "possible", "negated"}
PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
}


# --------------------------------------------------------------------------- matching


def _options(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [str(v) for v in values]


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _actor_ok(want, actor) -> bool:
    if want is None:
        return actor is None
    return actor is not None and str(actor.get("code") or "").startswith(str(want))


def spec_matches(spec: dict, event: dict) -> bool:
    """True when ``event`` (an event record dict) has every field ``spec`` asks for."""
    if "source" in spec and not _actor_ok(spec["source"], event.get("source")):
        return False
    if "target" in spec and not _actor_ok(spec["target"], event.get("target")):
        return False
    cameo = str(event.get("cameo") or "")
    if "root" in spec and cameo[:2] not in _options(spec["root"]):
        return False
    if "cameo" in spec and cameo not in _options(spec["cameo"]):
        return False
    if "plover" in spec and event.get("plover") != spec["plover"]:
        return False
    if "modality" in spec and event.get("modality") not in _options(spec["modality"]):
        return False
    if "historical" in spec and bool(event.get("historical")) != bool(spec["historical"]):
        return False
    if "sentence" in spec and str(spec["sentence"]) not in (event.get("sentence") or ""):
        return False
    if "date" in spec:
        date = event.get("date") or {}
        lo, hi = (_iso(d) for d in spec["date"])
        start, end = date.get("start"), date.get("end")
        if not start or not end or start < lo or end > hi:
            return False
    return True


def _unmatched(specs: list[dict], events: list[dict]) -> list[int]:
    """Indices of specs left without an event in a maximum one-to-one matching."""
    candidates = [[j for j, e in enumerate(events) if spec_matches(s, e)] for s in specs]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return [i for i in range(len(specs)) if not augment(i, set())]


def show_event(e: dict) -> str:
    def code(actor):
        return actor.get("code") if actor else "-"

    date = e.get("date") or {}
    return (
        f"{code(e.get('source'))}->{code(e.get('target'))} {e.get('cameo')} "
        f"{e.get('plover')} {e.get('modality')} {date.get('start')}..{date.get('end')} "
        f"trigger={e.get('trigger')!r} s{e.get('sentence_index')}"
    )


def show_spec(spec: dict) -> str:
    def show(value):
        if isinstance(value, list):
            return "[" + ", ".join(_iso(v) for v in value) + "]"
        return _iso(value)

    shown = ", ".join(f"{k}: {show(v)}" for k, v in spec.items() if k not in ("note", "gap"))
    return "{" + shown + "}"


def check_events(
    events: list[dict], expected: list[dict], forbid: list[dict] = (), exact: bool = False
) -> list[str]:
    """Problems found in ``events`` against the specs (empty list = all good).

    Specs marked ``gap`` are known misses: they may fail, but one that passes is reported
    so that its mark is removed.
    """
    required = [s for s in expected if "gap" not in s]
    gaps = [s for s in expected if "gap" in s]
    missing = _unmatched(required, events)
    problems = [f"missing {show_spec(required[i])}" for i in missing]
    for gap in gaps:
        if len(_unmatched(required + [gap], events)) == len(missing):
            problems.append(f"now coded, remove its gap mark: {show_spec(gap)}")
    for spec in forbid:
        hits = [e for e in events if spec_matches(spec, e)]
        if "gap" not in spec:
            problems += [f"forbidden {show_spec(spec)} matched: {show_event(e)}" for e in hits]
        elif not hits:
            problems.append(f"no longer matched, remove its gap mark: {show_spec(spec)}")
    if exact:
        for e in events:
            if not any(spec_matches(s, e) for s in expected):
                problems.append(f"unexpected event: {show_event(e)}")
    if problems:
        problems.append("coded events:" + "".join("\n    " + show_event(e) for e in events))
    return problems


# --------------------------------------------------------------------------- loading


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(CASES_DIR.glob("sentences_*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            case["_file"] = path.name
            cases.append(case)
    return cases


CASES = load_cases()


def spec_problems(spec, where: str) -> list[str]:
    """Format errors in one spec (shared with the demo cases)."""
    if not isinstance(spec, dict):
        return [f"{where}: a spec must be a mapping"]
    out = [f"{where}: unknown key {k!r}" for k in spec if k not in SPEC_KEYS]
    for key in ("root", "cameo"):
        for code in _options(spec.get(key, [])):
            width = (2, 2) if key == "root" else (2, 4)
            if not (code.isdigit() and width[0] <= len(code) <= width[1]):
                out.append(f"{where}: bad {key} {code!r}")
    if "root" in spec and "cameo" in spec:
        roots = _options(spec["root"])
        out += [
            f"{where}: cameo {c} outside root {roots}"
            for c in _options(spec["cameo"])
            if c[:2] not in roots
        ]
    if "modality" in spec:
        out += [
            f"{where}: bad modality {m!r}"
            for m in _options(spec["modality"])
            if m not in MODALITIES
        ]
    if "plover" in spec and spec["plover"] not in PLOVER_TYPES:
        out.append(f"{where}: bad plover {spec['plover']!r}")
    if "date" in spec:
        d = spec["date"]
        if not (isinstance(d, list) and len(d) == 2 and all(isinstance(x, dt.date) for x in d)):
            out.append(f"{where}: date must be [YYYY-MM-DD, YYYY-MM-DD]")
        elif d[0] > d[1]:
            out.append(f"{where}: date window ends before it starts")
    for key in ("source", "target"):
        if key in spec and spec[key] is not None and not str(spec[key]).isupper():
            out.append(f"{where}: {key} must be an upper-case CAMEO code prefix or null")
    return out


# --------------------------------------------------------------------------- the data


def test_case_files_are_well_formed():
    problems = []
    seen = set()
    for case in CASES:
        where = f"{case.get('_file')}:{case.get('id')}"
        problems += [f"{where}: unknown key {k!r}" for k in case if k not in CASE_KEYS | {"_file"}]
        if case.get("id") in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(case.get("id"))
        if not isinstance(case.get("date"), dt.date):
            problems.append(f"{where}: date must be YYYY-MM-DD")
        if not str(case.get("text") or "").strip():
            problems.append(f"{where}: empty text")
        if not isinstance(case.get("events"), list):
            problems.append(f"{where}: events must be a list")
        for spec in (case.get("events") or []) + (case.get("forbid") or []):
            problems += spec_problems(spec, where)
            if isinstance(spec, dict) and "sentence" in spec:
                if spec["sentence"] not in case.get("text", ""):
                    problems.append(f"{where}: sentence {spec['sentence']!r} not in text")
    assert not problems, "\n".join(problems)


def test_cases_cover_every_cameo_root_and_plover_type():
    assert len(CASES) >= 150
    roots, plover = set(), set()
    for case in CASES:
        for spec in case.get("events") or []:
            if "plover" in spec:
                plover.add(spec["plover"])
            for key in ("root", "cameo"):
                codes = _options(spec.get(key, []))
                if len(codes) == 1:
                    roots.add(codes[0][:2])
    assert roots >= {f"{i:02d}" for i in range(1, 21)}, sorted(roots)
    assert plover >= PLOVER_TYPES, sorted(PLOVER_TYPES - plover)
    assert sum(1 for c in CASES if c.get("exact") and not c.get("events")) >= 15


def _event(src, tgt, cameo, modality="occurred", start="2023-03-16", end=None):
    def actor(code):
        return None if code is None else {"code": code}

    return {
        "source": actor(src),
        "target": actor(tgt),
        "cameo": cameo,
        "plover": "CONSULT",
        "modality": modality,
        "date": {"start": start, "end": end or start},
        "sentence": "Xi and Putin met on Thursday.",
        "trigger": "met",
        "sentence_index": 0,
    }


def test_check_events_needs_one_event_per_spec_and_honours_forbid_and_exact():
    met = [
        {"source": "CHN", "target": "RUS", "root": "04", "date": [dt.date(2023, 3, 16)] * 2},
        {"source": "RUS", "target": "CHN", "root": "04", "date": [dt.date(2023, 3, 16)] * 2},
    ]
    both = [_event("CHNGOV", "RUSGOV", "040"), _event("RUSGOV", "CHNGOV", "040")]
    assert check_events(both, met, exact=True) == []
    # one direction only: the second spec has no event of its own
    assert check_events(both[:1] * 2, met)[0].startswith("missing")
    # a week-long date is vaguer than the one-day window
    week = [_event("CHNGOV", "RUSGOV", "040", start="2023-03-13", end="2023-03-19"), both[1]]
    assert check_events(week, met)
    # null actor, forbidden modality, and an extra event under exact
    assert check_events([_event(None, "RUS", "042")], [{"source": None, "cameo": "042"}]) == []
    assert check_events(both, met, forbid=[{"modality": ["occurred"], "root": "04"}])
    assert check_events(both + [_event("CHN", None, "111")], met, exact=True)


def test_gap_marks_let_known_misses_fail_and_flag_fixed_ones():
    visit = {"source": "CHN", "target": "RUS", "cameo": "042"}
    call = {"source": "CHN", "target": "UKR", "cameo": "041"}
    coded = [_event("CHNGOV", "RUS", "042")]
    assert check_events(coded, [visit, {**call, "gap": "no call yet"}]) == []
    fixed = check_events(coded + [_event("CHNGOV", "UKR", "041")], [visit, {**call, "gap": "x"}])
    assert fixed and fixed[0].startswith("now coded, remove its gap mark")
    # a forbidden spec marked as a gap may match; one that no longer matches is flagged
    assert check_events(coded, [visit], forbid=[{**visit, "gap": "known"}]) == []
    stale = check_events(coded, [visit], forbid=[{**call, "gap": "known"}])
    assert stale and stale[0].startswith("no longer matched")


# --------------------------------------------------------------------------- the coding


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


def _param(case: dict):
    if case.get("gap"):
        return pytest.param(case, marks=pytest.mark.xfail(reason=str(case["gap"]), strict=True))
    return case


@pytest.mark.parametrize("case", [_param(c) for c in CASES], ids=[str(c["id"]) for c in CASES])
def test_sentence(pipeline, case):
    events = pipeline.code(case["text"], date=_iso(case["date"]))
    problems = check_events(
        events,
        case.get("events") or [],
        case.get("forbid") or [],
        exact=bool(case.get("exact")),
    )
    if problems:
        pytest.fail(f"{case['id']}: {case['text']}\n" + "\n".join(problems), pytrace=False)
