"""Import PETRARCH/TABARI actor dictionaries into eventwire's user-dictionary format.

The input format (one actor per block)::

    NAME_WITH_UNDERSCORES  [CODE]      # comment
    +ALIAS                             (synonyms, one per line)
        [CODE <YYMMDD]                 (date-restricted codes, indented)
        [CODE YYYYMMDD-YYYYMMDD]
        [CODE >YYYYMMDD]

``<!-- ... -->`` blocks and ``#`` comments are ignored.  The output is a list of
rows in the user-dictionary schema (name, aliases, code, from, to): one row per
code, with its dates; the undated code becomes the default.  Dates: ``<D`` means
up to the day before D, ``>D`` from the day after D, ``D1-D2`` both days included.
Two-digit years 40-99 are 19xx, 00-39 20xx.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_COMMENT_BLOCK = re.compile(r"<!?\s*-{1,2}.*?-->", re.S)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_RANGE = re.compile(r"^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")
_SMALL = {"of", "the", "and", "for", "de", "du", "la", "le", "al", "el", "bin", "van", "von"}


class PetrarchFormatError(ValueError):
    pass


@dataclass
class _Block:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, int]] = field(
        default_factory=list
    )  # (code text, restriction, line)


def _date(text: str, path: str, line: int) -> dt.date:
    try:
        if len(text) == 6:
            yy = int(text[:2])
            year = 1900 + yy if yy >= 40 else 2000 + yy
            return dt.date(year, int(text[2:4]), int(text[4:6]))
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise PetrarchFormatError(f"{path}:{line}: bad date {text!r}") from None


def display_name(raw: str) -> str:
    """NEW_ZEALAND -> New Zealand; dotted, two-letter and short one-word names stay capitals."""
    words = [w for w in raw.replace("_", " ").split() if w]
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i and low in _SMALL:
            out.append(low)
        elif "." in w or len(w) == 2 or (len(words) == 1 and len(w) <= 4):
            out.append(w.upper())  # U.S., AU, IMF
        else:
            out.append("-".join(p.capitalize() for p in low.split("-")))
    return " ".join(out)


def _strip_comments(text: str) -> str:
    # keep line numbers: replace comment blocks by as many newlines
    return _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def parse_blocks(text: str, path: str = "<text>") -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for number, raw in enumerate(_strip_comments(text).splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        indented = raw[:1] in (" ", "\t")
        stripped = line.strip()
        if stripped.startswith("+"):
            if current is None:
                raise PetrarchFormatError(f"{path}:{number}: synonym before any actor")
            alias = _CODE_BLOCK.sub("", stripped[1:]).strip()
            if alias:
                current.aliases.append(alias)
            for code in _CODE_BLOCK.findall(stripped):
                current.codes.append((code, "", number))
            continue
        if indented or stripped.startswith("["):
            if current is None:
                raise PetrarchFormatError(f"{path}:{number}: code before any actor")
            for code in _CODE_BLOCK.findall(stripped):
                current.codes.append((code, "", number))
            continue
        name = _CODE_BLOCK.sub("", stripped).strip()
        current = _Block(name=name, line=number)
        blocks.append(current)
        for code in _CODE_BLOCK.findall(stripped):
            current.codes.append((code, "", number))
    return blocks


def convert(text: str, path: str = "<text>") -> tuple[list[dict], list[str]]:
    """Rows in the user-dictionary schema, and warnings about what could not be kept."""
    rows: list[dict] = []
    warnings: list[str] = []
    for block in parse_blocks(text, path):
        name = display_name(block.name)
        aliases = [display_name(a) for a in block.aliases]
        dated: list[dict] = []
        default: dict | None = None
        for body, _, line in block.codes:
            parts = body.split(None, 1)
            if not parts:
                warnings.append(f"{path}:{line}: empty code for {name}")
                continue
            code_text, restriction = parts[0], (parts[1].strip() if len(parts) > 1 else "")
            if restriction == "" and code_text[:1] in "<>":
                warnings.append(f"{path}:{line}: date without a code for {name}")
                continue
            alternatives = code_text.upper().split("/")
            code = alternatives[0]
            if len(alternatives) > 1:
                warnings.append(f"{path}:{line}: {name}: kept {code} of {code_text}")
            if code not in ("---",) and not re.fullmatch(r"[A-Z0-9]{3,15}", code):
                warnings.append(f"{path}:{line}: {name}: skipped code {code_text!r}")
                continue
            row: dict = {"name": name, "code": code}
            compact = restriction.replace(" ", "")
            if not compact:
                default = row
                continue
            if compact.startswith("<"):
                row["to"] = (_date(compact[1:], path, line) - dt.timedelta(days=1)).isoformat()
            elif compact.startswith(">"):
                row["from"] = (_date(compact[1:], path, line) + dt.timedelta(days=1)).isoformat()
            elif (m := _RANGE.match(compact)) is not None:
                row["from"] = _date(m.group(1), path, line).isoformat()
                row["to"] = _date(m.group(2), path, line).isoformat()
            else:
                warnings.append(f"{path}:{line}: {name}: skipped restriction {restriction!r}")
                continue
            dated.append(row)
        block_rows = dated + ([default] if default else [])
        if not block_rows:
            warnings.append(f"{path}:{block.line}: {name}: no usable code, skipped")
            continue
        if aliases:
            block_rows[0] = {
                "name": name,
                "aliases": aliases,
                **{k: v for k, v in block_rows[0].items() if k != "name"},
            }
        rows.extend(block_rows)
    return rows, warnings


def import_file(path: str | Path) -> tuple[dict, list[str]]:
    """Read a PETRARCH actor dictionary; returns (user dictionary, warnings)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    rows, warnings = convert(text, str(path))
    return {"version": f"imported from {path.name}", "actors": rows}, warnings


def dump(data: dict) -> str:
    header = "# eventwire user actor dictionary (format: eventwire/data/actors/README.md)\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
