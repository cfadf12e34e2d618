"""``eventwire eval timex``: TempEval-3 Task A scores of the TIMEX3 tagger on TimeML files.

For every .tml file the tagger runs on the raw TEXT with the DCT of the file.  Measures,
as the TempEval-3 scorer defines them:

* strict extent P/R/F1: a system expression counts when its extent equals a gold one;
* relaxed extent P/R/F1: when it overlaps a gold one (pairs are matched one-to-one,
  largest overlap first);
* value F1 and type F1: over the relaxed pairs, ``correct`` = pairs whose attribute is
  equal; precision = correct / system expressions, recall = correct / gold expressions,
  F1 their harmonic mean (= relaxed F1 x attribute accuracy).

Results are given overall and per corpus: the folder of each file relative to the
directory given (or the parent folder name for files given one by one).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HELP = "Score the TIMEX3 tagger on TimeML files (TempEval-3 Task A measures)."


@dataclass(slots=True)
class Counts:
    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("docs", "gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        def prf(hit_sys: int, hit_gold: int) -> tuple[float, float, float]:
            p = hit_sys / self.system if self.system else 0.0
            r = hit_gold / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.strict, self.strict)
        rp, rr, rf = prf(self.relaxed, self.relaxed)
        _, _, vf = prf(self.value, self.value)
        _, _, tf = prf(self.type, self.type)
        return {
            "docs": self.docs,
            "gold": self.gold,
            "system": self.system,
            "strict_p": round(sp, 4),
            "strict_r": round(sr, 4),
            "strict_f1": round(sf, 4),
            "relaxed_p": round(rp, 4),
            "relaxed_r": round(rr, 4),
            "relaxed_f1": round(rf, 4),
            "value_f1": round(vf, 4),
            "type_f1": round(tf, 4),
            "value_accuracy": round(self.value / self.relaxed, 4) if self.relaxed else 0.0,
        }


def match(gold, system) -> tuple[int, list[tuple[int, int]]]:
    """Strict hits and one-to-one relaxed pairs (gold index, system index)."""
    strict_spans = {(g.start, g.end) for g in gold}
    strict = sum(1 for s in system if (s.start, s.end) in strict_spans)
    cand = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                cand.append((-ov, i, j))
    cand.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, i, j in cand:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        pairs.append((i, j))
    return strict, pairs


def score_doc(doc, system) -> Counts:
    c = Counts(docs=1, gold=len(doc.timexes), system=len(system))
    c.strict, pairs = match(doc.timexes, system)
    c.relaxed = len(pairs)
    matched_gold = set()
    for i, j in pairs:
        g, s = doc.timexes[i], system[j]
        matched_gold.add(i)
        c.value += g.value == s.value
        c.type += g.type == s.type
        if g.value != s.value:
            c.errors.append(("value", g.text, g.value, f"{s.text} -> {s.value}"))
    for i, g in enumerate(doc.timexes):
        if i not in matched_gold:
            c.errors.append(("missed", g.text, g.value, ""))
    matched_sys = {j for _, j in pairs}
    for j, s in enumerate(system):
        if j not in matched_sys:
            c.errors.append(("spurious", s.text, s.value, getattr(s, "rule", None) or ""))
    return c


def collect(paths: list[str]) -> list[tuple[str, Path]]:
    """(corpus name, file) for every .tml file under the given paths."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*.tml")):
                if f.name.startswith("._"):
                    continue
                rel = f.parent.relative_to(p)
                out.append((str(rel) if str(rel) != "." else p.name, f))
        elif p.is_file():
            out.append((p.parent.name, p))
        else:
            raise FileNotFoundError(f"{p}: no such file or directory")
    return out


def evaluate(paths: list[str], *, parse: bool = False, tagger=None) -> dict[str, Counts]:
    from eventwire.evaluate.timeml import TimeMLError, read_timeml
    from eventwire.temporal.tagger import TimeTagger

    tagger = tagger or TimeTagger()
    parser = None
    if parse:
        from eventwire.nlp.parse import Parser

        parser = Parser()
    per: dict[str, Counts] = defaultdict(Counts)
    for corpus, f in collect(paths):
        try:
            doc = read_timeml(f)
        except TimeMLError as exc:
            print(f"eventwire eval timex: {exc}", file=sys.stderr)
            continue
        sentences = parser.parse_text(doc.text, doc.dct).sentences if parser else None
        system = tagger.tag(doc.text, doc.dct, sentences=sentences)
        c = score_doc(doc, system)
        per[corpus].add(c)
        per[corpus].errors.extend((doc.doc_id, *e) for e in c.errors)
    return dict(per)


def configure(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="DIR_OR_FILES", help="TimeML files or folders")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--parse", action="store_true", help="parse with spaCy and use verb tense (slower)"
    )
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print N errors per corpus to stderr"
    )


def run(args) -> int:
    try:
        per = evaluate(args.paths, parse=args.parse)
    except FileNotFoundError as exc:
        print(f"eventwire eval timex: {exc}", file=sys.stderr)
        return 2
    total = Counts()
    for c in per.values():
        total.add(c)
    result = {"overall": total.scores(), "corpora": {k: v.scores() for k, v in sorted(per.items())}}
    if args.errors:
        for name, c in sorted(per.items()):
            for e in c.errors[: args.errors]:
                print(name, *e, sep="\t", file=sys.stderr)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    cols = ["docs", "gold", "system", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1"]
    cols += ["value_f1", "type_f1"]
    rows = [("overall", result["overall"])] + list(result["corpora"].items())
    width = max(len(r[0]) for r in rows)
    print(f"{'corpus':<{width}}  " + "  ".join(f"{c:>10}" for c in cols))
    for name, s in rows:
        cells = [f"{s[c]:>10}" if isinstance(s[c], int) else f"{s[c]:>10.4f}" for c in cols]
        print(f"{name:<{width}}  " + "  ".join(cells))
    return 0
