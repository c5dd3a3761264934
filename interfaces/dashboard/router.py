"""The dashboard: server-rendered pages under /dashboard on the API's own app,
with its own sign-in (a session cookie instead of a bearer header) and its own
error pages (HTML instead of problem+json)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request, Response, Router
from litestar.di import Provide
from litestar.exceptions import ValidationException
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Redirect, Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from domain.errors import NotFound, TallyError, Unauthorized
from interfaces.dashboard import filters
from interfaces.dashboard.cross_site import refuse_cross_site
from interfaces.dashboard.pages import (
    audit,
    auth,
    customers,
    discounts,
    entitlements,
    events,
    invoices,
    keys,
    meters,
    products,
    revenue,
    simulations,
    subscription_pricing,
    subscriptions,
    webhooks,
)
from interfaces.dashboard.session import provide_signed_in
from interfaces.http.problems import status_of

HERE = Path(__file__).parent
PAGES = [
    *auth.HANDLERS,
    *events.HANDLERS,
    *customers.HANDLERS,
    *meters.HANDLERS,
    *products.HANDLERS,
    *discounts.HANDLERS,
    *invoices.HANDLERS,
    *revenue.HANDLERS,
    *keys.HANDLERS,
    *audit.HANDLERS,
    *entitlements.HANDLERS,
    *subscriptions.HANDLERS,
    *subscription_pricing.HANDLERS,
    *webhooks.HANDLERS,
    *simulations.HANDLERS,
]


def signed_out(request: Request[Any, Any, Any], _: Unauthorized) -> Response[Any]:
    request.clear_session()
    return Redirect("/dashboard")


def not_found(_: Request[Any, Any, Any], exc: NotFound) -> Response[Any]:
    return Template("error.html", context={"title": "Not found", "detail": exc.detail}, status_code=404)


def rejected(_: Request[Any, Any, Any], exc: TallyError | ValidationException) -> Response[Any]:
    if isinstance(exc, TallyError):
        # The API's reasons too, not only its summary: "invalid usage range" says nothing of what to change.
        detail = "; ".join([exc.detail, *(f"{f.field}: {f.reason}" for f in exc.errors)])
    else:
        detail = "; ".join(
            f"{item.get('key', '')}: {item.get('message', '')}" for item in exc.extra or [] if isinstance(item, dict)
        )
    return Template(
        "error.html",
        context={"title": "That did not work", "detail": detail or str(exc.detail)},
        status_code=status_of(exc) if isinstance(exc, TallyError) else 400,
    )


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    """The dashboard's templates, and the customer portal's under portal/ (interfaces/portal: the same look)."""
    return TemplateConfig(
        directory=[HERE / "templates", HERE.parent / "portal" / "templates"],
        engine=JinjaTemplateEngine,
        engine_callback=filters.install,
    )


def dashboard_router() -> Router:
    return Router(
        path="/dashboard",
        route_handlers=[*PAGES, create_static_files_router(path="/static", directories=[HERE / "static"])],
        dependencies={"business": Provide(provide_signed_in)},
        exception_handlers={
            Unauthorized: signed_out,
            NotFound: not_found,
            TallyError: rejected,
            ValidationException: rejected,
        },
        before_request=refuse_cross_site,
        include_in_schema=False,
    )
