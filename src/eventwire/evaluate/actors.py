"""``eventwire eval actors FILE``: who did it to whom.

Two kinds of gold, told apart by the file name (``.jsonl`` / ``.txt``) or ``--format``:

``plover`` (PLOVER gold-standard records, JSON Lines).  Each record's text is coded as
a one-sentence article.  Among records with at least one coded event, the event compared
is the one that best matches the gold event (``pick_event``: an event of a gold PLOVER
type first, then the highest confidence, then the earliest).  A gold side (``source`` or
``target``) is a list of actors, each with ``code`` (ISO3, or ``IGO``/``NGO``/... for a
non-state actor) and optional ``sector``; the few gold codes that are not ISO3
(``RECODED``: ``JAP``, ``ITL``) are read as the ISO3 codes they stand for.  A coded
actor's *key* is its country, or for an actor without a country the first three letters
of its code (``IGO`` for ``IGOUNO``).  The coded side is *right* when its key is the code
of one of the gold actors; its *sector* is right when, in addition, its sector equals that
gold actor's sector (the first three letters, ``None`` for a bare state; ``***`` counts as
no sector).  Records marked reciprocal (``SRC/TAR``) with no gold target use the source list for both sides.
Each share is over the records that have that gold side.

``ner`` (CoNLL: ``token TAG`` per line, blank line between sentences, BIO tags with
``S`` source, ``T`` target, ``R`` reciprocal actor).  Tokens are joined into a sentence
(no space before closing punctuation and clitics), coded as an article dated
``DEFAULT_DATE``, and each coded event's ``source.text`` / ``target.text`` is found in
the sentence (the occurrence nearest the event's trigger) and mapped to the tokens it
covers; a mention that cannot be found counts in ``mentions_not_found``.  Source spans are scored against
``S`` spans and target spans against ``T`` spans; a predicted span that matches an ``R``
span is neither right nor wrong there.  ``actor`` scores every predicted actor span
against every gold span whatever the role.  *exact*: same first and last token;
*overlap*: at least one token shared (each gold span matched at most once).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate import plover as plover_gold
from eventwire.evaluate.common import (
    DEFAULT_DATE,
    GoldError,
    code_sentences,
    dump_json,
    fail,
    iter_lines,
    prf,
    ratio,
    table,
)

HELP = "Score event actors: PLOVER gold records (.jsonl) or source/target spans (CoNLL .txt)."

ROLES = {"S": "source", "T": "target", "R": "reciprocal"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re",
                   "'ve", "'ll", "'d", "'m", "’s", "ʼs", "’", "ʼ"}  # fmt: skip
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
APOS = {"'", "’", "ʼ"}


# ====================================================================== PLOVER records


def _sector(value) -> str | None:
    if not value:
        return None
    value = str(value).strip().upper()[:3]
    return None if not value or value == "***" else value


# country codes of the gold records that are not ISO3 -> the ISO3 code the coder emits
RECODED = {"JAP": "JPN", "ITL": "ITA"}


def gold_side(actors: Sequence[dict]) -> list[tuple[str, str | None]]:
    """(code, sector) of each gold actor with a code."""
    out = []
    for a in actors:
        code = str(a.get("code") or "").strip().upper()
        if code:
            out.append((RECODED.get(code[:3], code[:3]), _sector(a.get("sector"))))
    return out


def actor_key(actor: dict | None) -> str | None:
    """What a coded actor is compared on: its country, else its code's first three letters."""
    if not actor:
        return None
    if actor.get("country"):
        return str(actor["country"]).upper()
    code = str(actor.get("code") or "").upper()
    return code[:3] or None


def side_match(actor: dict | None, gold: Sequence[tuple[str, str | None]]) -> tuple[bool, bool]:
    """(country right, country and sector right) of one coded actor."""
    key = actor_key(actor)
    if key is None:
        return False, False
    countries = [g for g in gold if g[0] == key]
    if not countries:
        return False, False
    sector = _sector(actor.get("sector"))
    if sector == key:  # IGO/NGO actors: the code is already the sector
        sector = None
    return True, any(s == sector or (s == key and sector is None) for _, s in countries)


def pick_event(events: Sequence[dict], gold_types: Sequence[str]) -> dict | None:
    """The coded event compared with the gold event (see the module documentation)."""
    if not events:
        return None
    ranked = sorted(
        enumerate(events),
        key=lambda ie: (
            (ie[1].get("plover") or "") not in gold_types,
            -float(ie[1].get("confidence") or 0.0),
            ie[0],
        ),
    )
    return ranked[0][1]


