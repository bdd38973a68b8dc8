"""A cluster's digest: the union of its members' participants, lists and evidence, kept as they are written.

A page of the clusters view shows each cluster as its first report with what all its reports name. Built from
the members at read time, a page of 100 clusters read and merged about 300 events and their evidence (two
thirds of its time); with the digest it reads 100 clusters and their first reports.

The digest is JSON text on `clusters.digest`, the same on SQLite and PostgreSQL:
`head` (the first member stored), `members` (in the order stored), `documents` (sorted), `actor`,
`recipient`, `actor_country`, `recipient_country`, `sectors`, `rules` (each the members' values, first
seen first), `quantities` (distinct by value), `confidence` (the highest) and `evidence`
(`[document_id, start, end, text]` per span, members in order). A document's rows add to their clusters'
digests in its own transaction (`record`); `rebuild` makes them all again from the stored events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache

from sqlalchemy import Connection, text

from .sql import Statement, in_list, loads

_LISTS = ("actor", "recipient", "actor_country", "recipient_country", "sectors", "rules")
_UPDATE = Statement("UPDATE clusters SET digest = :digest WHERE id = :id")
_CHUNK = 200  # ids per statement, well below SQLite's limit on parameters


def empty() -> dict:
    keys = ("head", "members", "documents", *_LISTS, "quantities", "confidence", "evidence")
    return {key: None if key in ("head", "confidence") else [] for key in keys}


def add(digest: dict, row: dict, spans: Iterable[tuple[str, int, int, str]]) -> None:
    """One more member: `row` has the event's columns as lists (as the writer makes them)."""
    if digest["head"] is None:
        digest["head"] = row["id"]
    digest["members"].append(row["id"])
    if row["document_id"] not in digest["documents"]:
        digest["documents"].append(row["document_id"])
        digest["documents"].sort()
    for name in _LISTS:
        seen = digest[name]
        seen.extend(v for v in dict.fromkeys(row[name]) if v not in seen)
    for q in row["quantities"]:
        if q not in digest["quantities"]:
            digest["quantities"].append(q)
    if digest["confidence"] is None or row["confidence"] > digest["confidence"]:
        digest["confidence"] = row["confidence"]
    digest["evidence"].extend(list(span) for span in spans)


def dumps(digest: dict) -> str:
    return json.dumps(digest, ensure_ascii=False, separators=(",", ":"))


def record(conn: Connection, rows: list[dict], spans: dict[str, list[tuple]], new_clusters: set[int]) -> None:
    """Add a document's event rows (clusters assigned, in the order written) to their clusters' digests;
    `spans` are each event's evidence as (document_id, start, end, text). The clusters this document made
    have no digest yet and are not read."""
    touched = list(dict.fromkeys(row["cluster_id"] for row in rows))
    if not touched:
        return
    digests = {cluster_id: empty() for cluster_id in touched}
    existing = [cluster_id for cluster_id in touched if cluster_id not in new_clusters]
    for i in range(0, len(existing), _CHUNK):
        chunk = existing[i : i + _CHUNK]
        for cluster_id, stored in _read(len(chunk)).run(conn, {f"c{n}": c for n, c in enumerate(chunk)}):
            if stored:
                digests[cluster_id] = loads(stored)
    for row in rows:
        add(digests[row["cluster_id"]], row, spans.get(row["id"], ()))
    _UPDATE.run(conn, [{"id": cluster_id, "digest": dumps(d)} for cluster_id, d in digests.items()])


@lru_cache(maxsize=64)
def _read(count: int) -> Statement:
    return Statement(f"SELECT id, digest FROM clusters WHERE id IN ({in_list('c', count)})")


# An event's evidence rows were written one after another: the evidence ids give members and spans in the
# order stored, on both backends.
_STORED = text(
    "SELECT e.cluster_id, e.id, e.document_id, e.actor, e.recipient, e.actor_country, e.recipient_country,"
    ' e.sectors, e.rules, e.quantities, e.confidence, v.document_id AS span_document, v.start, v."end",'
    ' substr(d.text, v.start + 1, v."end" - v.start) AS span_text'
    " FROM evidence v JOIN events e ON e.id = v.event_id JOIN documents d ON d.id = v.document_id"
    " WHERE e.cluster_id IS NOT NULL ORDER BY e.cluster_id, v.id"
)


def rebuild(conn: Connection, batch: int = 5_000) -> None:
    """Every cluster's digest again from its stored members (a migration, or a repair); streams."""
    pending: list[dict] = []
    for cluster_id, digest in _digests(conn.execute(_STORED)):
        pending.append({"id": cluster_id, "digest": dumps(digest)})
        if len(pending) >= batch:
            _UPDATE.run(conn, pending)
            pending = []
    if pending:
        _UPDATE.run(conn, pending)


def _digests(result) -> Iterator[tuple[int, dict]]:
    cluster_id, digest, row = None, None, None
    while chunk := result.fetchmany(10_000):
        for r in chunk:
            if r.cluster_id != cluster_id:
                if digest is not None:
                    yield cluster_id, digest
                cluster_id, digest, row = r.cluster_id, empty(), None
            if row is None or row["id"] != r.id:
                row = {
                    "id": r.id,
                    "document_id": r.document_id,
                    **{name: loads(getattr(r, name)) for name in _LISTS},
                    "quantities": loads(r.quantities),
                    "confidence": r.confidence,
                }
                add(digest, row, ())
            digest["evidence"].append([r.span_document, r.start, r.end, r.span_text])
    if digest is not None:
        yield cluster_id, digest
