"""Cross-article merge: the same real-world happening reported by several documents becomes one
cluster; distinct happenings (talks on day 1, signing on day 2; two visits months apart) stay apart.

A cluster is keyed on event type, mode, modality and dyad (ordered for directed events such as
visits, unordered for what both sides do together), and grows by date window.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Connection, and_, or_, select

from . import schema

# Reports date one happening a day or two apart ("på onsdagen" vs the range in the lead).
WINDOW_DAYS = 2
# What both sides do together has no direction; everything else (a visit, praise, an invitation) has.
SYMMETRIC = {
    ("CONSULT", "meeting"),
    ("CONSULT", "phone"),
    ("CONSULT", "multilateral"),
    ("AGREE", None),
    ("AGREE", "upgrade"),
    ("AGREE", "statement"),
    ("SUPPORT", "sign"),
    ("COOPERATE", None),
}


def dyad_key(event_type: str, mode: str | None, actor_country: list[str], recipient_country: list[str]) -> str:
    if (event_type, mode) in SYMMETRIC:
        return "+".join(sorted(set(actor_country) | set(recipient_country)))
    return f"{'+'.join(sorted(actor_country))}>{'+'.join(sorted(recipient_country))}"


def assign(conn: Connection, rows: list) -> None:
    """Put each freshly written event row (a dict as inserted) into a cluster."""
    for row in rows:
        event = _Row(row)
        cluster_id = _find_cluster(conn, event)
        if cluster_id is None:
            cluster_id = _new_cluster(conn, event)
        else:
            _grow(conn, cluster_id, event)
        conn.execute(schema.events.update().where(schema.events.c.id == event.id).values(cluster_id=cluster_id))


def attach_copy(conn: Connection, rows: list, original_document: str) -> None:
    """A near-duplicate's events join the clusters of the original's matching events."""
    original = {
        _signature(r): r.cluster_id
        for r in conn.execute(select(schema.events).where(schema.events.c.document_id == original_document))
    }
    rest = []
    for row in rows:
        event = _Row(row)
        cluster_id = original.get(_signature(event))
        if cluster_id is None:
            rest.append(row)
            continue
        _grow(conn, cluster_id, event)
        conn.execute(schema.events.update().where(schema.events.c.id == event.id).values(cluster_id=cluster_id))
    assign(conn, rest)


class _Row:
    """Attribute access to an event row dict, like a database row."""

    def __init__(self, data: dict):
        self.__dict__.update(data)


def _signature(row) -> tuple:
    return (
        row.event_type,
        row.mode,
        row.modality,
        dyad_key(row.event_type, row.mode, row.actor_country, row.recipient_country),
    )


def _find_cluster(conn: Connection, row) -> int | None:
    c = schema.clusters
    key = dyad_key(row.event_type, row.mode, row.actor_country, row.recipient_country)
    conditions = [
        c.c.event_type == row.event_type,
        c.c.modality == row.modality,
        c.c.dyad == key,
        c.c.mode.is_(None) if row.mode is None else c.c.mode == row.mode,
    ]
    if row.date_start:
        start = (date.fromisoformat(row.date_start) - timedelta(WINDOW_DAYS)).isoformat()
        end = (date.fromisoformat(row.date_end or row.date_start) + timedelta(WINDOW_DAYS)).isoformat()
        conditions.append(or_(c.c.date_start.is_(None), and_(c.c.date_start <= end, c.c.date_end >= start)))
    if row.location_country:
        conditions.append(or_(c.c.location_country.is_(None), c.c.location_country == row.location_country))
    if not (row.actor_country and row.recipient_country):
        return _find_for_partial(conn, row, conditions[:2] + conditions[3:])
    candidates = conn.execute(select(c.c.id, c.c.date_start).where(*conditions).order_by(c.c.id)).all()
    if not row.date_start:
        # an undated mention joins only when there is exactly one happening it can be
        return candidates[0].id if len(candidates) == 1 else None
    dated = [r for r in candidates if r.date_start]
    return (dated or candidates)[0].id if candidates else None


def _find_for_partial(conn: Connection, row, conditions: list) -> int | None:
    """An event that names one side only ("Tusk besökte Stockholm") joins the one cluster of its kind
    and time whose states include the ones it names."""
    c = schema.clusters
    named = set(row.actor_country) | set(row.recipient_country)
    if not named:
        return None
    candidates = [
        r.id
        for r in conn.execute(select(c.c.id, c.c.dyad).where(*conditions).order_by(c.c.id))
        if named <= set(r.dyad.replace(">", "+").split("+"))
    ]
    return candidates[0] if len(candidates) == 1 else None


def _new_cluster(conn: Connection, row) -> int:
    result = conn.execute(
        schema.clusters.insert().values(
            event_type=row.event_type,
            mode=row.mode,
            modality=row.modality,
            dyad=dyad_key(row.event_type, row.mode, row.actor_country, row.recipient_country),
            date_start=row.date_start,
            date_end=row.date_end,
            location_country=row.location_country,
            size=1,
        )
    )
    return result.inserted_primary_key[0]


def _grow(conn: Connection, cluster_id: int, row) -> None:
    c = schema.clusters
    current = conn.execute(select(c).where(c.c.id == cluster_id)).one()
    start = min(filter(None, [current.date_start, row.date_start]), default=None)
    end = max(filter(None, [current.date_end, row.date_end]), default=None)
    conn.execute(
        c.update()
        .where(c.c.id == cluster_id)
        .values(
            size=current.size + 1,
            date_start=start,
            date_end=end,
            location_country=current.location_country or row.location_country,
        )
    )
