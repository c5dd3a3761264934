"""Webhook endpoints and alerts: what the domain accepts, refuses, and records."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from domain.alert import Alert, crossed
from domain.alert_trigger import trigger_id
from domain.errors import Invalid
from domain.webhook_endpoint import WebhookEndpoint, endpoint_faults, url_faults

BUSINESS = uuid.uuid4()


def test_an_endpoint_refuses_a_url_not_in_canonical_form_and_stores_the_canonical_one():
    assert url_faults("http://127%2e0%2e0%2e1:8080/x")[0].field == "url"
    endpoint = WebhookEndpoint.register(BUSINESS, {"url": "HTTPS://Hooks.Example.com:443/h"}, "whsec_x")
    assert endpoint.url == "https://hooks.example.com/h"
    endpoint.update({"url": "https://hooks.example.com:443/h"})
    assert endpoint.collect_events()[1:] == []
    endpoint.update({"url": "https://bücher.example/h"})
    assert endpoint.url == "https://xn--bcher-kva.example/h"
    with pytest.raises(Invalid) as refused:
        endpoint.update({"url": "http://%6c%6f%63%61%6c%68%6f%73%74:8080/x"})
    assert refused.value.code == "invalid_webhook"


def test_unknown_event_types_and_signature_headers_are_refused():
    faults = endpoint_faults(
        {
            "url": "https://example.com/h",
            "filter_types": ["credit.added", "nope"],
            "headers": {"Webhook-Signature": "x"},
            "rate_limit": 0,
        }
    )
    assert {f.field for f in faults} == {"filter_types[1]", "headers.Webhook-Signature", "rate_limit"}


def test_an_update_records_only_what_changes():
    endpoint = WebhookEndpoint.register(BUSINESS, {"url": "https://example.com/h", "description": "a"}, "whsec_x")
    endpoint.update({"description": "a", "url": None, "disabled": True})
    (event,) = endpoint.collect_events()[1:]
    assert event.changes == {"disabled": True} and endpoint.description == "a"
    with pytest.raises(Invalid):
        endpoint.update({"url": "gopher://example.com"})


def test_a_usage_alert_needs_a_meter_and_a_positive_threshold():
    with pytest.raises(Invalid) as refused:
        Alert.define(BUSINESS, None, None, Decimal(0), "usage")
    assert {f.field for f in refused.value.errors} == {"meter_id", "threshold"}
    with pytest.raises(Invalid):
        Alert.define(BUSINESS, None, "m", Decimal(1), "credits")


def test_credits_alerts_cross_under_the_threshold_and_usage_alerts_at_or_over_it():
    assert crossed("credits", Decimal(5), Decimal("4.99")) and not crossed("credits", Decimal(5), Decimal(5))
    assert crossed("usage", Decimal(5), Decimal(5)) and crossed("spend", Decimal(5), Decimal(6))
    assert not crossed("usage", Decimal(5), Decimal("4.99"))


def test_a_trigger_id_is_one_per_alert_customer_and_period():
    alert = uuid.uuid4()
    assert trigger_id(alert, "c", "p1") == trigger_id(alert, "c", "p1")
    assert len({trigger_id(alert, "c", "p1"), trigger_id(alert, "c", "p2"), trigger_id(alert, "d", "p1")}) == 3
