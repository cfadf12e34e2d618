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
