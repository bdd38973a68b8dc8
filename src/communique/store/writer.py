"""Insert one coded document (inside the caller's transaction)."""

from __future__ import annotations

from sqlalchemy import Connection, select

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
) -> list[str]:
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
    return [_write_event(conn, doc, e, global_ids) for e in doc.events]


def _upsert_actors(conn: Connection, actors: list[Actor]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for actor in actors:
        key = actor_key(actor)
        row = conn.execute(select(schema.actors.c.id, schema.actors.c.titles).where(schema.actors.c.key == key)).first()
        if row is None:
            result = conn.execute(
                schema.actors.insert().values(
                    key=key,
                    name=actor.name,
                    kind=actor.kind,
                    country=actor.country,
                    sector=actor.sector,
                    wikidata=actor.wikidata,
                    titles=list(actor.titles),
                )
            )
            ids[actor.id] = result.inserted_primary_key[0]
        else:
            ids[actor.id] = row.id
            titles = list(row.titles or [])
            new_titles = [t for t in actor.titles if t not in titles]
            if new_titles:
                conn.execute(
                    schema.actors.update().where(schema.actors.c.id == row.id).values(titles=titles + new_titles)
                )
    return ids


def _write_event(conn: Connection, doc: Document, e: Event, global_ids: dict[str, int]) -> str:
    event_id = f"{doc.id}:{e.id}"
    actor = [f"A{global_ids[i]}" for i in e.actor]
    recipient = [f"A{global_ids[i]}" for i in e.recipient]
    conn.execute(
        schema.events.insert().values(
            id=event_id,
            document_id=doc.id,
            event_type=e.event_type,
            mode=e.mode,
            context=list(e.context),
            actor=actor,
            recipient=recipient,
            actor_country=list(e.actor_country),
            recipient_country=list(e.recipient_country),
            date_start=e.date.start.isoformat() if e.date and e.date.start else None,
            date_end=e.date.end.isoformat() if e.date and e.date.end else None,
            location_name=e.location.name if e.location else None,
            location_country=e.location.country if e.location else None,
            modality=e.modality,
            sectors=list(e.sectors),
            quantities=[q.to_dict() for q in e.quantities],
            cameo=e.cameo,
            text=doc.text[e.evidence[0].start : e.evidence[0].end],
            confidence=e.confidence,
            link=[f"{doc.id}:{i}" for i in e.link],
            rules=list(e.rules),
        )
    )
    roles = [(i, "actor") for i in e.actor] + [(i, "recipient") for i in e.recipient]
    rows = {(global_ids[i], role) for i, role in roles}
    if rows:
        conn.execute(schema.event_actors.insert(), [{"event_id": event_id, "actor_id": a, "role": r} for a, r in rows])
    countries = {(c, "actor") for c in e.actor_country} | {(c, "recipient") for c in e.recipient_country}
    if countries:
        conn.execute(
            schema.event_countries.insert(), [{"event_id": event_id, "country": c, "role": r} for c, r in countries]
        )
    if e.sectors:
        conn.execute(schema.event_sectors.insert(), [{"event_id": event_id, "sector": s} for s in set(e.sectors)])
    conn.execute(
        schema.evidence.insert(),
        [{"event_id": event_id, "document_id": doc.id, "start": s.start, "end": s.end} for s in e.evidence],
    )
    return event_id
