"""Shared pieces of the event evaluations: reading gold files, coding, scores, output.

Gold files are read record by record; a bad record raises ``GoldError`` naming the
file and line.  ``code_sentences`` codes every gold sentence as a one-sentence article
with one ``Pipeline`` built once per run.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

DEFAULT_DATE = dt.date(2018, 1, 1)


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


# ---------------------------------------------------------------------- reading


def iter_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """(1-based line number, line without its newline) for a UTF-8 text file, gzipped
    when its name ends in ``.gz``."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"{path}: no such file")
    try:
        if path.suffix == ".gz":
            fh = gzip.open(path, "rt", encoding="utf-8-sig")
        else:
            fh = path.open(encoding="utf-8-sig")
        with fh:
            for n, line in enumerate(fh, 1):
                yield n, line.rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except (OSError, EOFError) as exc:  # a broken or truncated gzip stream
        raise GoldError(f"{path}: cannot read ({exc})") from None


def read_jsonl(path: str | Path, *, limit: int | None = None) -> list[tuple[int, dict]]:
    """(line number, object) for every non-blank line of a JSON Lines file."""
    out: list[tuple[int, dict]] = []
    for n, line in iter_lines(path):
        if not line.strip():
            continue
        if limit is not None and len(out) >= limit:
            break
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise GoldError(f"{path}:{n}: expected a JSON object")
        out.append((n, obj))
    return out


def parse_date(value: Any, where: str) -> dt.date:
    if not value:
        return DEFAULT_DATE
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise GoldError(f"{where}: invalid date {value!r}") from None


# ---------------------------------------------------------------------- coding


def code_sentences(
    items: Sequence[tuple[str, dt.date]], *, pipeline=None, progress: bool = False
) -> list[list[dict]]:
    """Code each ``(text, date)`` as a one-sentence article; event records per item.

    The pipeline is built here (once) unless one is given.
    """
    from eventwire.ingest import make_article

    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
    articles = [
        make_article(text, date=date, doc_id=f"gold-{i}") for i, (text, date) in enumerate(items)
    ]
    out: list[list[dict]] = []
    for _, events in pipeline.code_articles(articles):
        out.append([e.to_dict() for e in events])
        if progress and len(out) % 200 == 0:
            print(f"  coded {len(out)}/{len(articles)}", file=sys.stderr)
    if len(out) != len(articles):
        raise RuntimeError(f"pipeline returned {len(out)} results for {len(articles)} articles")
    return out


# ---------------------------------------------------------------------- scores


def ratio(num: float, den: float) -> float | None:
    """num / den rounded to 4 places, ``None`` when there is nothing to divide by."""
    return round(num / den, 4) if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall and F1 with their counts.

    A side with nothing to divide by is ``None``; F1 is 0 when nothing is right but there
    was something to find or something predicted, ``None`` when there was neither.
    """
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    score = f1(p, r) if p is not None and r is not None else (0.0 if n_pred or n_gold else None)
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": score}


# ---------------------------------------------------------------------- output


def add_arguments(parser, *, file_help: str) -> None:
    """FILE, --json and --limit, common to every event evaluation."""
    parser.add_argument("file", metavar="FILE", help=file_help)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="use only the first N gold records"
    )


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A plain text table: first column left-aligned, the others right-aligned."""
    cells = [[fmt(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))
    lines = []
    for row in [list(headers), *cells]:
        parts = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def dump_json(result: dict) -> str:
    return json.dumps(result, indent=2, sort_keys=False, ensure_ascii=False)


def fail(kind: str, exc: Exception) -> int:
    print(f"eventwire eval {kind}: {exc}", file=sys.stderr)
    return 2
