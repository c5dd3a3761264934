"""Unknown query parameters are refused (422 `unknown_query_parameter`), on every API route.

A misspelt filter (`?customer=...` for `?customer_id=...`) would otherwise be ignored and answer
everything, which looks like a correct answer. The names a route knows are the query parameters its
OpenAPI operation documents (interfaces/http/openapi.py records them on the handler), so what is
accepted and what is documented cannot differ. Routes outside the document (the dashboard, /schema)
are left alone."""

from __future__ import annotations

from urllib.parse import parse_qsl

from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from domain.errors import Fault, Invalid
from domain.text import printable

KNOWN = "query"  # the handler's opt key holding the names it documents


class QueryCheck(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        known = scope["route_handler"].opt.get(KNOWN)
        if known is not None:
            names = {name for name, _ in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)}
            unknown = sorted(names - known)
            if unknown:
                raise Invalid(
                    f"unknown query parameter(s): {', '.join(printable(n) for n in unknown)}",
                    "unknown_query_parameter",
                    [
                        Fault(
                            printable(n),
                            f"is not a parameter of this route; it takes: {', '.join(sorted(known)) or 'none'}",
                        )
                        for n in unknown
                    ],
                )
        await next_app(scope, receive, send)
