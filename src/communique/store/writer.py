"""Insert one coded document (inside the caller's transaction)."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Connection

from ..dictionary import slug
from ..model import Actor, Document, Event
from .sql import Statement, dumps, in_list, insert_values, loads, numbered


def actor_key(actor: Actor) -> str:
    """One global identity per actor: the QID when known, else kind, name and state."""
    if actor.wikidata:
        return f"{actor.kind}:{actor.wikidata}"
    if actor.kind == "country":
        return f"country:{actor.country}"
    return f"{actor.kind}:{_slug(actor.name)}:{actor.country or '-'}"


_slug = lru_cache(maxsize=8192)(slug)  # the same names come back in document after document


_DOCUMENT = Statement(
    "INSERT INTO documents (id, origin, path, source_url, title, language, published, text, near_duplicate_of,"
    " minhash, ingested_at) VALUES (:id, :origin, :path, :source_url, :title, :language, :published, :text,"
    " :near_duplicate_of, :minhash, :ingested_at)"
)
_BAND = Statement("INSERT INTO document_bands (band, hash, document_id) VALUES (:band, :hash, :document_id)")
_MENTION = Statement(
    'INSERT INTO mentions (document_id, actor_id, "start", "end") VALUES (:document_id, :actor_id, :start, :end)'
)
_ACTOR_COLUMNS = ("key", "name", "kind", "country", "sector", "wikidata", "titles")
_TITLES = Statement("UPDATE actors SET titles = :titles WHERE id = :id")
_COUNT = Statement("UPDATE actors SET events = events + :n WHERE id = :id")
_EVENT_COLUMNS = (
    "id", "document_id", "cluster_id", "event_type", "mode", "context", "actor", "recipient", "actor_country",
    "recipient_country", "date_start", "date_end", "location_name", "location_country", "modality", "sectors",
    "quantities", "cameo", "text", "confidence", "link", "rules",
)  # fmt: skip
_JSON_COLUMNS = (
    "context",
    "actor",
    "recipient",
    "actor_country",
    "recipient_country",
    "sectors",
    "quantities",
    "link",
    "rules",
)
_EVENT = Statement(
    f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join(':' + c for c in _EVENT_COLUMNS)})"
)
_EVENT_ACTOR = Statement(
    "INSERT INTO event_actors (event_id, actor_id, role, date_start, event_type)"
    " VALUES (:event_id, :actor_id, :role, :date_start, :event_type)"
)
_EVENT_COUNTRY = Statement(
    "INSERT INTO event_countries (event_id, country, role, date_start, event_type)"
    " VALUES (:event_id, :country, :role, :date_start, :event_type)"
)
_EVENT_SECTOR = Statement(
    "INSERT INTO event_sectors (event_id, sector, date_start, event_type)"
    " VALUES (:event_id, :sector, :date_start, :event_type)"
)
_EVIDENCE = Statement(
    'INSERT INTO evidence (event_id, document_id, "start", "end") VALUES (:event_id, :document_id, :start, :end)'
)


def write_document(
    conn: Connection,
    doc: Document,
    origin: str,
    near_duplicate_of: str | None,
    signature: bytes | None,
    bands: list[tuple[int, str]],
    now: str,
) -> tuple[list[dict], dict[str, int]]:
    """Insert the document, its actors and mentions; return the event rows to cluster and insert."""
    _DOCUMENT.run(
        conn,
        {
            "id": doc.id,
            "origin": origin,
            "path": doc.path,
            "source_url": doc.source_url,
            "title": doc.title,
            "language": doc.language or "und",
            "published": doc.published.isoformat() if doc.published else None,
            "text": doc.text,
            "near_duplicate_of": near_duplicate_of,
            "minhash": signature,
            "ingested_at": now,
        },
    )
    if bands:
        _BAND.run(conn, [{"band": b, "hash": h, "document_id": doc.id} for b, h in bands])
    global_ids = _upsert_actors(conn, doc.actors)
    mention_rows = [
        {"document_id": doc.id, "actor_id": global_ids[a.id], "start": m.start, "end": m.end}
        for a in doc.actors
        for m in a.mentions
    ]
    if mention_rows:
        _MENTION.run(conn, mention_rows)
    return [_event_row(doc, e, global_ids) for e in doc.events], global_ids


def insert_events(conn: Connection, doc: Document, rows: list[dict], global_ids: dict[str, int]) -> None:
    """The event rows (clusters already assigned) and their side tables: one executemany per table."""
    if rows:
        _EVENT.run(conn, [row | {c: dumps(row[c]) for c in _JSON_COLUMNS} for row in rows])
        _insert_side_tables(conn, doc, list(zip(rows, doc.events, strict=True)), global_ids)


def evidence_spans(doc: Document, rows: list[dict]) -> dict[str, list[tuple[str, int, int, str]]]:
    """Each event row's evidence as (document_id, start, end, text), in the order it is stored."""
    return {
        row["id"]: [(doc.id, s.start, s.end, doc.text[s.start : s.end]) for s in e.evidence]
        for row, e in zip(rows, doc.events, strict=True)
    }


