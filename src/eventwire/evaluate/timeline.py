"""``eventwire eval timeline ARTICLES --gold DIR``: event dates against gold timelines.

Measures whether events are dated when they happened rather than when they were
reported, on a timeline-summarisation corpus (Timeline17 layout): dated articles in
JSON Lines (``.jsonl`` or ``.jsonl.gz``, one object per line with ``date``, ``text``,
an ``id`` and a group field, ``topic`` by default) and, per group, a gold file
``DIR/<group>.timelines.jsonl`` holding one timeline per line, each a JSON list of
``[date, [sentence, ...]]`` pairs written by editors who dated each event.

Each group's articles are coded and every *occurred* event is put on a day three ways:

``publication``
    its article's date, as systems that date events by publication do;
``eventwire``
    its record's ``date`` when that is a single day (the day of a time expression in
    the text, or the article's date when the text gives none);
``text only``
    the day from a time expression only; events with no day in the text are left out.

For each gold timeline with ``k`` dates, the ``k`` days with the most events (ties to
the earlier day) among those inside the timeline's first and last date are selected and
compared with the gold dates: date precision, recall and F1, as in timeline
summarisation (date selection).  Scores are averaged over timelines.

An article line that cannot be read is reported on standard error with its file and
line, and skipped; the rest is coded.  A gold file that cannot be read stops the run
with its file and line.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.common import GoldError, dump_json, fail, iter_lines, prf, ratio, table

HELP = "Score event dates against gold timelines (date selection on Timeline17-style data)."

WAYS = ("publication", "eventwire", "text only")


@dataclass(frozen=True, slots=True)
class Timeline:
    group: str
    index: int  # 1-based line in the gold file
    dates: frozenset[dt.date]

    @property
    def first(self) -> dt.date:
        return min(self.dates)

    @property
    def last(self) -> dt.date:
        return max(self.dates)


# ---------------------------------------------------------------------- reading


def read_groups(
    path: str | Path, *, field: str = "topic", groups: Sequence[str] | None = None, err=None
) -> dict[str, list[dict]]:
    """The articles of a JSON Lines file by group (``field``), in file order.

    Lines that are not a JSON object with a text, an ISO date and the group field are
    reported on ``err`` (standard error) and skipped.
    """
    path = Path(path)
    err = err or sys.stderr
    wanted = set(groups) if groups else None
    out: dict[str, list[dict]] = defaultdict(list)
    for n, line in iter_lines(path):
        if not line.strip():
            continue
        problem = None
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            obj, problem = None, f"invalid JSON ({exc.msg})"
        if problem is None and not isinstance(obj, dict):
            problem = "expected a JSON object"
        elif problem is None:
            day = _iso_day(obj.get("date"))
            if not isinstance(obj.get("text"), str) or not obj["text"].strip():
                problem = "no 'text'"
            elif day is None:
                problem = f"invalid date {obj.get('date')!r}"
            elif not isinstance(obj.get(field), str) or not obj[field]:
                problem = f"no {field!r}"
        if problem is not None:
            print(f"{path}:{n}: skipped: {problem}", file=err)
            continue
        if wanted is None or obj[field] in wanted:
            out[obj[field]].append(
                {"id": str(obj.get("id") or f"{path.name}:{n}"), "date": day, "text": obj["text"]}
            )
    return dict(out)


def _iso_day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def read_timelines(path: str | Path, group: str) -> list[Timeline]:
    """The gold timelines of one group: one JSON list of ``[date, [sentences]]`` per line."""
    out: list[Timeline] = []
    for n, line in iter_lines(path):
        if not line.strip():
            continue
        try:
            items = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
        if not isinstance(items, list) or not items:
            raise GoldError(f"{path}:{n}: expected a list of [date, [sentences]] pairs")
        dates = set()
        for item in items:
            day = _iso_day(item[0]) if isinstance(item, list) and item else None
            if day is None:
                raise GoldError(f"{path}:{n}: expected [date, [sentences]], got {item!r:.60}")
            dates.add(day)
        out.append(Timeline(group=group, index=n, dates=frozenset(dates)))
    if not out:
        raise GoldError(f"{path}: no timeline")
    return out


# ---------------------------------------------------------------------- counting


def day_counts(records: Sequence[tuple[dt.date, list[dict]]]) -> dict[str, Counter]:
    """Events per day, the three ways, from (article date, event records) pairs; and
    under ``moved`` the (article date, event day) pairs of events a time expression put
    on another day than their article's."""
    counts = {way: Counter() for way in (*WAYS, "moved")}
    for doc_date, events in records:
        for e in events:
            if e.get("modality") != "occurred":
                continue
            counts["publication"][doc_date] += 1
            d = e.get("date") or {}
            start, end = _iso_day(d.get("start")), _iso_day(d.get("end"))
            if start is None or start != end:
                continue  # a range, a month, a year: no single day
            counts["eventwire"][start] += 1
            if d.get("basis") != "document":
                counts["text only"][start] += 1
                if start != doc_date:
                    counts["moved"][(doc_date, start)] += 1
    return counts


def select(counts: Counter, timeline: Timeline) -> list[dt.date]:
    """The ``k`` days with most events inside the timeline's span, ties to the earlier."""
    inside = [(day, n) for day, n in counts.items() if timeline.first <= day <= timeline.last]
    inside.sort(key=lambda kv: (-kv[1], kv[0]))
    return [day for day, _ in inside[: len(timeline.dates)]]


