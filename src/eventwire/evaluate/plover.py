"""``eventwire eval plover FILE``: PLOVER event types against gold-standard records.

Gold: JSON Lines, one record per line with ``text``, ``event`` (the PLOVER type),
``date`` and ``id`` (the PLOVER gold-standard records).  The records use PLOVER 0.5
names; older names are mapped to the current ones before scoring (``RENAMED``).  A
record's ``event`` may list several types separated by commas; any of them counts.

Each record's ``text`` is coded as a one-sentence article.  Scores:

- recall: share of records with at least one coded event of a gold type;
- precision: share of coded events whose type is one of the record's gold types;
- per type: records with that gold type, coded events of that type, recall, precision;
- precision by confidence band (does the confidence rank the events?);
- the modality of the coded events (all, and correct ones).

A coded event whose CAMEO code has no PLOVER type is listed as ``(none)`` and counts
as a wrong event.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.evaluate.common import (
    GoldError,
    add_arguments,
    code_sentences,
    dump_json,
    f1,
    fail,
    parse_date,
    ratio,
    read_jsonl,
    table,
)

HELP = "Score PLOVER event types against PLOVER gold-standard records (JSONL)."

# PLOVER 0.5 names in the gold records -> the names the coder emits
RENAMED = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# lower bounds of the confidence bands; a band runs up to the next bound
BANDS = (0.0, 0.5, 0.7, 0.85)


@dataclass(frozen=True, slots=True)
class PloverGold:
    id: str
    line: int
    text: str
    date: object  # datetime.date
    events: tuple[str, ...]  # gold PLOVER types, renamed
    source: tuple[dict, ...] = ()
    target: tuple[dict, ...] = ()
    reciprocal: bool = False
    raw_event: str = ""


def normalize_type(name: str) -> str:
    name = name.strip().upper()
    return RENAMED.get(name, name)


def _actors(value, where: str) -> tuple[dict, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
        raise GoldError(f"{where}: actors must be a list of objects")
    return tuple(value)


def parse_record(obj: dict, where: str, line: int = 0) -> PloverGold:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f"{where}: record has no 'text'")
    event = obj.get("event")
    if not isinstance(event, str) or not event.strip():
        raise GoldError(f"{where}: record has no 'event'")
    info = obj.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else info
    return PloverGold(
        id=str(obj.get("id") or where),
        line=line,
        text=text.strip(),
        date=parse_date(obj.get("date"), where),
        events=tuple(dict.fromkeys(normalize_type(e) for e in event.split(",") if e.strip())),
        source=_actors(obj.get("source"), where),
        target=_actors(obj.get("target"), where),
        reciprocal="SRC/TAR" in str(markup),
        raw_event=event,
    )


def load_gold(path, *, limit: int | None = None) -> list[PloverGold]:
    """The gold records of a PLOVER JSONL file (the first ``limit`` when given)."""
    return [parse_record(obj, f"{path}:{n}", n) for n, obj in read_jsonl(path, limit=limit)]


def band_of(confidence: float) -> str:
    """The name of the confidence band: ``<0.5``, ``0.5-0.7``, ``0.7-0.85``, ``>=0.85``."""
    i = max(k for k, low in enumerate(BANDS) if confidence >= low or k == 0)
    if i == 0:
        return f"<{BANDS[1]}"
    if i + 1 < len(BANDS):
        return f"{BANDS[i]}-{BANDS[i + 1]}"
    return f">={BANDS[i]}"


def band_names() -> list[str]:
    return [band_of(b) for b in BANDS]


def score(gold: Sequence[PloverGold], predictions: Sequence[Sequence[dict]]) -> dict:
    """Scores of coded events (``predictions[i]`` for ``gold[i]``) against the gold types."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold records but {len(predictions)} predictions")
    n_gold: Counter = Counter()
    found: Counter = Counter()  # records of a gold type with an event of that type
    n_coded: Counter = Counter()
    right: Counter = Counter()  # coded events of a type that is in the record's gold
    bands = {b: [0, 0] for b in band_names()}  # band -> [events, correct]
    modality: Counter = Counter()
    modality_right: Counter = Counter()
    recalled = covered = events = correct = 0
    for g, pred in zip(gold, predictions, strict=True):
        gold_types = set(g.events)
        coded_types = {e.get("plover") or "" for e in pred}
        covered += bool(pred)
        recalled += bool(gold_types & coded_types)
        for t in gold_types:
            n_gold[t] += 1
            found[t] += t in coded_types
        for e in pred:
            t = e.get("plover") or ""
            ok = t in gold_types
            events += 1
            correct += ok
            n_coded[t] += 1
            right[t] += ok
            band = bands[band_of(float(e.get("confidence") or 0.0))]
            band[0] += 1
            band[1] += ok
            modality[e.get("modality") or ""] += 1
            modality_right[e.get("modality") or ""] += ok
    p, r = ratio(correct, events), ratio(recalled, len(gold))
    categories = {}
    for t in sorted(set(n_gold) | set(n_coded)):
        categories[t or "(none)"] = {
            "gold": n_gold[t],
            "coded": n_coded[t],
            "recall": ratio(found[t], n_gold[t]),
            "precision": ratio(right[t], n_coded[t]),
        }
    return {
        "records": len(gold),
        "records_with_event": covered,
        "coverage": ratio(covered, len(gold)),
        "records_recalled": recalled,
        "events": events,
        "events_correct": correct,
        "recall": r,
        "precision": p,
        "f1": f1(p, r),
        "categories": categories,
        "confidence_bands": {
            b: {"events": n, "correct": k, "precision": ratio(k, n)} for b, (n, k) in bands.items()
        },
        "modality": {
            m: {"events": n, "correct": modality_right[m], "precision": ratio(modality_right[m], n)}
            for m, n in sorted(modality.items())
        },
    }


