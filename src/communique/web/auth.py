"""Tokens: writes always need one; reads need it when the server is set to protect them."""

from __future__ import annotations

import hmac

from fastapi import Request

from .errors import ApiError

COOKIE = "communique_token"  # set by the /login page, so a browser can read a server that protects reads


def _presented(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-communique-token") or request.cookies.get(COOKIE)


def _check(request: Request, needed: str) -> None:
    token = request.app.state.settings.token
    if not token:
        raise ApiError(403, "writes_disabled", "this server takes no writes: start it with COMMUNIQUE_TOKEN set")
    given = _presented(request)
    if given is None:
        raise ApiError(
            401, "token_required", f"{needed} need a token (Authorization: Bearer ...)", {"WWW-Authenticate": "Bearer"}
        )
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "wrong_token", "the token is not valid", {"WWW-Authenticate": "Bearer"})


def require_write(request: Request) -> None:
    _check(request, "writes")


def require_read(request: Request) -> None:
    if request.app.state.settings.protect_reads:
        _check(request, "reads")
