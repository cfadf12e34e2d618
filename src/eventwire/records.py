"""Typed, frozen records passed between pipeline stages.

Data flows one way: ``Article`` (ingest) -> ``ParsedArticle`` of ``Sentence`` and
``Token`` (nlp) -> ``TimeExpr`` (temporal), ``ActorMention`` (actors), ``Place``
(places) -> ``Event`` (coding).  Every character offset is an offset into
``Article.text`` -- the article body exactly as given.

This module imports nothing else from eventwire.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Article:
    """One dated article.

    ``text`` is the body as given (for the dated-text format: everything after the
    ISO date; for JSONL/CSV: the ``text`` field).  ``code_start``/``code_end`` bound
    the part of the body that is coded: the leading dateline and the closing wire
    credits are kept out of event coding but stay in ``text`` so offsets hold.
    """

    doc_id: str
    date: _dt.date
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    line: int | None = None
    dateline: tuple[str, ...] = ()
    dateline_span: tuple[int, int] | None = None
    credits: tuple[str, ...] = ()
    credits_span: tuple[int, int] | None = None
    code_start: int = 0
    code_end: int | None = None

    @property
    def coded_text(self) -> str:
        end = len(self.text) if self.code_end is None else self.code_end
        return self.text[self.code_start : end]


@dataclass(frozen=True, slots=True)
class IngestError:
    """A piece of input that could not be read; reported, skipped, never fatal."""

    path: str
    line: int | None
    message: str
    code: str = "E000"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


# --------------------------------------------------------------------------- nlp


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a sentence; ``i`` and ``head`` index ``Sentence.tokens``."""

    i: int
    text: str
    start: int  # character offset in Article.text
    lemma: str
    pos: str  # universal POS (VERB, NOUN, PROPN, ...)
    tag: str  # fine-grained tag (VBD, NNS, ...)
    dep: str  # dependency label; "ROOT" for the root
    head: int  # index of the head token in the sentence (itself for the root)
    ent_type: str = ""  # named-entity label or ""
    ent_iob: str = "O"  # "B", "I" or "O"
    whitespace: str = ""  # trailing whitespace

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity; ``token_start``/``token_end`` are sentence token indices (end exclusive)."""

    label: str
    token_start: int
    token_end: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...] = ()
    children: tuple[tuple[int, ...], ...] = ()  # children[i]: dependents of token i, in order

    def root(self) -> int:
        for t in self.tokens:
            if t.dep == "ROOT":
                return t.i
        return 0

    def span_text(self, token_start: int, token_end: int) -> str:
        """Text of tokens [token_start, token_end) as in the body."""
        if token_end <= token_start:
            return ""
        a = self.tokens[token_start].start - self.start
        b = self.tokens[token_end - 1].end - self.start
        return self.text[a:b]

    def infinitive(self, i: int) -> bool:
        """Token ``i`` is a verb with the infinitive marker "to" ("agreed *to cooperate*")."""
        return any(
            self.tokens[c].dep == "aux" and self.tokens[c].tag == "TO" for c in self.children[i]
        )

    def subtree(self, i: int) -> list[int]:
        """Sorted token indices of the subtree rooted at ``i``."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    article: Article
    sentences: tuple[Sentence, ...]


# --------------------------------------------------------------------------- temporal


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A TIMEX3 expression found in the body, with its resolved calendar interval.

    ``value``/``type``/``mod`` follow TIMEX3; ``begin``/``until`` are the earliest and
    latest day it can denote (None when it has no calendar interval, e.g. a duration
    or "PAST_REF"), ``precision`` one of day, week, month, season, quarter, year.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    begin: _dt.date | None = None
    until: _dt.date | None = None
    precision: str | None = None
    relative: bool = False  # resolved against the document date or another reference
    sentence_index: int | None = None
    rule: str | None = None  # id of the rule that produced it (provenance)


@dataclass(frozen=True, slots=True)
class EventDate:
    start: _dt.date
    end: _dt.date
    precision: str
    text: str | None
    timex: str | None
    basis: str  # explicit | relative | document

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "text": self.text,
            "timex": self.timex,
            "basis": self.basis,
        }


# --------------------------------------------------------------------------- actors and places


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    name: str
    country: str | None
    sector: str | None
    code: str
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor mentioned in a sentence; token indices are sentence-relative (end exclusive)."""

    sentence_index: int
    token_start: int
    token_end: int
    head: int
    start: int
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str = "other"  # country | admin1 | city | other

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
        }


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event mention, as in docs/event-record.md."""

    event_id: str
    doc_id: str
    doc_date: _dt.date
    sentence_index: int
    sentence: str
    span: tuple[int, int]
    trigger: str
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_label: str
    plover: str | None
    quad_class: int
    goldstein: float
    modality: str
    date: EventDate
    location: Place | None
    confidence: float
    plover_mode: str | None = None
    plover_context: str | None = None
    historical: bool = False
    reciprocal: bool = False
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "doc_date": self.doc_date.isoformat(),
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "span": [self.span[0], self.span[1]],
            "trigger": self.trigger,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "cameo_label": self.cameo_label,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "plover_context": self.plover_context,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "modality": self.modality,
            "historical": self.historical,
            "reciprocal": self.reciprocal,
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 3),
            "versions": dict(self.versions),
        }
