"""Read dated articles from text, JSONL and CSV files, folders, gzip and standard input.

``read_articles(paths)`` yields an ``Article`` for every good record and an
``IngestError`` (``path:line: what is wrong``) for every bad one, in input order; one bad
record never stops the others.  JSONL, CSV and gzip input is read line by line, so files
of any length stream through in bounded memory.

Formats
-------
* Dated text (``.txt``, ``.text``; one article per file): optional leading white space,
  the word ``date`` (any case, optionally followed by ``:``), white space, an ISO date
  ``YYYY-MM-DD`` (or an ISO date-time), then the body.  The body is everything after the
  date with the white space right after the date removed (spaces, tabs and line breaks
  up to the first other character); nothing else is removed, so trailing white space
  stays.  Every offset of the article refers to this body.
* JSONL (``.jsonl``, ``.ndjson``): one JSON object per line with ``text`` and ``date``,
  optionally ``id``, ``title``, ``url``, ``source``.  Blank lines are skipped.
* CSV (``.csv``): a header row naming the columns (any case), then records with the
  same fields; quoted fields may span lines.  An error names the line a record starts on.
* ``.gz`` of any of these; a folder (recursive, sorted by name, hidden entries skipped);
  ``-`` for standard input (JSON lines if the first non-blank character is ``{``, else
  a dated text).  A file with another suffix named explicitly is read like stdin.

Dates in JSONL/CSV may be ISO dates or ISO date-times; a date-time's own calendar date
is taken as written (no time-zone conversion).  ``max_bytes`` (default 20 MiB) bounds a
dated text file and each JSONL line / CSV record; larger input is reported (E009).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import gzip
import hashlib
import io
import json
import os
import re
import sys
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from eventwire.errors import ingest_error
from eventwire.ingest.dateline import DatelineParser
from eventwire.records import Article, IngestError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN_PATH = "-"
STDIN_NAME = "<stdin>"
KINDS = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
FIELDS = ("text", "date", "id", "title", "url", "source")

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](.+))?\Z")
_HEADER = re.compile(r"\s*date(?:[ \t]*:[ \t]*|\s+)(\S+)", re.IGNORECASE)
_SNIFF_LINES = 1000  # blank lines looked through to decide what standard input holds
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)

Item = Article | IngestError


# --------------------------------------------------------------------------- public API


def read_articles(
    paths: Iterable[str | Path],
    *,
    max_bytes: int | None = None,
    stdin=None,
) -> Iterator[Article | IngestError]:
    """Articles and errors from files, folders, ``.gz`` and ``-`` (standard input), in order.

    ``max_bytes=None`` is the default limit of 20 MiB per dated text file and per
    JSONL line / CSV record.  ``stdin`` replaces ``sys.stdin`` for the path ``-`` (a
    text or binary stream).
    """
    return ArticleReader(max_bytes=max_bytes).read(paths, stdin=stdin)


def make_article(
    text: str,
    *,
    date: dt.date,
    doc_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    path: str | None = None,
    line: int | None = None,
    datelines: DatelineParser | None = None,
) -> Article:
    """An ``Article`` for ``text`` with its dateline, credits and coded region found.

    ``doc_id`` defaults to ``content_id(date, text)``.  ``datelines`` is the parser to
    use (the packaged rules when omitted).
    """
    if isinstance(date, dt.datetime):
        date = date.date()
    elif not isinstance(date, dt.date):
        parsed = parse_iso_date(str(date))
        if parsed is None:
            raise ValueError(f"invalid date {date!r}: expected YYYY-MM-DD")
        date = parsed
    found = (datelines or _default_datelines()).parse(text)
    return Article(
        doc_id=doc_id if doc_id else content_id(date, text),
        date=date,
        text=text,
        title=title,
        url=url,
        source=source,
        path=path,
        line=line,
        dateline=found.dateline,
        dateline_span=found.dateline_span,
        credits=found.credits,
        credits_span=found.credits_span,
        code_start=found.code_start,
        code_end=found.code_end,
    )


def content_id(date: dt.date, text: str) -> str:
    """A stable id for an article without one: sha256 of ``YYYY-MM-DD\\n`` + body, 16 hex."""
    data = f"{date.isoformat()}\n{text}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def parse_iso_date(value: str) -> dt.date | None:
    """``YYYY-MM-DD`` or an ISO date-time (its own calendar date); None when invalid."""
    m = _ISO_DATE.match(value.strip())
    if m is None:
        return None
    try:
        if m.group(2) is None:
            return dt.date.fromisoformat(m.group(1))
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def _default_datelines() -> DatelineParser:
    return DatelineParser()


# --------------------------------------------------------------------------- the reader


class ArticleReader:
    """Reads articles with one size limit and one set of dateline rules."""

    def __init__(self, *, max_bytes: int | None = None, datelines: DatelineParser | None = None):
        self.max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else int(max_bytes)
        if self.max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        self.datelines = datelines or DatelineParser()

    def read(self, paths: Iterable[str | Path], *, stdin=None) -> Iterator[Item]:
        if isinstance(paths, str | Path):
            paths = [paths]
        for path in paths:
            yield from self.read_path(path, stdin=stdin)

    def read_path(self, path: str | Path, *, stdin=None) -> Iterator[Item]:
        name = os.fspath(path)
        if name == STDIN_PATH:
            yield from self._read_stdin(stdin)
            return
        try:
            is_dir = os.path.isdir(name)
            os.stat(name)
        except FileNotFoundError:
            yield ingest_error(name, None, "E010", detail="no such file or folder")
            return
        except OSError as exc:
            yield ingest_error(name, None, "E010", detail=exc.strerror or str(exc))
            return
        if is_dir:
            yield from self._read_folder(name)
        else:
            kind, gz = _kind(name)
            yield from self._read_file(name, kind, gz)

    # ------------------------------------------------------------------ sources

    def _read_folder(self, root: str) -> Iterator[Item]:
        found = False
        for item in _walk(root):
            if isinstance(item, IngestError):
                yield item
                continue
            found = True
            kind, gz = _kind(item)
            yield from self._read_file(item, kind, gz)
        if not found:
            suffixes = ", ".join(KINDS)
            yield ingest_error(root, None, "E013", suffixes=suffixes)

    def _read_file(self, name: str, kind: str | None, gz: bool) -> Iterator[Item]:
        try:
            if kind == "text" and not gz and os.path.getsize(name) > self.max_bytes:
                yield ingest_error(name, None, "E009", what="the file", limit=self.max_bytes)
                return
            raw = open(name, "rb")  # closed by the with-block below
        except OSError as exc:
            yield ingest_error(name, None, "E010", detail=exc.strerror or str(exc))
            return
        with raw:
            stream = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
            yield from self._read_stream(stream, name, kind, gz)

    def _read_stdin(self, stdin) -> Iterator[Item]:
        stream = sys.stdin if stdin is None else stdin
        if hasattr(stream, "buffer"):
            stream = stream.buffer
        elif isinstance(stream, io.TextIOBase):
            stream = _EncodedText(stream)
        yield from self._read_stream(stream, STDIN_NAME, None, False)

    def _read_stream(self, stream, name: str, kind: str | None, gz: bool) -> Iterator[Item]:
        lines = _Lines(stream, self.max_bytes)
        try:
            first = lines.first_content()
            if first is not None and b"\x00" in first:
                yield ingest_error(name, None, "E004")
                return
            if kind is None:
                kind = "jsonl" if first is not None and first.lstrip().startswith(b"{") else "text"
            if kind == "text":
                yield from self._text(lines, name)
            elif kind == "jsonl":
                yield from self._jsonl(lines, name)
            else:
                yield from self._csv(lines, name)
        except _GZIP_ERRORS as exc:
            if not gz:
                raise
            after = f"; read up to line {lines.lineno}" if lines.lineno else ""
            line = lines.lineno + 1 if lines.lineno else None
            yield ingest_error(name, line, "E011", detail=_describe(exc), after=after)
        except OSError as exc:
            yield ingest_error(name, lines.lineno or None, "E010", detail=exc.strerror or str(exc))

    # ------------------------------------------------------------------ formats

    def _text(self, lines: _Lines, name: str) -> Iterator[Item]:
        chunks, size = [], 0
        for _, data in lines:
            if data is None or size + len(data) > self.max_bytes:
                yield ingest_error(name, None, "E009", what="the file", limit=self.max_bytes)
                return
            chunks.append(data)
            size += len(data)
        raw = b"".join(chunks)
        if b"\x00" in raw:
            yield ingest_error(name, None, "E004")
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            yield ingest_error(name, line, "E003", detail=_bad_bytes(raw, exc))
            return
        yield self._dated_text(text.removeprefix("\ufeff"), name)

    def _dated_text(self, text: str, name: str) -> Item:
        if not text.strip():
            return ingest_error(name, None, "E005", where="(the file is empty)")
        m = _HEADER.match(text)
        content_at = len(text) - len(text.lstrip())
        if m is None:
            line = text.count("\n", 0, content_at) + 1
            found = _short(text[content_at : content_at + 200].split("\n", 1)[0].strip())
            return ingest_error(name, line, "E001", found=found)
        line = text.count("\n", 0, m.start(1)) + 1
        date = parse_iso_date(m.group(1))
        if date is None:
            return ingest_error(name, line, "E002", value=_short(m.group(1)))
        rest = text[m.end() :]
        body = rest.lstrip()
        if not body:
            return ingest_error(name, line, "E005", where="after the date")
        return make_article(body, date=date, path=name, line=line, datelines=self.datelines)

    def _jsonl(self, lines: _Lines, name: str) -> Iterator[Item]:
        for lineno, data in lines:
            if data is None:
                yield ingest_error(name, lineno, "E009", what="the line", limit=self.max_bytes)
                continue
            if not data.strip():
                continue
            try:
                line = data.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                yield ingest_error(name, lineno, "E003", detail=_bad_bytes(data, exc))
                continue
            if lineno == 1:
                line = line.removeprefix("\ufeff")
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ingest_error(name, lineno, "E006", detail=f"{exc.msg} at column {exc.colno}")
                continue
            if not isinstance(record, dict):
                found = _json_type(record)
                yield ingest_error(
                    name, lineno, "E006", detail=f"expected an object, found {found}"
                )
                continue
            yield self._record(record, name, lineno)

    def _csv(self, lines: _Lines, name: str) -> Iterator[Item]:
        if csv.field_size_limit() < self.max_bytes:
            # Raised (never lowered) so that one field may be as large as a record.
            csv.field_size_limit(self.max_bytes)
        bad: dict[int, str] = {}
        too_long: set[int] = set()

        def text_lines():
            for lineno, data in lines:
                if data is None:
                    too_long.add(lineno)
                    yield "\n"
                    continue
                try:
                    line = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    bad[lineno] = _bad_bytes(data, exc)
                    line = data.decode("utf-8", "replace")
                yield line.removeprefix("\ufeff") if lineno == 1 else line

        reader = csv.reader(text_lines(), strict=True)
        header: list[str] | None = None
        done = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                start, done = done + 1, reader.line_num
                if "field larger than field limit" in str(exc):
                    yield ingest_error(name, start, "E009", what="the record", limit=self.max_bytes)
                else:
                    yield ingest_error(name, start, "E007", detail=str(exc))
                continue
            start, done = done + 1, reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            problem = self._csv_problem(name, start, done, bad, too_long)
            if problem is not None:
                yield problem
                continue
            if header is None:
                header = [h.strip().lower() for h in row]
                missing = [f for f in ("text", "date") if f not in header]
                if missing:
                    has = ", ".join(repr(h) for h in header[:12])
                    yield ingest_error(
                        name, start, "E008", field=missing[0], found=f" (the header has {has})"
                    )
                    return
                continue
            if len(row) != len(header) and not (
                len(row) > len(header) and not "".join(row[len(header) :]).strip()
            ):
                detail = f"{len(row)} fields where the header has {len(header)}"
                yield ingest_error(name, start, "E007", detail=detail)
                continue
            if sum(len(v) for v in row) > self.max_bytes:
                yield ingest_error(name, start, "E009", what="the record", limit=self.max_bytes)
                continue
            record: dict[str, Any] = {}
            for key, value in zip(header, row, strict=False):
                record.setdefault(key, value)
            yield self._record(record, name, start)

    def _csv_problem(self, name, start, end, bad, too_long) -> IngestError | None:
        """An error for a CSV record that spans a bad line; forgets lines before ``end``."""
        error = None
        over = sorted(n for n in too_long if start <= n <= end)
        wrong = sorted(n for n in bad if start <= n <= end)
        if over:
            error = ingest_error(name, over[0], "E009", what="the line", limit=self.max_bytes)
        elif wrong:
            error = ingest_error(name, wrong[0], "E003", detail=bad[wrong[0]])
        too_long.difference_update([n for n in too_long if n <= end])
        for n in [n for n in bad if n <= end]:
            del bad[n]
        return error

    # ------------------------------------------------------------------ records

    def _record(self, record: Mapping[str, Any], name: str, line: int) -> Item:
        """An article from a JSONL/CSV record, or the error that keeps it out."""
        keys = ", ".join(repr(k) for k in list(record)[:12])
        for field in ("text", "date"):
            value = record.get(field)
            if value is None or (field == "date" and isinstance(value, str) and not value.strip()):
                found = f" (this record has {keys})" if keys else " (this record is empty)"
                return ingest_error(name, line, "E008", field=field, found=found)
            if not isinstance(value, str):
                return ingest_error(
                    name, line, "E012", field=field, expected="a string", found=_json_type(value)
                )
        date = parse_iso_date(record["date"])
        if date is None:
            return ingest_error(name, line, "E002", value=_short(record["date"]))
        text = record["text"]
        if not text.strip():
            return ingest_error(name, line, "E005", where="in the field 'text'")
        extra: dict[str, str | None] = {}
        for field in ("id", "title", "url", "source"):
            value = record.get(field)
            if isinstance(value, bool) or isinstance(value, dict | list):
                return ingest_error(
                    name, line, "E012", field=field, expected="a string", found=_json_type(value)
                )
            value = None if value is None else str(value).strip()
            extra[field] = value or None
        return make_article(
            text,
            date=date,
            doc_id=extra["id"],
            title=extra["title"],
            url=extra["url"],
            source=extra["source"],
            path=name,
            line=line,
            datelines=self.datelines,
        )


# --------------------------------------------------------------------------- helpers


class _Lines:
    """Physical lines of a binary stream as ``(line number, bytes)``, 1-based.

    A line longer than ``limit`` bytes is skipped without being held in memory and
    comes out as ``(line number, None)``.
    """

    def __init__(self, stream, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.lineno = 0
        self._ahead: deque[tuple[int, bytes | None]] = deque()

    def __iter__(self) -> Iterator[tuple[int, bytes | None]]:
        return self

    def __next__(self) -> tuple[int, bytes | None]:
        if self._ahead:
            return self._ahead.popleft()
        return self._read()

    def _read(self) -> tuple[int, bytes | None]:
        data = self.stream.readline(self.limit + 1)
        if not data:
            raise StopIteration
        self.lineno += 1
        if len(data) > self.limit and not (len(data) == self.limit + 1 and data.endswith(b"\n")):
            while not data.endswith(b"\n"):
                data = self.stream.readline(1 << 16)
                if not data:
                    break
            return self.lineno, None
        return self.lineno, data

    def first_content(self) -> bytes | None:
        """The first non-blank line (left in the stream), or None."""
        for _ in range(_SNIFF_LINES):
            try:
                item = self._read()
            except StopIteration:
                return None
            self._ahead.append(item)
            if item[1] is None or item[1].strip():
                return item[1] or b""
        return None


class _EncodedText:
    """A text stream seen as a binary one (UTF-8), for ``stdin=io.StringIO(...)``."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def readline(self, size: int = -1) -> bytes:
        return self.stream.readline(size).encode("utf-8", "surrogatepass")


