"""Named schema migrations, applied in order and recorded in `schema_migrations`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Index, inspect, select, text, update

from . import schema


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)


# (name, function): append new migrations at the end, never edit an applied one
def _actor_event_counts(conn: Connection) -> None:
    """`communique actors` sorts by how many events name an actor: keep that count on the actor."""
    if "events" not in {c["name"] for c in inspect(conn).get_columns("actors")}:
        conn.execute(text("ALTER TABLE actors ADD COLUMN events INTEGER NOT NULL DEFAULT 0"))
    conn.execute(text("UPDATE actors SET events = (SELECT count(*) FROM event_actors WHERE actor_id = actors.id)"))
    if "ix_actors_events" not in {i["name"] for i in inspect(conn).get_indexes("actors")}:
        conn.execute(text("CREATE INDEX ix_actors_events ON actors (events DESC, name)"))


def _text_index(conn: Connection) -> None:
    """`--text` finds rare words through a trigram index (SQLite with FTS5; elsewhere the LIKE scan stays)."""
    if conn.dialect.name != "sqlite" or inspect(conn).has_table(schema.EVENTS_TEXT):
        return
    version = tuple(int(n) for n in conn.exec_driver_sql("SELECT sqlite_version()").scalar_one().split("."))
    if version < (3, 34) or not conn.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar():
        return  # the trigram tokenizer came with SQLite 3.34
    for statement in schema.SQLITE_TEXT_INDEX:
        conn.exec_driver_sql(statement)


def _summaries(conn: Connection) -> None:
    """Dyad timelines and who-met-whom networks read counts kept as documents are written."""
    from . import summaries

    for table in (schema.dyad_months, schema.actor_pair_months):
        table.create(conn, checkfirst=True)
    index = next(i for i in schema.INDEXES if i.name == "ix_actor_pair_months_type")
    if index.name not in {i["name"] for i in inspect(conn).get_indexes("actor_pair_months")}:
        index.create(conn)
    summaries.rebuild(conn)


_SIDE_TABLES = (  # table, its value index
    (schema.event_actors, "ix_event_actors_actor"),
    (schema.event_countries, "ix_event_countries_country"),
    (schema.event_sectors, "ix_event_sectors_sector"),
)
_ADD_COLUMN = {  # constant DDL: SQLAlchemy Core has no ALTER TABLE
    ("event_actors", "date_start"): "ALTER TABLE event_actors ADD COLUMN date_start VARCHAR(10)",
    ("event_countries", "date_start"): "ALTER TABLE event_countries ADD COLUMN date_start VARCHAR(10)",
    ("event_sectors", "date_start"): "ALTER TABLE event_sectors ADD COLUMN date_start VARCHAR(10)",
    ("event_actors", "event_type"): "ALTER TABLE event_actors ADD COLUMN event_type VARCHAR(16)",
    ("event_countries", "event_type"): "ALTER TABLE event_countries ADD COLUMN event_type VARCHAR(16)",
    ("event_sectors", "event_type"): "ALTER TABLE event_sectors ADD COLUMN event_type VARCHAR(16)",
}


def _ensure_index(conn: Connection, index: Index, columns: int | None = None) -> None:
    """`index` as `schema.INDEXES` defines it, or its first `columns` columns (a later migration adds the rest);
    made again where the stored one starts otherwise (a newer index with more columns is kept)."""
    wanted = list(index.columns)[:columns]
    existing = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes(index.table.name)}
    if existing.get(index.name, [])[: len(wanted)] == [c.name for c in wanted]:
        return
    if index.name in existing:
        index.drop(conn)
    if len(wanted) == len(index.columns):
        index.create(conn)
        return
    first = Index(index.name, *wanted)
    try:
        first.create(conn)
    finally:  # made with the table's columns, it joined the table's metadata: later stores must not get it
        index.table.indexes.discard(first)


def _copy_event_column(conn: Connection, name: str, index_columns: int) -> None:
    """Each side table gets its event's column `name`, filled from `events`, and its value index the first
    `index_columns` columns of its definition in `schema.INDEXES`."""
    indexes = {i.name: i for i in schema.INDEXES}
    for table, index_name in _SIDE_TABLES:
        if name not in {c["name"] for c in inspect(conn).get_columns(table.name)}:
            conn.execute(text(_ADD_COLUMN[(table.name, name)]))
            value = select(schema.events.c[name]).where(schema.events.c.id == table.c.event_id).scalar_subquery()
            conn.execute(update(table).values({name: value}))
        _ensure_index(conn, indexes[index_name], index_columns)


def _side_table_dates(conn: Connection) -> None:
    """A filter value's newest events come in index order: the side tables keep their event's date_start
    and their value indexes end with (date_start, event_id); a page costs its rows, not a sort of every match."""
    _copy_event_column(conn, "date_start", 3)


def _batched_text_index(conn: Connection) -> None:
    """New events enter the trigram index in batches (`text_index.catch_up`), not by a trigger per row."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS events_text_insert")


