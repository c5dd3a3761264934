"""The Litestar application: one controller per resource, and the dashboard."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.datastructures import State
from litestar.serialization import decode_json, encode_json

from application.tally import Tally
from interfaces.bootstrap import query_datastore
from interfaces.dashboard.router import dashboard_router, template_config
from interfaces.dashboard.session import session_middleware, session_secret
from interfaces.http import problems
from interfaces.http.controllers import CONTROLLERS
from interfaces.http.deadline import database_deadline
from interfaces.http.dependencies import DEPENDENCIES
from interfaces.http.headers import security_headers
from interfaces.http.key_guessing import KeyGuessing
from interfaces.http.openapi import complete, openapi_config
from interfaces.http.query_check import QueryCheck
from interfaces.http.request_check import RequestCheck
from interfaces.resources.freshness import PositionWatch
from projections.engine.registry import PROJECTIONS
from projections.reads.queries import Queries

MAX_BODY = 1024 * 1024


def create_app(tally: Tally, secret: bytes | None = None) -> Litestar:
    """`secret` encrypts dashboard sessions; without one, sessions last as long as the process."""
    reads = query_datastore(tally)
    queries = Queries(reads, tally.store.schema, tally.store.events_table)
    # Read-your-writes waits watch where the queries read: the replica's positions when they read one.
    watch = PositionWatch(queries.positions, list(PROJECTIONS))
    app = Litestar(
        route_handlers=[*CONTROLLERS, dashboard_router()],
        middleware=[RequestCheck(), QueryCheck(), database_deadline, session_middleware(secret or session_secret())],
        template_config=template_config(),
        dependencies=DEPENDENCIES,
        exception_handlers=problems.HANDLERS,
        before_send=[security_headers],
        state=State(
            {
                "tally": tally,
                "queries": queries,
                "position_watch": watch,
                "key_guessing": KeyGuessing.from_env(),
            }
        ),
        request_max_body_size=MAX_BODY,
        openapi_config=openapi_config(),
        on_shutdown=[tally.close, *([reads.close] if reads is not tally.store.datastore else [])],
    )
    complete(app)
    return app


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document, which depends on the routes alone: no store is needed to build it
    (the fuzz tests collect their operations from it before any database exists)."""
    routes = Litestar(route_handlers=CONTROLLERS, dependencies=DEPENDENCIES, openapi_config=openapi_config())
    complete(routes)
    # Through JSON, as the app serves it: constraints held as Decimal become numbers.
    return decode_json(encode_json(routes.openapi_schema.to_schema()))