def _kind(name: str) -> tuple[str | None, bool]:
    """``("text" | "jsonl" | "csv" | None, gzipped)`` from a file name's suffixes."""
    low = name.lower()
    gz = low.endswith(".gz")
    if gz:
        low = low[:-3]
    return KINDS.get(os.path.splitext(low)[1]), gz


def _walk(root: str) -> Iterator[str | IngestError]:
    """Input files under ``root``: a folder's files by name, then its subfolders by name.

    Hidden entries (names starting with ".") are skipped; a folder reached twice through
    symbolic links is read once.
    """
    seen: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield ingest_error(folder, None, "E010", detail=exc.strerror or str(exc))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(folder, entry.name)
            try:
                if entry.is_dir():
                    subfolders.append(path)
                elif entry.is_file() and _kind(entry.name)[0] is not None:
                    yield path
            except OSError as exc:
                yield ingest_error(path, None, "E010", detail=exc.strerror or str(exc))
        stack.extend(reversed(subfolders))


def _bad_bytes(data: bytes, exc: UnicodeDecodeError) -> str:
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
    return f"byte 0x{data[exc.start]:02x} at column {column}"


def _short(value: str, size: int = 40) -> str:
    """``value`` cut to ``size`` characters for a message."""
    return value if len(value) <= size else value[:size] + "..."


def _json_type(value: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string"}
    names.update({list: "a list", dict: "an object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return text[:1].lower() + text[1:] if text else type(exc).__name__
