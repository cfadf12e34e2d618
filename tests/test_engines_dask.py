"""The Dask engine: a LocalCluster codes the demo corpus into Parquet, and the import
gives the same events as the local engine; reruns resume instead of recoding."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")

from eventwire.engines.dask import done_doc_ids, import_parquet, run_dask  # noqa: E402
from eventwire.engines.local import LocalEngine  # noqa: E402
from eventwire.ingest import read_articles  # noqa: E402
from eventwire.records import IngestError  # noqa: E402
from eventwire.store import open_store  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "demo"


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def dataset(client, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask") / "out"
    summary = run_dask([DEMO], out_dir=out, client=client, partition_size=4)
    return out, summary


def test_dask_run_writes_partitions_and_a_manifest(dataset):
    out, summary = dataset
    n = len(list(DEMO.glob("*.txt")))
    assert summary.articles == n and summary.partitions == (n + 3) // 4
    assert len(list((out / "mentions").glob("part-*.parquet"))) == summary.partitions
    assert len(done_doc_ids(out)) == n


def test_rerun_resumes_from_the_manifest(dataset, client):
    out, first = dataset
    again = run_dask([DEMO], out_dir=out, client=client, partition_size=4)
    assert again.articles == 0 and again.already_done == first.articles


def test_import_gives_the_same_events_as_the_local_engine(dataset, tmp_path):
    out, summary = dataset
    articles = [a for a in read_articles([DEMO]) if not isinstance(a, IngestError)]
    local = LocalEngine(workers=1).code_articles(articles)
    expected = sorted(
        (e["event_id"], e["cameo"], e["modality"])
        for _, evs in local
        for e in (x.to_dict() for x in evs)
    )
    with open_store(tmp_path / "dask.duckdb") as store:
        added = import_parquet(store, out)
        assert added == {"articles": summary.articles, "mentions": summary.events}
        got = sorted((e["event_id"], e["cameo"], e["modality"]) for e in store.events())
        assert got == expected
        assert import_parquet(store, out) == {"articles": 0, "mentions": 0}