def score_timeline(counts: dict[str, Counter], timeline: Timeline) -> dict:
    out: dict = {}
    for way in WAYS:
        chosen = select(counts[way], timeline)
        out[way] = prf(len(set(chosen) & timeline.dates), len(chosen), len(timeline.dates))
    out["moved"] = moved_hits(counts["moved"], timeline)
    return out


def moved_hits(moved: Counter, timeline: Timeline) -> dict:
    """Of the events moved off their article's date (one of the two days inside the
    timeline's span): how many, the share that land on a gold date, and the share whose
    article's date is a gold date."""
    n = on_event_day = on_article_day = 0
    for (doc_date, day), k in moved.items():
        if not (
            timeline.first <= doc_date <= timeline.last or timeline.first <= day <= timeline.last
        ):
            continue
        n += k
        on_event_day += k * (day in timeline.dates)
        on_article_day += k * (doc_date in timeline.dates)
    return {
        "events": n,
        "on_gold": on_event_day,
        "article_on_gold": on_article_day,
        "event_day_in_gold": ratio(on_event_day, n),
        "article_day_in_gold": ratio(on_article_day, n),
    }


# ---------------------------------------------------------------------- running


def evaluate(
    articles: str | Path,
    gold_dir: str | Path,
    *,
    field: str = "topic",
    groups: Sequence[str] | None = None,
    limit: int | None = None,
    pipeline=None,
    progress: bool = False,
    err=None,
) -> dict:
    from eventwire.ingest import make_article

    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such folder")
    by_group = read_groups(articles, field=field, groups=groups, err=err)
    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
    rows, skipped = [], []
    for group in sorted(by_group):
        gold_path = gold_dir / f"{group}.timelines.jsonl"
        if not gold_path.is_file():
            skipped.append(group)
            continue
        timelines = read_timelines(gold_path, group)
        docs = by_group[group][:limit] if limit else by_group[group]
        arts = [make_article(d["text"], date=d["date"], doc_id=d["id"]) for d in docs]
        coded = [
            (a.date, [e.to_dict() for e in events]) for a, events in pipeline.code_articles(arts)
        ]
        counts = day_counts(coded)
        if progress:
            print(f"  {group}: {len(arts)} articles coded", file=sys.stderr)
        for t in timelines:
            rows.append(
                {
                    "group": group,
                    "timeline": t.index,
                    "articles": len(arts),
                    "gold_dates": len(t.dates),
                    "events": sum(counts["publication"].values()),
                    "events_dated_from_text": sum(counts["text only"].values()),
                    **score_timeline(counts, t),
                }
            )
    mean = {
        way: round(sum(r[way]["f1"] for r in rows) / len(rows), 4) if rows else None for way in WAYS
    }
    moved = sum(r["moved"]["events"] for r in rows)
    return {
        "articles": str(articles),
        "gold": str(gold_dir),
        "timelines": len(rows),
        "mean_date_f1": mean,
        "moved": {
            "events": moved,
            "event_day_in_gold": ratio(sum(r["moved"]["on_gold"] for r in rows), moved),
            "article_day_in_gold": ratio(sum(r["moved"]["article_on_gold"] for r in rows), moved),
        },
        "rows": rows,
        "groups_without_gold": skipped,
    }


def report(result: dict) -> str:
    rows = [
        [
            f"{r['group']}#{r['timeline']}",
            r["articles"],
            r["events"],
            r["events_dated_from_text"],
            r["gold_dates"],
            *(r[way]["f1"] for way in WAYS),
            r["moved"]["events"],
            r["moved"]["event_day_in_gold"],
            r["moved"]["article_day_in_gold"],
        ]
        for r in result["rows"]
    ]
    m = result["moved"]
    means = [result["mean_date_f1"][w] for w in WAYS]
    totals = [m["events"], m["event_day_in_gold"], m["article_day_in_gold"]]
    rows.append(["mean", "", "", "", "", *means, *totals])
    head = ["timeline", "articles", "events", "day in text", "gold dates"]
    moved = ["moved", "event day in gold", "article day in gold"]
    out = table(head + [f"F1 {w}" for w in WAYS] + moved, rows)
    if result["groups_without_gold"]:
        out += "\nno gold timeline for: " + ", ".join(result["groups_without_gold"])
    return out


def configure(parser) -> None:
    parser.add_argument("file", metavar="ARTICLES", help="articles, JSON Lines (.jsonl[.gz])")
    parser.add_argument(
        "--gold", required=True, metavar="DIR", help="folder of <group>.timelines.jsonl files"
    )
    parser.add_argument(
        "--field", default="topic", help="the article field naming its group (default: topic)"
    )
    parser.add_argument(
        "--group", action="append", default=None, metavar="NAME", help="score only this group"
    )
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="code only the first N per group"
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args) -> int:
    try:
        result = evaluate(
            args.file,
            args.gold,
            field=args.field,
            groups=args.group,
            limit=args.limit,
            progress=True,
        )
    except GoldError as exc:
        return fail("timeline", exc)
    print(dump_json(result) if args.json else report(result), file=sys.stdout)
    return 0
