"""Reading the actor data files: YAML with line numbers, and checks that name the file
and line of what is wrong."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml


class ActorDataError(ValueError):
    """A malformed actor file; the message names the file and line."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path, self.line = str(path), line
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {message}")


def _date(value: Any, path, line) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ActorDataError(path, line, f"not an ISO date: {value!r}") from None


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """Safe loader that records line numbers and leaves dates as text (checked by us)."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    mapping = _BaseLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(text: str, path) -> dict:
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ActorDataError(path, mark.line + 1 if mark else None, f"bad YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ActorDataError(path, 1, "expected a mapping at the top level")
    return data


def _list(value, path, line, what) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ActorDataError(path, line, f"{what} must be a list")
    return [str(v) for v in value]


def _check_keys(item: Any, allowed: Iterable[str], path, what: str) -> int:
    if not isinstance(item, dict):
        raise ActorDataError(path, None, f"each {what} must be a mapping, got {item!r}")
    line = item.get("__line__")
    extra = set(item) - set(allowed) - {"__line__"}
    if extra:
        raise ActorDataError(path, line, f"unknown field(s) in {what}: {', '.join(sorted(extra))}")
    return line


def _code(value, path, line, what="code", length: tuple[int, int] = (3, 15)) -> str:
    code = str(value or "").strip().upper()
    if not (length[0] <= len(code) <= length[1]) or not re.fullmatch(r"[A-Z0-9]+|---", code):
        raise ActorDataError(path, line, f"bad {what}: {value!r}")
    return code
