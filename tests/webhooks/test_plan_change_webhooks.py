"""A plan change reaches a receiver as Dodo's `subscription.plan_changed`, with tally's effective_at and mode."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from tests.cli.processes import eventually
from tests.interfaces.billing_helpers import created, iso

WAIT_S = 30


def test_a_plan_change_is_delivered_as_subscription_plan_changed(client, auth, receiver, sender, make_customer):
    r = client.post(
        "/webhooks", json={"url": receiver.url("/hook"), "filter_types": ["subscription.plan_changed"]}, headers=auth
    )
    assert r.status_code == 201, r.text
    plans = [
        created(
            client.post(
                "/products",
                json={"name": name, "currency": "USD", "billing_interval": "month", "price": price},
                headers=auth,
            )
        )["id"]
        for name, price in (("Basic", "30.00"), ("Pro", "60.00"))
    ]
    customer = make_customer("cus_hook")
    start = {"customer_id": customer, "product_id": plans[0], "start": iso(datetime(2026, 9, 1, tzinfo=timezone.utc))}
    sub = created(client.post("/subscriptions", json=start, headers=auth))["id"]
    change = {
        "product_id": plans[1],
        "proration_billing_mode": "do_not_bill",
        "quantity": 2,
        "effective_at": "2026-09-16T00:00:00Z",
    }
    assert client.post(f"/subscriptions/{sub}/change-plan", json=change, headers=auth).status_code == 200

    got = eventually(lambda: receiver.answered("/hook"), WAIT_S, "the plan change delivered")
    body = json.loads(got[0].body)
    assert body["type"] == "subscription.plan_changed"
    data = body["data"]
    assert (data["subscription_id"], data["product_id"], data["quantity"]) == (sub, plans[1], 2)
    assert (data["effective_at"], data["proration_billing_mode"]) == ("2026-09-16T00:00:00Z", "do_not_bill")


def test_a_moved_next_billing_date_is_delivered_as_subscription_updated(client, auth, receiver, sender, make_customer):
    hook = {"url": receiver.url("/moved"), "filter_types": ["subscription.updated"]}
    assert client.post("/webhooks", json=hook, headers=auth).status_code == 201
    product = {"name": "Basic", "currency": "USD", "billing_interval": "month", "price": "30.00"}
    plan = created(client.post("/products", json=product, headers=auth))["id"]
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    start = {"customer_id": make_customer("cus_moved"), "product_id": plan, "start": iso(now - timedelta(days=1))}
    sub = created(client.post("/subscriptions", json=start, headers=auth))["id"]
    later = iso(now + timedelta(days=45))
    assert client.patch(f"/subscriptions/{sub}", json={"next_billing_date": later}, headers=auth).status_code == 200

    got = eventually(lambda: receiver.answered("/moved"), WAIT_S, "the move delivered")
    body = json.loads(got[0].body)
    assert (body["type"], body["data"]["subscription_id"]) == ("subscription.updated", sub)
    assert (body["data"]["previous_billing_date"], body["data"]["next_billing_date"]) == (
        iso(now - timedelta(days=1)),
        later,
    )
