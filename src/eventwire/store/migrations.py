"""Forward migrations of the store schema.

``schema.sql`` creates the current schema in a fresh store.  A store written by an
older eventwire is brought up to date by the steps below, applied in order, each in
the same transaction as the row that records its version in ``schema_version``.
A new step gets the next number, and ``schema.sql`` gets the same change.
"""

from __future__ import annotations

# version -> (what it changes, SQL that brings version - 1 to version)
MIGRATIONS: dict[int, tuple[str, str]] = {
    2: (
        "mentions.cluster_id: the event a mention reports, filled by deduplication",
        "ALTER TABLE mentions ADD COLUMN cluster_id VARCHAR;",
    ),
}

CURRENT_VERSION = max(MIGRATIONS, default=1)
