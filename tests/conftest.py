"""Shared fixtures.

PostgreSQL (see tests/pg_server.py):
  pg_server    session: one ThrowawayPostgres for the whole run, started on first use only
  pg_url       session: its SQLAlchemy URL (database "postgres"), for admin work
  pg_database  function: a fresh database t_<uuid> per test, dropped afterwards; yields its URL
  db_url       function, parametrized ["sqlite", "postgresql"]: a fresh store URL on each backend,
               so ``def test_x(db_url): ...`` runs on both

PostgreSQL tests are skipped with the reason when no server can be started; set
COMMUNIQUE_REQUIRE_POSTGRES=1 to make that an error instead (e.g. in CI), or deselect them
with ``-m "not postgresql"``.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:  # pg_server is a helper module next to this file
    sys.path.insert(0, _TESTS)

from pg_server import PostgresUnavailable, ThrowawayPostgres, available  # noqa: E402

BACKENDS = ["sqlite", "postgresql"]


def pytest_configure(config):
    config.addinivalue_line("markers", "postgresql: needs the throwaway PostgreSQL server")


def _pg_unavailable(reason: str):
    if os.environ.get("COMMUNIQUE_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL required (COMMUNIQUE_REQUIRE_POSTGRES=1) but unavailable: {reason}")
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def pg_server():
    """The session's ThrowawayPostgres (started lazily, stopped at the end of the run)."""
    reason = available()
    if reason:
        _pg_unavailable(reason)
    try:
        import psycopg  # noqa: F401
        import sqlalchemy  # noqa: F401
    except ImportError as e:
        _pg_unavailable(f"{e.name} is not installed")
    server = ThrowawayPostgres()
    try:
        server.start()
    except PostgresUnavailable as e:
        _pg_unavailable(str(e))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_url(pg_server) -> str:
    """SQLAlchemy URL of the session server's "postgres" database."""
    return pg_server.url


@pytest.fixture(scope="session")
def _pg_admin(pg_url):
    import sqlalchemy as sa

    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT", pool_size=1)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_database(pg_server, _pg_admin) -> str:
    """URL of a fresh, empty database for this test only."""
    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex}"
    with _pg_admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield pg_server.url_for(name)
    finally:
        with _pg_admin.connect() as c:  # FORCE: engines the test left open do not block the drop
            c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
    ]
)
def db_url(request, tmp_path) -> str:
    """A fresh store URL: SQLite file in tmp_path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/store.db"
    return request.getfixturevalue("pg_database")


@pytest.fixture(scope="module")
def dask_cluster():
    """A real Dask LocalCluster of two worker processes, shared by the tests of one module."""
    distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
    ) as running:
        yield running
