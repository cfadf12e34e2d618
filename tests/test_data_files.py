"""Every data file under src/eventwire/data reads as its authors wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parent.parent / "src" / "eventwire" / "data"
FILES = sorted(DATA.rglob("*.yaml"))


def _booleans_among_words(node, path=""):
    """Places where YAML turned an unquoted word (on, no, yes, off) into a boolean inside
    a list that also holds words."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _booleans_among_words(value, f"{path}/{key}")
    elif isinstance(node, list):
        if any(isinstance(item, str) for item in node):
            for item in node:
                if isinstance(item, bool):
                    yield f"{path}: {item}"
        for item in node:
            yield from _booleans_among_words(item, path)


def test_there_are_data_files():
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(DATA)) for p in FILES])
def test_no_word_is_read_as_a_boolean(path):
    found = list(_booleans_among_words(yaml.safe_load(path.read_text())))
    assert not found, f"{path}: quote these words: {found}"


def test_the_check_finds_an_unquoted_word():
    assert list(_booleans_among_words(yaml.safe_load("preps: [in, at, on]"))) == ["/preps: True"]
