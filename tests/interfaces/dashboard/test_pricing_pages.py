"""The dashboard's discounts page, a subscription's discount and own prices, and a product's price versions with
the migration preview (docs/discounts.md, docs/price-versions.md)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from tests.interfaces.billing_helpers import close, meter, product, send, subscribe
from tests.interfaces.dashboard.test_pages_http import sign_in

SEED = {"unit_price": "0.02", "free_threshold": "1000"}


def test_a_discount_created_on_its_page_is_listed_and_a_refused_one_says_why(client: Any, key: str) -> None:
    sign_in(client, key)
    created = client.post("/dashboard/discounts", data={"code": "save20", "amount": "2000", "subscription_cycles": "2"})
    assert created.status_code == 200 and "SAVE20" in created.text and "20.0%" in created.text
    refused = client.post("/dashboard/discounts", data={"code": "BAD", "amount": "0"})
    assert refused.status_code == 422 and "basis points" in refused.text
    assert "BAD</code>" not in client.get("/dashboard/discounts").text


def test_a_subscription_redeems_a_code_and_gets_its_own_price_on_its_pricing_page(
    client: Any, auth: Any, key: str
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    plan = product(client, auth, {"meter_id": calls, **SEED})["id"]
    client.post("/discounts", json={"type": "percentage", "amount": 1000, "code": "TEN"}, headers=auth)
    client.post("/customers", json={"customer_id": "cus_d"}, headers=auth)
    sub = subscribe(client, auth, "cus_d", plan, datetime.now(timezone.utc))["id"]
    sign_in(client, key)
    assert "No discount." in client.get(f"/dashboard/subscriptions/{sub}/pricing").text
    redeemed = client.post(f"/dashboard/subscriptions/{sub}/discount", data={"discount_code": "ten"})
    assert redeemed.status_code == 200 and "TEN</span>" in redeemed.text
    unknown = client.post(f"/dashboard/subscriptions/{sub}/discount", data={"discount_code": "NOPE"})
    assert unknown.status_code == 422
    own = client.post(f"/dashboard/subscriptions/{sub}/usage-prices", data={"meter_id": calls, "unit_price": "0.01"})
    assert own.status_code == 200 and "own price: 0.01" in own.text
    page = client.get(f"/dashboard/subscriptions/{sub}/pricing").text
    assert "<code>TEN</code>" in page and 'id="overrides"' in page


def test_a_products_versions_show_and_a_migration_is_previewed_before_it_runs(client: Any, auth: Any, key: str) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    plan = product(client, auth, {"meter_id": calls, **SEED})["id"]
    client.post("/customers", json={"customer_id": "cus_v"}, headers=auth)
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, hours=1)
    sub = subscribe(client, auth, "cus_v", plan, start)["id"]
    send(client, auth, "cus_v", "api.call", 2500, start + timedelta(minutes=5), "cus_v")
    close(client, auth, sub)
    sign_in(client, key)
    changed = client.post(
        f"/dashboard/products/{plan}/usage-prices",
        data={"meter_id": calls, "unit_price": "0.03", "free_threshold": "1000", "apply_to": "new_subscriptions"},
    )
    assert changed.status_code == 200 and 'id="price-versions"' in changed.text
    preview = client.get(f"/dashboard/products/{plan}/migrations?from_version=1&to_version=2")
    assert preview.status_code == 200, preview.text
    assert all(amount in preview.text for amount in ("$30.00", "$45.00", "$15.00"))
    assert client.get(f"/subscriptions/{sub}", headers=auth).json()["price_version"] == 1
    done = client.post(f"/dashboard/products/{plan}/migrations", data={"from_version": "1", "to_version": "2"})
    assert done.status_code == 200 and "Migrated" in done.text
    assert client.get(f"/subscriptions/{sub}", headers=auth).json()["price_version"] == 2
