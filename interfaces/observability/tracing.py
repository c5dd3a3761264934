"""OpenTelemetry traces, when an operator asks for them: with OTEL_EXPORTER_OTLP_ENDPOINT set and the
`otel` extra installed (`pip install 'tally[otel]'`), every process sends spans for HTTP requests, ingest
batches, projection pages and cycle closes to that endpoint (OTLP over HTTP; the exporter reads the other
OTEL_* settings itself). Otherwise spans cost a `with` and nothing else."""

from __future__ import annotations

import atexit
import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

log = logging.getLogger("tally.tracing")

ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_ENDPOINT"
SERVICE = "tally"

Attributes = Mapping[str, str | int | float | bool]


class Span:
    """What code inside a span may add to it once it knows more (the route the router found)."""

    def __init__(self, span: Any = None) -> None:
        self.span = span

    def name(self, name: str) -> None:
        if self.span is not None:
            self.span.update_name(name)

    def attributes(self, attributes: Attributes) -> None:
        if self.span is not None:
            self.span.set_attributes(dict(attributes))


class Spans:
    """Spans on `tracer` (an OpenTelemetry Tracer); none without one."""

    def __init__(self, tracer: Any = None) -> None:
        self.tracer = tracer

    @contextmanager
    def span(self, name: str, attributes: Attributes | None = None) -> Iterator[Span]:
        if self.tracer is None:
            yield Span()
            return
        with self.tracer.start_as_current_span(name, attributes=dict(attributes or {})) as span:
            yield Span(span)


_process_spans: Spans | None = None


def from_env() -> Spans:
    """This process's spans: exported to OTEL_EXPORTER_OTLP_ENDPOINT when it is set, else none. Made once
    per process (one exporter and its batching thread)."""
    global _process_spans
    if _process_spans is None:
        _process_spans = Spans(_otlp_tracer() if os.environ.get(ENDPOINT_ENV) else None)
    return _process_spans


def _otlp_tracer() -> Any:
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError:
        log.warning(
            "%s is set, but OpenTelemetry is not installed (pip install 'tally[otel]'): no traces", ENDPOINT_ENV
        )
        return None
    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    atexit.register(provider.shutdown)  # sends the spans still batched
    return provider.get_tracer("tally")
