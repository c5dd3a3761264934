"""What every HTTP request passes on its way in and out, whatever answers it (a handler, an error handler,
the router's 404): its request id, its metrics, its access-log line and its trace span.

- **X-Request-Id**: taken from the request when it is a sensible id (1-128 of letters, digits and `._:-`),
  else made (32 hex digits); set for the request's log lines and echoed on the answer, so a client's
  report, a log line and a trace name the same request.
- **Metrics** by method, route template and status (`/customers/{customer_id}`, never the path; a request
  no route matched is `unmatched`).
- **Access log** (`tally.access`, on with `--access-log`): one line per request with its id, method, route
  template, status, duration and the business whose key it carried.

It wraps the app's ASGI handler (as Litestar's own OpenTelemetry plugin does), so it sees the route
template the router found and the status of every answer."""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from litestar.types import ASGIApp, Message, Receive, Scope, Send

from interfaces.observability import metrics
from interfaces.observability.logs import ACCESS, REQUEST_ID
from interfaces.observability.tracing import Spans

log = logging.getLogger(ACCESS)

HEADER = b"x-request-id"
_GOOD_ID = re.compile(rb"[A-Za-z0-9._:\-]{1,128}")
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "unmatched"
# Where a request's handlers leave the business whose key it carried, for its access-log line.
BUSINESS = "business_id"


def request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == HEADER and _GOOD_ID.fullmatch(value):
            return value.decode("ascii")
    return uuid.uuid4().hex


def note_business(scope: Scope | dict[str, Any], business: uuid.UUID) -> None:
    scope.setdefault("state", {})[BUSINESS] = str(business)


class Observed:
    def __init__(self, app: ASGIApp, spans: Spans) -> None:
        self.app = app
        self.spans = spans

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        token = REQUEST_ID.set(rid)
        started = time.perf_counter()
        status = 500  # what the server answers if nothing was sent
        method = str(scope.get("method", "")).upper()
        method = method if method in METHODS else "OTHER"

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (HEADER, rid.encode())]
            await send(message)

        try:
            with self.spans.span(f"HTTP {method}", {"http.request.method": method, "tally.request_id": rid}) as span:
                await self.app(scope, receive, sending)
                route = scope.get("path_template") or UNMATCHED
                span.name(f"{method} {route}")
                span.attributes({"http.route": route, "http.response.status_code": status})
        finally:
            route = scope.get("path_template") or UNMATCHED
            seconds = time.perf_counter() - started
            metrics.instruments().request(method, route, status, seconds)
            log.info(
                "%s %s %d %.1f ms",
                method,
                route,
                status,
                seconds * 1000,
                extra={
                    "request_id": rid,
                    "method": method,
                    "route": route,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 1),
                    "business_id": scope.get("state", {}).get(BUSINESS),
                },
            )
            REQUEST_ID.reset(token)