def under_plover_convention(predictions: Sequence[Sequence[dict]], ontology) -> list[list[dict]]:
    """The coded events with PLOVER's own convention for acts not (yet) done.

    An event record keeps the type of the act itself ("will provide aid" is AID,
    planned); PLOVER's coders file announced cooperation under AGREE and planned or
    possible hostility under THREATEN.  Scoring against PLOVER gold uses that convention
    (``Ontology.plover_for``); ``--convention act`` scores the records as emitted.
    """
    return [
        [{**e, "plover": ontology.plover_for(e["cameo"], e.get("modality") or "")} for e in pred]
        for pred in predictions
    ]


def evaluate(path, *, limit: int | None = None, pipeline=None, convention: str = "plover") -> dict:
    gold = load_gold(path, limit=limit)
    predictions = code_sentences([(g.text, g.date) for g in gold], pipeline=pipeline)
    if convention == "plover":
        from eventwire.coding.ontology import Ontology

        ontology = pipeline.ontology if pipeline is not None else Ontology.load()
        predictions = under_plover_convention(predictions, ontology)
    result = score(gold, predictions)
    result["file"] = str(path)
    result["convention"] = convention
    return result


def report(result: dict) -> str:
    head = (
        f"convention {result.get('convention', 'act')}  "
        f"records {result['records']}  with an event {result['records_with_event']}"
        f"  coded events {result['events']}\n"
        + table(
            ["", "precision", "recall", "f1"],
            [["overall", result["precision"], result["recall"], result["f1"]]],
        )
    )
    cats = table(
        ["PLOVER type", "gold", "coded", "recall", "precision"],
        [
            [k, v["gold"], v["coded"], v["recall"], v["precision"]]
            for k, v in result["categories"].items()
        ],
    )
    bands = table(
        ["confidence", "events", "correct", "precision"],
        [
            [k, v["events"], v["correct"], v["precision"]]
            for k, v in result["confidence_bands"].items()
        ],
    )
    modality = table(
        ["modality", "events", "correct", "precision"],
        [[k, v["events"], v["correct"], v["precision"]] for k, v in result["modality"].items()],
    )
    return "\n\n".join([head, cats, bands, modality])


def configure(parser) -> None:
    add_arguments(parser, file_help="PLOVER gold-standard records (JSON Lines)")
    parser.add_argument(
        "--convention",
        choices=("plover", "act"),
        default="plover",
        help="type planned/possible acts as PLOVER's coders do (AGREE, THREATEN; default) "
        "or by the act itself, as event records carry it",
    )


def run(args) -> int:
    try:
        result = evaluate(args.file, limit=args.limit, convention=args.convention)
    except GoldError as exc:
        return fail("plover", exc)
    print(dump_json(result) if args.json else report(result), file=sys.stdout)
    return 0
