"""Dodo's SDK in strict mode drives products and subscriptions: a usage_based_price product (fixed price and
price per unit in minor units), a subscription, the upcoming invoice, the plan change, its preview, the usage
history and cancel at the next billing date (docs/subscriptions.md)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dodopayments import DodoPayments
from litestar.testing import TestClient

from tests.interfaces.helpers import ingest


@pytest.fixture
def strict_sdk(client: TestClient, key: str) -> DodoPayments:
    """Not closed here: it closes the http client it was given, which the `client` fixture owns."""
    return DodoPayments(
        bearer_token=key,
        base_url=str(client.base_url),
        http_client=client,
        max_retries=0,
        _strict_response_validation=True,
    )


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
