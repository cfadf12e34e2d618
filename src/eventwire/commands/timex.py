"""``eventwire timex FILE...``: find and normalize the time expressions of articles.

Inputs are dated articles or JSONL (read by ``eventwire.ingest``), or, with ``--dct``,
plain text files whose whole content is the body.  ``--format jsonl`` (default) prints
one JSON object per expression with offsets into the body; ``--format tml`` prints one
TimeML document per article with inline <TIMEX3> tags.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HELP = "Tag and normalize time expressions (TIMEX3) in articles."


def configure(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="input files ('-' = stdin)")
    parser.add_argument(
        "--dct",
        metavar="YYYY-MM-DD",
        help="read the inputs as plain text dated this day (the document creation time)",
    )
    parser.add_argument("--format", choices=("jsonl", "tml"), default="jsonl")


def _plain(paths: list[str], dct: dt.date, stdin=None):
    """(doc_id, date, text) for plain-text inputs; errors name the file."""
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield "stdin", dct, stream.read(), None
            continue
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            yield p, dct, None, f"{p}: no such file"
        except UnicodeDecodeError as exc:
            yield p, dct, None, f"{p}: not UTF-8 text (byte {exc.start})"
        except OSError as exc:
            yield p, dct, None, f"{p}: {exc.strerror}"
        else:
            yield path.name, dct, text, None


def _articles(paths: list[str]):
    from eventwire.ingest import read_articles
    from eventwire.records import IngestError

    for item in read_articles(paths):
        if isinstance(item, IngestError):
            yield None, None, None, str(item)
        else:
            yield item.doc_id, item.date, item.text, None


def to_timeml(doc_id: str, date: dt.date, text: str, timexes) -> str:
    parts = []
    pos = 0
    for k, tx in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        attrs = f'tid="t{k}" type="{tx.type}" value={quoteattr(tx.value)}'
        if tx.mod:
            attrs += f' mod="{tx.mod}"'
        parts.append(escape(text[pos : tx.start]))
        parts.append(f"<TIMEX3 {attrs}>{escape(text[tx.start : tx.end])}</TIMEX3>")
        pos = tx.end
    parts.append(escape(text[pos:]))
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n"
        '<DCT><TIMEX3 tid="t0" type="DATE" value="'
        f'{date.isoformat()}" temporalFunction="false" functionInDocument="CREATION_TIME">'
        f"{date.isoformat()}</TIMEX3></DCT>\n"
        f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n"
    )


def run(args, stdout=None, stdin=None) -> int:
    from eventwire.temporal.tagger import TimeTagger

    out = stdout or sys.stdout
    if args.dct:
        try:
            dct = dt.date.fromisoformat(args.dct)
        except ValueError:
            print(f"eventwire timex: --dct {args.dct!r} is not a YYYY-MM-DD date", file=sys.stderr)
            return 2
        docs = _plain(args.files, dct, stdin)
    else:
        docs = _articles(args.files)
    tagger = TimeTagger()
    failed = 0
    for doc_id, date, text, error in docs:
        if error:
            failed += 1
            print(f"eventwire timex: {error}", file=sys.stderr)
            continue
        timexes = tagger.tag(text, date)
        if args.format == "tml":
            out.write(to_timeml(doc_id, date, text, timexes))
            continue
        for tx in timexes:
            record = {
                "doc_id": doc_id,
                "start": tx.start,
                "end": tx.end,
                "text": tx.text,
                "type": tx.type,
                "value": tx.value,
                "mod": tx.mod,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failed else 0
