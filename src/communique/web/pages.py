"""Server-rendered pages: event list, event, actor, document, dyad timeline, network.

Templates are Jinja2 with autoescaping on: article text is always shown as text, never as markup.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Annotated, Literal
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from ..store import analytics
from . import api
from .auth import require_read
from .service import Service

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
login_router = APIRouter(include_in_schema=False)

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(resources.files("communique.web") / "templates")),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["meeting_types"] = analytics.MEETING_TYPES


def render(template: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(_env.get_template(template).render(**context), status_code=status)


def _side(names: list[str], ids: list[str]) -> list[tuple[str, str]]:
    return list(zip(ids, names, strict=False))


_env.globals["side"] = _side


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, svc: Annotated[Service, Depends(api.service)]) -> HTMLResponse:
    params = {k: v for k, v in request.query_params.items() if v != ""}
    limit = params.pop("limit", "50")
    try:
        query = api.EventQuery(**params)
        size = api.page_size(request, int(limit)) if limit.isdigit() and int(limit) > 0 else None
    except ValidationError as exc:
        return render("events.html", 422, query=params, page=None, error=_first_error(exc), next_url=None)
    if size is None:
        return render(
            "events.html", 422, query=params, page=None, error=f"limit: not a page size: {limit}", next_url=None
        )
    page = api.events_page(query, size, svc)
    next_url = None
    if page.next_cursor:
        next_params = {**params, "limit": str(size), "cursor": page.next_cursor}
        next_url = "/?" + urlencode(next_params, quote_via=quote)
    return render("events.html", query=params, page=page, error=None, next_url=next_url)


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    return f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}"


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, svc: Annotated[Service, Depends(api.service)]) -> HTMLResponse:
    return render("event.html", event=svc.event(event_id))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    svc: Annotated[Service, Depends(api.service)], name: Annotated[str | None, Query(max_length=200)] = None
) -> HTMLResponse:
    return render("actors.html", actors=svc.actors(name or None, 200), name=name or "")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(actor_id: str, svc: Annotated[Service, Depends(api.service)]) -> HTMLResponse:
    return render("actor.html", actor=svc.actor(actor_id), events=svc.actor_events(actor_id, 100))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(document_id: str, svc: Annotated[Service, Depends(api.service)]) -> HTMLResponse:
    return render("document.html", doc=svc.document(document_id))


@router.get("/dyads", response_class=HTMLResponse)
def dyad_page(
    a: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$")] = "VNM",
    b: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$")] = "LAO",
    since: date | None = None,
    until: date | None = None,
    view: Literal["clusters", "mentions"] = "clusters",
) -> HTMLResponse:
    return render("dyad.html", a=a.upper(), b=b.upper(), since=since or "", until=until or "", view=view)


@router.get("/network", response_class=HTMLResponse)
def network_page(
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$|^$")] = None,
    since: date | None = None,
    until: date | None = None,
) -> HTMLResponse:
    return render("network.html", country=(country or "").upper(), since=since or "", until=until or "")


@login_router.get("/login", response_class=HTMLResponse)
def login_page() -> HTMLResponse:
    """A form that keeps the token in a cookie, for servers that protect reads."""
    return render("login.html")
