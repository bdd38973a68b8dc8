"""Stored rows -> the dicts `queries` returns: events with their evidence and participants, and clusters.

A page of the clusters view is the hot path of `communique events`: it reads each cluster's digest and first
report (`digests`), not its members. Rows are unpacked as tuples (named attribute access on a row costs about
a microsecond) and a JSON list that recurs on a page (a context, a sector list, a dyad) is parsed once.
"""

from __future__ import annotations

import json
from itertools import chain
from weakref import WeakKeyDictionary

from sqlalchemy import JSON, Connection, Engine, Text, bindparam, func, select, type_coerce

from . import schema

E = schema.events

# The event columns with the JSON ones read as text, which `_Lists` parses faster than the JSON type would.
# Rows of `select(E)` work too: both keep the table's column order, which `_event_dict` unpacks.
EVENT_COLUMNS = tuple(type_coerce(c, Text).label(c.name) if isinstance(c.type, JSON) else c for c in E.c)
_ORDER = (
    "id document_id cluster_id event_type mode context actor recipient actor_country recipient_country date_start"
    " date_end location_name location_country modality sectors quantities cameo text confidence link rules"
).split()
if [c.name for c in E.c] != _ORDER:  # pragma: no cover - a schema edit must update _event_dict's unpacking
    raise RuntimeError("events columns changed: update store/records.py")

_Names = dict[str, tuple[str, str | None, str | None]]


class _Lists:
    """JSON list columns to fresh Python lists. SQLite hands the text over, PostgreSQL the parsed list."""

    def __init__(self):
        self._seen: dict[str, tuple] = {}

    def __call__(self, value) -> list:
        if not isinstance(value, str):
            return list(value)
        parsed = self._seen.get(value)
        if parsed is None:
            parsed = self._seen[value] = tuple(json.loads(value))
        return list(parsed)


def _quantities(value) -> list:
    # lists of dicts: parsed for each event, so that no two results share a dict
    if isinstance(value, str):
        return [] if value == "[]" else json.loads(value)
    return list(value)


