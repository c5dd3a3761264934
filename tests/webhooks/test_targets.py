"""Webhook targets end to end: odd URLs refused at the door, names resolved once at send time and the
connection pinned to the checked address, every failure a counted attempt told by its class alone."""

from __future__ import annotations

import socket
import threading

import pytest

from domain.webhook_endpoint import WebhookEndpoint
from interfaces.webhook_http import (
    CONNECTION_FAILED,
    DNS_FAILED,
    HTTP_STATUS,
    INVALID_TARGET,
    REFUSED_TARGET,
    SEND_FAILED,
)
from tests.cli.processes import eventually, free_port
from tests.webhooks.conftest import QUICK_RETRIES
from tests.webhooks.test_delivery import WAIT_S, create, grant

ATTEMPTS = len(QUICK_RETRIES) + 1
# What the door refused nothing of before: encoded hosts the HTTP client decoded, IPv6 forms carrying
# 127.0.0.1, and a space in the host that made the HTTP client raise inside the sender.
BYPASSES = [
    "http://127%2e0%2e0%2e1:{port}/p1",
    "http://%6c%6f%63%61%6c%68%6f%73%74:{port}/p2",
    "http://%31%32%37.0.0.1:{port}/p3",
    "http://[::127.0.0.1]:{port}/p4",
    "http://[::ffff:0:127.0.0.1]:{port}/p5",
    "http://[64:ff9b::127.0.0.1]:{port}/p6",
    "http://127.0.0.1 :{port}/p7",
]


class Resolver:
    """Stands in for DNS: `answers` per name, every lookup counted; a name without an answer fails."""

    def __init__(self, answers: dict[str, list[str]] | None = None, raising: Exception | None = None) -> None:
        self.answers = answers or {}
        self.raising = raising
        self.lookups: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, name: str, port: int) -> list[str]:
        with self.lock:
            self.lookups.append(name)
        if self.raising is not None:
            raise self.raising
        if name not in self.answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.answers[name]


def deliveries(client, auth, webhook_id, status=None):
    query = f"?status={status}" if status else ""
    return client.get(f"/webhooks/{webhook_id}/deliveries{query}", headers=auth).json()["items"]


def failed_delivery(client, auth, webhook_id):
    return eventually(
        lambda: (deliveries(client, auth, webhook_id, "failed") or [None])[0], WAIT_S, "the delivery failed"
    )


@pytest.mark.parametrize("url", BYPASSES)
def test_encoded_odd_and_malformed_hosts_are_refused_at_creation(client, auth, receiver, url):
    r = client.post("/webhooks", json={"url": url.format(port=receiver.port)}, headers=auth)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] in ("invalid_webhook", "private_target")
    assert client.get("/webhooks", headers=auth).json()["data"] == []


def test_a_url_that_is_not_canonical_is_refused_even_where_private_targets_are_allowed(
    client, auth, receiver, private_targets
):
    r = client.post("/webhooks", json={"url": f"http://127%2e0%2e0%2e1:{receiver.port}/x"}, headers=auth)
    assert r.status_code == 422 and r.json()["code"] == "invalid_webhook", r.text
    assert r.json()["errors"][0]["field"] == "url"
    webhook_id = create(client, auth, f"HTTP://127.0.0.1:{receiver.port}")
    assert client.get(f"/webhooks/{webhook_id}", headers=auth).json()["url"] == f"http://127.0.0.1:{receiver.port}/"


