"""Every failure answers with a status code and a JSON body {"error": {status, code, message}}, never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import CommuniqueError, InputError, NotFoundError, StoreError
from .cursor import CursorError

log = logging.getLogger("communique.web")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status, headers=headers)


def _answer(request: Request, status: int, code: str, message: str, headers: dict | None = None) -> Response:
    """JSON for the API; a page for a person browsing the pages."""
    if request.url.path.startswith(("/api/", "/openapi", "/docs", "/static/")):
        return error_response(status, code, message, headers)
    from .pages import render

    titles = {404: "Not found", 401: "Token needed", 403: "Not allowed", 422: "Bad request", 429: "Slow down"}
    response = render("error.html", status, message=message, title=titles.get(status, "Error"), code=status)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)


def _status_for(exc: CommuniqueError) -> tuple[int, str]:
    if isinstance(exc, NotFoundError):
        return 404, "not_found"
    if isinstance(exc, CursorError):
        return 400, "bad_cursor"
    if isinstance(exc, InputError):
        return 422, "bad_document"
    if isinstance(exc, StoreError):
        return 503, "store_unavailable"
    return 400, "bad_request"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return _answer(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return _answer(request, 422, "invalid_parameter", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        return _answer(request, exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(CommuniqueError)
    async def communique_error(request: Request, exc: CommuniqueError):
        status, code = _status_for(exc)
        return _answer(request, status, code, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _answer(request, 500, "internal_error", f"internal error ({type(exc).__name__}); see the server log")
