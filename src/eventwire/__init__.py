"""eventwire: dated news articles in, a clean political event dataset out."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Pipeline", "open_store", "__version__"]


def __getattr__(name: str):
    # Lazy: importing eventwire must not load spaCy or DuckDB.
    if name == "Pipeline":
        from eventwire.pipeline import Pipeline

        return Pipeline
    if name == "open_store":
        from eventwire.store import open_store

        return open_store
    raise AttributeError(name)
