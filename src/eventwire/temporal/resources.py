"""Load the temporal resources (tables, named patterns, rules) of one language."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources as _res
from typing import Any

import yaml

_TABLE_REF = re.compile(r"\{table:([A-Za-z_][A-Za-z0-9_]*)\}")
# an expression ends before a word character, except a number run into a capitalised word
# by lost spacing ("Spring Offensive of 1918German General Ludendorff", page headings)
_END = r"(?:(?![\w])|(?<=[0-9])(?=(?-i:[A-Z][a-z])))"
_SLOT = re.compile(r"\{(?:([A-Za-z_][A-Za-z0-9_]*):)?([A-Za-z_][A-Za-z0-9_]*)\}")


class ResourceError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class NamedPattern:
    name: str
    regex: str
    value: str  # table | int | number | text
    table: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    regex: re.Pattern
    type: str
    action: str
    args: dict[str, Any]
    groups: dict[str, str]  # group name -> named pattern name
    examples: tuple[dict[str, Any], ...] = ()
    trigger: re.Pattern | None = None  # every match contains a match of this


@dataclass(slots=True)
class TemporalResources:
    lang: str
    version: str
    tables: dict[str, Any]
    patterns: dict[str, NamedPattern]
    rules: list[Rule] = field(default_factory=list)
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def lookup(self, table: str, key: str) -> Any:
        t = self.tables[table]
        k = " ".join(key.lower().split())
        if k in t:
            return t[k]
        k2 = k.rstrip(".")
        if k2 in t:
            return t[k2]
        k3 = k.replace("-", " ")
        return t.get(k3, t.get(k2 + "."))

    def alternation(self, table: str) -> str | None:
        """A regex alternation of a table's keys as written (longest first, any spaces
        between words), or None when the table is missing or empty."""
        keys = self.tables.get(table)
        return _alternation(keys) if keys else None

    def words(self, table: str) -> frozenset[str]:
        cached = self._words.get(table)
        if cached is None:
            value = self.tables.get(table, ())
            cached = self._words[table] = frozenset(str(w).lower() for w in value)
        return cached


def _alternation(keys) -> str:
    alts = []
    for key in sorted((str(k) for k in keys), key=lambda k: (-len(k), k)):
        alts.append(r"\s+".join(re.escape(part) for part in key.split()))
    return "(?:" + "|".join(alts) + ")"


def _read(lang: str, name: str, digest=None) -> Any:
    path = _res.files("eventwire") / "data" / "temporal" / lang / name
    try:
        text = path.read_text(encoding="utf-8")
        if digest is not None:
            digest.update(text.encode("utf-8"))
    except FileNotFoundError:
        raise ResourceError(f"temporal data file not found: data/temporal/{lang}/{name}") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"data/temporal/{lang}/{name}: {exc}") from None


def _expand_tables(regex: str, tables: dict[str, Any], where: str) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in tables:
            raise ResourceError(f"{where}: unknown table {name!r}")
        return _alternation(tables[name])

    return _TABLE_REF.sub(sub, regex)


def load_resources(lang: str = "en") -> TemporalResources:
    digest = hashlib.sha1()  # the version names the content, not only the declared number
    tables = _read(lang, "tables.yaml", digest) or {}
    raw_patterns = _read(lang, "patterns.yaml", digest) or {}
    raw_rules = _read(lang, "rules.yaml", digest) or {}
    patterns: dict[str, NamedPattern] = {}
    for name, spec in raw_patterns.items():
        where = f"data/temporal/{lang}/patterns.yaml: {name}"
        if not isinstance(spec, dict) or "regex" not in spec:
            raise ResourceError(f"{where}: needs a 'regex'")
        patterns[name] = NamedPattern(
            name=name,
            regex=_expand_tables(spec["regex"], tables, where),
            value=spec.get("value", "text"),
            table=spec.get("table"),
        )
    rules: list[Rule] = []
    seen: set[str] = set()
    triggers: dict[str, re.Pattern] = {}
    for i, spec in enumerate(raw_rules.get("rules") or []):
        rid = spec.get("id") or f"rule{i}"
        where = f"data/temporal/{lang}/rules.yaml: rule {rid}"
        if rid in seen:
            raise ResourceError(f"{where}: duplicate id")
        seen.add(rid)
        groups: dict[str, str] = {}

        def slot(m: re.Match, groups=groups, where=where) -> str:
            group, pname = m.group(1) or m.group(2), m.group(2)
            if pname not in patterns:
                raise ResourceError(f"{where}: unknown pattern {pname!r}")
            if group in groups:
                raise ResourceError(f"{where}: group {group!r} used twice")
            groups[group] = pname
            return f"(?P<{group}>{patterns[pname].regex})"

        body = _SLOT.sub(slot, _expand_tables(spec["pattern"], tables, where))
        try:
            regex = re.compile(rf"(?<![\w])(?:{body}){_END}", re.I)
        except re.error as exc:
            raise ResourceError(f"{where}: bad pattern: {exc}") from None
        trigger = None
        if spec.get("trigger"):
            src = str(spec["trigger"])
            if src not in triggers:

                def plain(m: re.Match, where=where) -> str:
                    if m.group(2) not in patterns:
                        raise ResourceError(f"{where}: unknown pattern {m.group(2)!r} in trigger")
                    return f"(?:{patterns[m.group(2)].regex})"

                body_t = _SLOT.sub(plain, _expand_tables(src, tables, where))
                triggers[src] = re.compile(body_t.lower())  # run on lower-cased text
            trigger = triggers[src]
        rules.append(
            Rule(
                id=rid,
                regex=regex,
                type=spec.get("type", "DATE"),
                action=spec.get("action", "literal"),
                args=dict(spec.get("args") or {}),
                groups=groups,
                examples=tuple(spec.get("examples") or ()),
                trigger=trigger,
            )
        )
    return TemporalResources(
        lang=lang,
        version=f"{raw_rules.get('version', '0')}+{digest.hexdigest()[:8]}",
        tables=tables,
        patterns=patterns,
        rules=rules,
    )
