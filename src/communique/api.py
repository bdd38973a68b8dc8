"""The Python API over a stored event database: `communique.open(url)` -> `Database`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from .ingest import IngestSummary, ingest
from .pipeline import Pipeline
from .store import EventFilter, Store, queries


@dataclass(frozen=True)
class EventRecord:
    """A stored event or cluster, with the contract's field names."""

    id: str
    event_type: str
    mode: str | None
    actor: list[str]
    recipient: list[str]
    actor_country: list[str]
    recipient_country: list[str]
    actor_names: list[str]
    recipient_names: list[str]
    date: dict | None
    location: dict | None
    modality: str
    sectors: list[str]
    quantities: list[dict]
    cameo: str | None
    text: str
    evidence: list[dict]
    confidence: float
    rules: list[str]
    cluster_id: str | None
    document_id: str
    source_url: str | None = None
    documents: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict) -> EventRecord:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class ActorRecord:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    titles: list[str]
    wikidata: str | None
    events: int


class Database:
    """An event database: query it, or ingest more articles into it."""

    def __init__(self, url: str | None = None):
        self.store = Store(url)

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        sector: str | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
        clusters: bool = True,
    ) -> list[EventRecord]:
        query = EventFilter(actor, country, event_type, since, until, sector, text, limit, offset)
        with self.store.connect() as conn:
            return [EventRecord.from_dict(e) for e in queries.find_events(conn, query, clusters=clusters)]

    def event(self, event_id: str) -> EventRecord:
        with self.store.connect() as conn:
            return EventRecord.from_dict(queries.get_event(conn, event_id))

    def actors(self, name: str | None = None, limit: int = 100) -> list[ActorRecord]:
        with self.store.connect() as conn:
            return [ActorRecord(**a) for a in queries.list_actors(conn, name, limit)]

    def ingest(self, *sources: str, pipeline: Pipeline | None = None) -> IngestSummary:
        return ingest(sources, self.store, pipeline or Pipeline())

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_database(url: str | None = None) -> Database:
    """Open (and create or migrate) the event database at `url` (default: the user's SQLite file)."""
    return Database(url)
