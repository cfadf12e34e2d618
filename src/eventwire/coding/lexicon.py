"""The predicate lexicon: CAMEO patterns read from ``data/lexicon/*.yaml``.

Every pattern names one trigger lemma set (verb or event noun), optional required
dependents, the CAMEO code, and the syntactic roles its source and target come from.
Patterns are indexed by ``(lemma, pos)`` when the lexicon is loaded, so coding a
sentence looks up only the patterns its own lemmas can fire.  The format is documented
in ``data/lexicon/README.md``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

ROLE_NAMES = ("subj", "obj", "other_obj", "iobj", "poss", "mod", "attr", "xsubj")
POS_VALUES = ("VERB", "NOUN", "ADJ")
MODALITIES = ("occurred", "planned", "possible", "negated")
PATTERN_KEYS = {
    "id",
    "lemma",
    "pos",
    "cameo",
    "source",
    "target",
    "particle",
    "prep",
    "object",
    "light",
    "with_any",
    "without",
    "complement",
    "clause",
    "transitive",
    "motive",
    "purpose",
    "reciprocal",
    "absorb",
    "alone",
    "require",
    "converse",
    "refine",
    "weight",
    "examples",
}
FILE_KEYS = {"root", "description", "defaults", "refine", "patterns"}


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only: words such as on, off, no, yes stay strings."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _yaml(text: str):
    return yaml.load(text, Loader=_Loader)  # noqa: S506 -- a SafeLoader subclass


class LexiconError(ValueError):
    """A malformed lexicon file; the message names the file and the pattern."""


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    cameo: str | None
    source: str | None = None
    target: str | None = None
    modality: str | None = None
    reciprocal: bool | None = None
    pattern: str = ""
    file: str = ""


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    lemmas: tuple[str, ...]
    pos: str
    cameo: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    particle: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    with_any: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()
    complement: frozenset[str] = frozenset()
    clause: bool = False  # the trigger must have a finite complement clause ("protested that")
    transitive: bool = True  # False: the trigger must have no direct object ("returned to")
    motive: frozenset[str] = frozenset()  # "in protest at": a bare noun here is a motive
    # as another act's purpose infinitive: True an event of its own; False only the motive
    # of an act of material conflict; "any": only the motive of any coded act
    purpose: bool | str = True
    reciprocal: bool = False
    absorb: bool = False
    alone: bool = True  # a NOUN pattern may fire without its light verb
    require: frozenset[str] = frozenset()  # "source" / "target": the event needs it
    converse: str = ""  # code of the converse event, target -> source ("host" -> "042")
    weight: float = 1.0
    refine: tuple[tuple[str, str], ...] = ()  # (absorbed code prefix, code), longest first
    file: str = ""
    order: int = 0

    @property
    def specificity(self) -> int:
        # a required object names the whole predicate ("host" + "talks"): it counts double
        words = (self.particle, self.prep, self.with_any, self.complement, self.clause)
        return sum(1 for s in words if s) + (2 if self.object else 0)

    def refined(self, code: str) -> str | None:
        for prefix, out in self.refine:
            if code.startswith(prefix):
                return out
        return None


@dataclass(frozen=True, slots=True)
class ModalityCues:
    """Words that set an event's modality (``data/lexicon/modality.yaml``)."""

    negation: frozenset[str]
    aux: dict[str, str]
    reported_aux: dict[str, str]
    speech_verbs: frozenset[str]
    governors: dict[str, str]
    particle_governors: dict[str, str]
    noun_modifiers: dict[str, str]
    future_time: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    conditional: frozenset[str]
    obligation_aux: frozenset[str] = frozenset()
    obligation_pattern: str = ""
    claim_roots: frozenset[str] = frozenset()
    time_clauses: frozenset[str] = frozenset()
    claim_pattern: str = ""
    aim_nouns: dict[str, str] = field(default_factory=dict)
    purpose_preps: frozenset[str] = frozenset()
    purpose_verbs: frozenset[str] = frozenset()
    refusal_aux: frozenset[str] = frozenset()
    refusal_roots: frozenset[str] = frozenset()
    refusal_pattern: str = ""
    refusal_phrases: tuple[tuple[str, ...], ...] = ()
    speech_nouns: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()
    stative_participles: frozenset[str] = frozenset()
    anaphoric_before: frozenset[str] = frozenset()
    background_clauses: frozenset[str] = frozenset()
    subject_negation: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    patterns: list[Pattern]
    modality: ModalityCues
    version: str
    examples: list[Example] = field(default_factory=list)
    _index: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict, repr=False)
    _by_id: dict[str, Pattern] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Pattern]] = {}
        for p in self.patterns:
            for lemma in p.lemmas:
                index.setdefault((lemma, p.pos), []).append(p)
        for plist in index.values():
            plist.sort(key=lambda p: (-p.specificity, p.order))
        self._index = index
        self._by_id = {p.id: p for p in self.patterns}

    @classmethod
    def load(cls, ontology, *, extra_files: Iterable[str | Path] = ()) -> Lexicon:
        """Read the packaged root files (``NN_*.yaml``), ``modality.yaml`` and ``extra_files``."""
        folder = resources.files("eventwire") / "data" / "lexicon"
        sources: list[tuple[str, str]] = []
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml") and entry.name[:2].isdigit():
                sources.append((f"eventwire/data/lexicon/{entry.name}", entry.read_text("utf-8")))
        for path in extra_files:
            p = Path(path)
            try:
                sources.append((str(p), p.read_text(encoding="utf-8")))
            except OSError as exc:
                raise LexiconError(f"{p}: cannot read lexicon file ({exc})") from None
        modality_text = (folder / "modality.yaml").read_text("utf-8")
        modality = _parse_modality(modality_text, "eventwire/data/lexicon/modality.yaml")
        patterns: list[Pattern] = []
        examples: list[Example] = []
        seen: dict[str, str] = {}
        for name, text in sources:
            for p, exs in _parse_file(text, name, ontology, start=len(patterns)):
                if p.id in seen:
                    raise LexiconError(f"{name}: pattern id {p.id!r} already used in {seen[p.id]}")
                seen[p.id] = name
                patterns.append(p)
                examples.extend(exs)
        digest = hashlib.sha1()
        for name, text in sources:
            digest.update(name.encode() + b"\0" + text.encode("utf-8"))
        digest.update(modality_text.encode("utf-8"))
        for key, pid in (
            ("obligation", modality.obligation_pattern),
            ("claim", modality.claim_pattern),
            ("refusal", modality.refusal_pattern),
        ):
            if pid and pid not in seen:
                raise LexiconError(
                    f"eventwire/data/lexicon/modality.yaml: {key} pattern {pid!r} is not a pattern id"
                )
        version = f"lexicon-{len(patterns)}-{digest.hexdigest()[:10]}"
        return cls(patterns=patterns, modality=modality, version=version, examples=examples)

    def pattern(self, pattern_id: str) -> Pattern | None:
        """The pattern with this id, or None."""
        return self._by_id.get(pattern_id)

    def candidates(self, lemma: str, pos: str) -> list[Pattern]:
        """Patterns a token with this lemma and coarse POS (VERB or NOUN) can fire, most specific first."""
        return self._index.get((lemma, pos), [])

    def __len__(self) -> int:
        return len(self.patterns)

    @property
    def lemma_count(self) -> int:
        return sum(len(p.lemmas) for p in self.patterns)

    def lemmas(self) -> set[str]:
        """Every lemma that can trigger a pattern (used by the sentence filter)."""
        return {lemma for lemma, _pos in self._index}


