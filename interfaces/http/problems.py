"""The one place errors become HTTP: RFC 9457 problem+json with a stable `code`.
No stack trace reaches a client; unexpected errors are logged with a request id."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import psycopg
from eventsourcing.persistence import InterfaceError, OperationalError
from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    SerializationException,
    ValidationException,
)

from domain.errors import (
    Conflict,
    Invalid,
    InvalidTransition,
    Malformed,
    NotFound,
    NotReady,
    OverLimit,
    Refused,
    TallyError,
    Unauthorized,
)
from interfaces.observability.logs import REQUEST_ID
from store.deadlines import DeadlineExceeded

log = logging.getLogger("tally.http")

PROBLEM = "application/problem+json"

STATUS: dict[type[TallyError], int] = {
    NotFound: 404,
    Invalid: 422,
    Malformed: 400,
    Refused: 400,
    Conflict: 409,
    Unauthorized: 401,
    NotReady: 503,
}

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
}


def problem(status: int, code: str, detail: str, **extra: Any) -> Response[dict[str, Any]]:
    body = {
        "type": f"https://tally.dev/problems/{code}",
        "title": code.replace("_", " "),
        "status": status,
        "code": code,
        "detail": detail,
        **extra,
    }
    return Response(body, status_code=status, media_type=PROBLEM)


def status_of(exc: TallyError) -> int:
    return next((s for cls, s in STATUS.items() if isinstance(exc, cls)), 400)


def tally_error(_: Request[Any, Any, Any], exc: TallyError) -> Response[dict[str, Any]]:
    status = status_of(exc)
    extra: dict[str, Any] = {}
    if exc.errors:
        extra["errors"] = [{"index": f.index, "field": f.field, "reason": f.reason} for f in exc.errors]
    if isinstance(exc, InvalidTransition):
        # `status` is the HTTP status in problem+json, so the document's own status has a name of its own.
        extra["current_status"] = exc.status
    if isinstance(exc, OverLimit):
        extra["reason"] = exc.reason
    return problem(status, exc.code, exc.detail, **extra)


def validation_error(_: Request[Any, Any, Any], exc: ValidationException) -> Response[dict[str, Any]]:
    faults = []
    for item in exc.extra or []:
        if isinstance(item, dict):
            faults.append(
                {
                    "index": None,
                    "field": str(item.get("key") or item.get("source") or "body"),
                    "reason": str(item.get("message", "")),
                }
            )
    return problem(
        422 if faults or "body" in str(exc.detail).lower() else 400, "invalid_request", str(exc.detail), errors=faults
    )


def http_error(_: Request[Any, Any, Any], exc: HTTPException) -> Response[dict[str, Any]]:
    # Litestar wraps a body it could not decode as JSON in a plain 400: same code as tally's own decoders.
    malformed = isinstance(exc.__cause__, SerializationException)
    code = "malformed_json" if malformed else HTTP_CODES.get(exc.status_code, "http_error")
    response = problem(exc.status_code, code, str(exc.detail))
    # What the exception says the client needs: `Allow` on a 405 (RFC 9110), `Retry-After` on a 429.
    response.headers.update(exc.headers or {})
    return response


# How long a client should wait before retrying when the database is unreachable or stalled.
RETRY_AFTER_S = 5


def database_unavailable(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    """Connection refused or lost, no free connection in time, a statement cancelled by its timeout,
    or the request's deadline for database work passed: worth retrying, never a 500."""
    log.warning("%s %s: database unavailable: %s", request.method, route_of(request), exc)
    response = problem(503, "database_unavailable", "the database is unavailable or not answering; retry shortly")
    response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


def route_of(request: Request[Any, Any, Any]) -> str:
    """The route template, not the path: a path may carry a portal token (logs never hold one)."""
    return str(request.scope.get("path_template") or "unmatched")


def unexpected_error(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    request_id = REQUEST_ID.get() or uuid.uuid4().hex  # the id the answer's X-Request-Id carries
    log.error("request %s %s %s failed", request_id, request.method, route_of(request), exc_info=exc)
    return problem(500, "internal_error", "an unexpected error occurred; it has been logged", request_id=request_id)


HANDLERS: dict[type[Exception] | int, Any] = {
    TallyError: tally_error,
    ValidationException: validation_error,
    HTTPException: http_error,
    OperationalError: database_unavailable,
    InterfaceError: database_unavailable,
    DeadlineExceeded: database_unavailable,
    psycopg.OperationalError: database_unavailable,
    psycopg.InterfaceError: database_unavailable,
    Exception: unexpected_error,
}
