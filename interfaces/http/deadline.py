"""Every HTTP request gets a deadline for its database work (store/deadlines.py), so a database
that stops answering costs a client at most ~10 s before a 503, never a hung request."""

from __future__ import annotations

from litestar.types import ASGIApp, Receive, Scope, Send

from store.deadlines import deadline

# With the pool wait (config.SERVING, 2 s) and one retry pause, a request gives up within 10 s.
# It includes a read-your-writes wait (at most 5 s).
REQUEST_DATABASE_S = 7.0


def database_deadline(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        with deadline(REQUEST_DATABASE_S):
            await app(scope, receive, send)

    return middleware
