"""Facts reach a real receiver: signed as Standard Webhooks and Dodo's SDK verify, retried with one
webhook-id, filtered, never another business's; private targets refused unless allowed."""

from __future__ import annotations

import json
import uuid

import pytest
from dodopayments import DodoPayments
from standardwebhooks import Webhook, WebhookVerificationError

from tests.cli.processes import eventually

WAIT_S = 30


def create(client, auth, url, **fields):
    r = client.post("/webhooks", json={"url": url, **fields}, headers=auth)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def secret_of(client, auth, webhook_id):
    r = client.get(f"/webhooks/{webhook_id}/secret", headers=auth)
    assert r.status_code == 200, r.text
    return r.json()["secret"]


def grant(client, auth, customer, amount="10", key=None):
    r = client.post(
        f"/customers/{customer}/credits",
        json={"amount": amount, "idempotency_key": key or uuid.uuid4().hex},
        headers=auth,
    )
    assert r.status_code == 200, r.text


def test_a_grant_reaches_the_receiver_signed_for_standardwebhooks_and_dodos_unwrap(
    client, auth, receiver, sender, make_customer
):
    webhook_id = create(client, auth, receiver.url("/hook"), headers={"X-Tenant": "acme"})
    secret = secret_of(client, auth, webhook_id)
    grant(client, auth, make_customer("cus_sig"), "12.5")
    got = eventually(lambda: receiver.answered("/hook"), WAIT_S, "the grant delivered")[0]
    body = got.body.decode()
    assert got.headers["x-tenant"] == "acme"
    assert Webhook(secret).verify(body, got.headers)["type"] == "credit.manual_adjustment"
    event = DodoPayments(bearer_token="unused", base_url="http://127.0.0.1:1").webhooks.unwrap(
        body, headers=got.headers, key=secret
    )
    assert event.type == "credit.manual_adjustment"
    assert event.data.amount == "12.5" and event.data.balance_after == "12.5" and event.data.customer_id == "cus_sig"
    with pytest.raises(WebhookVerificationError):
        Webhook(secret_of(client, auth, create(client, auth, receiver.url("/other")))).verify(body, got.headers)


def test_a_receiver_answering_500_twice_then_200_gets_three_attempts_with_one_webhook_id(
    client, auth, receiver, sender, make_customer
):
    receiver.script["/flaky"] = [500, 500]
    webhook_id = create(client, auth, receiver.url("/flaky"))
    grant(client, auth, make_customer("cus_flaky"))
    eventually(lambda: receiver.answered("/flaky"), WAIT_S, "delivered after two failures")
    ids = {r.headers["webhook-id"] for r in receiver.at("/flaky")}
    assert [r.answered for r in receiver.at("/flaky")] == [500, 500, 200] and len(ids) == 1

    def delivered():
        items = client.get(f"/webhooks/{webhook_id}/deliveries", headers=auth).json()["items"]
        return items if items and items[0]["status"] == "delivered" else None

    (delivery,) = eventually(delivered, WAIT_S, "the delivery listed as delivered")
    assert delivery["id"] in ids and delivery["attempts"] == 3 and delivery["last_response_code"] == 200


def test_a_delivery_out_of_retries_is_failed_and_a_manual_retry_sends_it_again_with_its_id(
    client, auth, receiver, sender, make_customer
):
    receiver.script["/down"] = [503] * 6
    webhook_id = create(client, auth, receiver.url("/down"))
    grant(client, auth, make_customer("cus_down"))

    def failed():
        items = client.get(f"/webhooks/{webhook_id}/deliveries?status=failed", headers=auth).json()["items"]
        return items[0] if items else None

    delivery = eventually(failed, WAIT_S, "failed after every retry")
    assert delivery["attempts"] == 6 and delivery["last_response_code"] == 503 and delivery["next_attempt_at"] is None
    r = client.post(f"/webhooks/{webhook_id}/deliveries/{delivery['id']}/retry", headers=auth)
    assert r.status_code == 202, r.text
    eventually(lambda: receiver.answered("/down"), WAIT_S, "delivered on the manual retry")
    assert {r.headers["webhook-id"] for r in receiver.at("/down")} == {delivery["id"]}


