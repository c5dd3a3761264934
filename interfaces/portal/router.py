"""The customer portal: server-rendered pages under /portal, opened by a portal link (docs/portal.md). Its own
sign-in (a portal token in its own cookie), its own error pages, the dashboard's look."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request, Response, Router
from litestar.di import Provide
from litestar.response import Template
from litestar.static_files import create_static_files_router

from application.portal_sessions import PortalDenied
from domain.errors import NotFound, TallyError
from interfaces.dashboard.cross_site import refuse_cross_site
from interfaces.http.problems import status_of
from interfaces.portal.pages import HANDLERS
from interfaces.portal.viewer import COOKIE, provide_viewer

HERE = Path(__file__).parent


def denied(_: Request[Any, Any, Any], exc: PortalDenied) -> Response[Any]:
    """401 with a page that says why (revoked, expired, not valid); the cookie goes."""
    response: Response[Any] = Template(
        "portal/denied.html", context={"reason": exc.reason, "detail": exc.detail}, status_code=401
    )
    response.delete_cookie(COOKIE, path="/portal")
    return response


def not_found(_: Request[Any, Any, Any], exc: NotFound) -> Response[Any]:
    return Template("portal/error.html", context={"title": "Not found", "detail": exc.detail}, status_code=404)


def rejected(_: Request[Any, Any, Any], exc: TallyError) -> Response[Any]:
    return Template(
        "portal/error.html", context={"title": "That did not work", "detail": exc.detail}, status_code=status_of(exc)
    )


def portal_router() -> Router:
    return Router(
        path="/portal",
        route_handlers=[*HANDLERS, create_static_files_router(path="/static", directories=[HERE / "static"])],
        dependencies={"viewer": Provide(provide_viewer)},
        exception_handlers={PortalDenied: denied, NotFound: not_found, TallyError: rejected},
        before_request=refuse_cross_site,
        include_in_schema=False,
    )
