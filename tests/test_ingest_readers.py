"""Reading articles: every input format, stdin, gzip, folders, and each kind of bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import sys

import pytest

from eventwire.errors import MESSAGES, message
from eventwire.ingest import make_article, read_articles
from eventwire.ingest.readers import DEFAULT_MAX_BYTES, parse_iso_date
from eventwire.records import Article, IngestError

BODY = (
    "PARIS/BERLIN - Ruritania's Foreign Minister will visit Paris on Tuesday.\n\n"
    "Officials said the two sides last met in early 2023 ...   REUTERS, AFP\n"
)


def read(*paths, **kwargs):
    return list(read_articles([str(p) for p in paths], **kwargs))


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def errors(items):
    return [str(i) for i in items if isinstance(i, IngestError)]


def codes(items):
    return [i.code for i in items if isinstance(i, IngestError)]


def jsonl(*records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# --------------------------------------------------------------------------- dated text


def test_dated_text_body_follows_the_date_on_the_same_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-05-10 " + BODY, encoding="utf-8")
    [article] = read(path)
    assert article.date == dt.date(2024, 5, 10)
    assert article.text == BODY
    assert (article.path, article.line) == (str(path), 1)
    assert article.dateline == ("Paris", "Berlin")
    assert article.credits == ("Reuters", "AFP")
    assert article.coded_text.startswith("Ruritania's Foreign Minister")
    assert article.coded_text.endswith("in early 2023 ...")


def test_dated_text_body_on_later_line_keeps_trailing_white_space(tmp_path):
    path = tmp_path / "a.text"
    path.write_text("\n\nDate: 2024-05-10\n\n  The talks ended.  \n", encoding="utf-8")
    [article] = read(path)
    assert article.text == "The talks ended.  \n"
    assert article.line == 3


def test_dated_text_offsets_refer_to_the_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2024-05-10\nWASHINGTON (Reuters) - Talks ended.", encoding="utf-8")
    [article] = read(path)
    assert article.text[slice(*article.dateline_span)] == "WASHINGTON (Reuters) -"
    assert article.text[article.code_start : article.code_end] == "Talks ended."


def test_dated_text_with_byte_order_mark(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfdate 2024-05-10 Talks ended.")
    [article] = read(path)
    assert article.text == "Talks ended."


def test_doc_id_is_a_stable_content_hash(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-05-10 " + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2024-05-10\n" + BODY, encoding="utf-8")
    (tmp_path / "c.txt").write_text("date 2024-05-11 " + BODY, encoding="utf-8")
    a, b, c = articles(read(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"))
    expected = hashlib.sha256(("2024-05-10\n" + BODY).encode("utf-8")).hexdigest()[:16]
    assert a.doc_id == b.doc_id == expected
    assert c.doc_id != a.doc_id


# --------------------------------------------------------------------------- make_article


def test_make_article_finds_dateline_and_credits():
    article = make_article(BODY, date=dt.date(2024, 5, 10), title="Visit")
    assert article.dateline == ("Paris", "Berlin")
    assert article.dateline_span == (0, 14)
    assert article.credits == ("Reuters", "AFP")
    assert BODY[slice(*article.credits_span)] == "REUTERS, AFP"
    assert article.title == "Visit"


def test_make_article_uses_given_id_and_accepts_date_strings():
    article = make_article("Talks ended.", date="2024-05-10", doc_id="wire-1")
    assert article.doc_id == "wire-1"
    assert article.date == dt.date(2024, 5, 10)
    with pytest.raises(ValueError, match="invalid date"):
        make_article("Talks ended.", date="10/05/2024")


def test_iso_dates_and_date_times():
    assert parse_iso_date("2024-05-10") == dt.date(2024, 5, 10)
    assert parse_iso_date("2024-05-10T23:30:00-05:00") == dt.date(2024, 5, 10)
    assert parse_iso_date("2024-05-10 08:00:00Z") == dt.date(2024, 5, 10)
    for bad in ("2024-02-30", "20240510", "2024-W19-5", "May 10, 2024", "2024-05-10Tnoon"):
        assert parse_iso_date(bad) is None


# --------------------------------------------------------------------------- JSONL and CSV


def test_jsonl_fields_and_line_numbers(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": 7, "date": "2024-05-10T09:00:00Z", "text": "MOSCOW (Reuters) - Talks.", "url": "u"},
        {"date": "2024-05-11", "text": "Talks.", "title": "T", "source": "wire"},
    ]
    path.write_text(jsonl(rows[0]) + "\n" + jsonl(rows[1]), encoding="utf-8")
    a, b = read(path)
    assert (a.doc_id, a.date, a.line, a.url) == ("7", dt.date(2024, 5, 10), 1, "u")
    assert a.dateline == ("Moscow",)
    assert a.text == rows[0]["text"]
    assert (b.line, b.title, b.source) == (3, "T", "wire")
    assert b.doc_id == hashlib.sha256(b"2024-05-11\nTalks.").hexdigest()[:16]


def test_ndjson_suffix_is_json_lines(tmp_path):
    path = tmp_path / "a.ndjson"
    path.write_text(jsonl({"date": "2024-05-10", "text": "Talks."}), encoding="utf-8")
    assert [a.text for a in read(path)] == ["Talks."]


def test_csv_records_start_lines_with_multi_line_fields(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        'ID,Text,Date,Title\n1,"KYIV (AP) — Sirens.\nSecond line.",2024-03-03,\n'
        '2,"He said ""no"".",2024-03-04,Quote\n',
        encoding="utf-8",
    )
    a, b = read(path)
    assert (a.doc_id, a.line, a.text, a.title) == (
        "1",
        2,
        "KYIV (AP) — Sirens.\nSecond line.",
        None,
    )
    assert a.dateline == ("Kyiv",)
    assert (b.line, b.text, b.title) == (4, 'He said "no".', "Quote")


def test_windows_line_ends(tmp_path):
    (tmp_path / "a.csv").write_bytes(b'text,date\r\n"a\r\nb",2024-01-01\r\nc,2024-01-02\r\n')
    (tmp_path / "b.jsonl").write_bytes(
        b'{"text": "x", "date": "2024-01-01"}\r\n\r\n{"text": "y", "date": "2024-01-01"}\r\n'
    )
    (tmp_path / "c.txt").write_bytes(b"date 2024-01-01\r\nLONDON: Talks ended.\r\n")
    items = read(tmp_path / "a.csv", tmp_path / "b.jsonl", tmp_path / "c.txt")
    assert [(a.text, a.line) for a in items] == [
        ("a\r\nb", 2),
        ("c", 4),
        ("x", 1),
        ("y", 3),
        ("LONDON: Talks ended.\r\n", 1),
    ]
    assert items[-1].coded_text == "Talks ended."


# --------------------------------------------------------------------------- gzip, folders, stdin


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt.gz", "date 2024-05-10 Talks ended."),
        ("a.jsonl.gz", jsonl({"date": "2024-05-10", "text": "Talks ended."})),
        ("a.csv.gz", "text,date\nTalks ended.,2024-05-10\n"),
    ],
)
def test_gzip_of_each_format(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    [article] = read(path)
    assert (article.text, article.date) == ("Talks ended.", dt.date(2024, 5, 10))


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    files = {
        "z.txt": "date 2024-05-10 z",
        "a.TXT": "date 2024-05-10 a",
        "notes.md": "date 2024-05-10 skipped",
        ".secret.txt": "date 2024-05-10 skipped",
        ".hidden/h.txt": "date 2024-05-10 skipped",
        "b/c.csv": "text,date\nc,2024-05-10\n",
        "b/deep/d.jsonl": jsonl({"date": "2024-05-10", "text": "d"}),
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "b" / "e.txt.gz").write_bytes(gzip.compress(b"date 2024-05-10 e"))
    items = read(tmp_path)
    assert [a.text for a in items] == ["a", "z", "c", "e", "d"]
    assert items[2].path == str(tmp_path / "b" / "c.csv")


def test_folder_without_input_files_is_reported(tmp_path):
    (tmp_path / "notes.md").write_text("nothing", encoding="utf-8")
    assert codes(read(tmp_path)) == ["E013"]


def test_stdin_dated_text_from_a_text_stream():
    [article] = read("-", stdin=io.StringIO("\n date 2024-05-10 LONDON: Talks ended."))
    assert (article.path, article.line, article.text) == ("<stdin>", 2, "LONDON: Talks ended.")
    assert article.dateline == ("London",)


def test_stdin_json_lines_from_a_binary_stream():
    data = jsonl({"date": "2024-05-10", "text": "a"}, {"date": "2024-05-11", "text": "b"})
    items = read("-", stdin=io.BytesIO(b"\n" + data.encode("utf-8")))
    assert [(a.text, a.line) for a in items] == [("a", 2), ("b", 3)]


def test_stdin_defaults_to_sys_stdin(monkeypatch):
    data = jsonl({"date": "2024-05-10", "text": "a"}).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert [a.text for a in read("-")] == ["a"]


def test_file_with_other_suffix_is_sniffed(tmp_path):
    (tmp_path / "feed.log").write_text(jsonl({"date": "2024-05-10", "text": "a"}), "utf-8")
    (tmp_path / "story").write_text("date 2024-05-10 b", encoding="utf-8")
    assert [a.text for a in read(tmp_path / "feed.log", tmp_path / "story")] == ["a", "b"]


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.lines_read = 0

    def readline(self, size=-1):
        self.lines_read += 1
        return super().readline(size)


def test_json_lines_are_streamed_not_read_at_once():
    stream = CountingStream(
        jsonl(*({"date": "2024-05-10", "text": f"t{i}"} for i in range(1000))).encode("utf-8")
    )
    items = read_articles(["-"], stdin=stream)
    assert next(items).text == "t0"
    assert stream.lines_read <= 2


# --------------------------------------------------------------------------- bad input


def test_missing_date_in_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\nPARIS - Talks ended.", encoding="utf-8")
    assert errors(read(path)) == [f"{path}:2: " + message("E001", found="PARIS - Talks ended.")]


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("a.txt", "\ndate 2024-13-01 Talks.", 2),
        ("a.txt", "date 2024-05-10PARIS - Talks.", 1),
        ("a.txt", "date " + "x" * 5000, 1),
        ("a.jsonl", '\n{"date": "10 May 2024", "text": "x"}\n', 2),
        ("a.csv", "text,date\nx,2024-02-30\n", 2),
    ],
)
def test_invalid_date(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [error] = read(path)
    assert (error.code, error.path, error.line) == ("E002", str(path), line)
    assert str(error).startswith(f"{path}:{line}: invalid date ")
    assert len(str(error)) < len(str(path)) + 200


def test_undecodable_bytes_name_the_line(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"date 2024-05-10 fine\nstill fine\nbad \xff here\n")
    (tmp_path / "b.jsonl").write_bytes(
        b'{"date": "2024-05-10", "text": "caf\xe9"}\n{"date": "2024-05-10", "text": "ok"}\n'
    )
    (tmp_path / "c.csv").write_bytes(b'text,date\n"multi\nline \xfe",2024-05-10\nok,2024-05-10\n')
    items = read(tmp_path / "a.txt", tmp_path / "b.jsonl", tmp_path / "c.csv")
    assert errors(items) == [
        f"{tmp_path / 'a.txt'}:3: " + message("E003", detail="byte 0xff at column 5"),
        f"{tmp_path / 'b.jsonl'}:1: " + message("E003", detail="byte 0xe9 at column 36"),
        f"{tmp_path / 'c.csv'}:3: " + message("E003", detail="byte 0xfe at column 6"),
    ]
    assert [a.text for a in articles(items)] == ["ok", "ok"]


def test_binary_and_utf16_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "b.jsonl").write_bytes(jsonl({"date": "2024-05-10", "text": "x"}).encode("utf-16"))
    items = read(tmp_path / "a.txt", tmp_path / "b.jsonl")
    assert errors(items) == [
        f"{tmp_path / 'a.txt'}: " + message("E004"),
        f"{tmp_path / 'b.jsonl'}: " + message("E004"),
    ]


def test_empty_bodies(tmp_path):
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\ndate 2024-05-10 \n\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(jsonl({"date": "2024-05-10", "text": " \n"}), "utf-8")
    items = read(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.jsonl")
    assert [(e.code, e.line) for e in items] == [("E005", None), ("E005", 2), ("E005", 1)]


def test_malformed_json_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"date": "2024-05-10", "text": "x"\n[1, 2]\n', encoding="utf-8")
    assert errors(read(path)) == [
        f"{path}:1: malformed JSON line: Expecting ',' delimiter at column 35",
        f"{path}:2: malformed JSON line: expected an object, found a list",
    ]


def test_malformed_csv_rows(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        'text,date\nshort\n"x"y,2024-05-10\nok,2024-05-10\n"never closed,2024-05-10\n',
        encoding="utf-8",
    )
    items = read(path)
    assert [(e.code, e.line) for e in items if isinstance(e, IngestError)] == [
        ("E007", 2),
        ("E007", 3),
        ("E007", 5),
    ]
    assert errors(items)[0] == f"{path}:2: malformed CSV row: 1 fields where the header has 2"
    assert [a.text for a in articles(items)] == ["ok"]


def test_missing_fields(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        jsonl({"date": "2024-05-10"}, {"text": "x", "date": None}, {"text": "x", "date": ""}),
        encoding="utf-8",
    )
    (tmp_path / "b.csv").write_text("text,day\nx,2024-05-10\n", encoding="utf-8")
    items = read(tmp_path / "a.jsonl", tmp_path / "b.csv")
    assert [(e.code, e.line) for e in items] == [("E008", 1), ("E008", 2), ("E008", 3), ("E008", 1)]
    assert str(items[0]).startswith(f"{tmp_path / 'a.jsonl'}:1: missing field 'text'")
    assert str(items[3]) == f"{tmp_path / 'b.csv'}:1: " + message(
        "E008", field="date", found=" (the header has 'text', 'day')"
    )


def test_fields_of_the_wrong_type(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        jsonl({"date": "2024-05-10", "text": 5}, {"date": "2024-05-10", "text": "x", "id": [1]}),
        encoding="utf-8",
    )
    assert errors(read(path)) == [
        f"{path}:1: field 'text' must be a string, not a number",
        f"{path}:2: field 'id' must be a string, not a list",
    ]


def test_over_the_size_limit(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-05-10 " + "x" * 100, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        jsonl({"date": "2024-05-10", "text": "y" * 100}, {"date": "2024-05-10", "text": "ok"}),
        encoding="utf-8",
    )
    (tmp_path / "c.csv").write_text(
        'text,date\n"' + "z\n" * 40 + '",2024-05-10\nok,2024-05-10\n', encoding="utf-8"
    )
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(b"date 2024-05-10 " + b"w" * 100))
    paths = [tmp_path / n for n in ("a.txt", "b.jsonl", "c.csv", "d.txt.gz")]
    items = read(*paths, max_bytes=64)
    assert [(e.code, e.line) for e in items if isinstance(e, IngestError)] == [
        ("E009", None),
        ("E009", 1),
        ("E009", 2),
        ("E009", None),
    ]
    assert errors(items)[1] == f"{paths[1]}:1: " + message("E009", what="the line", limit=64)
    assert [a.text for a in articles(items)] == ["ok", "ok"]


def test_default_size_limit_is_twenty_mebibytes():
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    assert message("E009", what="the file", limit=DEFAULT_MAX_BYTES).startswith(
        "the file is larger than the size limit of 20,971,520 bytes"
    )


def test_missing_and_unreadable_paths(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-05-10 x", encoding="utf-8")
    items = read(tmp_path / "nope.txt", tmp_path / "a.txt" / "inside.txt")
    assert errors(items) == [
        f"{tmp_path / 'nope.txt'}: cannot read: no such file or folder",
        f"{tmp_path / 'a.txt' / 'inside.txt'}: cannot read: Not a directory",
    ]


def test_corrupt_gzip(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(b"this is not gzip")
    rows = jsonl(*({"date": "2024-05-10", "text": f"row {i} " + "pad " * 50} for i in range(400)))
    packed = gzip.compress(rows.encode("utf-8"))
    (tmp_path / "b.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    items = read(tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz")
    first, *good, last = items
    assert (first.code, first.line) == ("E011", None)
    assert str(first).startswith(f"{tmp_path / 'a.jsonl.gz'}: corrupt or truncated gzip data")
    assert len(good) > 10 and all(isinstance(a, Article) for a in good)
    assert (last.code, last.line) == ("E011", len(good) + 1)


def test_bad_input_never_stops_the_batch(tmp_path):
    (tmp_path / "good.txt").write_text("date 2024-05-10 WASHINGTON (AP) — One.", "utf-8")
    (tmp_path / "bad.txt").write_text("no date here", encoding="utf-8")
    rows = [json.dumps({"date": "2024-05-10", "text": f"Row {i}."}) for i in range(2000)]
    rows[1234] = '{"date": "2024-05-10", "text": broken}'
    (tmp_path / "many.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    paths = ["good.txt", "missing.csv", "bad.txt", "many.jsonl"]
    items = read(*(tmp_path / p for p in paths))
    assert [i.code for i in items if isinstance(i, IngestError)] == ["E010", "E001", "E006"]
    assert [i.line for i in items if isinstance(i, IngestError)] == [None, 1, 1235]
    assert len(articles(items)) == 1 + 1999
    assert items[0].dateline == ("Washington",)
    assert isinstance(items[-1], Article) and items[-1].text == "Row 1999."


def test_every_error_code_has_a_message():
    assert [f"E{n:03d}" for n in range(1, 14)] == sorted(MESSAGES)
    assert all(text[0].islower() or text[0] == "{" for text in MESSAGES.values())
