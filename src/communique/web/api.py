"""The JSON API under /api: events, actors, documents, dyad timelines, networks, search, and one write."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field

from ..store import EventFilter
from . import cursor
from .auth import require_read, require_write
from .errors import ApiError
from .service import Service


def service(request: Request) -> Service:
    return request.app.state.service


def page_size(request: Request, limit: Annotated[int, Query(ge=1, description="items per page")] = 50) -> int:
    most = request.app.state.settings.max_page_size
    if limit > most:
        raise ApiError(422, "page_too_large", f"limit {limit} is over the maximum page size of {most}")
    return limit


class EventQuery(BaseModel):
    actor: str | None = Field(None, description="canonical name (case-insensitive part) or Wikidata QID")
    country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3, either side")
    type: str | None = Field(None, pattern=r"^[A-Za-z_]{3,20}$", description="PLOVER event type, e.g. CONSULT")
    since: date | None = None
    until: date | None = None
    sector: str | None = Field(None, pattern=r"^[a-z_-]{2,30}$", description="cooperation sector, e.g. trade")
    q: str | None = Field(None, max_length=200, description="words in the evidence sentence")
    view: Literal["clusters", "mentions"] = "clusters"
    fields: Literal["summary", "full"] = Field(
        "summary",
        description="summary: a cluster as its newest matching report with size and document_count; "
        "full: the union of all members and all their evidence, as `communique events --format json`",
    )
    cursor: str | None = Field(None, max_length=400)


class EventPage(BaseModel):
    items: list[dict]
    next_cursor: str | None = None


class Written(BaseModel):
    document_id: str
    status: str
    events: int


read_router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], tags=["read"])
write_router = APIRouter(prefix="/api", tags=["write"])


def events_page(query: EventQuery, limit: int, svc: Service) -> EventPage:
    key = query.model_dump(exclude={"cursor"})
    after = cursor.decode(query.cursor, key) if query.cursor else None
    f = EventFilter(query.actor, query.country, query.type, query.since, query.until, query.sector, query.q, limit)
    page = svc.events(f, after, query.view == "clusters", query.fields == "full")
    return EventPage(items=page.items, next_cursor=cursor.encode(page.next, key) if page.next else None)


@read_router.get("/events", response_model=EventPage, summary="Events or clusters, newest first, keyset-paged")
def list_events(
    query: Annotated[EventQuery, Query()],
    limit: Annotated[int, Depends(page_size)],
    svc: Annotated[Service, Depends(service)],
) -> EventPage:
    return events_page(query, limit, svc)


@read_router.get("/events/{event_id}", summary="One event or cluster with its evidence, spans marked")
def get_event(event_id: str, svc: Annotated[Service, Depends(service)]) -> dict:
    event = svc.event(event_id)
    for item in event["evidence"]:
        item["spans"] = [{**asdict(s.span), "text": s.text} for s in item.pop("segments") if s.span is not None]
    return event


@read_router.get("/actors", summary="Actors, those in the most events first")
def list_actors(
    limit: Annotated[int, Depends(page_size)],
    svc: Annotated[Service, Depends(service)],
    name: Annotated[str | None, Query(max_length=200)] = None,
) -> list[dict]:
    return svc.actors(name, limit)


@read_router.get("/actors/{actor_id}", summary="One actor: offices, Wikidata id, event count")
def get_actor(actor_id: str, svc: Annotated[Service, Depends(service)]) -> dict:
    return svc.actor(actor_id)


@read_router.get("/actors/{actor_id}/events", summary="The events that name an actor, newest first")
def actor_events(
    actor_id: str, limit: Annotated[int, Depends(page_size)], svc: Annotated[Service, Depends(service)]
) -> list[dict]:
    return svc.actor_events(actor_id, limit)


@read_router.get("/documents/{document_id}", summary="A stored article with its actor and evidence spans")
def get_document(document_id: str, svc: Annotated[Service, Depends(service)]) -> dict:
    doc = svc.document(document_id)
    doc.pop("segments")
    return doc


@read_router.get("/dyads/{a}/{b}/timeline", summary="Events between two states by month and type")
def dyad_timeline(
    a: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3")],
    b: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3")],
    svc: Annotated[Service, Depends(service)],
    since: date | None = None,
    until: date | None = None,
    view: Literal["clusters", "mentions"] = "clusters",
) -> dict:
    a, b = a.upper(), b.upper()
    return {"a": a, "b": b, "view": view, "months": svc.timeline(a, b, since, until, view == "clusters")}


@read_router.get("/network", summary="Who met whom: actors and meeting counts")
def network(
    svc: Annotated[Service, Depends(service)],
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    since: date | None = None,
    until: date | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 150,
) -> dict:
    return svc.network(country, since, until, limit)


@read_router.get("/search", summary="Events whose evidence has the words, and actors whose name has them")
def search(
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Depends(page_size)],
    svc: Annotated[Service, Depends(service)],
) -> dict:
    return svc.search(q, limit)


@write_router.post(
    "/documents",
    response_model=Written,
    status_code=201,
    dependencies=[Depends(require_write)],
    summary="Extract and store one article: text/plain, or JSON {text, title, published, url}",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/plain": {"schema": {"type": "string"}},
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["text"],
                        "properties": {
                            "text": {"type": "string"},
                            "title": {"type": "string"},
                            "published": {"type": "string", "format": "date"},
                            "url": {"type": "string"},
                        },
                    }
                },
            },
        }
    },
)
async def add_document(
    request: Request,
    svc: Annotated[Service, Depends(service)],
    lang: Annotated[str | None, Query(pattern=r"^[a-z]{2}$", description="force the language")] = None,
) -> Written:
    from starlette.concurrency import run_in_threadpool

    body = await request.body()
    settings = request.app.state.settings
    written = await run_in_threadpool(
        svc.add, body, request.headers.get("content-type", "text/plain"), lang, settings.max_body_bytes
    )
    return Written(**asdict(written))
