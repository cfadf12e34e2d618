"""The DuckDB store of coded articles and event mentions."""

from __future__ import annotations

from eventwire.store.store import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