def score_records(
    gold: Sequence[plover_gold.PloverGold], predictions: Sequence[Sequence[dict]]
) -> dict:
    """Actor agreement of the best-matching coded event of each record."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold records but {len(predictions)} predictions")
    n = {k: 0 for k in ("source", "target", "both")}
    right = {k: 0 for k in ("source", "target", "both")}
    sector = {k: 0 for k in ("source", "target", "both")}
    covered = type_match = 0
    for g, events in zip(gold, predictions, strict=True):
        event = pick_event(events, g.events)
        if event is None:
            continue
        covered += 1
        type_match += (event.get("plover") or "") in g.events
        src_gold = gold_side(g.source)
        tgt_gold = gold_side(g.target) or (src_gold if g.reciprocal else [])
        res = {}
        for side, gs in (("source", src_gold), ("target", tgt_gold)):
            if not gs:
                continue
            n[side] += 1
            res[side] = side_match(event.get(side), gs)
            right[side] += res[side][0]
            sector[side] += res[side][1]
        if len(res) == 2:
            n["both"] += 1
            right["both"] += res["source"][0] and res["target"][0]
            sector["both"] += res["source"][1] and res["target"][1]
    return {
        "records": len(gold),
        "records_with_event": covered,
        "coverage": ratio(covered, len(gold)),
        "event_type_matches": type_match,
        "country": {
            k: {"records": n[k], "right": right[k], "share": ratio(right[k], n[k])} for k in n
        },
        "country_and_sector": {
            k: {"records": n[k], "right": sector[k], "share": ratio(sector[k], n[k])} for k in n
        },
    }


def evaluate_records(path, *, limit: int | None = None, pipeline=None) -> dict:
    gold = plover_gold.load_gold(path, limit=limit)
    coded = code_sentences([(g.text, g.date) for g in gold], pipeline=pipeline)
    result = score_records(gold, coded)
    result["file"] = str(path)
    result["format"] = "plover"
    return result


# ====================================================================== CoNLL spans


@dataclass(frozen=True, slots=True)
class SpanSentence:
    line: int  # line of the first token
    tokens: tuple[str, ...]
    spans: tuple[tuple[str, int, int], ...]  # (role letter, first token, end token exclusive)
    text: str = ""
    offsets: tuple[tuple[int, int], ...] = ()


def detokenize(tokens: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join tokens into a sentence; the (start, end) of each token in it."""
    parts: list[str] = []
    offsets = []
    pos = 0
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        glued = tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or (tok == "s" and prev in APOS)
        if i and not glued:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), tuple(offsets)


def bio_spans(tags: Sequence[str], where: str = "") -> list[tuple[str, int, int]]:
    """(role, start, end) spans of a BIO tag sequence; a stray ``I-`` starts a span."""
    spans = []
    open_span: list | None = None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, role = tag.partition("-")
        if prefix not in ("B", "I", "O") or (prefix != "O" and not role):
            raise GoldError(f"{where}: bad tag {tag!r}")
        if open_span and (prefix != "I" or role != open_span[0]):
            spans.append((open_span[0], open_span[1], i))
            open_span = None
        if prefix == "B" or (prefix == "I" and open_span is None):
            open_span = [role, i]
    return spans


def load_spans(path, *, limit: int | None = None) -> list[SpanSentence]:
    """The sentences of a CoNLL ``token TAG`` file with their actor spans."""
    out: list[SpanSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    first = 0

    def close():
        text, offsets = detokenize(tokens)
        spans = bio_spans(tags, f"{path}:{first}")
        out.append(SpanSentence(first, tuple(tokens), tuple(spans), text, offsets))
        tokens.clear()
        tags.clear()

    for n, line in iter_lines(path):
        if limit is not None and len(out) >= limit:
            break
        if not line.strip():
            if tokens:
                close()
            continue
        cols = line.split()
        if len(cols) < 2:
            raise GoldError(f"{path}:{n}: expected 'token TAG'")
        if not tokens:
            first = n
        try:
            bio_spans([cols[-1]], f"{path}:{n}")
        except GoldError:
            raise GoldError(f"{path}:{n}: bad tag {cols[-1]!r}") from None
        tokens.append(cols[0])
        tags.append(cols[-1])
    if tokens and (limit is None or len(out) < limit):
        close()
    return out


def locate(text: str, mention: str, near: int) -> tuple[int, int] | None:
    """Character span of ``mention`` in ``text``, the occurrence nearest ``near``."""
    mention = mention.strip()
    if not mention:
        return None
    hits = []
    i = text.find(mention)
    while i >= 0:
        hits.append(i)
        i = text.find(mention, i + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - near))
    return best, best + len(mention)