def test_an_endpoint_that_hangs_does_not_delay_another(client, auth, receiver, sender, make_customer):
    receiver.hang("/hangs")
    create(client, auth, receiver.url("/hangs"))
    create(client, auth, receiver.url("/prompt"))
    customer = make_customer("cus_slow")
    for _ in range(sender.per_endpoint + 2):  # more than the hanging endpoint may hold in flight
        grant(client, auth, customer)
    eventually(
        lambda: len(receiver.answered("/prompt")) == sender.per_endpoint + 2,
        WAIT_S,
        "every fact delivered to the endpoint that answers",
    )
    with receiver.lock:
        hanging = len(receiver.arrivals) - len(receiver.requests)
    assert receiver.at("/hangs") == [] and hanging >= 1
    receiver.release()


def test_filter_types_are_honoured(client, auth, receiver, sender, make_customer, worker):
    invoices_only = create(client, auth, receiver.url("/invoices"), filter_types=["invoice.issued"])
    credits = create(client, auth, receiver.url("/credits"), filter_types=["credit.manual_adjustment"])
    grant(client, auth, make_customer("cus_f"))
    eventually(lambda: receiver.answered("/credits"), WAIT_S, "the endpoint that wants grants got one")
    worker.caught_up()
    assert client.get(f"/webhooks/{invoices_only}/deliveries", headers=auth).json()["items"] == []
    assert len(client.get(f"/webhooks/{credits}/deliveries", headers=auth).json()["items"]) == 1
    assert receiver.at("/invoices") == []


def test_another_business_endpoint_never_gets_this_business_facts(client, auth, receiver, sender, make_customer, tally):
    other = {"Authorization": f"Bearer {tally.businesses.create_key(f'other-{uuid.uuid4().hex[:6]}')}"}
    create(client, other, receiver.url("/theirs"))
    create(client, auth, receiver.url("/mine"))
    grant(client, auth, make_customer("cus_iso"))
    client.post("/customers", json={"customer_id": "cus_iso"}, headers=other)
    grant(client, other, "cus_iso", "1")
    eventually(lambda: receiver.answered("/mine") and receiver.answered("/theirs"), WAIT_S, "each got its own")
    mine = [json.loads(r.body) for r in receiver.at("/mine")]
    theirs = [json.loads(r.body) for r in receiver.at("/theirs")]
    assert [e["data"]["amount"] for e in mine] == ["10"] and [e["data"]["amount"] for e in theirs] == ["1"]
    assert {e["business_id"] for e in mine}.isdisjoint({e["business_id"] for e in theirs})
    foreign = client.get(
        f"/webhooks/{json.loads(client.get('/webhooks', headers=auth).text)['data'][0]['id']}", headers=other
    )
    assert foreign.status_code == 404


def test_a_private_target_is_refused_by_default(client, auth):
    for url in (
        "http://127.0.0.1:9/x",
        "http://localhost/x",
        "http://10.1.2.3/x",
        "http://169.254.169.254/latest",
        "http://[::1]/x",
    ):
        r = client.post("/webhooks", json={"url": url}, headers=auth)
        assert r.status_code == 422 and r.json()["code"] == "private_target", (url, r.text)
    r = client.post("/webhooks", json={"url": "ftp://example.com/x"}, headers=auth)
    assert r.status_code == 422 and r.json()["code"] == "invalid_webhook"


