"""The OpenAPI document, complete and honest, and the docs page that shows it without internet.

Litestar documents what a handler's signature says. This module adds, in one place for every route
(so routes added later get it too), what the signature cannot say:

- every problem+json status the route can answer, by rule: 400 (malformed body or parameter), 422
  (invalid input, and an unknown query parameter on every route: interfaces/http/query_check.py),
  503 (database unavailable, read models behind) everywhere; 401 and 429 (too many wrong keys:
  interfaces/http/key_guessing.py) where a key is read; 404 where the path names something; 413 where
  a body is read; and the statuses a handler declares itself with `opt={"problems": (409,)}`;
- the request body of a handler that decodes its body itself (`opt={"body": Struct}`);
- the bearer security scheme: every operation needs a key unless it says `opt={"public": True}` (no key
  read) or `opt={"optional_key": True}` (answers without one, says more with one: /health);
- `locale` on the operations Dodo's SDK sends it to (LOCALE_OPERATIONS): accepted, and it changes
  nothing, as Dodo shows the base text for a locale without translations (docs/dodo.md).

The docs page (/schema) is Swagger UI from the `swagger-ui-bundle-v2` package, served by tally under
/schema/assets/: no CDN, so it works offline.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from typing import Any

import msgspec
from litestar import Litestar, Response, get

# Litestar keeps the document it built in this plugin and exports no way to hand it one already built.
from litestar._openapi.plugin import OpenAPIPlugin
from litestar.datastructures import CacheControlHeader
from litestar.enums import ParamType
from litestar.exceptions import NotFoundException
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.openapi.spec import Components, OpenAPI, OpenAPIType, Parameter, Schema, SecurityScheme
from litestar.router import Router
from litestar.routes import HTTPRoute
from swagger_ui_bundle import swagger_ui_path

from interfaces.http.problems import PROBLEM
from interfaces.http.query_check import KNOWN as KNOWN_QUERY

BEARER = "bearer"
ASSETS = "/assets"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_STATUS_TEXT = {
    400: "Malformed body or parameter",
    401: "No valid API key",
    404: "Not found for this key",
    409: "Conflicts with what is recorded",
    413: "Body over 1 MiB",
    422: "Invalid input",
    429: "Too many wrong API keys from this address; see Retry-After",
    503: "Database unavailable or read models behind; retry",
}


# The reads Dodo's SDK sends `locale` to (its `retrieve` and `list` of catalog entities), among tally's routes;
# tests/interfaces/test_dodo_locale.py finds them in the SDK, so a route tally adds later cannot be missed.
LOCALE_OPERATIONS = frozenset(
    {
        "ListMeters",
        "GetMeter",
        "ListProducts",
        "GetProduct",
        "GetSubscription",
        "ListSubscriptions",
        "ListCreditEntitlements",
        "GetCreditEntitlement",
        "ListAddons",
        "GetAddon",
    }
)
LOCALE = Parameter(
    name="locale",
    param_in=ParamType.QUERY,
    required=False,
    schema=Schema(type=OpenAPIType.STRING),
    description="Accepted for Dodo's SDK; tally keeps no translations and shows the base text",
)


class ProblemFault(msgspec.Struct):
    index: int | None
    field: str
    reason: str


class Problem(msgspec.Struct):
    """RFC 9457 problem details with tally's stable `code` (interfaces/http/problems.py)."""

    type: str
    title: str
    status: int
    code: str
    detail: str
    errors: list[ProblemFault] | msgspec.UnsetType = msgspec.UNSET
    request_id: str | msgspec.UnsetType = msgspec.UNSET


class SwaggerOffline(SwaggerRenderPlugin):
    """Swagger UI with its scripts, styles and icon served by tally itself."""

    def __init__(self) -> None:
        base = f"/schema{ASSETS}"
        super().__init__(
            js_url=f"{base}/swagger-ui-bundle.js",
            css_url=f"{base}/swagger-ui.css",
            standalone_preset_js_url=f"{base}/swagger-ui-standalone-preset.js",
            favicon=f"<link rel='icon' type='image/png' href='{base}/favicon-32x32.png'>",
            path="/",
        )

    def receive_router(self, router: Router) -> None:
        router.register(docs_asset)