# --------------------------------------------------------------------------- parsing


def _purpose(value: Any, where: str) -> bool | str:
    if value in (True, False, "any"):
        return value
    raise LexiconError(f"{where}: 'purpose' is true, false or any")


def _words(value: Any, where: str, key: str) -> frozenset[str]:
    return frozenset(_list(value, where, key))


def _list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{where}: {key!r} must be a word or a list of words")
    return tuple(v.lower() if key != "roles" else v for v in value)


def _roles(value: Any, where: str, key: str) -> tuple[str, ...]:
    roles = _list(value, where, key)
    for r in roles:
        if r not in ROLE_NAMES and not (r.startswith("prep:") and len(r) > 5):
            raise LexiconError(
                f"{where}: unknown role {r!r} in {key!r} (use {', '.join(ROLE_NAMES)}, prep:WORD)"
            )
    return roles


def _parse_file(text: str, name: str, ontology, *, start: int):
    try:
        doc = _yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise LexiconError(f"{name}{line}: invalid YAML ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("patterns"), list):
        raise LexiconError(f"{name}: a lexicon file is a mapping with a 'patterns' list")
    unknown = set(doc) - FILE_KEYS
    if unknown:
        raise LexiconError(f"{name}: unknown top-level keys {sorted(unknown)}")
    defaults = doc.get("defaults") or {}
    if not isinstance(defaults, dict) or set(defaults) - PATTERN_KEYS:
        raise LexiconError(f"{name}: 'defaults' must be a mapping of pattern keys")
    refine = _refine(doc.get("refine"), name, ontology)
    for n, raw in enumerate(doc["patterns"]):
        if not isinstance(raw, dict):
            raise LexiconError(f"{name}: pattern #{n + 1} is not a mapping")
        pid = raw.get("id") or f"#{n + 1}"
        where = f"{name}: pattern {pid}"
        unknown = set(raw) - PATTERN_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
        merged = {**defaults, **raw}
        if "id" not in raw:
            raise LexiconError(f"{where}: missing 'id'")
        cameo = str(merged.get("cameo", ""))
        if cameo not in ontology:
            raise LexiconError(f"{where}: {cameo!r} is not a CAMEO code")
        pos = merged.get("pos", "VERB")
        if pos not in POS_VALUES:
            raise LexiconError(f"{where}: pos must be one of {POS_VALUES}")
        lemmas = _list(merged.get("lemma"), where, "lemma")
        if not lemmas:
            raise LexiconError(f"{where}: missing 'lemma'")
        try:
            weight = float(merged.get("weight", 1.0))
        except (TypeError, ValueError):
            raise LexiconError(f"{where}: weight must be a number") from None
        if set(_list(merged.get("require"), where, "require")) - {"source", "target"}:
            raise LexiconError(f"{where}: require lists only source and/or target")
        if not 0.0 < weight <= 1.0:
            raise LexiconError(f"{where}: weight must be in (0, 1]")
        converse = str(merged.get("converse") or "")
        if converse and converse not in ontology:
            raise LexiconError(f"{where}: converse {converse!r} is not a CAMEO code")
        p = Pattern(
            id=str(raw["id"]),
            lemmas=lemmas,
            pos=pos,
            cameo=cameo,
            source=_roles(merged.get("source", ["subj"]), where, "source"),
            target=_roles(merged.get("target", ["obj"]), where, "target"),
            particle=_words(merged.get("particle"), where, "particle"),
            prep=_words(merged.get("prep"), where, "prep"),
            object=_words(merged.get("object"), where, "object"),
            light=_words(merged.get("light"), where, "light"),
            with_any=_words(merged.get("with_any"), where, "with_any"),
            without=_words(merged.get("without"), where, "without"),
            complement=_words(merged.get("complement"), where, "complement"),
            clause=bool(merged.get("clause", False)),
            transitive=bool(merged.get("transitive", True)),
            motive=_words(merged.get("motive"), where, "motive"),
            purpose=_purpose(merged.get("purpose", True), where),
            reciprocal=bool(merged.get("reciprocal", False)),
            absorb=bool(merged.get("absorb", False)),
            alone=bool(merged.get("alone", True)),
            require=_words(merged.get("require"), where, "require"),
            weight=weight,
            converse=converse,
            refine=_merge_refine(_refine(raw.get("refine"), where, ontology), refine)
            if merged.get("absorb")
            else (),
            file=name,
            order=start + n,
        )
        yield p, _examples(raw.get("examples"), where, p, name)


def _refine(value: Any, where: str, ontology) -> list[tuple[str, str]]:
    """A refine table: absorbed code prefix -> code, longest prefix first."""
    raw = value or {}
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: 'refine' must map CAMEO code prefixes to codes")
    out = []
    for k, v in raw.items():
        k, v = str(k), str(v)
        if v not in ontology:
            raise LexiconError(f"{where}: refine target {v!r} is not a CAMEO code")
        out.append((k, v))
    out.sort(key=lambda kv: -len(kv[0]))
    return out


def _merge_refine(own: list, shared: list) -> tuple[tuple[str, str], ...]:
    """The pattern's own table wins over the file's for the same prefix."""
    mine = {k for k, _ in own}
    merged = own + [kv for kv in shared if kv[0] not in mine]
    merged.sort(key=lambda kv: -len(kv[0]))
    return tuple(merged)


def _examples(value: Any, where: str, p: Pattern, name: str) -> list[Example]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise LexiconError(f"{where}: 'examples' must be a list")
    out = []
    for ex in value:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
            raise LexiconError(f"{where}: each example needs a 'text'")
        cameo = ex.get("cameo", p.cameo)
        modality = ex.get("modality")
        if modality is not None and modality not in MODALITIES:
            raise LexiconError(f"{where}: example modality {modality!r} unknown")
        out.append(
            Example(
                text=ex["text"],
                cameo=None if cameo is None else str(cameo),
                source=ex.get("source"),
                target=ex.get("target"),
                modality=modality,
                reciprocal=ex.get("reciprocal"),
                pattern=p.id,
                file=name,
            )
        )
    return out


def _parse_modality(text: str, name: str) -> ModalityCues:
    try:
        doc = _yaml(text) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"{name}: invalid YAML ({exc})") from None

    def mapping(key: str) -> dict[str, str]:
        raw = doc.get(key) or {}
        if not isinstance(raw, dict):
            raise LexiconError(f"{name}: {key!r} must be a mapping word -> modality")
        for k, v in raw.items():
            if v not in MODALITIES:
                raise LexiconError(f"{name}: {key}.{k}: unknown modality {v!r}")
        return {str(k).lower(): v for k, v in raw.items()}

    obligation = doc.get("obligation") or {}
    if not isinstance(obligation, dict) or set(obligation) - {"aux", "pattern"}:
        raise LexiconError(f"{name}: 'obligation' is a mapping with 'aux' and 'pattern'")
    claim = doc.get("claim") or {}
    if not isinstance(claim, dict) or set(claim) - {"roots", "pattern"}:
        raise LexiconError(f"{name}: 'claim' is a mapping with 'roots' and 'pattern'")
    refusal = doc.get("refusal") or {}
    if not isinstance(refusal, dict) or set(refusal) - {"aux", "roots", "pattern", "phrases"}:
        raise LexiconError(
            f"{name}: 'refusal' is a mapping with 'aux', 'roots', 'pattern' and 'phrases'"
        )
    phrases = []
    for item in doc.get("phrases") or []:
        if not isinstance(item, dict) or item.get("modality") not in MODALITIES:
            raise LexiconError(f"{name}: each phrase needs 'words' and a known 'modality'")
        words = tuple(str(item.get("words", "")).lower().split())
        if not words:
            raise LexiconError(f"{name}: empty phrase")
        phrases.append((words, item["modality"]))
    purpose = doc.get("purpose") or {}
    if not isinstance(purpose, dict):
        raise LexiconError(f"{name}: 'purpose' is a mapping with 'prepositions' and 'verbs'")
    return ModalityCues(
        negation=_words(doc.get("negation"), name, "negation"),
        aux=mapping("aux"),
        reported_aux=mapping("reported_aux"),
        speech_verbs=_words(doc.get("speech_verbs"), name, "speech_verbs"),
        governors=mapping("governors"),
        particle_governors={
            str(k).lower(): str(v).lower() for k, v in (doc.get("particle_governors") or {}).items()
        },
        noun_modifiers=mapping("noun_modifiers"),
        aim_nouns=mapping("aim_nouns"),
        purpose_preps=_words(purpose.get("prepositions"), name, "purpose.prepositions"),
        purpose_verbs=_words(purpose.get("verbs"), name, "purpose.verbs"),
        future_time=_words(doc.get("future_time"), name, "future_time"),
        anaphoric_before=_words(doc.get("anaphoric_before"), name, "anaphoric_before"),
        phrases=tuple(phrases),
        conditional=_words(doc.get("conditional"), name, "conditional"),
        time_clauses=_words(doc.get("time_clauses"), name, "time_clauses"),
        obligation_aux=_words(obligation.get("aux"), name, "obligation.aux"),
        obligation_pattern=str(obligation.get("pattern") or ""),
        claim_roots=frozenset(str(r) for r in claim.get("roots") or ()),
        claim_pattern=str(claim.get("pattern") or ""),
        refusal_aux=_words(refusal.get("aux"), name, "refusal.aux"),
        refusal_roots=frozenset(str(r) for r in refusal.get("roots") or ()),
        refusal_pattern=str(refusal.get("pattern") or ""),
        refusal_phrases=tuple(
            tuple(str(w).lower().split()) for w in refusal.get("phrases") or () if str(w).strip()
        ),
        speech_nouns=_words(doc.get("speech_nouns"), name, "speech_nouns"),
        topic_verbs=_words(doc.get("topic_verbs"), name, "topic_verbs"),
        stative_participles=_words(doc.get("stative_participles"), name, "stative_participles"),
        background_clauses=_words(doc.get("background_clauses"), name, "background_clauses"),
        subject_negation=_words(doc.get("subject_negation"), name, "subject_negation"),
    )