def test_a_name_is_accepted_without_resolving_it_and_a_patch_to_an_encoded_host_is_refused(client, auth, receiver):
    webhook_id = create(client, auth, "https://hooks.example.com/ok")
    create(client, auth, "https://no-such-host.invalid/hook")
    r = client.patch(
        f"/webhooks/{webhook_id}", json={"url": f"http://127%2e0%2e0%2e1:{receiver.port}/patched"}, headers=auth
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_webhook", r.text
    r = client.patch(f"/webhooks/{webhook_id}", json={"url": f"http://[::127.0.0.1]:{receiver.port}/x"}, headers=auth)
    assert r.status_code == 422 and r.json()["code"] == "private_target", r.text
    assert client.get(f"/webhooks/{webhook_id}", headers=auth).json()["url"] == "https://hooks.example.com/ok"


def test_a_name_that_resolves_to_a_private_address_at_send_time_is_a_failed_attempt_and_gets_nothing(
    client, auth, receiver, start_sender, make_customer
):
    dns = Resolver({"hooks.example.com": ["93.184.216.34", "127.0.0.1"]})
    start_sender(allow_private=False, resolve=dns)
    webhook_id = create(client, auth, f"http://hooks.example.com:{receiver.port}/rebound")
    grant(client, auth, make_customer("cus_rebound"))
    delivery = failed_delivery(client, auth, webhook_id)
    assert delivery["attempts"] == ATTEMPTS and delivery["last_error"] == REFUSED_TARGET
    assert delivery["last_response_code"] is None and receiver.at("/rebound") == []
    assert dns.lookups == ["hooks.example.com"] * ATTEMPTS


def test_a_failed_lookup_is_a_failed_attempt_never_a_pass(client, auth, receiver, start_sender, make_customer):
    start_sender(allow_private=False, resolve=Resolver())
    webhook_id = create(client, auth, f"http://hooks.example.com:{receiver.port}/unresolved")
    grant(client, auth, make_customer("cus_nxdomain"))
    delivery = failed_delivery(client, auth, webhook_id)
    assert delivery["attempts"] == ATTEMPTS and delivery["last_error"] == DNS_FAILED
    assert receiver.at("/unresolved") == []


def test_the_connection_goes_to_the_address_resolved_once_and_the_host_header_keeps_the_name(
    client, auth, receiver, private_targets, start_sender, make_customer
):
    dns = Resolver({"receiver.test": ["127.0.0.1"]})
    start_sender(allow_private=True, resolve=dns)
    create(client, auth, f"http://receiver.test:{receiver.port}/pinned")
    grant(client, auth, make_customer("cus_pinned"))
    (got,) = eventually(lambda: receiver.answered("/pinned"), WAIT_S, "delivered to the resolved address")
    assert got.headers["host"] == f"receiver.test:{receiver.port}" and dns.lookups == ["receiver.test"]


def test_an_exception_inside_a_send_is_a_counted_attempt_and_the_delivery_ends_failed(
    client, auth, receiver, start_sender, make_customer
):
    start_sender(allow_private=False, resolve=Resolver(raising=RuntimeError("a bug in a send")))
    webhook_id = create(client, auth, "https://hooks.example.com/raises")
    grant(client, auth, make_customer("cus_raises"))
    delivery = failed_delivery(client, auth, webhook_id)
    assert delivery["attempts"] == ATTEMPTS and delivery["last_error"] == SEND_FAILED


def test_an_endpoint_stored_before_the_url_rule_fails_its_attempts_and_ends_failed(
    client, auth, receiver, tally, business, start_sender, make_customer
):
    """As an endpoint created before URLs were checked this way: its URL is in its Created event as given."""
    old = WebhookEndpoint(
        business_id=business,
        url=f"http://127.0.0.1 :{receiver.port}/spaced",
        description="",
        disabled=False,
        filter_types=[],
        headers={},
        metadata={},
        rate_limit=None,
        secret="whsec_" + "A" * 32,
        idempotency_key=None,
    )
    tally.store.save(old)
    start_sender(allow_private=True)
    grant(client, auth, make_customer("cus_spaced"))
    delivery = failed_delivery(client, auth, str(old.id))
    assert delivery["attempts"] == ATTEMPTS and delivery["last_error"] == INVALID_TARGET
    assert receiver.requests == []


def test_delivery_errors_name_a_class_never_the_socket_text(
    client, auth, receiver, private_targets, sender, make_customer
):
    receiver.script["/moved"] = [307] * ATTEMPTS
    moved = create(client, auth, receiver.url("/moved"))
    closed = create(client, auth, f"http://127.0.0.1:{free_port()}/closed")
    grant(client, auth, make_customer("cus_errors"))
    answered = failed_delivery(client, auth, moved)
    assert answered["last_error"] == HTTP_STATUS and answered["last_response_code"] == 307
    unanswered = failed_delivery(client, auth, closed)
    assert unanswered["last_error"] == CONNECTION_FAILED and unanswered["last_response_code"] is None
