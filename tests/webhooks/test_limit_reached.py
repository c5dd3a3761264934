"""A usage limit reached sends usage.limit_reached once per cycle, within a round of the limit job after the
event that reached it; credits spent without overage send credit.balance_exhausted (docs/access.md)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.cli.processes import eventually
from tests.interfaces.billing_helpers import created, meter, product, send, subscribe

WAIT_S = 30


def now_minute() -> datetime:
    return datetime.now(timezone.utc).replace(second=0, microsecond=0)


def clock() -> datetime:
    return datetime.now(timezone.utc)


def test_a_notify_limit_sends_usage_limit_reached_once_a_cycle(
    client, auth, receiver, sender, make_customer, tally, worker
):
    customer = make_customer("cus_n")
    calls = meter(client, auth, "api.call")
    price = {"meter_id": calls, "unit_price": "0.01", "usage_limit": "5", "limit_behavior": "notify"}
    subscribe(client, auth, customer, product(client, auth, price, billing_interval="month")["id"], now_minute())
    hook = {"url": receiver.url("/limits"), "filter_types": ["usage.limit_reached"]}
    assert client.post("/webhooks", json=hook, headers=auth).status_code == 201
    job = tally.limits.limit_job(clock, interval=0)
    worker.caught_up()
    assert not job()  # the first round only notes where usage stands
    send(client, auth, customer, "api.call", 4, now_minute(), "a")
    worker.caught_up()
    assert not job()  # 4 of 5
    send(client, auth, customer, "api.call", 2, now_minute(), "b")
    worker.caught_up()
    assert job()
    send(client, auth, customer, "api.call", 3, now_minute(), "c")
    worker.caught_up()
    assert not job()  # past it again in the same cycle: no second webhook

    got = eventually(lambda: receiver.answered("/limits"), WAIT_S, "usage.limit_reached delivered")
    worker.caught_up()
    assert len(receiver.at("/limits")) == 1
    data = json.loads(got[0].body)["data"]
    assert (data["customer_id"], data["meter_id"], data["limit"], data["used"], data["limit_behavior"]) == (
        customer,
        calls,
        "5",
        "6",
        "notify",
    )


def test_credits_spent_without_overage_send_credit_balance_exhausted(
    client, auth, receiver, sender, make_customer, tally, worker
):
    customer = make_customer("cus_c")
    calls = meter(client, auth, "api.call")
    entitlement = created(
        client.post(
            "/credit-entitlements",
            json={"name": "API credits", "unit": "credits", "precision": 2, "overage_enabled": False},
            headers=auth,
        )
    )["id"]
    price = {
        "meter_id": calls,
        "unit_price": "0",
        "credit_entitlement_id": entitlement,
        "meter_units_per_credit": "10",
    }
    attach = [{"credit_entitlement_id": entitlement, "credits_amount": "1"}]
    plan = product(client, auth, price, billing_interval="month", credit_entitlements=attach)
    subscribe(client, auth, customer, plan["id"], now_minute())
    hook = {"url": receiver.url("/spent"), "filter_types": ["credit.balance_exhausted"]}
    assert client.post("/webhooks", json=hook, headers=auth).status_code == 201
    job = tally.limits.limit_job(clock, interval=0)
    worker.caught_up()
    job()
    send(client, auth, customer, "api.call", 10, now_minute(), "a")
    worker.caught_up()
    assert job()

    got = eventually(lambda: receiver.answered("/spent"), WAIT_S, "credit.balance_exhausted delivered")
    data = json.loads(got[0].body)["data"]
    assert (data["kind"], data["credit_entitlement_id"], data["limit"], data["used"]) == (
        "credits_exhausted",
        entitlement,
        "10",
        "10",
    )
