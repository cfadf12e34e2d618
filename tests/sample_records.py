"""The example event of docs/event-record.md as a record, for tests that need one."""

from __future__ import annotations

import datetime as dt

from eventwire.records import Actor, Event, EventDate, Place

SENTENCE = "Ruritania's Foreign Minister will visit Paris on Tuesday."


def sample_event(**kw) -> Event:
    """The contract's example event; keyword arguments replace fields."""
    fields = dict(
        event_id="e0",
        doc_id="d1",
        doc_date=dt.date(2024, 5, 10),
        sentence_index=0,
        sentence=SENTENCE,
        span=(0, 57),
        trigger="will visit",
        source=Actor(
            "Ruritania's Foreign Minister", "Foreign Minister of Ruritania", "RUR", "GOV", "RURGOV"
        ),
        target=Actor("Paris", "France", "FRA", None, "FRA", "Q142"),
        cameo="042",
        cameo_label="Make a visit",
        plover="CONSULT",
        quad_class=1,
        goldstein=1.9,
        modality="planned",
        date=EventDate(
            dt.date(2024, 5, 14),
            dt.date(2024, 5, 14),
            "day",
            "on Tuesday",
            "2024-05-14",
            "relative",
        ),
        location=Place("Paris", "FRA", 2988507, 48.853, 2.349, "city"),
        confidence=0.8,
    )
    fields.update(kw)
    return Event(**fields)
