"""Cross-site request forgery: a state-changing dashboard request from another origin is
refused with 403 before any handler runs, so every form, present or future, is covered.

The check is the one browsers' Fetch Metadata makes possible (and Go's
`net/http.CrossOriginProtection` uses): `Sec-Fetch-Site` when the browser sends it,
else `Origin` against the request's own host. A request with neither comes from
something that is not a browser, which cannot ride on a visitor's session cookie.
No token: every browser that carries the cookie sends one of the two headers
(docs/dashboard.md)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from litestar import Request, Response
from litestar.response import Template

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SAME_ORIGIN = frozenset({"same-origin", "none"})  # "none": the user typed it or used a bookmark


def is_cross_site(method: str, headers: Any) -> bool:
    if method in SAFE_METHODS:
        return False
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in SAME_ORIGIN
    origin = headers.get("origin")
    if origin is None:
        return False
    return urlsplit(origin).netloc.lower() != (headers.get("host") or "").lower()


def refuse_cross_site(request: Request[Any, Any, Any]) -> Response[Any] | None:
    """A `before_request` hook: None lets the request through."""
    if not is_cross_site(request.method, request.headers):
        return None
    return Template(
        "error.html",
        status_code=403,
        context={"title": "Refused", "detail": "This form was sent from another site. Use the dashboard's own pages."},
    )
