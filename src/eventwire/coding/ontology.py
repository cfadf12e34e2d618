"""CAMEO event codes with their labels, Goldstein values, quad classes and PLOVER types.

The table is data (``data/ontology/cameo.csv``); this module only reads and checks it.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

COLUMNS = ("code", "label", "goldstein", "quad_class", "plover", "plover_mode", "plover_context")


class OntologyError(ValueError):
    """A malformed ontology table; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    label: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


class Ontology:
    """All CAMEO event codes; ``cameo(code)`` answers for any known code."""

    def __init__(
        self,
        codes: dict[str, CameoInfo],
        *,
        version: str,
        modal: dict[tuple[str, str], str] | None = None,
    ) -> None:
        self._codes = dict(codes)
        self.version = version
        self._modal = dict(modal or {})

    @classmethod
    def load(cls, path: str | Path | None = None) -> Ontology:
        if path is None:
            res = resources.files("eventwire") / "data" / "ontology" / "cameo.csv"
            text, name = res.read_text(encoding="utf-8"), "eventwire/data/ontology/cameo.csv"
        else:
            text, name = Path(path).read_text(encoding="utf-8"), str(path)
        codes = _parse(text, name)
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
        res = resources.files("eventwire") / "data" / "ontology" / "plover_modality.csv"
        modal = _parse_modal(
            res.read_text(encoding="utf-8"), "eventwire/data/ontology/plover_modality.csv"
        )
        return cls(codes, version=f"cameo-{len(codes)}-{digest}", modal=modal)

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def codes(self) -> list[str]:
        return sorted(self._codes)

    def cameo(self, code: str) -> CameoInfo:
        """The entry for ``code``; raises KeyError naming the code when it is unknown."""
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def root_label(self, code: str) -> str:
        return self.cameo(code[:2]).label

    def plover(self, code: str) -> str | None:
        return self.cameo(code).plover

    def plover_for(self, code: str, modality: str) -> str | None:
        """The PLOVER type under PLOVER's own convention for acts not (yet) done.

        PLOVER codes an announced or planned cooperative act as AGREE and a planned
        or possible hostile act as THREATEN ("will provide aid", "would boycott");
        the CAMEO code and the event's ``modality`` keep the act itself.  The table is
        ``data/ontology/plover_modality.csv``; occurred and negated events keep
        their type.
        """
        plover = self.cameo(code).plover
        if plover is None:
            return None
        return self._modal.get((plover, modality), plover)


def _parse(text: str, name: str) -> dict[str, CameoInfo]:
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise OntologyError(f"{name}:1: header must be {','.join(COLUMNS)}")
    codes: dict[str, CameoInfo] = {}
    for lineno, row in enumerate(reader, start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != len(COLUMNS):
            raise OntologyError(f"{name}:{lineno}: expected {len(COLUMNS)} fields, got {len(row)}")
        code, label, goldstein, quad, plover, mode, context = (c.strip() for c in row)
        if not code.isdigit() or not 2 <= len(code) <= 4 or not 1 <= int(code[:2]) <= 20:
            raise OntologyError(f"{name}:{lineno}: bad CAMEO code {code!r}")
        if code in codes:
            raise OntologyError(f"{name}:{lineno}: duplicate CAMEO code {code!r}")
        try:
            g = float(goldstein)
            q = int(quad)
        except ValueError:
            raise OntologyError(f"{name}:{lineno}: goldstein/quad_class must be numbers") from None
        if not -10.0 <= g <= 10.0 or q not in (1, 2, 3, 4):
            raise OntologyError(f"{name}:{lineno}: goldstein or quad_class out of range")
        if plover and plover not in PLOVER_TYPES:
            raise OntologyError(f"{name}:{lineno}: unknown PLOVER type {plover!r}")
        codes[code] = CameoInfo(
            code=code,
            label=label,
            goldstein=g,
            quad_class=q,
            plover=plover or None,
            plover_mode=mode or None,
            plover_context=context or None,
        )
    return codes


def _parse_modal(text: str, name: str) -> dict[tuple[str, str], str]:
    rows = list(csv.reader(text.splitlines()))
    if not rows or rows[0][:1] != ["plover"]:
        raise OntologyError(f"{name}:1: the header must start with 'plover'")
    modalities = [m.strip() for m in rows[0][1:]]
    out: dict[tuple[str, str], str] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != len(modalities) + 1:
            raise OntologyError(f"{name}:{lineno}: expected {len(modalities) + 1} columns")
        for modality, value in zip(modalities, row[1:], strict=True):
            for t in (row[0].strip(), value.strip()):
                if t not in PLOVER_TYPES:
                    raise OntologyError(f"{name}:{lineno}: unknown PLOVER type {t!r}")
            out[(row[0].strip(), modality)] = value.strip()
    return out
