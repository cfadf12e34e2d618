"""Builds the stages and codes articles into events.

``Pipeline`` is the public entry point for Python users::

    from eventwire import Pipeline
    nlp = Pipeline()
    events = nlp.code("Xi Jinping will visit Moscow next week.", date="2023-03-17")

Every stage loads its data when the pipeline is built, never at import, so two
pipelines with different dictionaries can live in one process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from eventwire import __version__
from eventwire.actors.unattributed import unattributed_source
from eventwire.records import Article, Event, IngestError, ParsedArticle

HISTORICAL_DAYS = 60  # an event ending this long before the article date is background
STAGES = ("ingest", "spacy", "temporal", "actors", "coding")


def timed_next(iterator: Iterator, timings: dict[str, float] | None, stage: str):
    """``next(iterator, None)``, its time added to ``timings[stage]``."""
    if timings is None:
        return next(iterator, None)
    t0 = time.perf_counter()
    item = next(iterator, None)
    timings[stage] += time.perf_counter() - t0
    return item


def code_inputs(
    code_articles: Callable[..., Iterator[tuple[Article, list[Event]]]],
    paths: Iterable[str | Path],
    *,
    skip: Callable[[str], bool] | None = None,
    max_bytes: int | None = None,
    timings: dict[str, float] | None = None,
    chunk: int = 256,
) -> Iterator[tuple[Article, list[Event]] | IngestError]:
    """Read input and code it with ``code_articles`` (a pipeline's or an engine's).

    Bad input, and articles a stage fails on, are yielded as ``IngestError`` in input
    order and skipped; everything else is coded.  ``skip(doc_id)`` returning True leaves
    an article out before it is parsed (used to resume against a store that holds it).
    Articles are read ``chunk`` at a time, so reading and coding are timed apart.
    """
    from eventwire.ingest import read_articles

    pending: list[Article] = []
    errors: list[IngestError] = []

    def flush():
        for result in code_articles(pending, on_error=errors.append):
            yield from errors
            errors.clear()
            yield result
        yield from errors
        errors.clear()
        pending.clear()

    items = read_articles(paths, max_bytes=max_bytes)
    while (item := timed_next(items, timings, "ingest")) is not None:
        if isinstance(item, IngestError):
            if pending:  # keep input order: code what came before the error first
                yield from flush()
            yield item
        elif skip is None or not skip(item.doc_id):
            pending.append(item)
            if len(pending) >= chunk:
                yield from flush()
    yield from flush()


def earlier_doer(events: Sequence[Event], coded):
    """The doer of the act an event is about, named by an earlier event of the same
    article: "North Korea fired a missile ... Japan condemned the launch" -> North Korea.
    The latest earlier event with the same CAMEO code (else the same root) that has a
    source other than this event's own; None when there is none."""
    about = coded.about
    if not about or coded.target is not None:
        return None
    own = coded.source.actor.code if coded.source else None
    for width in (len(about), 2):
        for e in reversed(events):
            if e.cameo[:width] == about[:width] and e.source and e.source.code != own:
                return e.source
    return None


