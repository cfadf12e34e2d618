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
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from eventwire import __version__
from eventwire.records import Article, Event, IngestError, ParsedArticle

HISTORICAL_DAYS = 60  # an event ending this long before the article date is background
STAGES = ("ingest", "spacy", "temporal", "actors", "coding")


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
        self.timings: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.versions = {
            "eventwire": __version__,
            "model": self.parser.model_name,
            "lexicon": self.lexicon.version,
            "actors": self.kb.version,
            "temporal": self.tagger.version,
            "ontology": self.ontology.version,
        }

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
                event = self._event(article, sentence, coded, in_sentence, timexes, actors)
                if event.event_id in seen:
                    continue
                seen.add(event.event_id)
                events.append(event)
        timings = self.timings
        timings["temporal"] += t1 - t0
        timings["actors"] += t2 - t1
        timings["coding"] += clock() - t2
        return events

    def _event(self, article, sentence, coded, in_sentence, timexes, actors) -> Event:
        date = self.anchorer.date_for(
            sentence,
            coded.head,
            in_sentence,
            article.date,
            modality=coded.modality,
            context=timexes,
        )
        location = self.gazetteer.locate(
            sentence,
            coded,
            dateline=article.dateline,
            context_countries=actors.countries(),
        )
        info = self.ontology.cameo(coded.cameo)
        source = coded.source.actor if coded.source else None
        target = coded.target.actor if coded.target else None
        key = "|".join(
            [
                article.doc_id,
                str(sentence.index),
                str(coded.span[0]),
                str(coded.head),
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

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Code articles in parser batches; yields each article with its events, in order."""
        parsed_articles = self.parser.iter_parse(articles)
        while True:
            t0 = time.perf_counter()
            parsed = next(parsed_articles, None)
            self.timings["spacy"] += time.perf_counter() - t0
            if parsed is None:
                return
            yield parsed.article, self.code_parsed(parsed)

    def code_paths(
        self,
        paths: Iterable[str | Path],
        *,
        skip: Callable[[str], bool] | None = None,
    ) -> Iterator[tuple[Article, list[Event]] | IngestError]:
        """Read files, folders, gzip, JSONL/CSV or ``-`` and code them.

        Bad input is yielded as ``IngestError`` (and skipped); everything else is coded.
        ``skip(doc_id)`` returning True leaves an article out before it is parsed (used
        to resume a run against a store that already holds it).
        """
        from eventwire.ingest import read_articles

        pending: list[Article] = []
        errors: list[IngestError] = []

        def flush():
            yield from errors
            errors.clear()
            yield from self.code_articles(pending)
            pending.clear()

        items = read_articles(paths, max_bytes=self.max_bytes)
        while True:
            t0 = time.perf_counter()
            item = next(items, None)
            self.timings["ingest"] += time.perf_counter() - t0
            if item is None:
                break
            if isinstance(item, IngestError):
                errors.append(item)
            elif skip is not None and skip(item.doc_id):
                continue
            else:
                pending.append(item)
            if len(pending) >= 256:
                yield from flush()
        yield from flush()

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
