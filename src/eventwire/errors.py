"""Coded error messages, in one place.

Every problem eventwire reports about its input carries a short code (``E001`` ...) and
a message written for the person who supplied the input: what is wrong and, where it
helps, what to do about it.  Messages are templates filled with ``str.format`` fields.

>>> message("E002", value="2024-13-01")
"invalid date '2024-13-01': expected an ISO date YYYY-MM-DD (a date-time such as 2024-05-10T12:00:00Z is also accepted)"
"""

from __future__ import annotations

from types import MappingProxyType

from eventwire.records import IngestError

MESSAGES = MappingProxyType(
    {
        "E001": "missing date: a text article must start with 'date YYYY-MM-DD' (found {found!r})",
        "E002": (
            "invalid date {value!r}: expected an ISO date YYYY-MM-DD "
            "(a date-time such as 2024-05-10T12:00:00Z is also accepted)"
        ),
        "E003": "bytes that are not valid UTF-8 ({detail}); save the file as UTF-8",
        "E004": (
            "binary file (contains NUL bytes), not text; UTF-16 text must be converted to UTF-8"
        ),
        "E005": "empty article body: there is no text {where}",
        "E006": "malformed JSON line: {detail}",
        "E007": "malformed CSV row: {detail}",
        "E008": "missing field {field!r}: each record needs 'text' and 'date'{found}",
        "E009": (
            "{what} is larger than the size limit of {limit:,} bytes; "
            "raise the size limit (max_bytes) to read it"
        ),
        "E010": "cannot read: {detail}",
        "E011": "corrupt or truncated gzip data ({detail}){after}",
        "E012": "field {field!r} must be {expected}, not {found}",
        "E013": "no input files in this folder (read are {suffixes}, also gzipped)",
    }
)


def message(code: str, **details) -> str:
    """The user-facing message for ``code`` with its fields filled in."""
    return MESSAGES[code].format(**details)


def ingest_error(path: str, line: int | None, code: str, **details) -> IngestError:
    """An ``IngestError`` with the coded message; ``str()`` of it reads ``path:line: message``."""
    return IngestError(path=path, line=line, message=message(code, **details), code=code)
