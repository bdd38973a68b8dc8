"""PLOVER records, one JSON object per line.

Convention: the "Data Fields" chapter of the PLOVER manual, draft version 2.0 (openeventdata/PLOVER,
PLOVER_MANUAL.tex at 5e0c24f, 2024-02-04): snake_case field names (`event_text`, `event_loc`,
`quad_code`, `text_info`, `cite_info`), `actor` / `recipient` (which replace the `source` / `target` of
the 0.5b1 gold-standard records) as lists of entity objects {`code`, `sector`, `identifier_text`, plus
`entity_id`, the communique actor id}, and `event`, `mode`, `context` as lists. As in PLOVER's
gold-standard records, null fields are left out, except the required id, date, actor and event.

Mapping from the communique event:
    id -> id; date.start / date.end -> date / enddate; event_type -> event [..]; mode -> mode [..];
    context + auxiliary mode from modality (future, hypothetical, historical, negated -> negation)
    -> context; actor / recipient (+ *_names, *_sectors, countries) -> actor / recipient entity objects,
    with `code` = ISO3, or PLOVER's non-state code (EUR, UNO, IGO) for an organization without a state;
    location -> event_loc {resolved_place, country_code}; evidence texts -> event_text; text -> text;
    first evidence offsets -> text_info {start, end}; source_url -> cite_info.url; link -> link;
    event type -> quad_code (1 verbal cooperation ... 4 material conflict); coder -> "communique".
Fields PLOVER has no name for keep communique's names (the manual invites extra named fields):
    actor_country, recipient_country, sectors, quantities, cameo, confidence, document_id, cluster_id,
    published.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ._common import convert_all, date_range, iso, json_default, side

QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
# PLOVER's auxiliary modes, which the manual puts in `context`; "asserted" adds none.
AUXILIARY = {"future": "future", "hypothetical": "hypothetical", "historical": "historical", "negated": "negation"}
NON_STATE = {"European Union": "EUR", "United Nations": "UNO"}  # PLOVER's codes for entities without a state
CODER = "communique"
REQUIRED = ("id", "date", "actor", "event")  # kept even when null, as the manual requires them


def write_plover(events: Iterable[dict], stream: TextIO) -> int:
    count = 0
    for record in convert_all(events, plover_record):
        stream.write(json.dumps(record, ensure_ascii=False, default=json_default) + "\n")
        count += 1
    return count


def plover_record(event: dict) -> dict:
    """The PLOVER record for one event (fields with no value are left out)."""
    start, end = date_range(event)
    evidence = event.get("evidence") or []
    location = event.get("location")
    auxiliary = AUXILIARY.get(event.get("modality") or "")
    record = {
        "id": event["id"],
        "date": start,
        "enddate": end,
        "actor": [_entity(*member) for member in side(event, "actor")],
        "recipient": [_entity(*member) for member in side(event, "recipient")],
        "event": [event["event_type"]],
        "event_loc": _location(location) if location else None,
        "event_text": [span["text"] for span in evidence if span.get("text")],
        "quad_code": QUAD.get(event["event_type"]),
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": list(event.get("context") or []) + ([auxiliary] if auxiliary else []),
        "link": list(event.get("link") or []),
        "text": event.get("text"),
        "text_info": {"start": evidence[0]["start"], "end": evidence[0]["end"]} if evidence else None,
        "cite_info": _drop_none({"url": event.get("source_url"), "coder": CODER}),
        "coder": CODER,
        "actor_country": list(event.get("actor_country") or []),
        "recipient_country": list(event.get("recipient_country") or []),
        "sectors": list(event.get("sectors") or []),
        "quantities": list(event.get("quantities") or []),
        "cameo": event.get("cameo"),
        "confidence": event.get("confidence"),
        "document_id": event.get("document_id"),
        "cluster_id": event.get("cluster_id"),
        "published": iso(event.get("published")),
    }
    return {key: value for key, value in record.items() if value is not None or key in REQUIRED}


def _entity(actor_id: str, name: str | None, country: str | None, sector: str | None) -> dict:
    code = country or NON_STATE.get(name or "") or ("IGO" if sector == "IGO" else None)
    return _drop_none({"code": code, "sector": sector, "identifier_text": name, "entity_id": actor_id})


def _location(location: dict) -> dict:
    return _drop_none({"resolved_place": location.get("name"), "country_code": location.get("country")})


def _drop_none(values: dict) -> dict:
    return {key: value for key, value in values.items() if value is not None}
