"""With OpenTelemetry set up, tally makes spans for HTTP requests (named by route template), ingest
batches, projection pages and cycle closes; without it, none."""

from datetime import timedelta

import pytest
from litestar.testing import TestClient
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from interfaces.http.app import create_app
from interfaces.observability import metrics, tracing
from projections.engine.registry import all_projections
from projections.engine.worker import Worker
from tests.application.helpers import JAN1, daily_product, subscribe
from tests.interfaces.helpers import event, ingest


@pytest.fixture
def exported(monkeypatch):
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    spans = tracing.Spans(provider.get_tracer("test"))
    monkeypatch.setattr(tracing, "_process_spans", spans)
    return lambda: {s.name: s for s in exporter.get_finished_spans()}


def test_requests_ingest_batches_projection_pages_and_closes_are_spans(tally, key, make_customer, exported):
    make_customer("cus_abc")
    auth = {"Authorization": f"Bearer {key}"}
    with TestClient(create_app(tally)) as client:
        assert ingest(client, auth, event("e1"), event("e2")).status_code == 200
        worker = Worker(tally.store, all_projections(tally.store.schema), span=tracing.from_env().span)
        worker.setup()
        worker.run_once()
    spans = exported()
    request = spans["POST /events/ingest"]
    assert request.attributes["http.route"] == "/events/ingest"
    assert request.attributes["http.response.status_code"] == 200
    batch = spans["ingest"]
    assert batch.attributes["tally.ingested"] == 2 and batch.parent.span_id == request.context.span_id
    assert spans["projection page"].attributes["tally.events"] >= 2


def test_closing_a_subscriptions_cycles_is_a_span_and_counted(tally, exported, business, make_customer, worker):
    closed = metrics.instruments().cycles_closed
    before = closed._value.get()
    subscription = subscribe(tally, business, make_customer("cus_abc"), daily_product(tally, business, fixed="1"), JAN1)
    worker.caught_up()
    assert len(tally.billing.close_cycles(business, subscription, JAN1 + timedelta(days=3))) == 3
    span = exported()["close cycles"]
    assert span.attributes["tally.subscription_id"] == str(subscription)
    assert closed._value.get() - before == 3


def test_without_an_endpoint_there_are_no_spans(monkeypatch):
    monkeypatch.delenv(tracing.ENDPOINT_ENV, raising=False)
    monkeypatch.setattr(tracing, "_process_spans", None)
    assert tracing.from_env().tracer is None
