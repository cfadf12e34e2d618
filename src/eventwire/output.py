"""Event records out: JSON Lines, CSV and a table for the terminal.

Every writer takes event records as ``Event`` objects or as the dicts of
``Event.to_dict()`` / ``Store.events()`` (the shape of docs/event-record.md), so
the command line and the HTTP API print the same thing.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "CsvWriter",
    "JsonlWriter",
    "TableWriter",
    "flatten",
    "format_table",
    "make_writer",
    "write_csv",
    "write_jsonl",
]

FORMATS = ("table", "jsonl", "csv")

_ACTOR_FIELDS = ("code", "name", "country", "sector", "wikidata", "text")
_DATE_FIELDS = ("start", "end", "precision", "text", "timex", "basis")
_PLACE_FIELDS = ("name", "country", "geonameid", "lat", "lon", "feature")

CSV_COLUMNS: tuple[str, ...] = (
    "event_id",
    "doc_id",
    "doc_date",
    *(f"date_{f}" for f in _DATE_FIELDS),
    *(f"source_{f}" for f in _ACTOR_FIELDS),
    "trigger",
    *(f"target_{f}" for f in _ACTOR_FIELDS),
    "cameo",
    "cameo_root",
    "cameo_label",
    "plover",
    "plover_mode",
    "plover_context",
    "quad_class",
    "goldstein",
    "modality",
    "historical",
    "reciprocal",
    *(f"location_{f}" for f in _PLACE_FIELDS),
    "confidence",
    "sentence_index",
    "span_start",
    "span_end",
    "sentence",
    "versions",
)


def _record(event: Any) -> Mapping[str, Any]:
    return event if isinstance(event, Mapping) else event.to_dict()


def flatten(event: Any) -> dict[str, Any]:
    """One event as a flat dict with the ``CSV_COLUMNS`` keys (nested fields prefixed)."""
    rec = _record(event)
    out: dict[str, Any] = {}
    for key, fields in (
        ("date", _DATE_FIELDS),
        ("source", _ACTOR_FIELDS),
        ("target", _ACTOR_FIELDS),
        ("location", _PLACE_FIELDS),
    ):
        sub = rec.get(key) or {}
        for f in fields:
            out[f"{key}_{f}"] = sub.get(f)
    span = rec.get("span") or (None, None)
    out["span_start"], out["span_end"] = span[0], span[1]
    versions = rec.get("versions")
    out["versions"] = json.dumps(versions) if versions else None
    for col in CSV_COLUMNS:
        if col not in out:
            out[col] = rec.get(col)
    return out


# --------------------------------------------------------------------------- JSONL and CSV


class JsonlWriter:
    """One JSON object per line."""

    def __init__(self, fp: TextIO) -> None:
        self.fp = fp
        self.count = 0

    def write(self, events: Iterable[Any]) -> int:
        n = 0
        for event in events:
            self.fp.write(json.dumps(_record(event), ensure_ascii=False) + "\n")
            n += 1
        self.count += n
        return n

    def close(self) -> None:
        self.fp.flush()


class CsvWriter:
    """Flattened columns (``CSV_COLUMNS``); the header is written once, before the first row."""

    def __init__(self, fp: TextIO, *, header: bool = True) -> None:
        self.fp = fp
        self.writer = csv.writer(fp, lineterminator="\n")
        self.header = header
        self.count = 0

    def write(self, events: Iterable[Any]) -> int:
        if self.header:
            self.writer.writerow(CSV_COLUMNS)
            self.header = False
        n = 0
        for event in events:
            flat = flatten(event)
            self.writer.writerow(
                ["" if flat[c] is None else _csv_value(flat[c]) for c in CSV_COLUMNS]
            )
            n += 1
        self.count += n
        return n

    def close(self) -> None:
        if self.header:  # no events at all: still a well-formed file
            self.writer.writerow(CSV_COLUMNS)
            self.header = False
        self.fp.flush()


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_jsonl(events: Iterable[Any], fp: TextIO) -> int:
    """Write events as JSON Lines; returns how many were written."""
    return JsonlWriter(fp).write(events)


def write_csv(events: Iterable[Any], fp: TextIO, *, header: bool = True) -> int:
    """Write events as CSV (flattened columns, one header line); returns how many rows."""
    writer = CsvWriter(fp, header=header)
    n = writer.write(events)
    writer.close()
    return n


# --------------------------------------------------------------------------- table

# (title, minimum width, preferred maximum width); the sentence takes what is left.
_TABLE_COLUMNS = (
    ("DATE", 10, 22),
    ("SOURCE", 6, 12),
    ("TRIGGER", 7, 16),
    ("TARGET", 6, 12),
    ("CAMEO", 5, 26),
    ("MODALITY", 8, 8),
    ("SENTENCE", 20, 200),
)
# Widths a streamed table starts from, since later rows are not known yet.
_STREAM_WIDTHS = (10, 8, 12, 8, 22, 8)
# The sentence gets at least this share of the line; wide columns give way to it.
_SENTENCE_SHARE = 0.3
# (column, width) steps in which the other columns give way: first to a still readable
# width, then down to their minimum.
_SHRINK_STEPS = (
    (4, 16),  # CAMEO "042 Make a visit"
    (2, 12),  # TRIGGER
    (1, 8),  # SOURCE
    (3, 8),  # TARGET
    (0, 17),  # DATE "2024-05-10..05-31"
    (4, 9),
    (2, 7),
    (1, 6),
    (3, 6),
    (4, 5),
    (0, 10),
)
_GAP = "  "


def _clip(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    if width <= 1:
        return text[:width]
    return text[: width - 1] + "…"


def _date_range(rec: Mapping[str, Any]) -> str:
    date = rec.get("date") or {}
    start, end = date.get("start") or "", date.get("end") or ""
    if not end or start == end:
        return start
    if start[:5] == end[:5]:  # same year: 2024-05-01..05-31
        return f"{start}..{end[5:]}"
    return f"{start}..{end}"


def _excerpt(sentence: str, trigger: str, width: int) -> str:
    """The sentence cut to ``width``, keeping the trigger in view."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    at = sentence.find(trigger) if trigger else -1
    if at < 0 or at + len(trigger) < width - 1:
        return _clip(sentence, width)
    start = max(0, at - width // 3)
    piece = "…" + sentence[start + 1 :]
    return _clip(piece, width)


def _cells(event: Any, sentence_width: int) -> list[str]:
    rec = _record(event)
    source, target = rec.get("source") or {}, rec.get("target") or {}
    cameo = " ".join(p for p in (rec.get("cameo") or "", rec.get("cameo_label") or "") if p)
    trigger = rec.get("trigger") or ""
    return [
        _date_range(rec),
        source.get("code") or "-",
        trigger,
        target.get("code") or "-",
        cameo,
        rec.get("modality") or "",
        _excerpt(rec.get("sentence") or "", trigger, sentence_width),
    ]


def _widths(rows: list[list[str]], total: int, floor: tuple[int, ...] = ()) -> list[int]:
    """Column widths that fit ``total`` characters; the sentence gets the rest."""
    widths = []
    for k, (title, low, high) in enumerate(_TABLE_COLUMNS[:-1]):
        longest = max([len(title), floor[k] if floor else 0] + [len(r[k]) for r in rows])
        widths.append(max(low, min(high, longest)))
    _, low, high = _TABLE_COLUMNS[-1]
    wanted = max(low, int(total * _SENTENCE_SHARE))
    sentence = total - (sum(widths) + len(_GAP) * len(widths))
    if sentence < wanted:  # narrow terminal: the wide columns give way, one char at a time
        need = wanted - sentence
        for k, floor_width in _SHRINK_STEPS:
            take = max(0, min(need, widths[k] - floor_width))
            widths[k] -= take
            need -= take
        sentence = max(low, total - (sum(widths) + len(_GAP) * len(widths)))
    widths.append(min(high, sentence))
    return widths


def _line(cells: list[str], widths: list[int]) -> str:
    parts = [_clip(c, w).ljust(w) for c, w in zip(cells[:-1], widths[:-1], strict=True)]
    parts.append(_clip(cells[-1], widths[-1]))
    return _GAP.join(parts).rstrip()


def _terminal_width(width: int | None) -> int:
    return width if width else shutil.get_terminal_size((120, 24)).columns


def format_table(events: Iterable[Any], *, width: int | None = None) -> str:
    """Events as an aligned text table fitting ``width`` (default: the terminal's)."""
    total = _terminal_width(width)
    records = [_record(e) for e in events]
    rows = [_cells(r, 10_000) for r in records]
    widths = _widths(rows, total)
    rows = [_cells(r, widths[-1]) for r in records]
    header = _line([t for t, _, _ in _TABLE_COLUMNS], widths)
    return "\n".join([header] + [_line(r, widths) for r in rows]) + "\n"


class TableWriter:
    """Streams events as table rows; column widths are set by the first batch written."""

    def __init__(self, fp: TextIO, *, width: int | None = None) -> None:
        self.fp = fp
        self.width = width
        self.widths: list[int] | None = None
        self.count = 0

    def write(self, events: Iterable[Any]) -> int:
        records = [_record(e) for e in events]
        if not records:
            return 0
        if self.widths is None:
            rows = [_cells(r, 10_000) for r in records]
            self.widths = _widths(rows, _terminal_width(self.width), _STREAM_WIDTHS)
            self.fp.write(_line([t for t, _, _ in _TABLE_COLUMNS], self.widths) + "\n")
        for r in records:
            self.fp.write(_line(_cells(r, self.widths[-1]), self.widths) + "\n")
        self.count += len(records)
        return len(records)

    def close(self) -> None:
        self.fp.flush()


def make_writer(fmt: str, fp: TextIO, *, width: int | None = None):
    """A writer (``write(events)``, ``close()``) for ``fmt`` in ``FORMATS``."""
    if fmt == "jsonl":
        return JsonlWriter(fp)
    if fmt == "csv":
        return CsvWriter(fp)
    if fmt == "table":
        return TableWriter(fp, width=width)
    raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(FORMATS)}")