@lru_cache(maxsize=64)
def _find_actors(count: int) -> Statement:
    return Statement(f"SELECT id, key, titles FROM actors WHERE key IN ({in_list('k', count)})")


def _upsert_actors(conn: Connection, actors: list[Actor]) -> dict[str, int]:
    """Global ids for the document's actors: one lookup for all, one insert for the new ones."""
    keys = {actor.id: actor_key(actor) for actor in actors}
    if not keys:
        return {}
    wanted = list(dict.fromkeys(keys.values()))
    found = {
        key: (actor_id, loads(titles))
        for actor_id, key, titles in _find_actors(len(wanted)).run(conn, {f"k{i}": k for i, k in enumerate(wanted)})
    }
    new: dict[str, dict] = {}
    for actor in actors:
        key = keys[actor.id]
        if key not in found and key not in new:
            new[key] = {
                "key": key,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "sector": actor.sector,
                "wikidata": actor.wikidata,
                "titles": dumps(list(actor.titles)),
            }
    if new:
        rows = list(new.values())
        inserted = insert_values("actors", _ACTOR_COLUMNS, len(rows), returning="id, key").run(conn, numbered(rows))
        found.update({key: (actor_id, None) for actor_id, key in inserted})
    titles: dict[int, str] = {}  # titles seen for the first time are added to the stored actor
    for actor in actors:
        key = keys[actor.id]
        actor_id, stored = found[key]
        extra = [t for t in actor.titles if t not in (stored or [])]
        if extra and key not in new:
            titles[actor_id] = dumps(list(stored or []) + extra)
    if titles:
        _TITLES.run(conn, [{"id": actor_id, "titles": value} for actor_id, value in titles.items()])
    return {actor_id: found[key][0] for actor_id, key in keys.items()}


def _event_row(doc: Document, e: Event, global_ids: dict[str, int]) -> dict:
    return {
        "id": f"{doc.id}:{e.id}",
        "document_id": doc.id,
        "cluster_id": None,
        "event_type": e.event_type,
        "mode": e.mode,
        "context": list(e.context),
        "actor": [f"A{global_ids[i]}" for i in e.actor],
        "recipient": [f"A{global_ids[i]}" for i in e.recipient],
        "actor_country": list(e.actor_country),
        "recipient_country": list(e.recipient_country),
        "date_start": e.date.start.isoformat() if e.date and e.date.start else None,
        "date_end": e.date.end.isoformat() if e.date and e.date.end else None,
        "location_name": e.location.name if e.location else None,
        "location_country": e.location.country if e.location else None,
        "modality": e.modality,
        "sectors": list(e.sectors),
        "quantities": [q.to_dict() for q in e.quantities],
        "cameo": e.cameo,
        "text": doc.text[e.evidence[0].start : e.evidence[0].end],
        "confidence": e.confidence,
        "link": [f"{doc.id}:{i}" for i in e.link],
        "rules": list(e.rules),
    }


def _insert_side_tables(
    conn: Connection, doc: Document, pairs: list[tuple[dict, Event]], global_ids: dict[str, int]
) -> None:
    actors, countries, sectors, evidence = [], [], [], []
    for row, e in pairs:
        event = {"event_id": row["id"], "date_start": row["date_start"], "event_type": row["event_type"]}
        roles = {(global_ids[i], "actor") for i in e.actor} | {(global_ids[i], "recipient") for i in e.recipient}
        actors.extend(event | {"actor_id": a, "role": r} for a, r in roles)
        states = {(c, "actor") for c in e.actor_country} | {(c, "recipient") for c in e.recipient_country}
        countries.extend(event | {"country": c, "role": r} for c, r in states)
        sectors.extend(event | {"sector": s} for s in set(e.sectors))
        evidence.extend(
            {"event_id": row["id"], "document_id": doc.id, "start": s.start, "end": s.end} for s in e.evidence
        )
    counts: dict[int, int] = {}
    for row in actors:
        counts[row["actor_id"]] = counts.get(row["actor_id"], 0) + 1
    if counts:
        _COUNT.run(conn, [{"id": actor_id, "n": n} for actor_id, n in counts.items()])
    for statement, values in (
        (_EVENT_ACTOR, actors),
        (_EVENT_COUNTRY, countries),
        (_EVENT_SECTOR, sectors),
        (_EVIDENCE, evidence),
    ):
        if values:
            statement.run(conn, values)
