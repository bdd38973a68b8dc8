"""Insert one coded document (inside the caller's transaction)."""

from __future__ import annotations

from sqlalchemy import Connection, select, text

from ..dictionary import slug
from ..model import Actor, Document, Event
from . import schema


def actor_key(actor: Actor) -> str:
    """One global identity per actor: the QID when known, else kind, name and state."""
    if actor.wikidata:
        return f"{actor.kind}:{actor.wikidata}"
    if actor.kind == "country":
        return f"country:{actor.country}"
    return f"{actor.kind}:{slug(actor.name)}:{actor.country or '-'}"


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
    conn.execute(
        schema.documents.insert().values(
            id=doc.id,
            origin=origin,
            path=doc.path,
            source_url=doc.source_url,
            title=doc.title,
            language=doc.language or "und",
            published=doc.published.isoformat() if doc.published else None,
            text=doc.text,
            near_duplicate_of=near_duplicate_of,
            minhash=signature,
            ingested_at=now,
        )
    )
    if bands:
        conn.execute(schema.document_bands.insert(), [{"band": b, "hash": h, "document_id": doc.id} for b, h in bands])
    global_ids = _upsert_actors(conn, doc.actors)
    mention_rows = [
        {"document_id": doc.id, "actor_id": global_ids[a.id], "start": m.start, "end": m.end}
        for a in doc.actors
        for m in a.mentions
    ]
    if mention_rows:
        conn.execute(schema.mentions.insert(), mention_rows)
    return [_event_row(doc, e, global_ids) for e in doc.events], global_ids


_COUNT = text("UPDATE actors SET events = events + :n WHERE id = :id")


def insert_events(conn: Connection, doc: Document, rows: list[dict], global_ids: dict[str, int]) -> None:
    """The event rows (clusters already assigned) and their side tables: one executemany per table."""
    if rows:
        conn.execute(schema.events.insert(), rows)
        _insert_side_tables(conn, doc, list(zip(rows, doc.events, strict=True)), global_ids)


def _upsert_actors(conn: Connection, actors: list[Actor]) -> dict[str, int]:
    """Global ids for the document's actors: one lookup for all, one insert for the new ones."""
    keys = {actor.id: actor_key(actor) for actor in actors}
    table = schema.actors
    found = (
        {
            r.key: r
            for r in conn.execute(
                select(table.c.id, table.c.key, table.c.titles).where(table.c.key.in_(set(keys.values())))
            )
        }
        if keys
        else {}
    )
    new = {}
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
                "titles": list(actor.titles),
            }
    if new:
        conn.execute(table.insert(), list(new.values()))
        found.update(
            {
                r.key: r
                for r in conn.execute(select(table.c.id, table.c.key, table.c.titles).where(table.c.key.in_(set(new))))
            }
        )
    for actor in actors:  # titles seen for the first time are added to the stored actor
        row = found[keys[actor.id]]
        titles = list(row.titles or [])
        extra = [t for t in actor.titles if t not in titles]
        if extra and keys[actor.id] not in new:
            conn.execute(table.update().where(table.c.id == row.id).values(titles=titles + extra))
    return {actor_id: found[key].id for actor_id, key in keys.items()}


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
        event_id = row["id"]
        roles = {(global_ids[i], "actor") for i in e.actor} | {(global_ids[i], "recipient") for i in e.recipient}
        actors.extend({"event_id": event_id, "actor_id": a, "role": r} for a, r in roles)
        states = {(c, "actor") for c in e.actor_country} | {(c, "recipient") for c in e.recipient_country}
        countries.extend({"event_id": event_id, "country": c, "role": r} for c, r in states)
        sectors.extend({"event_id": event_id, "sector": s} for s in set(e.sectors))
        evidence.extend(
            {"event_id": event_id, "document_id": doc.id, "start": s.start, "end": s.end} for s in e.evidence
        )
    counts: dict[int, int] = {}
    for row in actors:
        counts[row["actor_id"]] = counts.get(row["actor_id"], 0) + 1
    if counts:
        conn.execute(_COUNT, [{"id": actor_id, "n": n} for actor_id, n in counts.items()])
    for table, values in (
        (schema.event_actors, actors),
        (schema.event_countries, countries),
        (schema.event_sectors, sectors),
        (schema.evidence, evidence),
    ):
        if values:
            conn.execute(table.insert(), values)
