"""Read TimeML (.tml) files: the raw TEXT, the document creation time and the TIMEX3 gold.

Offsets of the gold expressions are offsets into the raw TEXT with every tag removed,
which is exactly the string the tagger is run on.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<DCT>[^<]*<TIMEX3([^>]*)>", re.S)
_CREATION = re.compile(r"<TIMEX3([^>]*functionInDocument=\"CREATION_TIME\"[^>]*)>")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class TimeMLDoc:
    path: str
    doc_id: str
    dct: dt.date
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


class TimeMLError(ValueError):
    pass


def _line_of(raw: str, pos: int) -> int:
    return raw.count("\n", 0, pos) + 1


def _dct(raw: str, path: str) -> dt.date:
    m = _DCT.search(raw) or _CREATION.search(raw)
    if not m:
        raise TimeMLError(f"{path}: no <DCT><TIMEX3 ...> element")
    attrs = dict(_ATTR.findall(m.group(1)))
    value = attrs.get("value", "")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise TimeMLError(
            f"{path}:{_line_of(raw, m.start())}: DCT value {value!r} is not a date"
        ) from None


def parse_timeml(raw: str, path: str = "<string>") -> TimeMLDoc:
    """Parse one TimeML document given as a string."""
    dct = _dct(raw, path)
    m = _TEXT.search(raw)
    if not m:
        raise TimeMLError(f"{path}: no <TEXT> element")
    body = m.group(1)
    out: list[str] = []
    length = 0
    pos = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    spans: list[tuple[int, int, dict[str, str]]] = []
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            if open_timex is not None:
                line = _line_of(raw, m.start(1) + tag.start())
                raise TimeMLError(f"{path}:{line}: nested TIMEX3")
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            begin, attrs = open_timex
            open_timex = None
            spans.append((begin, length, attrs))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    gold = [
        GoldTimex(
            start=b,
            end=e,
            text=text[b:e],
            type=a.get("type", ""),
            value=a.get("value", ""),
            mod=a.get("mod") or None,
        )
        for b, e, a in spans
    ]
    docid = re.search(r"<DOCID>\s*([^<]*?)\s*</DOCID>", raw)
    doc_id = docid.group(1) if docid else Path(path).stem
    return TimeMLDoc(path=path, doc_id=doc_id, dct=dct, text=text, timexes=gold)


def read_timeml(path: str | Path) -> TimeMLDoc:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TimeMLError(f"{p}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return parse_timeml(raw, str(p))
