"""Ingest: dated articles in (text, JSONL, CSV, folders, gzip, stdin), ``Article`` out.

``read_articles`` streams articles and ``IngestError`` records in input order;
``make_article`` builds one article from a body, finding its dateline and credits.
"""

from __future__ import annotations

from eventwire.ingest.dateline import DatelineParser
from eventwire.ingest.readers import ArticleReader, content_id, make_article, read_articles

__all__ = ["ArticleReader", "DatelineParser", "content_id", "make_article", "read_articles"]
