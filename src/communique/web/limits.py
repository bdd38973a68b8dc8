"""Request limits as plain ASGI middleware: body size (413) and a per-client rate (429)."""

from __future__ import annotations

import threading
import time

from .errors import error_response


async def _refuse(scope, receive, send, status: int, code: str, message: str, headers: dict | None = None) -> None:
    await error_response(status, code, message, headers)(scope, receive, send)


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuse bodies over `max_bytes`: at once when Content-Length says so, else while reading."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        message = f"request body over the limit of {self.max_bytes} bytes"
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await _refuse(scope, receive, send, 413, "body_too_large", message)
        seen = 0
        started = False

        async def counted_receive():
            nonlocal seen
            event = await receive()
            if event["type"] == "http.request":
                seen += len(event.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return event

        async def tracked_send(event):
            nonlocal started
            if event["type"] == "http.response.start":
                started = True
            await send(event)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not started:
                await _refuse(scope, receive, send, 413, "body_too_large", message)


class TokenBucket:
    """`rate` requests per second per key, with bursts up to `burst`; thread-safe."""

    def __init__(self, rate: float, burst: int, max_keys: int = 10_000):
        self.rate, self.burst, self.max_keys = rate, burst, max_keys
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> float:
        """0 when the request may go on, else the seconds to wait before the next one will."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1:
                if len(self._buckets) >= self.max_keys and key not in self._buckets:
                    self._buckets.clear()  # a flood of addresses: forget them all rather than grow without bound
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate


class RateLimit:
    """429 with Retry-After when one client address goes over its bucket."""

    def __init__(self, app, rate: float, burst: int):
        self.app = app
        self.bucket = TokenBucket(rate, burst)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            return await self.app(scope, receive, send)
        client = (scope.get("client") or ("?", 0))[0]
        wait = self.bucket.take(client)
        if wait > 0:
            seconds = max(1, int(wait + 0.999))
            return await _refuse(
                scope,
                receive,
                send,
                429,
                "rate_limited",
                f"too many requests from {client}: retry in {seconds} s",
                {"Retry-After": str(seconds)},
            )
        return await self.app(scope, receive, send)