def coding_error(article: Article, exc: Exception) -> IngestError:
    """The report for an article that a stage failed on (it is skipped, not stored)."""
    where = article.path or f"<{article.doc_id}>"
    return IngestError(
        path=where,
        line=article.line,
        message=f"could not be coded: {type(exc).__name__}: {exc} (doc_id {article.doc_id})",
        code="E100",
    )


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class Pipeline:
    """Article -> Sentence -> Mention/TimeExpr -> Event."""

    def __init__(
        self,
        *,
        model: str | None = None,
        actors: Sequence[str | Path] = (),
        batch_size: int = 32,
        max_bytes: int | None = None,
        sentence_filter: str | None = None,
    ) -> None:
        from eventwire.actors.kb import ActorKB
        from eventwire.actors.resolve import ActorResolver
        from eventwire.coding.coder import Coder
        from eventwire.coding.lexicon import Lexicon
        from eventwire.coding.ontology import Ontology
        from eventwire.nlp.parse import Parser
        from eventwire.places.gazetteer import Gazetteer
        from eventwire.temporal.anchor import Anchorer
        from eventwire.temporal.tagger import TimeTagger

        self.max_bytes = max_bytes
        self.parser = Parser(model=model, batch_size=batch_size)
        self.tagger = TimeTagger()
        self.anchorer = Anchorer()
        self.kb = ActorKB.load(user_files=actors)
        self.resolver = ActorResolver(self.kb)
        self.gazetteer = Gazetteer()
        self.ontology = Ontology.load()
        self.lexicon = Lexicon.load(self.ontology)
        self.coder = Coder(lexicon=self.lexicon, ontology=self.ontology)
        if sentence_filter:
            self.parser.sentence_filter = self.build_sentence_filter(sentence_filter)
        self.timings: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.versions = {
            "eventwire": __version__,
            "model": self.parser.model_name,
            "lexicon": self.lexicon.version,
            "actors": self.kb.version,
            "temporal": self.tagger.version,
            "ontology": self.ontology.version,
        }

    def build_sentence_filter(self, mode: str):
        """``context``: parse the sentences that may hold an event or name an actor, each
        with one neighbour on either side (no sentence an event depends on is skipped, and
        the parser sees the same words around a kept sentence as in the whole text; see
        docs/scaling.md for the measured difference); ``predicates``: parse only the
        sentences that may hold an event, without neighbours (faster, but actors known
        only from a skipped sentence are lost, and a sentence cut out of its text is
        sometimes parsed differently)."""
        from eventwire.actors.kb import token_key
        from eventwire.nlp.filter import MODES, SentenceFilter

        if mode not in MODES:
            raise ValueError(f"sentence filter must be one of {', '.join(MODES)}: {mode!r}")
        nlp = self.parser.nlp
        if mode == "predicates":
            return SentenceFilter.from_lemmas(self.lexicon.lemmas(), nlp, margin=0)
        kb = self.kb
        words = kb.words
        actor_words = (
            words.pronouns
            | words.pair_people
            | words.pair_states
            | words.pair_sides
            | words.pair_governments
            | words.business_words
        )
        cues = {key.split(" ")[0] for key in kb.lexicon} | set(kb.surnames)
        cues |= {token_key(w) for w in actor_words}
        return SentenceFilter.from_lemmas(
            self.lexicon.lemmas(),
            nlp,
            cues=frozenset(cues),
            key=token_key,
            stop_words=frozenset(w.lower() for w in nlp.Defaults.stop_words),
        )

    # ------------------------------------------------------------------ core

    def code_parsed(self, parsed: ParsedArticle) -> list[Event]:
        article = parsed.article
        clock = time.perf_counter
        t0 = clock()
        timexes = self.tagger.tag(
            article.text,
            article.date,
            sentences=parsed.sentences,
            start=article.code_start,
            end=article.code_end,
        )
        t1 = clock()
        actors = self.resolver.resolve(parsed)
        t2 = clock()
        events: list[Event] = []
        seen: set[str] = set()
        for sentence in parsed.sentences:
            in_sentence = [t for t in timexes if sentence.start <= t.start < sentence.end]
            for coded in self.coder.code_sentence(sentence, actors.mentions(sentence.index)):
                doer = earlier_doer(events, coded)  # "condemned the launch": whose launch
                event = self._event(article, sentence, coded, in_sentence, timexes, actors, doer)
                if event.event_id in seen:
                    continue
                seen.add(event.event_id)
                events.append(event)
        timings = self.timings
        timings["temporal"] += t1 - t0
        timings["actors"] += t2 - t1
        timings["coding"] += clock() - t2
        return events

    def _event(self, article, sentence, coded, in_sentence, timexes, actors, doer=None) -> Event:
        date = self.anchorer.date_for(
            sentence,
            coded.head,
            in_sentence,
            article.date,
            modality=coded.modality,
            context=timexes,
        )
        countries = actors.countries()
        location = self.gazetteer.locate(
            sentence,
            coded,
            dateline=article.dateline,
            context_countries=countries,
        )
        info = self.ontology.cameo(coded.cameo)
        source = coded.source.actor if coded.source else None
        target = coded.target.actor if coded.target else doer
        if source is None and location is not None:  # "a bombing near Samarra killed ..."
            source = unattributed_source(
                sentence,
                coded,
                lambda: self.gazetteer.locate(
                    sentence, coded, context_countries=countries, attached_only=True
                ),
                self.kb,
            )
        key = "|".join(
            [
                article.doc_id,
                str(coded.span[0]),
                str(sentence.tokens[coded.head].start),
                coded.cameo,
                source.code if source else "",
                target.code if target else "",
            ]
        )
        historical = (article.date - date.end).days > HISTORICAL_DAYS
        return Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:20],
            doc_id=article.doc_id,
            doc_date=article.date,
            sentence_index=sentence.index,
            sentence=sentence.text,
            span=coded.span,
            trigger=coded.trigger_text,
            source=source,
            target=target,
            cameo=info.code,
            cameo_label=info.label,
            plover=info.plover,
            plover_mode=info.plover_mode,
            plover_context=info.plover_context,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            modality=coded.modality,
            date=date,
            location=location,
            confidence=coded.confidence,
            historical=historical,
            reciprocal=coded.reciprocal,
            versions=self.versions,
        )

    # ------------------------------------------------------------------ batches

    def code_articles(
        self,
        articles: Iterable[Article],
        *,
        on_error: Callable[[IngestError], None] | None = None,
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Code articles in parser batches; yields each article with its events, in order.

        An article that cannot be coded (a fault in a stage, say) is reported through
        ``on_error`` (default: a warning) as an ``IngestError`` naming it, and left out;
        the other articles of the batch are still coded.
        """
        parsed_articles = self.parser.iter_parse(articles)
        while (parsed := timed_next(parsed_articles, self.timings, "spacy")) is not None:
            try:
                events = self.code_parsed(parsed)
            except Exception as exc:  # one bad article must not stop the batch
                error = coding_error(parsed.article, exc)
                if on_error is None:
                    warnings.warn(str(error), stacklevel=2)
                else:
                    on_error(error)
                continue
            yield parsed.article, events

    def code_paths(
        self,
        paths: Iterable[str | Path],
        *,
        skip: Callable[[str], bool] | None = None,
    ) -> Iterator[tuple[Article, list[Event]] | IngestError]:
        """Read files, folders, gzip, JSONL/CSV or ``-`` and code them (see ``code_inputs``)."""
        return code_inputs(
            self.code_articles, paths, skip=skip, max_bytes=self.max_bytes, timings=self.timings
        )

    # ------------------------------------------------------------------ convenience

    def code(
        self, text: str, *, date, doc_id: str | None = None, title: str | None = None
    ) -> list[dict]:
        """Code one article given as a string; returns event records (dicts)."""
        from eventwire.ingest import make_article

        article = make_article(text, date=_as_date(date), doc_id=doc_id, title=title)
        return [e.to_dict() for _, events in self.code_articles([article]) for e in events]

    def code_files(self, paths: Iterable[str | Path]) -> Iterator[dict]:
        """Code files and yield event records (dicts); unreadable input is skipped."""
        for item in self.code_paths(paths):
            if isinstance(item, IngestError):
                continue
            for event in item[1]:
                yield event.to_dict()
