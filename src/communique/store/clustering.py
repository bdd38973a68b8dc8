"""Cross-article merge: the same real-world happening reported by several documents becomes one
cluster; distinct happenings (talks on day 1, signing on day 2; two visits months apart) stay apart.

A cluster is keyed on event type, mode, modality and dyad (ordered for directed events such as
visits, unordered for what both sides do together), and grows by date window.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Connection, and_, or_, select, text

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
    """Give each event row about to be written (a dict) its cluster, creating or growing clusters."""
    for row in rows:
        event = _Row(row)
        cluster_id = _find_cluster(conn, event)
        if cluster_id is None:
            cluster_id = _new_cluster(conn, event)
        else:
            _grow(conn, cluster_id, event)
        row["cluster_id"] = cluster_id


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
        row["cluster_id"] = cluster_id
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


# Fixed statements (compiled once): clustering runs for every stored event.
_CANDIDATES = text(
    "SELECT id, date_start FROM clusters WHERE event_type = :event_type AND modality = :modality"
    " AND dyad = :dyad AND (mode = :mode OR (mode IS NULL AND CAST(:mode AS VARCHAR(16)) IS NULL))"
    " AND (CAST(:start AS VARCHAR(10)) IS NULL OR date_start IS NULL OR (date_start <= :end AND date_end >= :start))"
    " AND (CAST(:location AS VARCHAR(3)) IS NULL OR location_country IS NULL OR location_country = :location)"
    " ORDER BY id"
)
_NEW = text(
    "INSERT INTO clusters (event_type, mode, modality, dyad, date_start, date_end, location_country, size)"
    " VALUES (:event_type, :mode, :modality, :dyad, :date_start, :date_end, :location, 1) RETURNING id"
)
_GROW = text(
    "UPDATE clusters SET size = size + 1,"
    " date_start = CASE WHEN date_start IS NULL OR date_start > :date_start THEN COALESCE(:date_start, date_start)"
    " ELSE date_start END,"
    " date_end = CASE WHEN date_end IS NULL OR date_end < :date_end THEN COALESCE(:date_end, date_end)"
    " ELSE date_end END,"
    " location_country = COALESCE(location_country, :location) WHERE id = :id"
)


def _find_cluster(conn: Connection, row) -> int | None:
    if not (row.actor_country and row.recipient_country):
        return _find_for_partial(conn, row, _conditions(row)[:2] + _conditions(row)[3:])
    start = end = None
    if row.date_start:
        start = (date.fromisoformat(row.date_start) - timedelta(WINDOW_DAYS)).isoformat()
        end = (date.fromisoformat(row.date_end or row.date_start) + timedelta(WINDOW_DAYS)).isoformat()
    candidates = conn.execute(
        _CANDIDATES,
        {
            "event_type": row.event_type,
            "modality": row.modality,
            "mode": row.mode,
            "start": start,
            "end": end,
            "dyad": dyad_key(row.event_type, row.mode, row.actor_country, row.recipient_country),
            "location": row.location_country,
        },
    ).all()
    if not row.date_start:
        # an undated mention joins only when there is exactly one happening it can be
        return candidates[0].id if len(candidates) == 1 else None
    dated = [r for r in candidates if r.date_start]
    return (dated or candidates)[0].id if candidates else None


def _conditions(row) -> list:
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
    return conditions


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
    return conn.execute(
        _NEW,
        {
            "event_type": row.event_type,
            "mode": row.mode,
            "modality": row.modality,
            "dyad": dyad_key(row.event_type, row.mode, row.actor_country, row.recipient_country),
            "date_start": row.date_start,
            "date_end": row.date_end,
            "location": row.location_country,
        },
    ).scalar_one()


def _grow(conn: Connection, cluster_id: int, row) -> None:
    conn.execute(
        _GROW,
        {"id": cluster_id, "date_start": row.date_start, "date_end": row.date_end, "location": row.location_country},
    )
