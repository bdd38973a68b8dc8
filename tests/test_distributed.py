"""Extraction on a real Dask LocalCluster (2 worker processes): the store equals a single-process ingest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main
from store_dump import dump

pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [str(ROOT / "examples" / "sv"), str(ROOT / "examples" / "clusters")]


def _ingest(path: Path, *options: str) -> dict:
    result = CliRunner().invoke(main, ["ingest", *SOURCES, "--db", f"sqlite:///{path}", "--json", *options])
    assert result.exit_code == 0, result.output
    return dump(path)


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    return _ingest(tmp_path_factory.mktemp("single") / "one.db", "--jobs", "1")


def test_a_scheduler_address_gives_the_single_process_store(tmp_path, single, dask_cluster):
    on_dask = _ingest(tmp_path / "dask.db", "--dask", dask_cluster.scheduler_address)
    assert len(dask_cluster.scheduler_info["workers"]) == 2
    assert on_dask == single and len(single["events"]) > 100


def test_local_starts_its_own_cluster(tmp_path, single):
    assert _ingest(tmp_path / "local.db", "--dask", "local") == single


def test_rerun_on_dask_changes_nothing(tmp_path, single, dask_cluster):
    path = tmp_path / "twice.db"
    _ingest(path, "--dask", dask_cluster.scheduler_address)
    again = CliRunner().invoke(
        main, ["ingest", *SOURCES, "--db", f"sqlite:///{path}", "--json", "--dask", dask_cluster.scheduler_address]
    )
    assert '"new": 0' in again.output and dump(path) == single


def test_unreachable_scheduler_is_one_line(tmp_path):
    result = CliRunner().invoke(
        main, ["ingest", SOURCES[0], "--db", f"sqlite:///{tmp_path}/x.db", "--dask", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code != 0 and "cannot reach the Dask scheduler" in result.output
    assert "Traceback" not in result.output


def test_dask_into_postgresql_equals_sqlite(pg_database, dask_cluster, single):
    """The cluster's results written to PostgreSQL: the same events, clusters and actors as one process."""
    from communique.store import EventFilter, Store
    from communique.store.queries import find_events

    result = CliRunner().invoke(
        main, ["ingest", *SOURCES, "--db", pg_database, "--json", "--dask", dask_cluster.scheduler_address]
    )
    assert result.exit_code == 0, result.output
    with Store(pg_database) as store, store.connect() as conn:
        events = find_events(conn, EventFilter(limit=10_000), clusters=False)
    assert sorted(e["id"] for e in events) == sorted(row[0] for row in single["events"])
    assert len({e["cluster_id"] for e in events}) == len(single["clusters"])
