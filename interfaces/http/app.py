"""The Litestar application: one controller per resource, and the dashboard."""

from __future__ import annotations

import threading
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
from interfaces.http.queries.health import ready_lag_s
from interfaces.http.queries.metrics import metrics
from interfaces.http.query_check import QueryCheck
from interfaces.http.request_check import RequestCheck
from interfaces.observability import tracing
from interfaces.observability.metrics import sample_pools, scrape_registry, setting
from interfaces.observability.requests import Observed
from interfaces.portal.router import portal_router
from interfaces.portal.tokens import portal_key
from interfaces.resources.access import ConsumeTurns
from interfaces.resources.freshness import PositionWatch
from projections.engine.registry import PROJECTIONS
from projections.reads.queries import Queries

MAX_BODY = 1024 * 1024


def create_app(tally: Tally, secret: bytes | None = None) -> Litestar:
    """`secret` encrypts dashboard sessions; without one, sessions last as long as the process."""
    return bind(build_app(secret), tally)


def build_app(secret: bytes | None = None) -> Litestar:
    """The routes, middleware and hooks, with no store yet: registering some 250 operations takes a tenth of a
    second, so an app is built once per process and `bind` gives it its store (the suite binds one per test)."""
    metrics_setting = setting()
    secret = secret or session_secret()
    app = Litestar(
        route_handlers=[
            *CONTROLLERS,
            dashboard_router(),
            portal_router(),
            *([metrics] if metrics_setting.on and metrics_setting.port is None else []),
        ],
        middleware=[RequestCheck(), QueryCheck(), database_deadline, session_middleware(secret)],
        template_config=template_config(),
        dependencies=DEPENDENCIES,
        exception_handlers=problems.HANDLERS,
        before_send=[security_headers],
        request_max_body_size=MAX_BODY,
        # tally's logging set-up governs (interfaces/observability/logs.py); Litestar's own would replace it
        # in each API process uvicorn starts, in another form.
        logging_config=None,
        openapi_config=openapi_config(),
        on_startup=[_started],
        on_shutdown=[_stopped],
    )
    app.state.portal_key = portal_key(secret)
    complete(app)
    # Outside the routes (as Litestar's own OpenTelemetry plugin is), so it sees every answer, the router's
    # 404 too, and the route template the router found.
    app.asgi_handler = Observed(app.asgi_handler, tracing.from_env())
    return app


def bind(app: Litestar, tally: Tally) -> Litestar:
    """The app serves `tally` from its next start: what handlers are given lives in its state."""
    reads = query_datastore(tally)
    queries = Queries(reads, tally.store.schema, tally.store.events_table)
    app.state.update(
        {
            "tally": tally,
            "reads": reads,
            "queries": queries,
            # Read-your-writes waits watch where the queries read: the replica's positions when they read one.
            "position_watch": PositionWatch(queries.positions, list(PROJECTIONS)),
            "key_guessing": KeyGuessing.from_env(),
            "ready_lag_s": ready_lag_s(),
            "metrics_registry": scrape_registry(queries.vitals),
            "stopping": threading.Event(),
            "consume_turns": ConsumeTurns(),
        }
    )
    return app


def _started(app: Litestar) -> None:
    state = app.state
    pools = {"primary": state.tally.store.datastore, **({"read": state.reads} if _own_reads(state) else {})}
    sample_pools("api", pools, state.stopping)


def _stopped(app: Litestar) -> None:
    state = app.state
    state.stopping.set()
    state.tally.close()
    if _own_reads(state):
        state.reads.close()


def _own_reads(state: State) -> bool:
    """Whether the queries read through a datastore of their own (a read replica's)."""
    return state.reads is not state.tally.store.datastore


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document, which depends on the routes alone: no store is needed to build it
    (the fuzz tests collect their operations from it before any database exists)."""
    routes = Litestar(route_handlers=CONTROLLERS, dependencies=DEPENDENCIES, openapi_config=openapi_config())
    complete(routes)
    # Through JSON, as the app serves it: constraints held as Decimal become numbers.
    return decode_json(encode_json(routes.openapi_schema.to_schema()))