def to_tokens(offsets: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The tokens a character span covers, as (first, end exclusive)."""
    covered = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
    return (covered[0], covered[-1] + 1) if covered else None


def predicted_spans(sentence: SpanSentence, events: Sequence[dict]) -> tuple[list, int]:
    """(role letter, first, end) of the coded actors of a sentence; also how many mentions
    could not be found in the sentence text."""
    spans: set[tuple[str, int, int]] = set()
    lost = 0
    for e in events:
        near = (e.get("span") or [0])[0]
        for role, side in (("S", "source"), ("T", "target")):
            actor = e.get(side)
            if not actor or not actor.get("text"):
                continue
            where = locate(sentence.text, actor["text"], near)
            toks = to_tokens(sentence.offsets, *where) if where else None
            if toks is None:
                lost += 1
                continue
            spans.add((role, *toks))
    return sorted(spans), lost


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Sequence, pred: Sequence, *, exact: bool, ignore: Sequence = ()) -> dict:
    """Counts for one sentence; spans are (start, end).  A predicted span without a match
    that matches one of ``ignore`` is left out of the predicted count."""
    used: set[int] = set()
    tp = n_pred = 0

    def same(a, b):
        return tuple(a) == tuple(b) if exact else _overlap(a, b)

    for p in pred:
        hit = next((i for i, g in enumerate(gold) if i not in used and same(p, g)), None)
        if hit is not None:
            used.add(hit)
            tp += 1
            n_pred += 1
        elif not any(same(p, x) for x in ignore):
            n_pred += 1
    return {"tp": tp, "pred": n_pred, "gold": len(gold)}


def score_spans(
    gold: Sequence[Sequence[tuple[str, int, int]]], pred: Sequence[Sequence[tuple[str, int, int]]]
) -> dict:
    """Span P/R/F1 for sources, targets and any actor, exact and overlap."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predictions")
    totals = {
        (what, mode): {"tp": 0, "pred": 0, "gold": 0}
        for what in ("source", "target", "actor")
        for mode in ("exact", "overlap")
    }
    for g, p in zip(gold, pred, strict=True):
        by_role = {r: [(a, b) for role, a, b in g if role == r] for r in ROLES}
        p_role = {r: [(a, b) for role, a, b in p if role == r] for r in ("S", "T")}
        for mode in ("exact", "overlap"):
            exact = mode == "exact"
            cases = {
                "source": (by_role["S"], p_role["S"], by_role["R"]),
                "target": (by_role["T"], p_role["T"], by_role["R"]),
                "actor": (
                    [(a, b) for _, a, b in g],
                    sorted(set(p_role["S"]) | set(p_role["T"])),
                    (),
                ),
            }
            for what, (gs, ps, ign) in cases.items():
                c = match_spans(gs, ps, exact=exact, ignore=ign)
                t = totals[(what, mode)]
                for k in t:
                    t[k] += c[k]
    out: dict = {"sentences": len(gold)}
    for what in ("source", "target", "actor"):
        out[what] = {}
        for mode in ("exact", "overlap"):
            t = totals[(what, mode)]
            out[what][mode] = prf(t["tp"], t["pred"], t["gold"])
    return out


def evaluate_spans(path, *, limit: int | None = None, pipeline=None) -> dict:
    sentences = load_spans(path, limit=limit)
    coded = code_sentences([(s.text, DEFAULT_DATE) for s in sentences], pipeline=pipeline)
    preds, lost = [], 0
    for s, events in zip(sentences, coded, strict=True):
        spans, n_lost = predicted_spans(s, events)
        preds.append(spans)
        lost += n_lost
    result = score_spans([s.spans for s in sentences], preds)
    result["sentences_with_event"] = sum(bool(e) for e in coded)
    result["coverage"] = ratio(result["sentences_with_event"], len(sentences))
    result["mentions_not_found"] = lost
    result["file"] = str(path)
    result["format"] = "ner"
    return result


# ====================================================================== command


def file_format(path, given: str | None = None) -> str:
    if given:
        return given
    suffixes = Path(path).suffixes
    if ".jsonl" in suffixes or ".json" in suffixes:
        return "plover"
    if suffixes and suffixes[-1] in (".txt", ".conll", ".bio"):
        return "ner"
    raise GoldError(f"{path}: cannot tell the format from the name; give --format")


def evaluate(path, *, fmt: str | None = None, limit: int | None = None, pipeline=None) -> dict:
    if file_format(path, fmt) == "plover":
        return evaluate_records(path, limit=limit, pipeline=pipeline)
    return evaluate_spans(path, limit=limit, pipeline=pipeline)


def report(result: dict) -> str:
    if result["format"] == "plover":
        head = (
            f"records {result['records']}  with an event {result['records_with_event']}"
            f"  compared event of a gold type {result['event_type_matches']}"
        )
        rows = [
            [side, result["country"][side]["records"], result["country"][side]["share"],
             result["country_and_sector"][side]["share"]]
            for side in ("source", "target", "both")
        ]  # fmt: skip
        return head + "\n\n" + table(["side", "records", "country", "country+sector"], rows)
    head = (
        f"sentences {result['sentences']}  with an event {result['sentences_with_event']}"
        f"  mentions not found {result['mentions_not_found']}"
    )
    rows = []
    for what in ("source", "target", "actor"):
        for mode in ("exact", "overlap"):
            c = result[what][mode]
            rows.append([f"{what} {mode}", c["gold"], c["pred"], c["tp"], c["precision"],
                         c["recall"], c["f1"]])  # fmt: skip
    return head + "\n\n" + table(["spans", "gold", "pred", "tp", "precision", "recall", "f1"], rows)


def configure(parser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="PLOVER gold records (.jsonl) or CoNLL S/T/R spans (.txt)"
    )
    parser.add_argument("--format", choices=["plover", "ner"], default=None, help="file format")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="use only the first N gold records"
    )


def run(args) -> int:
    try:
        result = evaluate(args.file, fmt=args.format, limit=args.limit)
    except GoldError as exc:
        return fail("actors", exc)
    print(dump_json(result) if args.json else report(result), file=sys.stdout)
    return 0
