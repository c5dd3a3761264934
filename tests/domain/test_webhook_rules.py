"""Webhook endpoints and alerts: what the domain accepts, refuses, and records."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from domain.alert import Alert, crossed
from domain.alert_trigger import trigger_id
from domain.errors import Invalid
from domain.webhook_endpoint import (
    WebhookEndpoint,
    endpoint_faults,
    private_address,
    url_faults,
)

BUSINESS = uuid.uuid4()


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/x",
        "example.com",
        "http://",
        "http://user:pw@example.com/",
        "http://example.com:0/",
        "http://exa mple.com:99999/",
        "",
        "http://a/\x00",
    ],
)
def test_a_target_must_be_an_http_url_with_a_host(url):
    assert url_faults(url)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "fc00::1",
    ],
)
def test_loopback_private_and_link_local_addresses_are_private(address):
    assert private_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])
def test_global_addresses_are_not_private(address):
    assert not private_address(address)


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
