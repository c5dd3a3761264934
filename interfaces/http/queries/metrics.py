"""`GET /metrics`: Prometheus' text format, without a key (it names no business, customer or key), unless
TALLY_METRICS turns it off or moves it to a port of its own (interfaces/observability/metrics.py)."""

from __future__ import annotations

from litestar import Response, get
from litestar.datastructures import State

from interfaces.observability.metrics import exposition


@get("/metrics", include_in_schema=False, sync_to_thread=True)
def metrics(state: State) -> Response[bytes]:
    body, content_type = exposition(state.metrics_registry)
    return Response(body, media_type=content_type)