_ACTORS = select(schema.actors.c.id, schema.actors.c.name, schema.actors.c.sector, schema.actors.c.country).where(
    schema.actors.c.id.in_(bindparam("ids", expanding=True))
)
_EVIDENCE = (
    select(
        schema.evidence.c.event_id,
        schema.evidence.c.document_id,
        schema.evidence.c.start,
        schema.evidence.c.end,
        func.substr(
            schema.documents.c.text, schema.evidence.c.start + 1, schema.evidence.c.end - schema.evidence.c.start
        ).label("text"),
    )
    .join(schema.documents, schema.documents.c.id == schema.evidence.c.document_id)
    .where(schema.evidence.c.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(schema.evidence.c.id)
)
_DOCUMENTS = select(schema.documents.c.id, schema.documents.c.source_url, schema.documents.c.published).where(
    schema.documents.c.id.in_(bindparam("ids", expanding=True))
)
_HEADS = select(*EVENT_COLUMNS).where(E.c.id.in_(bindparam("ids", expanding=True)))
_C = schema.clusters
_CLUSTERS = select(_C.c.id, _C.c.date_start, _C.c.date_end, _C.c.digest).where(
    _C.c.id.in_(bindparam("ids", expanding=True))
)


# An actor's name, sector and state never change once stored (only its titles and counts do): each
# database's are kept per process, which spares a page of clusters a few hundred lookups.
_KNOWN_ACTORS: WeakKeyDictionary[Engine, dict[int, tuple]] = WeakKeyDictionary()
_KNOWN_ACTORS_MAX = 200_000


def actor_info(conn: Connection, ids) -> _Names:
    """Name, sector and state of each actor id ("A12")."""
    if not ids:
        return {}
    numbers = {int(i[1:]) for i in ids}
    known = _KNOWN_ACTORS.setdefault(conn.engine, {})
    missing = numbers - known.keys()
    if missing:
        if len(known) + len(missing) > _KNOWN_ACTORS_MAX:
            known.clear()
        known.update((r[0], (r[1], r[2], r[3])) for r in conn.execute(_ACTORS, {"ids": sorted(missing)}).all())
    return {f"A{n}": known[n] for n in numbers if n in known}


def evidence(conn: Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    """The evidence spans of each event, with their text, in the order they were stored."""
    found: dict[str, list[dict]] = {}
    for event_id, document_id, start, end, text in conn.execute(_EVIDENCE, {"ids": event_ids}).all():
        found.setdefault(event_id, []).append({"document_id": document_id, "start": start, "end": end, "text": text})
    return found


def _documents(conn: Connection, ids: set[str]) -> dict[str, tuple]:
    return {r[0]: (r[1], r[2]) for r in conn.execute(_DOCUMENTS, {"ids": sorted(ids)}).all()}


def event_dicts(conn: Connection, rows) -> list[dict]:
    """Event rows (all columns, in table order) as result dicts, in four statements whatever their number."""
    if not rows:
        return []
    rows = [tuple(r) for r in rows]
    lists = _Lists()
    sides = [(lists(r[6]), lists(r[7])) for r in rows]
    names = actor_info(conn, [i for actor, recipient in sides for i in chain(actor, recipient)])
    spans = evidence(conn, [r[0] for r in rows])
    docs = _documents(conn, {r[1] for r in rows})
    return [
        _event_dict(r, actor, recipient, lists, names, spans.get(r[0], []), docs[r[1]])
        for r, (actor, recipient) in zip(rows, sides, strict=True)
    ]


def _event_dict(r: tuple, actor: list, recipient: list, lists: _Lists, names: _Names, spans: list, doc: tuple) -> dict:
    (
        event_id, document_id, cluster_id, event_type, mode, context, _, _, actor_country, recipient_country,
        date_start, date_end, location_name, location_country, modality, sectors, quantities, cameo, text,
        confidence, link, rules,
    ) = r  # fmt: skip
    return {
        "id": event_id,
        "event_type": event_type,
        "mode": mode,
        "context": lists(context),
        "actor": actor,
        "recipient": recipient,
        "actor_country": lists(actor_country),
        "recipient_country": lists(recipient_country),
        "date": {"start": date_start, "end": date_end} if date_start else None,
        "location": {"name": location_name, "country": location_country} if location_name else None,
        "modality": modality,
        "sectors": lists(sectors),
        "quantities": _quantities(quantities),
        "cameo": cameo,
        "text": text,
        "evidence": spans,
        "confidence": confidence,
        "link": lists(link),
        "rules": lists(rules),
        "document_id": document_id,
        "cluster_id": f"c{cluster_id}" if cluster_id else None,
        "source_url": doc[0],
        "published": doc[1],
        **_participants("actor", actor, names),
        **_participants("recipient", recipient, names),
    }


def _participants(role: str, ids: list[str], names: _Names) -> dict:
    """Names, sectors and states of one side, one entry per actor id, in the same order."""
    rows = [names.get(i) or (i, None, None) for i in ids]
    return {
        f"{role}_names": [r[0] for r in rows],
        f"{role}_sectors": [r[1] for r in rows],
        f"{role}_countries": [r[2] for r in rows],
    }


def cluster_dicts(conn: Connection, cluster_ids: list[int]) -> list[dict]:
    """Clusters in the order of `cluster_ids`, in four statements whatever their number and size: each is its
    first report with the cluster's dates and its digest (`digests`): what all its members name, and their
    evidence."""
    if not cluster_ids:
        return []
    found = {r[0]: (r[1], r[2], json.loads(r[3])) for r in conn.execute(_CLUSTERS, {"ids": cluster_ids})}
    heads = {r[0]: tuple(r) for r in conn.execute(_HEADS, {"ids": [d["head"] for _, _, d in found.values()]})}
    names = actor_info(conn, [i for _, _, d in found.values() for i in chain(d["actor"], d["recipient"])])
    docs = _documents(conn, {head[1] for head in heads.values()})
    lists = _Lists()
    out = []
    for cluster_id in cluster_ids:
        if cluster_id not in found:
            continue
        start, end, digest = found[cluster_id]
        head = heads[digest["head"]]
        item = _event_dict(head, digest["actor"], digest["recipient"], lists, names, [], docs[head[1]])
        actor_country = set(digest["actor_country"])
        item.update(
            {
                "id": f"c{cluster_id}",
                "cluster_id": f"c{cluster_id}",
                "date": {"start": start, "end": end} if start else None,
                "confidence": digest["confidence"],
                "evidence": [
                    {"document_id": document_id, "start": s, "end": e, "text": text}
                    for document_id, s, e, text in digest["evidence"]
                ],
                "documents": digest["documents"],
                "members": digest["members"],
                "size": len(digest["members"]),
                "actor_country": digest["actor_country"],
                "recipient_country": [c for c in digest["recipient_country"] if c not in actor_country],
                "sectors": digest["sectors"],
                "rules": digest["rules"],
                "quantities": digest["quantities"],
            }
        )
        out.append(item)
    return out
