"""What the API and the pages ask of the store, in one place: queries, summaries (cached), one write."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from .. import ingest, reader
from ..errors import InputError
from ..pipeline import Pipeline
from ..settings import Settings
from ..sources import SourceRecord
from ..sources.jsonl import parse_lines
from ..store import EventFilter, Store, analytics, paging, queries
from . import highlight


@dataclass(frozen=True)
class Written:
    document_id: str
    status: str  # new | duplicate | near-duplicate
    events: int


class VersionedCache:
    """Answers keyed by their arguments and the store's data version: a write makes them all stale.

    Callers must not change what they get back (it is shared)."""

    def __init__(self, entries: int):
        self.entries = entries
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, version: int, compute: Callable[[], object]) -> object:
        full = (version, *key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.entries:
                self._items.popitem(last=False)
        return value


class Service:
    def __init__(self, store: Store, cache_entries: int = 256):
        self.store = store
        self.cache = VersionedCache(cache_entries)
        self._write_lock = threading.Lock()  # one writer at a time (SQLite has one anyway)
        self._pipelines: dict[str | None, Pipeline] = {}

    # reads -------------------------------------------------------------------------------------

    def events(self, f: EventFilter, after: paging.Position | None, clusters: bool, full: bool = False) -> paging.Page:
        """A page of events; the same page is asked for often (the newest, a country's), so it is kept until a write."""
        return self._kept(
            ("events", f, after, clusters, full), lambda c: paging.events_page(c, f, after, clusters, full)
        )

    def event(self, event_id: str) -> dict:
        """One event or cluster; each evidence item also gets `segments` with actor and trigger spans marked."""
        with self.store.connect() as conn:
            event = queries.get_event(conn, event_id)
            docs = {e["document_id"] for e in event["evidence"]}
            views = {d: analytics.document(conn, d) for d in docs}
        for item in event["evidence"]:
            item["segments"] = self._marked(views[item["document_id"]], item["start"], item["end"], event)
        return event

    def _marked(self, doc: dict, start: int, end: int, event: dict) -> list[highlight.Segment]:
        participants = set(event["actor"]) | set(event["recipient"])
        spans = [
            highlight.Span(
                m["start"], m["end"], "actor" if m["actor"] in participants else "mention", m["name"], m["actor"]
            )
            for m in doc["mentions"]
        ]
        spans += highlight.trigger_spans(doc["id"], doc["text"], doc["language"], event["rules"])
        return highlight.segments(doc["text"], start, end, spans)

    def actors(self, name: str | None, limit: int) -> list[dict]:
        with self.store.connect() as conn:
            return queries.list_actors(conn, name, limit)

    def actor(self, actor_id: str) -> dict:
        with self.store.connect() as conn:
            return analytics.actor(conn, actor_id)

    def actor_events(self, actor_id: str, limit: int) -> list[dict]:
        with self.store.connect() as conn:
            analytics.actor(conn, actor_id)  # an unknown actor is a 404, not an empty list
            return analytics.actor_events(conn, actor_id, limit)

    def document(self, document_id: str) -> dict:
        with self.store.connect() as conn:
            doc = analytics.document(conn, document_id)
        spans = [highlight.Span(m["start"], m["end"], "actor", m["name"], m["actor"]) for m in doc["mentions"]]
        doc["segments"] = highlight.segments(doc["text"], 0, len(doc["text"]), spans)
        return doc

    def timeline(self, a: str, b: str, since: date | None, until: date | None, clusters: bool) -> list[dict]:
        return self._kept(
            ("timeline", a.upper(), b.upper(), since, until, clusters),
            lambda c: analytics.dyad_timeline(c, a, b, since, until, clusters),
        )

    def network(self, country: str | None, since: date | None, until: date | None, limit: int) -> dict:
        return self._kept(
            ("network", country, since, until, limit),
            lambda c: analytics.network(c, country, since, until, limit=limit),
        )

    def _kept(self, key: tuple, compute: Callable[[Connection], object]):
        """The answer kept for `key` at the store's current data version, computed on the first ask."""
        with self.store.connect() as conn:
            return self.cache.get(key, analytics.data_version(conn), lambda: compute(conn))

    def search(self, q: str, limit: int) -> dict:
        with self.store.connect() as conn:
            events = queries.find_events(conn, EventFilter(text=q, limit=limit))
            actors = queries.list_actors(conn, q, limit)
        return {"events": events, "actors": actors}

    # the one write -----------------------------------------------------------------------------

    def add(self, body: bytes, content_type: str, language: str | None, max_bytes: int) -> Written:
        """Extract and store one POSTed article (plain text, or a JSON object like one JSONL line)."""
        if content_type.startswith("application/json"):
            record = next(iter(parse_lines([body], "request body", None, max_bytes)))
            if isinstance(record, InputError):
                raise record
        else:
            text = reader.decode(body, "request body")
            if not text.strip():
                raise InputError("request body", "article text is empty")
            record = SourceRecord(text=text, origin="request body")
        pipeline = self._pipeline(language)
        summary = ingest.IngestSummary()
        with self._write_lock:
            ingest.ingest_record(record, self.store, pipeline, summary)
        if summary.failed:
            raise InputError("request body", summary.failures[0].removeprefix("request body: "))
        status = "duplicate" if summary.duplicate else "near-duplicate" if summary.near_duplicate else "new"
        return Written(reader.from_text(record.text).id, status, summary.events)

    def _pipeline(self, language: str | None) -> Pipeline:
        if language not in self._pipelines:
            self._pipelines[language] = Pipeline(settings=Settings(language=language))
        return self._pipelines[language]
