"""The throwaway PostgreSQL server and the storage fixtures (see conftest.py, pg_server.py)."""

import pytest

sa = pytest.importorskip("sqlalchemy")


def test_server_answers_version(pg_url):
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as c:
            version = c.execute(sa.text("select version()")).scalar_one()
    finally:
        engine.dispose()
    assert version.startswith("PostgreSQL ")


def test_server_listens_on_loopback_with_private_socket(pg_server):
    assert pg_server.url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    assert any(p.name.startswith(".s.PGSQL.") for p in pg_server.socket_dir.iterdir())


def _write_and_read(url, label):
    engine = sa.create_engine(url)
    try:
        with engine.begin() as c:
            c.execute(sa.text("CREATE TABLE probe (id INTEGER PRIMARY KEY, label TEXT NOT NULL)"))
            c.execute(sa.text("INSERT INTO probe (id, label) VALUES (1, :label)"), {"label": label})
        with engine.connect() as c:
            return c.execute(sa.text("SELECT label FROM probe")).scalars().all()
    finally:
        engine.dispose()


# Two tests, each with its own database: both create the same table, so the second would fail
# with "relation already exists" (or see two rows) if the databases were shared.
def test_databases_are_isolated_first(pg_database):
    assert _write_and_read(pg_database, "first") == ["first"]


def test_databases_are_isolated_second(pg_database):
    assert _write_and_read(pg_database, "second") == ["second"]


def test_each_test_gets_its_own_database(pg_database, pg_url):
    name = pg_database.rsplit("/", 1)[1]
    assert name.startswith("t_")
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as c:
            names = c.execute(sa.text("SELECT datname FROM pg_database WHERE datname LIKE 't\\_%'")).scalars()
            assert list(names) == [name]  # databases of earlier tests were dropped
    finally:
        engine.dispose()


def test_db_url_runs_on_both_backends(db_url, request):
    backend = request.node.callspec.params["db_url"]
    assert sa.make_url(db_url).get_backend_name() == backend
    assert _write_and_read(db_url, backend) == [backend]
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as c:  # a fresh store: only the table this test made
            assert sa.inspect(c).get_table_names() == ["probe"]
    finally:
        engine.dispose()
