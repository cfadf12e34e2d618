"""Attach time expressions to event predicates and turn them into ``EventDate`` records.

The expression chosen for an event is the one syntactically attached to its predicate
(through a preposition, as a noun-phrase adverbial, as a modifier of an event noun, or
to the light verb whose object the event noun is), else one attached to a predicate it
is coordinated with.  Expressions attached to another clause are never used.  Ranges
("from March 20 to 22", "between 2019 and 2021", "since May") combine two expressions
or an expression and the document date.  Words (prepositions, connectors, vague past
adverbs) come from ``data/temporal/<lang>/anchor.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from eventwire.records import EventDate, Sentence, TimeExpr
from eventwire.temporal.calendar import add_years

_VERB_POS = frozenset({"VERB", "AUX"})
LONG_PAST_DAYS = 365  # a time that ended this long before the article is no present perfect's
_PRECISIONS = frozenset({"day", "week", "month", "season", "quarter", "year"})


def _load(lang: str) -> dict:
    from importlib import resources

    path = resources.files("eventwire") / "data" / "temporal" / lang / "anchor.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _words(data: dict, key: str) -> frozenset[str]:
    """The words of a list in the anchoring data, lower-cased."""
    return frozenset(str(w).lower() for w in data.get(key, ()))


class Anchorer:
    """Choose the date of an event from the time expressions around its predicate."""

    def __init__(self, *, lang: str = "en") -> None:
        data = _load(lang)
        self.light_deps = frozenset(data.get("light_verb_deps", ()))
        self.noun_deps = frozenset(data.get("event_noun_deps", ()))
        self.conj_deps = frozenset(data.get("coordination_deps", ()))
        self.clause_deps = frozenset(data.get("noun_clause_deps", ()))
        self.prep_deps = frozenset(data.get("preposition_deps", ()))
        self.happening = _words(data, "happening_verbs")
        self.past_words = _words(data, "unspecified_past")
        self.since_words = _words(data, "since")
        self.reporting = _words(data, "reporting_verbs")
        self.complement_deps = frozenset(data.get("complement_deps", ()))
        self.same_time_verbs = _words(data, "same_time_verbs")
        self.cause_nouns = _words(data, "dated_cause_nouns")
        self.same_time_governors = _words(data, "same_time_governors")
        dated = data.get("dated_subject") or {}
        self.subject_deps = frozenset(dated.get("subject_deps", ()))
        self.subject_date_deps = frozenset(dated.get("date_deps", ()))
        marks = "|".join(re.escape(m) for m in data.get("chronology_marks", ()))
        self._entry_mark = re.compile(rf"\s*(?:{marks})\s") if marks else None
        self.until_words = _words(data, "until")
        self.range_open = _words(data, "range_open")
        self.include_preps = _words(data, "include_preposition")
        links = "|".join(re.escape(w) for w in data.get("range_link", ()))
        self._link = re.compile(rf"^\s*(?:{links})\s*$", re.I)
        self.pair_links = _words(data, "day_pair_link")
        self.span_years = int(data.get("vague_span_years", 1))
        self.plan_days = int(data.get("plan_reference_days", 0))
        self.future_from_now = _words(data, "future_from_now")
        self.means_preps = _words(data, "means_prepositions")
        self.perfect_aux = _words(data, "perfect_auxiliaries")
        self.when_words = _words(data, "time_clause_words")
        purpose = data.get("purpose") or {}
        self.purpose_preps = _words(purpose, "prepositions")
        self.purpose_deps = frozenset(purpose.get("clause_deps", ()))
        occasion = data.get("same_occasion") or {}
        self.occasion_sentences = int(occasion.get("max_sentences_back", 0))
        self.occasion_days = int(occasion.get("max_span_days", 0))
        self.occasion_precisions = frozenset(occasion.get("precisions", ()))

    # ------------------------------------------------------------------ syntax
    @staticmethod
    def _tokens_of(sentence: Sentence, tx: TimeExpr) -> list[int]:
        return [t.i for t in sentence.tokens if t.start < tx.end and t.end > tx.start]

    def _governor(self, sentence: Sentence, tx: TimeExpr) -> tuple[int | None, int | None]:
        """(governing token, preposition token or None) of an expression."""
        toks = sentence.tokens
        inside = self._tokens_of(sentence, tx)
        if not inside:
            return None, None
        top = next(
            (i for i in inside if toks[i].head not in inside or toks[i].head == i), inside[-1]
        )
        first = min(inside)
        if (
            toks[top].dep == "compound"
            and first > 0
            and toks[first - 1].pos == "ADP"
            and toks[first - 1].dep in self.prep_deps
            and not any(toks[c].dep == "pobj" for c in sentence.children[first - 1])
        ):
            # "On Saturday Foreign Minister X criticised": the parse made the day part of
            # the name after it and left the preposition without its object
            return toks[first - 1].head, first - 1
        cur, prep = top, None
        for _ in range(6):
            h = toks[cur].head
            if h == cur:
                return None, prep
            if toks[h].pos == "ADP" or toks[h].dep in self.prep_deps:
                prep = prep if prep is not None else h
                cur = h
                continue
            return self._reported_clause(sentence, h, first), prep
        return None, prep

    def _reported_clause(self, sentence: Sentence, gov: int, first: int) -> int:
        """ "The attack began at dawn Thursday, the commander said": an expression the
        parse hung on a reporting verb after it, right after the reported clause, is that
        clause's time."""
        toks = sentence.tokens
        if gov <= first or toks[gov].lemma.lower() not in self.reporting:
            return gov
        for c in sentence.children[gov]:
            if toks[c].dep == "ccomp" and c < first and max(sentence.subtree(c)) == first - 1:
                return c
        return gov

    def _score(self, sentence: Sentence, head: int, gov: int | None, to_come: bool) -> int:
        if gov is None:
            return 0
        toks = sentence.tokens
        if gov == head:
            return 3
        h = toks[head]
        g = toks[gov]
        # event noun governed by a light verb: "paid a visit ... on Friday"
        if h.pos not in _VERB_POS and h.head == gov and h.dep in self.light_deps:
            return 2
        # what the predicate is done for: "will visit Paris on Tuesday for talks" (a
        # planned or possible noun only: "sanctions on Monday for the invasion" is a
        # cause), "travelled to Paris on Tuesday to hold talks"
        # the first verb above a phrase of nouns and prepositions, or the predicate met on
        # the way ("gathered in a square on Sunday": the square's verb)
        verb = self._climb(sentence, gov, head)
        if h.dep in self.purpose_deps and h.head in (gov, verb) and sentence.infinitive(head):
            return 1
        # the result of the predicate, in a participle after it: "shot at mourners on
        # Tuesday, killing another person"; not "after meeting", "while fleeing"
        if (
            h.dep in self.purpose_deps
            and h.tag == "VBG"
            and (h.head in (gov, verb) or self._when_of(sentence, h.head, gov))
            and head > h.head
            and not any(toks[c].dep == "mark" for c in sentence.children[head])
            and not any(toks[c].pos == "ADP" for c in sentence.children[head] if c < head)
        ):
            return 1
        p = toks[h.head]
        if to_come and h.dep == "pobj" and p.head == gov and p.lemma.lower() in self.purpose_preps:
            return 1
        # expression on the object/subject noun of the predicate: "held talks on Friday"
        if g.head == head and g.dep in self.noun_deps and g.pos not in _VERB_POS:
            return 2
        # an event noun with a clause saying when it happened: "the attack, which took
        # place on Friday"
        if g.head == head and g.dep in self.clause_deps and g.lemma.lower() in self.happening:
            return 2
        # coordinated predicates share the date: "met on Friday and signed a deal",
        # "launched rockets at positions in the town on Wednesday and rebels fired back"
        if h.dep in self.conj_deps and (
            h.head in (gov, verb)
            or (toks[h.head].tag == "VBG" and self._score(sentence, h.head, gov, to_come) > 0)
        ):
            return 1  # ... and a participle's: "cracked down Thursday, arresting and beating"
        # ... either way round: "12 rebels were killed and 300 wounded on Saturday"
        if g.dep in self.conj_deps and g.head == head and g.pos in _VERB_POS:
            return 1
        # ... also where the parse made the second a participle on a conjunct of the
        # predicate ("were killed and some 300 wounded on Saturday": "300" conjunct, "wounded"
        # its modifier)
        if verb is not None and verb != head:
            v = toks[verb]
            n = toks[v.head]
            if v.dep == "acl" and v.tag == "VBN" and n.dep in self.conj_deps and n.head == head:
                return 1  # ... "were killed and 22 injured from Saturday's fighting"
        # a "when" clause with the expression on the predicate or a conjunct of it: "five
        # were killed and hundreds wounded when police cleared the square on Wednesday"
        if verb is not None and self._when_of(sentence, verb, head):
            return 1
        # a participle clause opening the sentence: "Breaking a silence on Monday, Assad
        # promised new laws"
        if (
            verb is not None
            and toks[verb].dep in self.purpose_deps
            and toks[verb].tag == "VBG"
            and toks[verb].head == head
            and verb < head
            and not any(toks[c].dep == "mark" for c in sentence.children[verb])
        ):
            return 1
        # the verb of an infinitive the predicate governs, when both happen at once:
        # "refused to comment yesterday" (not "asked them to extend the credit to 2016");
        # or the other way round, after a verb done at once with its infinitive: "voted
        # Saturday to back a no-fly zone" (not "agreed Monday to meet next week")
        if self._infinitive_of(sentence, head, gov, self.same_time_verbs) or self._infinitive_of(
            sentence, gov, head, self.same_time_governors
        ):
            return 1
        # the means of a coordinated predicate: "expelled 40 diplomats in April, and
        # Russia responded by ordering out 20"
        p = toks[h.head]
        if h.dep == "pcomp" and p.lemma.lower() in self.means_preps and p.head != h.head:
            v = toks[p.head]
            if p.head in (gov, verb) or (v.dep in self.conj_deps and v.head == gov):
                return 1  # and the predicate's own: "handed a victory on Tuesday by vetoing"
        # inside a phrase of the predicate, through nouns and prepositions only:
        # "clashes erupted in the streets of Gaza on Friday"
        return 1 if verb == head else 0

    def _infinitive_of(
        self, sentence: Sentence, upper: int, lower: int, verbs: frozenset[str]
    ) -> bool:
        """``lower`` is an infinitive complement of ``upper``, a verb of ``verbs``."""
        toks = sentence.tokens
        return (
            toks[lower].head == upper
            and toks[lower].dep in self.complement_deps
            and sentence.infinitive(lower)
            and toks[upper].lemma.lower() in verbs
        )

    def _dated_subject(self, sentence: Sentence, head: int, tx: TimeExpr) -> bool:
        """ "The April 20 blast killed 11 workers", "Tuesday's quake destroyed the port":
        a day that modifies the subject of a past predicate, or the antecedent of a past
        relative predicate, is the predicate's day."""
        toks = sentence.tokens
        if toks[head].tag != "VBD" or tx.precision != "day" or not sentence.children:
            return False
        inside = self._tokens_of(sentence, tx)
        top = next((i for i in inside if toks[i].head not in inside), None)
        if top is None or toks[top].dep not in self.subject_date_deps:
            return False
        noun = toks[top].head
        if toks[noun].head == head and toks[noun].dep in self.subject_deps:
            return True
        # "the April 20 explosion aboard the rig that killed 11 workers": the antecedent
        # of a relative predicate, or the noun whose phrase holds it
        if toks[head].dep not in self.clause_deps:
            return False
        antecedent = toks[head].head
        up = toks[antecedent].head  # the preposition, then its noun
        return noun == antecedent or (
            toks[antecedent].dep == "pobj" and toks[up].pos == "ADP" and toks[up].head == noun
        )

    def _long_past_for_perfect(
        self, sentence: Sentence, head: int, tx: TimeExpr, dct: dt.date
    ) -> bool:
        """A present perfect takes no time long past ("has proposed an airlift, in an
        echo of the exodus from Cuba in the early 1960s"): an expression deep in one of
        its phrases that ended over a year before the article dates something else."""
        toks = sentence.tokens
        h = toks[head]
        if h.tag != "VBN" or tx.until is None or (dct - tx.until).days <= LONG_PAST_DAYS:
            return False
        auxes = [toks[c] for c in sentence.children[head] if toks[c].dep == "aux"]
        return any(a.lemma.lower() in self.perfect_aux and a.tag in ("VBZ", "VBP") for a in auxes)

    @staticmethod
    def _climb(sentence: Sentence, i: int, head: int) -> int | None:
        """From ``i`` up through nouns and prepositions: ``head`` if reached first, else
        the first verb, None at the root or past six steps."""
        toks = sentence.tokens
        cur = i
        for _ in range(6):
            t = toks[cur]
            if cur == head or t.pos in _VERB_POS:
                return cur
            if t.head == cur:
                return None
            cur = t.head
        return None

    def _when_clause(self, sentence: Sentence, head: int, tx: TimeExpr, gov: int | None) -> bool:
        """``head`` heads a "when" clause on the expression itself or on the predicate
        the expression is on ("last visited Berlin in early 2023, when they signed")."""
        toks = sentence.tokens
        h = toks[head]
        if h.head == head or not any(
            toks[c].text.lower() in self.when_words for c in sentence.children[head] if c < head
        ):
            return False
        if h.dep in self.clause_deps and h.head in self._tokens_of(sentence, tx):
            return True
        return h.dep == "advcl" and h.head == gov

    def _when_of(self, sentence: Sentence, clause: int, head: int) -> bool:
        """``clause`` is a "when" clause on ``head`` or on a predicate coordinated with it."""
        toks = sentence.tokens
        c = toks[clause]
        if c.dep != "advcl" or not any(
            toks[k].text.lower() in self.when_words for k in sentence.children[clause] if k < clause
        ):
            return False
        if c.head == head:
            return True
        on, h = toks[c.head], toks[head]
        # on a conjunct of the predicate, or on the predicate the predicate is a conjunct of
        return (on.dep in self.conj_deps and on.head == head) or (
            h.dep in self.conj_deps and h.head == c.head
        )

    # ------------------------------------------------------------------ dates
    def _interval(self, tx: TimeExpr, dct: dt.date) -> tuple[dt.date, dt.date, str] | None:
        if tx.value == "FUTURE_REF":
            return dct, add_years(dct, self.span_years), "year"
        if tx.value == "PAST_REF":
            return add_years(dct, -self.span_years), dct, "year"
        if tx.value == "PRESENT_REF":
            return dct, dct, "day"
        if tx.type == "SET" or tx.begin is None or tx.until is None:
            return None
        precision = tx.precision if tx.precision in _PRECISIONS else "year"
        return tx.begin, tx.until, precision

    def _before(self, sentence: Sentence, tx: TimeExpr, n: int = 2) -> list[str]:
        left = sentence.text[: max(0, tx.start - sentence.start)]
        return [w.lower() for w in re.findall(r"[A-Za-z]+", left)[-n:]]

    def _range(self, sentence, tx, timexes, dct):
        """Combine ``tx`` with a partner in "from X to Y" / "between X and Y" / "X - Y"."""
        ordered = sorted(timexes, key=lambda t: t.start)
        k = next((i for i, t in enumerate(ordered) if t is tx), None)
        if k is None:
            return None
        pairs = []
        if k + 1 < len(ordered):
            pairs.append((ordered[k], ordered[k + 1]))
        if k > 0:
            pairs.append((ordered[k - 1], ordered[k]))
        for a, b in pairs:
            between = sentence.text[a.end - sentence.start : b.start - sentence.start]
            if not self._link.match(between):
                continue
            opener = self._before(sentence, a, 1)
            ia, ib = self._interval(a, dct), self._interval(b, dct)
            if ia is None or ib is None or ib[1] <= ia[0]:
                continue
            # "on Saturday and Sunday": two days in a row joined by a word of `day_pair_link`
            pair = (
                between.strip().lower() in self.pair_links
                and ia[2] == ib[2] == "day"
                and (ib[0] - ia[1]).days == 1
            )
            if not (pair or (opener and opener[0] in self.range_open)) and between.strip() not in (
                "-",
                "–",
            ):
                continue
            coarse = ia[2] if ia[2] == ib[2] else "year"
            text = sentence.text[a.start - sentence.start : b.end - sentence.start]
            basis = "relative" if (a.relative or b.relative) else "explicit"
            return EventDate(ia[0], ib[1], coarse, text, f"{a.value}/{b.value}", basis)
        return None

    def _text(self, sentence: Sentence, tx: TimeExpr, prep: int | None) -> str:
        if prep is not None:
            p = sentence.tokens[prep]
            if p.text.lower() in self.include_preps and p.end <= tx.start:
                gap = sentence.text[p.end - sentence.start : tx.start - sentence.start]
                if not gap.strip():
                    return sentence.text[p.start - sentence.start : tx.end - sentence.start]
        return tx.text

    def _date(self, sentence, tx, prep, timexes, dct) -> EventDate | None:
        combined = self._range(sentence, tx, timexes, dct)
        if combined is not None:
            return combined
        iv = self._interval(tx, dct)
        if iv is None:
            return None
        begin, until, precision = iv
        basis = "relative" if tx.relative else "explicit"
        before = self._before(sentence, tx, 1)
        if before and before[0] in self.since_words and begin < dct:
            return EventDate(begin, dct, precision, self._text(sentence, tx, prep), tx.value, basis)
        if before and before[0] in self.until_words and until > dct:
            return EventDate(dct, until, precision, self._text(sentence, tx, prep), tx.value, basis)
        return EventDate(begin, until, precision, self._text(sentence, tx, prep), tx.value, basis)

    def _names_a_thing(self, sentence, tx: TimeExpr, head: int, gov, prep) -> bool:
        """A year or date inside the name of a thing the event is done to ("appealed the
        2004 Oil Spill Act"): a modifier of another noun, with no preposition."""
        if gov is None or gov == head or prep is not None:
            return False
        toks = sentence.tokens
        inside = self._tokens_of(sentence, tx)
        top = next((i for i in inside if toks[i].head not in inside), None)
        if top is None or toks[top].dep not in NAME_MODIFIER_DEPS:
            return False
        g = toks[gov]
        if g.pos not in ("NOUN", "PROPN"):
            return False
        # "were killed in the April 20 explosion": a dated happening the predicate came
        # about in or from is its time, not a name
        p = toks[g.head]
        return not (
            g.lemma.lower() in self.cause_nouns
            and g.dep == "pobj"
            and p.pos == "ADP"
            and p.head == head
        )

    def _plan_made(
        self, sentence: Sentence, head: int, timexes: list[TimeExpr], dct: dt.date
    ) -> EventDate | None:
        """A plan made long before the article ("In 2003 Blair decided to send troops"):
        the time on a verb governing the planned event, when it ends more than
        ``plan_reference_days`` before the document date; the event is still to come
        from then, within ``vague_span_years``."""
        if self.plan_days <= 0:
            return None
        toks = sentence.tokens
        if any(t.head == head and t.text.lower() in self.future_from_now for t in toks):
            return None  # "said in May that he will sign": to come from now
        above, cur = set(), head
        for _ in range(8):
            nxt = sentence.tokens[cur].head
            if nxt == cur:
                break
            above.add(nxt)
            cur = nxt
        for tx in timexes:
            if not (sentence.start <= tx.start < sentence.end):
                continue
            gov, _ = self._governor(sentence, tx)
            iv = self._interval(tx, dct)
            if gov in above and iv is not None and (dct - iv[1]).days > self.plan_days:
                return EventDate(iv[0], add_years(iv[1], self.span_years), "year", None,
                                 "FUTURE_REF", "relative")  # fmt: skip
        return None

    def _vague_past(self, sentence: Sentence, head: int) -> bool:
        toks = sentence.tokens
        kids = sentence.children[head] if sentence.children else ()
        # "had met before", "in the past"; not a phrase's or clause's head word ("before
        # the summit", "before the cabinet is formed", "before it is too late")
        words = [toks[k].text.lower() for k in kids if toks[k].dep in ADVERB_DEPS]
        if toks[head].tag in PAST_TAGS and any(
            toks[k].dep == "mark" and toks[k].text.lower() in self.since_words for k in kids
        ):
            return True  # "(his first trip) since Russia sent troops": before, date unknown
        for k in kids:
            grand = [toks[j].text.lower() for j in sentence.children[k]]
            if (
                toks[k].dep == "advcl"
                and self.since_words & set(grand)
                and not sentence.infinitive(head)  # "the first leader to visit since ..."
            ):
                return True  # "since the invasion began": ongoing, start unknown
            if toks[k].dep == "prep":
                words.extend(grand)  # "in the past": a preposition with a vague object
        return any(w in self.past_words for w in words)

    def _since_clause(
        self, sentence: Sentence, head: int, timexes: list[TimeExpr], dct: dt.date
    ) -> EventDate | None:
        """ "have killed 700 civilians since the protests broke out on March 18": a
        clause opened by "since" on the predicate, whose own verb carries a time
        expression before the article date, starts the event's span; it runs to the
        article date."""
        toks = sentence.tokens
        if not sentence.children or sentence.infinitive(head):
            return None
        clauses = {
            k
            for k in sentence.children[head]
            if toks[k].dep == "advcl"
            and any(
                toks[j].dep == "mark" and toks[j].text.lower() in self.since_words
                for j in sentence.children[k]
            )
        }
        for tx in timexes:
            if not (sentence.start <= tx.start < sentence.end):
                continue
            gov, prep = self._governor(sentence, tx)
            iv = self._interval(tx, dct)
            if gov in clauses and iv is not None and iv[0] < dct:
                basis = "relative" if tx.relative else "explicit"
                text = self._text(sentence, tx, prep)
                return EventDate(iv[0], dct, iv[2], text, tx.value, basis)
        return None

    def _chronology_entry(
        self, sentence: Sentence, head: int, timexes: list[TimeExpr], dct: dt.date
    ) -> EventDate | None:
        """ "March 17 - The Security Council votes to authorize a no-fly zone": a line
        of a chronology, opened by a date and a dash or colon, dates what it tells."""
        if self._entry_mark is None:
            return None
        text, base = sentence.text, sentence.start
        at = sentence.tokens[head].start - base
        line_start = text.rfind("\n", 0, at) + 1  # the line the predicate is on
        for tx in timexes:
            a, b = tx.start - base, tx.end - base
            if not (line_start <= a < at) or text[line_start:a].strip() or tx.type != "DATE":
                continue
            if self._entry_mark.match(text, b) and "\n" not in text[b:at]:
                return self._date(sentence, tx, None, timexes, dct)
        return None

    def _same_occasion(
        self, sentence: Sentence, dct: dt.date, context: list[TimeExpr]
    ) -> EventDate | None:
        """The date of a planned occasion announced just before, for a planned event
        with no expression of its own ("Xi will visit Russia from March 20-22. Xi will
        hold talks with Putin ...").

        Taken only when the sentence has no time expression at all, the nearest earlier
        expression of the article (other than the document date itself, as in "the
        ministry said on Friday") lies at most ``max_sentences_back`` sentences back, is
        a bounded calendar date (day or week, at most ``max_span_days`` long) and lies
        after the document date.
        """
        if self.occasion_sentences <= 0 or not context:
            return None
        here = sentence.index
        earlier = None
        for tx in context:
            if tx.sentence_index is None:
                continue
            if tx.sentence_index == here or sentence.start <= tx.start < sentence.end:
                return None  # the sentence has its own (unattached) expression
            if tx.begin == dct and tx.until == dct:
                continue  # the day of the report
            if tx.sentence_index < here and (earlier is None or tx.start > earlier.start):
                earlier = tx
        if earlier is None or here - earlier.sentence_index > self.occasion_sentences:
            return None
        if (
            earlier.type not in ("DATE", "TIME")
            or earlier.precision not in self.occasion_precisions
        ):
            return None
        if earlier.begin is None or earlier.until is None or earlier.begin <= dct:
            return None
        if (earlier.until - earlier.begin).days > self.occasion_days:
            return None
        return EventDate(
            earlier.begin, earlier.until, earlier.precision, earlier.text, earlier.value, "relative"
        )

    # ------------------------------------------------------------------ public
    def date_for(
        self,
        sentence: Sentence,
        head: int,
        timexes: list[TimeExpr],
        dct: dt.date,
        *,
        modality: str,
        context: list[TimeExpr],
    ) -> EventDate:
        best = None
        for tx in timexes:
            if not (sentence.start <= tx.start < sentence.end):
                continue
            gov, prep = self._governor(sentence, tx)
            if self._dated_subject(sentence, head, tx):
                score = 2
            elif self._names_a_thing(sentence, tx, head, gov, prep):
                continue
            else:
                score = self._score(sentence, head, gov, modality in ("planned", "possible"))
            if self._when_clause(sentence, head, tx, gov):
                score = max(score, 2)
            if score <= 0 or self._interval(tx, dct) is None:
                continue
            if score == 1 and self._long_past_for_perfect(sentence, head, tx, dct):
                continue
            distance = abs(sentence.tokens[head].start - tx.start)
            key = (score, tx.begin is not None, -distance)  # calendar dates before vague ones
            if best is None or key > best[0]:
                best = (key, tx, prep)
        if best is not None:
            found = self._date(sentence, best[1], best[2], timexes, dct)
            if found is not None:
                return found
        entry = self._chronology_entry(sentence, head, timexes, dct)
        if entry is not None:
            return entry
        if modality == "planned" or (
            modality == "possible" and not _past(sentence, head, self.perfect_aux)
        ):
            # a possible event in a present or future clause ("a call is on the cards",
            # "could visit") is, like a planned one, still to come
            same = self._same_occasion(sentence, dct, context)
            if same is not None:
                return same
            made = self._plan_made(sentence, head, timexes, dct)
            if made is not None:
                return made
            later = add_years(dct, self.span_years)
            return EventDate(dct, later, "year", None, "FUTURE_REF", "relative")
        opened = self._since_clause(sentence, head, timexes, dct)
        if opened is not None:
            return opened
        if self._vague_past(sentence, head):
            earlier = add_years(dct, -self.span_years)
            return EventDate(earlier, dct, "year", None, "PAST_REF", "relative")
        return EventDate(dct, dct, "day", None, None, "document")


PAST_TAGS = frozenset({"VBD", "VBN"})
ADVERB_DEPS = frozenset({"advmod", "npadvmod"})
NAME_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod"})


def _past(sentence: Sentence, head: int, perfect_aux: frozenset[str]) -> bool:
    """Whether the clause of ``head`` is in a past tense ("may have attacked", "said"):
    an event noun takes the tense of the verb it depends on."""
    toks = sentence.tokens
    cur = head
    for _ in range(4):
        tok = toks[cur]
        if tok.pos in ("VERB", "AUX"):
            break
        if tok.head == cur:
            return False
        cur = tok.head
    tok = toks[cur]
    if tok.tag == "VBD":
        return True
    auxes = [toks[c] for c in sentence.children[cur] if toks[c].dep in ("aux", "auxpass")]
    if not auxes and tok.dep == "conj" and tok.head != cur:
        # "were hit deliberately or caught in crossfire": the first verb's auxiliaries
        auxes = [toks[c] for c in sentence.children[tok.head] if toks[c].dep in ("aux", "auxpass")]
    if any(a.tag == "VBD" for a in auxes):
        return True
    # a perfect: "may have attacked", "could have met"
    return tok.tag == "VBN" and any(a.lemma.lower() in perfect_aux for a in auxes)
