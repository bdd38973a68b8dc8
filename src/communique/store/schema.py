"""Tables of the event store. Events keep the contract's field names; lists live in side tables
(actors, countries, sectors, evidence) so that filters can use indexes."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("path", Text),
    Column("source_url", Text),
    Column("title", Text),
    Column("language", String(8), nullable=False),
    Column("published", String(10)),
    Column("text", Text, nullable=False),
    Column("near_duplicate_of", String(32), ForeignKey("documents.id")),
    Column("minhash", LargeBinary),
    Column("ingested_at", String(32), nullable=False),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("hash", String(40), primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("country", String(3)),
    Column("sector", String(8)),
    Column("wikidata", String(16)),
    Column("titles", JSON, nullable=False),
    Column("events", Integer, nullable=False, server_default="0"),  # how many events name it (0002)
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_type", String(16), nullable=False),
    Column("mode", String(16)),
    Column("modality", String(16), nullable=False),
    Column("dyad", String(64), nullable=False),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("location_country", String(3)),
    Column("size", Integer, nullable=False),
    Column("digest", Text),  # what its members name, kept as they are written (0007, see `digests`)
)

# Which cluster dyads name a state ("VNM" -> "LAO+VNM", "VNM>KOR", ">VNM"), so that a one-sided event's
# clusters are read by their dyads' index ranges instead of a pattern over every cluster of its type (0011).
# A row is added when a cluster with a new dyad is made; a dyad's states never change.
cluster_dyad_states = Table(
    "cluster_dyad_states",
    metadata,
    Column("state", String(8), primary_key=True),
    Column("dyad", String(64), primary_key=True),
    sqlite_with_rowid=False,
)

events = Table(
    "events",
    metadata,
    Column("id", String(48), primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("cluster_id", Integer, ForeignKey("clusters.id")),
    Column("event_type", String(16), nullable=False),
    Column("mode", String(16)),
    Column("context", JSON, nullable=False),
    Column("actor", JSON, nullable=False),
    Column("recipient", JSON, nullable=False),
    Column("actor_country", JSON, nullable=False),
    Column("recipient_country", JSON, nullable=False),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("modality", String(16), nullable=False),
    Column("sectors", JSON, nullable=False),
    Column("quantities", JSON, nullable=False),
    Column("cameo", String(8)),
    Column("text", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("link", JSON, nullable=False),
    Column("rules", JSON, nullable=False),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", String(48), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("role", String(10), primary_key=True),
    Column("date_start", String(10)),  # the event's, so that a value's events come newest first by index (0005)
    Column("event_type", String(16)),  # the event's, checked in the index before the event is read (0008)
)

event_countries = Table(
    "event_countries",
    metadata,
    Column("event_id", String(48), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("country", String(3), primary_key=True),
    Column("role", String(10), primary_key=True),
    Column("date_start", String(10)),
    Column("event_type", String(16)),
)

event_sectors = Table(
    "event_sectors",
    metadata,
    Column("event_id", String(48), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("sector", String(24), primary_key=True),
    Column("date_start", String(10)),
    Column("event_type", String(16)),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(48), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

# Counts kept by `summaries` in each document's transaction (0004): timelines and networks read these.
dyad_months = Table(
    "dyad_months",
    metadata,
    Column("state_a", String(3), primary_key=True),  # the pair in alphabetical order
    Column("state_b", String(3), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("event_type", String(16), primary_key=True),
    Column("events", Integer, nullable=False),
    Column("clusters", Integer, nullable=False),  # happenings that began with such an event
)

actor_pair_months = Table(
    "actor_pair_months",
    metadata,
    Column("actor_a", Integer, ForeignKey("actors.id"), primary_key=True),  # the smaller id
    Column("actor_b", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("event_type", String(16), primary_key=True),
    Column("events", Integer, nullable=False),
)

INDEXES = (
    Index("ix_events_date", events.c.date_start, events.c.date_end),
    Index("ix_events_type_date", events.c.event_type, events.c.date_start),
    Index("ix_events_cluster", events.c.cluster_id),
    Index("ix_events_document", events.c.document_id),
    # a filter value's events newest first, read in index order (0005: date_start added before event_id), the
    # event's type checked in the index (0008)
    Index(
        "ix_event_actors_actor",
        event_actors.c.actor_id,
        event_actors.c.date_start,
        event_actors.c.event_id,
        event_actors.c.event_type,
    ),
    Index(
        "ix_event_countries_country",
        event_countries.c.country,
        event_countries.c.date_start,
        event_countries.c.event_id,
        event_countries.c.event_type,
    ),
    Index(
        "ix_event_sectors_sector",
        event_sectors.c.sector,
        event_sectors.c.date_start,
        event_sectors.c.event_id,
        event_sectors.c.event_type,
    ),
    Index("ix_evidence_event", evidence.c.event_id),
    Index("ix_mentions_document", mentions.c.document_id),
    # an event's candidate clusters: those of its type and dyad that start in the few weeks a cluster may span
    # (0010: date_start first; a cluster spans at most `clustering.MAX_SPAN_DAYS`), or for a one-sided event those
    # of its type, the dyad's pattern checked in the index
    Index("ix_clusters_key", clusters.c.event_type, clusters.c.dyad, clusters.c.date_start, clusters.c.date_end),
    Index("ix_clusters_type_start", clusters.c.event_type, clusters.c.date_start, clusters.c.dyad),
    Index("ix_actors_name", actors.c.name),
    Index("ix_actors_wikidata", actors.c.wikidata),
    Index("ix_actors_events", actors.c.events.desc(), actors.c.name),
    Index("ix_document_bands_doc", document_bands.c.document_id),
    Index("ix_actor_pair_months_type", actor_pair_months.c.event_type, actor_pair_months.c.month),
)

# SQLite only (migration 0003): a trigram full-text index of events.text (new events enter it in batches since
# 0006, see `text_index`; deletes and updates by triggers). It finds the
# candidates of a rare `--text` word (the events with all its trigrams: detail=none keeps no positions and
# the index small); the LIKE conditions of the query still decide. Queries join it on the
# event id; its rowid is the event's rowid when written, which lets a deleted event take its entry along.
EVENTS_TEXT = "events_text"
SQLITE_TEXT_INDEX = (
    "CREATE VIRTUAL TABLE events_text USING fts5(event_id UNINDEXED, text, tokenize='trigram', detail=none)",
    "CREATE TRIGGER events_text_insert AFTER INSERT ON events BEGIN"
    " INSERT INTO events_text (rowid, event_id, text) VALUES (new.rowid, new.id, new.text); END",
    "CREATE TRIGGER events_text_delete AFTER DELETE ON events BEGIN"
    " DELETE FROM events_text WHERE rowid = old.rowid AND event_id = old.id; END",
    "CREATE TRIGGER events_text_update AFTER UPDATE OF text ON events BEGIN"
    " DELETE FROM events_text WHERE rowid = old.rowid AND event_id = old.id;"
    " INSERT INTO events_text (rowid, event_id, text) VALUES (new.rowid, new.id, new.text); END",
    "INSERT INTO events_text (rowid, event_id, text) SELECT rowid, id, text FROM events",
)
