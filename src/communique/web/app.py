"""`create_app(settings)`: the API, the pages and the bundled static files in one ASGI app."""

from __future__ import annotations

import gc
import json
import os
from contextlib import asynccontextmanager
from dataclasses import asdict
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import DataError
from ..store import Store
from . import api, errors, pages
from .limits import BodySizeLimit, RateLimit
from .service import Service
from .settings import WebSettings


def create_app(settings: WebSettings) -> FastAPI:
    if settings.protect_reads and not settings.token:
        raise DataError("protect_reads needs a token: set COMMUNIQUE_TOKEN or 'token' in the config file")
    service = Service(Store(settings.db), settings.cache_entries)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # what is loaded by now (SQLAlchemy, FastAPI, the app) lives as long as the server: out of the cyclic
        # collector's full passes, which went through it all (15-20 ms, a query's worth, every few requests)
        gc.freeze()
        yield
        service.store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="communique",
        version=__version__,
        description="Diplomatic events (PLOVER) extracted from news, each tied to the words that support it.",
    )
    app.state.settings = settings
    app.state.service = service
    errors.install(app)
    app.include_router(api.read_router)
    app.include_router(api.write_router)
    app.include_router(pages.router)
    app.include_router(pages.login_router)
    app.mount("/static", StaticFiles(directory=str(resources.files("communique.web") / "static")), name="static")
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    if settings.rate_per_second > 0:
        app.add_middleware(RateLimit, rate=settings.rate_per_second, burst=settings.rate_burst)

    return app


def settings_to_env(settings: WebSettings) -> str:
    """The settings, for server worker processes that uvicorn starts (they import `app_from_env`)."""
    return json.dumps(asdict(settings))


def app_from_env() -> FastAPI:
    return create_app(WebSettings(**json.loads(os.environ["COMMUNIQUE_SERVE_SETTINGS"])))
