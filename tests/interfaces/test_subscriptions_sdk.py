"""Dodo's SDK in strict mode drives products and subscriptions: a usage_based_price product (fixed price and
price per unit in minor units), a subscription, the upcoming invoice, the plan change, its preview, the usage
history and cancel at the next billing date (docs/subscriptions.md)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from tests.interfaces.helpers import ingest


def price(meter: str, fixed: int, unit: str, free: int) -> dict:
    return {
        "type": "usage_based_price",
        "currency": "USD",
        "fixed_price": fixed,
        "payment_frequency_count": 1,
        "payment_frequency_interval": "Month",
        "subscription_period_count": 20,
        "subscription_period_interval": "Year",
        "tax_inclusive": False,
        "meters": [{"meter_id": meter, "price_per_unit": unit, "free_threshold": free}],
    }


def test_a_usage_based_product_and_its_subscription_through_the_sdk(strict_sdk, client, auth):
    sdk = strict_sdk
    meter = sdk.meters.create(
        name="calls", event_name="sdk.call", measurement_unit="calls", aggregation={"type": "count"}
    ).id
    basic = sdk.products.create(name="Basic", price=price(meter, 3000, "2", 1000), tax_category="saas")
    pro = sdk.products.create(name="Pro", price=price(meter, 6000, "1", 5000), tax_category="saas")
    assert basic.price.type == "usage_based_price" and basic.price.fixed_price == 3000
    assert [(m.meter_id, m.price_per_unit, m.free_threshold) for m in basic.price.meters] == [(meter, "2", 1000)]
    assert sdk.products.retrieve(basic.product_id).name == "Basic"
    assert {basic.product_id, pro.product_id} <= {p.product_id for p in sdk.products.list(page_size=100).items}
    sdk.products.update(pro.product_id, description="Pro plan")
    assert sdk.products.retrieve(pro.product_id).description == "Pro plan"

    customer = sdk.customers.create(email="sdk@example.com", name="SDK").customer_id
    with pytest.deprecated_call():  # Dodo steers new integrations to checkout sessions; the call still works
        created = sdk.subscriptions.create(
            billing={"country": "US"}, customer={"customer_id": customer}, product_id=basic.product_id, quantity=1
        )
    sub = created.subscription_id
    events = [{"event_id": f"e-{i}", "customer_id": customer, "event_name": "sdk.call"} for i in range(1000)]
    position = 0
    for n in range(3):
        batch = [dict(e, event_id=f"{e['event_id']}-{n}") for e in events[: 500 if n == 2 else 1000]]
        position = ingest(client, auth, *batch).json()["position"]
    upcoming = client.get(f"/customers/{customer}/usage", params={"min_position": position}, headers=auth).json()
    assert upcoming["total"] == "60.00"

    got = sdk.subscriptions.retrieve(sub)
    assert (got.product_id, got.status, got.quantity) == (basic.product_id, "active", 1)
    assert [s.subscription_id for s in sdk.subscriptions.list(customer_id=customer).items] == [sub]
    later = got.next_billing_date + timedelta(days=3)
    assert sdk.subscriptions.update(sub, next_billing_date=later).next_billing_date == later
    preview = sdk.subscriptions.preview_change_plan(
        sub, product_id=pro.product_id, proration_billing_mode="prorated_immediately", quantity=1
    )
    assert preview.new_plan.product_id == pro.product_id
    assert sdk.subscriptions.retrieve(sub).product_id == basic.product_id
    sdk.subscriptions.change_plan(
        sub, product_id=pro.product_id, proration_billing_mode="prorated_immediately", quantity=1
    )
    assert sdk.subscriptions.retrieve(sub).product_id == pro.product_id
    history = sdk.subscriptions.retrieve_usage_history(sub).items
    assert history and history[0].meters[0].consumed_units in ("2500", "0")
    assert sdk.subscriptions.update(sub, cancel_at_next_billing_date=True).cancel_at_next_billing_date is True
    assert sdk.subscriptions.retrieve_credit_usage(sub).items == []


def test_add_ons_through_the_sdk_attach_to_a_subscription_and_bill_a_line_each(strict_sdk, client, auth):
    sdk = strict_sdk
    support = sdk.addons.create(currency="USD", name="Support", price=500, tax_category="saas")
    assert (support.price, support.currency, support.description) == (500, "USD", None)
    updated = sdk.addons.update(support.id, description="Priority", price=750)
    assert (updated.price, updated.description) == (750, "Priority")
    assert sdk.addons.retrieve(support.id).name == "Support"
    assert support.id in [a.id for a in sdk.addons.list(page_size=100).items]
    assert sdk.addons.list(archived=True).items == []

    basic = sdk.products.create(
        name="Basic",
        price=price(
            sdk.meters.create(
                name="calls", event_name="addon.call", measurement_unit="calls", aggregation={"type": "count"}
            ).id,
            3000,
            "2",
            1000,
        ),
        tax_category="saas",
    )
    pro = sdk.products.create(
        name="Pro", price=price(basic.price.meters[0].meter_id, 6000, "1", 5000), tax_category="saas"
    )
    customer = sdk.customers.create(email="addon@example.com", name="Add-on").customer_id
    with pytest.deprecated_call():
        created = sdk.subscriptions.create(
            billing={"country": "US"},
            customer={"customer_id": customer},
            product_id=basic.product_id,
            quantity=1,
            addons=[{"addon_id": support.id, "quantity": 2}],
            extra_body={"start": (datetime.now(timezone.utc) - timedelta(days=1)).isoformat()},  # tally's extension
        )
    assert [(a.addon_id, a.quantity) for a in created.addons] == [(support.id, 2)]
    got = sdk.subscriptions.retrieve(created.subscription_id)
    assert [(a.addon_id, a.quantity) for a in got.addons] == [(support.id, 2)]
    assert got.recurring_pre_tax_amount == 3000 + 2 * 750
    upcoming = client.get(f"/customers/{customer}/usage", headers=auth).json()
    assert upcoming["total"] == "45.00" and upcoming["lines"][-1]["meter_id"] == f"addon:{support.id}"

    preview = sdk.subscriptions.preview_change_plan(
        created.subscription_id,
        product_id=pro.product_id,
        proration_billing_mode="difference_immediately",
        quantity=1,
        addons=[{"addon_id": support.id, "quantity": 3}],
    )
    assert preview.immediate_charge.summary.total_amount == 3000 + 750  # (6000 + 3 x 750) - (3000 + 2 x 750)
    sdk.subscriptions.change_plan(
        created.subscription_id,
        product_id=pro.product_id,
        proration_billing_mode="do_not_bill",
        quantity=1,
        addons=[{"addon_id": support.id, "quantity": 3}],
    )
    assert [(a.addon_id, a.quantity) for a in sdk.subscriptions.retrieve(created.subscription_id).addons] == [
        (support.id, 3)
    ]


def test_add_on_refusals_are_problems(client, auth):
    euro = client.post(
        "/addons", json={"currency": "EUR", "name": "E", "price": 100, "tax_category": "saas"}, headers=auth
    )
    assert euro.status_code == 201, euro.text
    plan = {"name": "p", "currency": "USD", "billing_interval": "month"}
    product = client.post("/products", json=plan, headers=auth).json()["id"]
    customer = client.post("/customers", json={"customer_id": "cus_addons"}, headers=auth).json()["customer_id"]
    bodies = [
        [{"addon_id": euro.json()["id"], "quantity": 1}],  # currency mismatch
        [{"addon_id": "nope", "quantity": 1}],
        [{"addon_id": str(uuid.uuid4()), "quantity": 1}],
        [{"addon_id": euro.json()["id"], "quantity": 0}],
    ]
    for addons in bodies:
        body = {"customer_id": customer, "product_id": product, "addons": addons}
        r = client.post("/subscriptions", json=body, headers=auth)
        assert (r.status_code, r.headers["content-type"]) == (422, "application/problem+json"), r.text
    bad = [
        ("post", "/addons", {"currency": "USD", "name": "x", "price": -1, "tax_category": "saas"}, 422),
        ("post", "/addons", {"currency": "XXX", "name": "x", "price": 1, "tax_category": "saas"}, 422),
        ("patch", f"/addons/{euro.json()['id']}", {"currency": "USD"}, 422),
        ("patch", f"/addons/{euro.json()['id']}", {"image_id": "img"}, 422),
        ("get", f"/addons/{uuid.uuid4()}", None, 404),
    ]
    for method, path, body, status in bad:
        r = client.request(method.upper(), path, json=body, headers=auth)
        assert r.status_code == status, (path, body, r.text)
    assert client.get(f"/addons/{euro.json()['id']}", headers=auth).json()["currency"] == "EUR"