def _cluster_digests(conn: Connection) -> None:
    """A page of clusters reads each cluster's digest, not all its members and their evidence."""
    from . import digests

    if "digest" not in {c["name"] for c in inspect(conn).get_columns("clusters")}:
        conn.execute(text("ALTER TABLE clusters ADD COLUMN digest TEXT"))
    digests.rebuild(conn)


def _side_table_types(conn: Connection) -> None:
    """The side tables keep their event's type, the last column of their value indexes: a filter on a value and
    a type checks the type in the index and reads only the matching events."""
    _copy_event_column(conn, "event_type", 4)


def _cluster_end_indexes(conn: Connection) -> None:
    """An event looks for the clusters of its type and dyad (or, one-sided, of its type) still open at its
    date, not all of them (the indexes as `schema.INDEXES` has them: date_end first then, date_start since 0010).
    An undated cluster has no end."""
    clusters = schema.clusters
    conn.execute(
        update(clusters).where(clusters.c.date_start.is_(None), clusters.c.date_end.is_not(None)).values(date_end=None)
    )
    _ensure_cluster_indexes(conn)


def _cluster_start_indexes(conn: Connection) -> None:
    """A cluster spans a few weeks at most, so the clusters an event can join start in a short range: the cluster
    indexes lead with date_start (a range bounded on both sides; date_end's was open to every later cluster)."""
    if "ix_clusters_type_end" in {i["name"] for i in inspect(conn).get_indexes("clusters")}:
        conn.exec_driver_sql("DROP INDEX ix_clusters_type_end")
    _ensure_cluster_indexes(conn)


def _ensure_cluster_indexes(conn: Connection) -> None:
    for index in schema.INDEXES:
        if index.table is schema.clusters:
            _ensure_index(conn, index)


def _cluster_dyad_states(conn: Connection) -> None:
    """One-sided events find the clusters naming their state through the dyads that name it."""
    from .clustering import record_dyads

    schema.cluster_dyad_states.create(conn, checkfirst=True)
    record_dyads(conn, conn.execute(select(schema.clusters.c.dyad).distinct()).scalars().all())


# (name, function): append new migrations at the end, never edit an applied one
MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_initial", _initial),
    ("0002_actor_event_counts", _actor_event_counts),
    ("0003_text_index", _text_index),
    ("0004_summaries", _summaries),
    ("0005_side_table_dates", _side_table_dates),
    ("0006_batched_text_index", _batched_text_index),
    ("0007_cluster_digests", _cluster_digests),
    ("0008_side_table_types", _side_table_types),
    ("0009_cluster_end_indexes", _cluster_end_indexes),
    ("0010_cluster_start_indexes", _cluster_start_indexes),
    ("0011_cluster_dyad_states", _cluster_dyad_states),
)

SCHEMA_VERSION = len(MIGRATIONS)


def applied(conn: Connection) -> list[str]:
    if not inspect(conn).has_table("schema_migrations"):
        return []
    return list(
        conn.execute(select(schema.schema_migrations.c.name).order_by(schema.schema_migrations.c.name)).scalars()
    )


def migrate(conn: Connection) -> list[str]:
    """Apply the migrations this database has not seen; return their names."""
    done = set(applied(conn))
    new = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        step(conn)
        conn.execute(schema.schema_migrations.insert().values(name=name, applied_at=datetime.now(UTC).isoformat()))
        new.append(name)
    return new