def test_endpoints_answer_dodos_webhook_details_and_pages(client, auth, private_targets):
    r = client.post(
        "/webhooks",
        json={
            "url": "http://127.0.0.1:9/a",
            "description": "d",
            "metadata": {"k": "v"},
            "filter_types": ["credit.added"],
            "rate_limit": 10,
        },
        headers=auth,
    )
    webhook = r.json()
    assert {
        "id",
        "created_at",
        "updated_at",
        "description",
        "metadata",
        "url",
        "disabled",
        "filter_types",
        "rate_limit",
    } <= set(webhook)
    again = [
        client.post("/webhooks", json={"url": "http://127.0.0.1:9/b", "idempotency_key": "k1"}, headers=auth)
        for _ in range(2)
    ]
    assert again[0].json()["id"] == again[1].json()["id"] and again[1].json()["position"] == 0
    client.delete(f"/webhooks/{again[0].json()['id']}", headers=auth)
    r = client.patch(f"/webhooks/{webhook['id']}", json={"disabled": True}, headers=auth)
    assert r.status_code == 200 and r.json()["disabled"] is True and r.json()["description"] == "d"
    page = client.get(f"/webhooks?limit=1&min_position={r.json()['position']}", headers=auth).json()
    assert page["done"] is True and [w["id"] for w in page["data"]] == [webhook["id"]]
    r = client.patch(f"/webhooks/{webhook['id']}/headers", json={"headers": {"x-shop": "1"}}, headers=auth)
    assert r.status_code == 200, r.text
    assert client.get(f"/webhooks/{webhook['id']}/headers", headers=auth).json() == {
        "headers": {"x-shop": "1"},
        "sensitive": [],
    }
    r = client.patch(f"/webhooks/{webhook['id']}/headers", json={"headers": {"Webhook-Id": "x"}}, headers=auth)
    assert r.status_code == 422 and r.json()["code"] == "invalid_webhook"
    assert client.delete(f"/webhooks/{webhook['id']}", headers=auth).status_code == 204
    assert client.get(f"/webhooks/{webhook['id']}", headers=auth).status_code == 404


def test_dodos_sdk_manages_endpoints(client, key, private_targets):
    dodo = DodoPayments(bearer_token=key, base_url=str(client.base_url), http_client=client)
    created = dodo.webhooks.create(
        url="http://127.0.0.1:9/sdk",
        description="via sdk",
        filter_types=["credit.added", "invoice.issued"],
        metadata={"team": "billing"},
    )
    assert dodo.webhooks.retrieve(created.id).filter_types == ["credit.added", "invoice.issued"]
    assert dodo.webhooks.retrieve_secret(created.id).secret.startswith("whsec_")
    updated = dodo.webhooks.update(created.id, description="renamed", disabled=True)
    assert (updated.description, updated.disabled, updated.metadata) == ("renamed", True, {"team": "billing"})
    dodo.webhooks.headers.update(created.id, headers={"x-env": "test"})
    assert dodo.webhooks.headers.retrieve(created.id).headers == {"x-env": "test"}
    listed = [w.id for w in dodo.webhooks.list(limit=10, extra_query={"min_position": private_targets.store.head()})]
    assert created.id in listed
    dodo.webhooks.delete(created.id)


def test_an_invoice_issued_then_paid_reaches_the_receiver_with_its_number(
    client, auth, receiver, sender, make_customer
):
    from tests.interfaces.billing_helpers import (
        close,
        meter,
        product,
        subscribe,
        yesterday,
    )

    create(client, auth, receiver.url("/invoices"), filter_types=["invoice.issued", "invoice.paid"])
    customer = make_customer("cus_paid")
    plan = product(client, auth, {"meter_id": meter(client, auth, "api.call"), "unit_price": "0.02"})["id"]
    [invoice] = close(client, auth, subscribe(client, auth, customer, str(plan), yesterday())["id"])
    paid = client.post(f"/invoices/{invoice['id']}/mark-paid", json={"reference": "wire-7"}, headers=auth)
    assert paid.status_code == 200, paid.text
    eventually(lambda: len(receiver.at("/invoices")) == 2, WAIT_S, "both invoice facts arrived")
    issued, settled = sorted((json.loads(r.body) for r in receiver.at("/invoices")), key=lambda e: e["timestamp"])
    assert (issued["type"], issued["data"]["number"]) == ("invoice.issued", invoice["number"])
    assert (settled["type"], settled["data"]["status"], settled["data"]["reference"]) == (
        "invoice.paid",
        "paid",
        "wire-7",
    )
    assert settled["data"]["number"] == invoice["number"] and settled["data"]["total"] == invoice["total"]
