"""Filters -> events, shared by the CLI, the Python API and (later) the web app.

Events come back as dicts with the contract's field names plus `document_id`, `cluster_id`,
`source_url`, `published`, `actor_names`, `recipient_names`, `actor_sectors`, `recipient_sectors`.
A cluster comes back in the same shape with the union of its members' participants and evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, and_, exists, func, or_, select

from ..errors import StoreError
from . import schema

E = schema.events


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # canonical name (case-insensitive substring) or Wikidata QID
    country: str | None = None  # ISO3 on either side
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    sector: str | None = None
    text: str | None = None  # words in the evidence sentence
    limit: int = 100
    offset: int = 0


# Below this many matching side-table rows a filter reads the event ids first (IN); above it the newest
# events are walked in date order and checked one by one (EXISTS). Either way a page costs little.
_SELECTIVE = 10_000


def _membership(conn: Connection | None, ids, correlated) -> object:
    """`events.id IN (ids)` for a rare value, a correlated EXISTS for a common one."""
    if conn is not None:
        few = conn.execute(select(func.count()).select_from(ids.limit(_SELECTIVE).subquery())).scalar_one()
        if few < _SELECTIVE:
            return E.c.id.in_(ids)
    return exists().where(correlated)


def _conditions(f: EventFilter, conn: Connection | None = None) -> list:
    conditions = []
    if f.event_type:
        conditions.append(E.c.event_type == f.event_type.upper())
    if f.since:
        conditions.append(func.coalesce(E.c.date_end, E.c.date_start) >= f.since.isoformat())
    if f.until:
        conditions.append(E.c.date_start <= f.until.isoformat())
    if f.country:
        ec = schema.event_countries
        value = ec.c.country == f.country.upper()
        conditions.append(_membership(conn, select(ec.c.event_id).where(value), and_(ec.c.event_id == E.c.id, value)))
    if f.sector:
        es = schema.event_sectors
        value = es.c.sector == f.sector.lower()
        conditions.append(_membership(conn, select(es.c.event_id).where(value), and_(es.c.event_id == E.c.id, value)))
    if f.actor:
        ea, a = schema.event_actors, schema.actors
        match = a.c.wikidata == f.actor if _is_qid(f.actor) else func.lower(a.c.name).contains(f.actor.lower())
        actor_ids = select(a.c.id).where(match)
        conditions.append(
            _membership(
                conn,
                select(ea.c.event_id).where(ea.c.actor_id.in_(actor_ids)),
                and_(ea.c.event_id == E.c.id, ea.c.actor_id.in_(actor_ids)),
            )
        )
    if f.text:
        # SQLite's lower() folds ASCII only: also match the word as written and capitalised ("Överens")
        conditions.extend(
            or_(
                func.lower(E.c.text).contains(word.lower()),
                E.c.text.contains(word.lower()),
                E.c.text.contains(word.lower().capitalize()),
            )
            for word in f.text.split()
        )
    return conditions


def _is_qid(value: str) -> bool:
    return value[:1] in "Qq" and value[1:].isdigit()


def find_events(conn: Connection, f: EventFilter, clusters: bool = True) -> list[dict]:
    """Matching events (or the clusters they belong to), newest first.

    The order (date_start descending, undated last, then id) is the one the date indexes serve, so a
    page costs the page, not a sort of every match.
    """
    order = (E.c.date_start.desc().nulls_last(), E.c.id)
    conditions = _conditions(f, conn)
    if not clusters:
        rows = conn.execute(select(E).where(*conditions).order_by(*order).limit(f.limit).offset(f.offset)).all()
        return _event_dicts(conn, rows)
    wanted = f.offset + f.limit
    cluster_ids: list[int] = []
    scan = wanted * 4
    while True:  # the newest matching events, until they name enough distinct clusters
        ids = conn.execute(select(E.c.cluster_id).where(*conditions).order_by(*order).limit(scan)).scalars().all()
        cluster_ids = list(dict.fromkeys(i for i in ids if i is not None))
        if len(cluster_ids) >= wanted or len(ids) < scan:
            break
        scan *= 4
    return _cluster_dicts(conn, cluster_ids[f.offset : wanted])


def get_event(conn: Connection, event_id: str) -> dict:
    """One event ("<document>:e1") or one cluster ("c12"), with its evidence."""
    if event_id.lower().startswith("c") and event_id[1:].isdigit():
        if conn.execute(select(schema.clusters.c.id).where(schema.clusters.c.id == int(event_id[1:]))).first():
            return _cluster_dict(conn, int(event_id[1:]))
    rows = conn.execute(select(E).where(E.c.id == event_id)).all()
    if not rows:
        raise StoreError(f"no event or cluster with id {event_id!r}")
    return _event_dicts(conn, rows)[0]


def list_actors(conn: Connection, name: str | None = None, limit: int = 100) -> list[dict]:
    """Actors, those named in the most events first (the count is kept on the actor: an index serves it)."""
    a = schema.actors
    query = select(a).order_by(a.c.events.desc(), a.c.name).limit(limit)
    if name:
        query = query.where(or_(func.lower(a.c.name).contains(name.lower()), a.c.wikidata == name))
    return [
        {
            "id": f"A{r.id}",
            "name": r.name,
            "kind": r.kind,
            "country": r.country,
            "sector": r.sector,
            "titles": list(r.titles or []),
            "wikidata": r.wikidata,
            "events": r.events,
        }
        for r in conn.execute(query)
    ]


def counts(conn: Connection) -> dict[str, int]:
    return {
        name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in (
            ("documents", schema.documents),
            ("events", E),
            ("clusters", schema.clusters),
            ("actors", schema.actors),
        )
    }


def _actor_info(conn: Connection, ids: set[str]) -> dict[str, tuple[str, str | None, str | None]]:
    numbers = [int(i[1:]) for i in ids]
    rows = (
        conn.execute(
            select(schema.actors.c.id, schema.actors.c.name, schema.actors.c.sector, schema.actors.c.country).where(
                schema.actors.c.id.in_(numbers)
            )
        )
        if numbers
        else []
    )
    return {f"A{r.id}": (r.name, r.sector, r.country) for r in rows}


def _evidence(conn: Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    ev, d = schema.evidence, schema.documents
    rows = conn.execute(
        select(
            ev.c.event_id,
            ev.c.document_id,
            ev.c.start,
            ev.c.end,
            func.substr(d.c.text, ev.c.start + 1, ev.c.end - ev.c.start).label("text"),
        )
        .join(d, d.c.id == ev.c.document_id)
        .where(ev.c.event_id.in_(event_ids))
        .order_by(ev.c.id)
    )
    found: dict[str, list[dict]] = {}
    for r in rows:
        found.setdefault(r.event_id, []).append(
            {"document_id": r.document_id, "start": r.start, "end": r.end, "text": r.text}
        )
    return found


def _event_dicts(conn: Connection, rows) -> list[dict]:
    if not rows:
        return []
    names = _actor_info(conn, {i for r in rows for i in r.actor + r.recipient})
    evidence = _evidence(conn, [r.id for r in rows])
    docs = {
        r.id: r
        for r in conn.execute(
            select(schema.documents.c.id, schema.documents.c.source_url, schema.documents.c.published).where(
                schema.documents.c.id.in_({r.document_id for r in rows})
            )
        )
    }
    return [_event_dict(r, names, evidence.get(r.id, []), docs[r.document_id]) for r in rows]


def _event_dict(r, names, evidence, doc) -> dict:
    return {
        "id": r.id,
        "event_type": r.event_type,
        "mode": r.mode,
        "context": list(r.context),
        "actor": list(r.actor),
        "recipient": list(r.recipient),
        "actor_country": list(r.actor_country),
        "recipient_country": list(r.recipient_country),
        "date": {"start": r.date_start, "end": r.date_end} if r.date_start else None,
        "location": {"name": r.location_name, "country": r.location_country} if r.location_name else None,
        "modality": r.modality,
        "sectors": list(r.sectors),
        "quantities": list(r.quantities),
        "cameo": r.cameo,
        "text": r.text,
        "evidence": evidence,
        "confidence": r.confidence,
        "link": list(r.link),
        "rules": list(r.rules),
        "document_id": r.document_id,
        "cluster_id": f"c{r.cluster_id}" if r.cluster_id else None,
        "source_url": doc.source_url,
        "published": doc.published,
        **_participants("actor", r.actor, names),
        **_participants("recipient", r.recipient, names),
    }


def _participants(role: str, ids: list[str], info: dict) -> dict:
    """Names, sectors and states of one side, one entry per actor id, in the same order."""
    rows = [info.get(i, (i, None, None)) for i in ids]
    return {
        f"{role}_names": [r[0] for r in rows],
        f"{role}_sectors": [r[1] for r in rows],
        f"{role}_countries": [r[2] for r in rows],
    }


def _cluster_dict(conn: Connection, cluster_id: int) -> dict:
    return _cluster_dicts(conn, [cluster_id])[0]


def _cluster_dicts(conn: Connection, cluster_ids: list[int]) -> list[dict]:
    """Clusters with their members, loaded in a handful of statements whatever their number."""
    if not cluster_ids:
        return []
    rows = conn.execute(select(E).where(E.c.cluster_id.in_(cluster_ids)).order_by(E.c.id)).all()
    by_cluster: dict[int, list[dict]] = {}
    for member in _event_dicts(conn, rows):
        by_cluster.setdefault(int(member["cluster_id"][1:]), []).append(member)
    stored = {r.id: r for r in conn.execute(select(schema.clusters).where(schema.clusters.c.id.in_(cluster_ids)))}
    return [_merge_members(stored[cid], by_cluster[cid]) for cid in cluster_ids if cid in by_cluster]


def _merge_members(cluster, members: list[dict]) -> dict:
    cluster_id = cluster.id
    head = dict(members[0])

    def union(field: str) -> list:
        out: list = []
        for m in members:
            out.extend(v for v in m[field] if v not in out)
        return out

    head.update(
        {
            "id": f"c{cluster_id}",
            "cluster_id": f"c{cluster_id}",
            "date": {"start": cluster.date_start, "end": cluster.date_end} if cluster.date_start else None,
            "confidence": max(m["confidence"] for m in members),
            "evidence": [e for m in members for e in m["evidence"]],
            "documents": sorted({m["document_id"] for m in members}),
            "members": [m["id"] for m in members],
            "size": len(members),
        }
    )
    for field in ("actor", "recipient", "actor_country", "recipient_country", "sectors", "quantities", "rules"):
        head[field] = union(field)
    head["recipient_country"] = [c for c in head["recipient_country"] if c not in head["actor_country"]]
    info = {
        i: (n, s, c)
        for m in members
        for role in ("actor", "recipient")
        for i, n, s, c in zip(m[role], m[f"{role}_names"], m[f"{role}_sectors"], m[f"{role}_countries"], strict=True)
    }
    for role in ("actor", "recipient"):
        head.update(_participants(role, head[role], info))
    return head