@get(
    f"{ASSETS}/{{name:str}}",
    sync_to_thread=False,
    include_in_schema=False,
    cache_control=CacheControlHeader(max_age=86400),
)
def docs_asset(name: str) -> Response[bytes]:
    asset = swagger_ui_path / name
    if "/" in name or not name or not asset.is_file():
        raise NotFoundException(f"no docs asset {name}")
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Response(asset.read_bytes(), media_type=media_type)


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="tally",
        version="0.1.0",
        path="/schema",
        use_handler_docstrings=True,
        render_plugins=[SwaggerOffline()],
        security=[{BEARER: []}],
        components=Components(
            security_schemes={
                BEARER: SecurityScheme(type="http", scheme="bearer", description="An API key from `tally keys create`")
            }
        ),
    )


def problems_of(path: str, method: str, opt: dict[str, Any]) -> set[int]:
    """The problem statuses one operation can answer (see the module docstring)."""
    statuses = {400, 422, 503, *opt.get("problems", ())}
    if not opt.get("public"):
        statuses |= {401, 429}
    if "{" in path:
        statuses.add(404)
    if method != "get":
        statuses.add(413)
    return statuses


def _schema_of(struct: type, schemas: dict[str, Any]) -> dict[str, Any]:
    (ref,), components = msgspec.json.schema_components([struct], ref_template="#/components/schemas/{name}")
    schemas.update(components)
    return ref


# The document depends on the route table alone, which is the same for every app this process builds (one per
# API process in production, one per test in the suite, where building it was half of creating an app).
_COMPLETED: dict[frozenset[tuple[str, str]], tuple[OpenAPI, dict[tuple[str, str], frozenset[str]]]] = {}


def _operations(app: Litestar) -> Iterator[tuple[str, str, HTTPRouteHandler]]:
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            for handler in route.route_handlers:
                for method in sorted(m.lower() for m in handler.http_methods):
                    yield route.path_format, method, handler


def complete(app: Litestar) -> None:
    """Adds what the handlers' signatures cannot say to the app's OpenAPI document, once, before it is served;
    and tells each handler the query parameters it documents (interfaces/http/query_check.py)."""
    key = frozenset((path, method) for path, method, _ in _operations(app))
    if key not in _COMPLETED:
        _COMPLETED[key] = _completed(app)
    openapi, known = _COMPLETED[key]
    # Litestar builds the document on first use and keeps it in its plugin; the one already built is given.
    app.plugins.get(OpenAPIPlugin)._openapi = openapi
    for path, method, handler in _operations(app):
        if (path, method) in known:
            handler.opt[KNOWN_QUERY] = known[path, method]


def _completed(app: Litestar) -> tuple[OpenAPI, dict[tuple[str, str], frozenset[str]]]:
    openapi = app.openapi_schema
    schemas: dict[str, Any] = {}
    known: dict[tuple[str, str], frozenset[str]] = {}
    problem = {"content": {PROBLEM: {"schema": _schema_of(Problem, schemas)}}}
    for path, method, handler in _operations(app):
        if path not in (openapi.paths or {}):
            continue
        item = openapi.paths[path]  # type: ignore[index]
        operation = getattr(item, method, None) if method in _METHODS else None
        if operation is None or not handler.include_in_schema:
            continue
        if "body" in handler.opt:
            operation.request_body = {
                "required": True,
                "content": {"application/json": {"schema": _schema_of(handler.opt["body"], schemas)}},
            }
        if handler.opt.get("public"):
            operation.security = []
        elif handler.opt.get("optional_key"):
            operation.security = [{}, {BEARER: []}]
        if handler.operation_id in LOCALE_OPERATIONS:
            operation.parameters = [*(operation.parameters or ()), LOCALE]
        known[path, method] = frozenset(
            p.name for p in operation.parameters or () if getattr(p, "param_in", None) == "query"
        )
        for status in sorted(problems_of(path, method, handler.opt)):
            operation.responses[str(status)] = {"description": _STATUS_TEXT.get(status, "Problem"), **problem}
    components = openapi.components
    components.schemas = {**(components.schemas or {}), **schemas}
    return openapi, known
