"""Shared fixtures: one spaCy model per test session, the shared data folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def parser():
    from eventwire.nlp.parse import Parser

    return Parser()


@pytest.fixture(scope="session")
def parse(parser):
    """parse(text, date="2023-03-17") -> ParsedArticle, with a real spaCy parse."""

    def _parse(text: str, date: str | dt.date = "2023-03-17"):
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        return parser.parse_text(text, date)

    return _parse


@pytest.fixture(scope="session")
def shared_data():
    """Path to ../shared/data; tests that need it skip cleanly when it is absent."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path


@pytest.fixture(scope="session")
def record_fields() -> set[str]:
    """The event-record field names, read from the contract in docs/event-record.md."""
    import re

    text = (ROOT / "docs" / "event-record.md").read_text(encoding="utf-8")
    table = text.split("One JSON object per event:", 1)[1].split("An **actor**", 1)[0]
    fields = set()
    for line in table.splitlines():
        if line.startswith("| `"):
            fields.update(re.findall(r"`(\w+)`", line.split("|")[1]))
    return fields


@pytest.fixture(scope="session")
def guess():
    """The raw-text and parse tense reader, with the English tables."""
    from eventwire.temporal.resources import load_resources
    from eventwire.temporal.tense import TenseGuesser

    return TenseGuesser(load_resources("en"))


@pytest.fixture(scope="session")
def direction(guess):
    """direction(text, word) -> the tense direction the raw text gives ``word``."""

    def _direction(text: str, word: str) -> int:
        i = text.index(word)
        return guess.from_text(text, i, i + len(word))

    return _direction
