"""The spaCy adapter: the only part of eventwire that imports spaCy."""

from eventwire.nlp.parse import Parser, load_model

__all__ = ["Parser", "load_model"]
