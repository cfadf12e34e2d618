"""The public Python API: Pipeline.code / code_files, isolation and fault tolerance."""

from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.records import IngestError

RURITANIA = """\
actors:
  - name: Ruritania
    aliases: [Ruritanian, Ruritanians]
    code: RUR
    country: RUR
"""


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def test_code_returns_event_records_with_the_contract_fields(pipeline, record_fields):
    events = pipeline.code(
        "Russian President Vladimir Putin visited Beijing on Tuesday.", date="2023-03-17"
    )
    assert events, "a visit with two known actors must be coded"
    visit = events[0]
    assert record_fields <= set(visit)
    assert visit["source"]["code"] == "RUSGOV" and visit["target"]["country"] == "CHN"
    assert visit["cameo"].startswith("04") and visit["modality"] == "occurred"
    assert visit["date"]["start"] == "2023-03-14" and visit["date"]["basis"] == "relative"


def test_code_files_skips_bad_input(pipeline, tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2023-03-17 Chinese troops attacked Indian soldiers on Thursday.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("no date at all", encoding="utf-8")
    events = list(pipeline.code_files([tmp_path]))
    assert events and {e["source"]["country"] for e in events} == {"CHN"}


def test_two_pipelines_with_different_dictionaries_coexist(tmp_path, pipeline):
    user = tmp_path / "rur.yaml"
    user.write_text(RURITANIA, encoding="utf-8")
    custom = Pipeline(actors=[user])
    text = "Ruritanian troops attacked Poland on Monday."
    with_dict = custom.code(text, date="2024-05-10")
    without = pipeline.code(text, date="2024-05-10")
    assert any((e["source"] or {}).get("country") == "RUR" for e in with_dict)
    assert not any((e["source"] or {}).get("country") == "RUR" for e in without)


def test_an_article_a_stage_fails_on_is_reported_and_the_rest_coded(tmp_path, monkeypatch):
    p = Pipeline()
    real = p.resolver.resolve

    def fragile(parsed):
        if "Bakhmut" in parsed.article.text:
            raise RuntimeError("resolver fault")
        return real(parsed)

    monkeypatch.setattr(p.resolver, "resolve", fragile)
    (tmp_path / "1.txt").write_text(
        "date 2023-03-17 Russian forces shelled Bakhmut on Friday.", encoding="utf-8"
    )
    (tmp_path / "2.txt").write_text(
        "date 2023-03-17 Chinese President Xi Jinping met Vladimir Putin on Friday.",
        encoding="utf-8",
    )
    items = list(p.code_paths([tmp_path]))
    errors = [i for i in items if isinstance(i, IngestError)]
    coded = [i for i in items if not isinstance(i, IngestError)]
    assert len(errors) == 1 and errors[0].code == "E100"
    assert str(errors[0]).startswith(str(tmp_path / "1.txt"))
    assert "resolver fault" in errors[0].message
    assert [a.path for a, _ in coded] == [str(tmp_path / "2.txt")]
    assert coded[0][1], "the other article is still coded"
