"""``eventwire eval quad FILE``: the five-way event class of news sentences.

Gold: one sentence per line, ``sentence<TAB>label`` (no header; a first line whose
label is not a number is taken as a header and skipped), label 0-4 as in ConfliBERT's
CAMEO class data:

    0 statement or appeal (CAMEO roots 01-02)   1 verbal cooperation (03-05)
    2 material cooperation (06-08)              3 verbal conflict (09-13)
    4 material conflict (14-20)

Each sentence is coded as a one-sentence article dated ``DEFAULT_DATE`` (2018-01-01:
the file has no dates and its sentences are 2017-18 news) and its label predicted from the
*main* coded event, chosen by ``main_event``: the highest confidence; on a tie the event
with more actors (source and target both found beats one beats none); then the earliest
trigger in the sentence (in wire style the main clause comes first).  The label is
taken from the event's CAMEO root (``LABEL_OF_ROOT``).  A sentence with no coded event
gets no label: it counts as wrong, is shown in the confusion matrix's ``none`` column,
and ``coverage`` is the share of sentences with an event.  Macro-F1 averages the F1 of
the labels that occur in the gold or the predictions (all five on the full file).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.evaluate.common import (
    DEFAULT_DATE,
    GoldError,
    add_arguments,
    code_sentences,
    dump_json,
    fail,
    iter_lines,
    prf,
    ratio,
    table,
)

HELP = "Score the five-way event class of sentences (ConfliBERT CAMEO class TSV)."

LABELS = (0, 1, 2, 3, 4)
LABEL_NAMES = {
    0: "statement/appeal",
    1: "verbal coop",
    2: "material coop",
    3: "verbal conflict",
    4: "material conflict",
}
# CAMEO root (1-20) -> label
LABEL_OF_ROOT = {
    r: 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)
}


@dataclass(frozen=True, slots=True)
class QuadGold:
    line: int
    text: str
    label: int


def load_gold(path, *, limit: int | None = None) -> list[QuadGold]:
    """The labelled sentences of a ``sentence<TAB>label`` file."""
    out: list[QuadGold] = []
    for n, line in iter_lines(path):
        if not line.strip():
            continue
        if limit is not None and len(out) >= limit:
            break
        text, sep, label = line.rpartition("\t")
        label = label.strip()
        if not sep or not text.strip():
            raise GoldError(f"{path}:{n}: expected 'sentence<TAB>label'")
        if not label.isdigit():
            if n == 1 and not out:
                continue  # a header line
            raise GoldError(f"{path}:{n}: label {label!r} is not a number")
        if int(label) not in LABELS:
            raise GoldError(f"{path}:{n}: label {label} is not one of 0-4")
        out.append(QuadGold(line=n, text=text.strip(), label=int(label)))
    return out


def label_of(event: dict) -> int | None:
    """The label of a coded event, from its CAMEO root."""
    root = str(event.get("cameo_root") or event.get("cameo") or "")[:2]
    return LABEL_OF_ROOT.get(int(root)) if root.isdigit() else None


def main_event(events: Sequence[dict]) -> dict | None:
    """The event that stands for the sentence (see the module documentation)."""
    candidates = [e for e in events if label_of(e) is not None]
    if not candidates:
        return None

    def key(e: dict):
        actors = (e.get("source") is not None) + (e.get("target") is not None)
        start = (e.get("span") or [0])[0]
        return (-float(e.get("confidence") or 0.0), -actors, start)

    return min(candidates, key=key)


def predict(events: Sequence[dict]) -> int | None:
    event = main_event(events)
    return label_of(event) if event is not None else None


def score(gold: Sequence[int], predicted: Sequence[int | None]) -> dict:
    """Accuracy, macro-F1, per-label P/R/F1 and the confusion matrix.

    ``predicted[i]`` is ``None`` when sentence ``i`` has no coded event.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    confusion = {g: {**{p: 0 for p in LABELS}, "none": 0} for g in LABELS}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g]["none" if p is None else p] += 1
    per_label = {}
    for lab in LABELS:
        tp = confusion[lab][lab]
        n_pred = sum(confusion[g][lab] for g in LABELS)
        n_gold = sum(confusion[lab].values())
        per_label[lab] = {"name": LABEL_NAMES[lab], **prf(tp, n_pred, n_gold)}
    correct = sum(confusion[lab][lab] for lab in LABELS)
    covered = sum(p is not None for p in predicted)
    f1s = [v["f1"] for v in per_label.values() if v["f1"] is not None]
    return {
        "sentences": len(gold),
        "with_event": covered,
        "coverage": ratio(covered, len(gold)),
        "accuracy": ratio(correct, len(gold)),
        "accuracy_with_event": ratio(correct, covered),
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "labels": per_label,
        "confusion": confusion,
    }


def evaluate(path, *, limit: int | None = None, pipeline=None) -> dict:
    gold = load_gold(path, limit=limit)
    coded = code_sentences([(g.text, DEFAULT_DATE) for g in gold], pipeline=pipeline)
    result = score([g.label for g in gold], [predict(events) for events in coded])
    result["file"] = str(path)
    result["rule"] = "main event: highest confidence, then more actors, then earliest trigger"
    return result


def report(result: dict) -> str:
    head = (
        f"sentences {result['sentences']}  with an event {result['with_event']}"
        f" (coverage {result['coverage']})\n"
        f"accuracy {result['accuracy']}  macro-F1 {result['macro_f1']}"
        f"  accuracy on sentences with an event {result['accuracy_with_event']}"
    )
    labels = table(
        ["label", "gold", "pred", "precision", "recall", "f1"],
        [
            [f"{k} {v['name']}", v["gold"], v["pred"], v["precision"], v["recall"], v["f1"]]
            for k, v in result["labels"].items()
        ],
    )
    cols = [*map(str, LABELS), "none"]
    confusion = table(
        ["gold \\ predicted", *cols],
        [
            [f"{g} {LABEL_NAMES[int(g)]}", *(row[c if c == "none" else int(c)] for c in cols)]
            for g, row in result["confusion"].items()
        ],
    )
    return "\n\n".join([head, labels, confusion])


def configure(parser) -> None:
    add_arguments(parser, file_help="sentence<TAB>label file (labels 0-4)")


def run(args) -> int:
    try:
        result = evaluate(args.file, limit=args.limit)
    except GoldError as exc:
        return fail("quad", exc)
    print(dump_json(result) if args.json else report(result), file=sys.stdout)
    return 0
