"""The dashboard's plan change: the timeline and the form, a preview that shows what the change bills and
changes nothing, the change itself; cancel at the next billing date and its undo."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from tests.interfaces.billing_helpers import created, iso, meter, send
from tests.interfaces.dashboard.test_pages_http import sign_in


def _plans(client: Any, auth: Any) -> tuple[str, str]:
    calls = meter(client, auth, "api.call")

    def plan(name: str, price: str, unit: str, free: str) -> str:
        body = {
            "name": name,
            "currency": "USD",
            "billing_interval": "month",
            "price": price,
            "usage_prices": [{"meter_id": calls, "unit_price": unit, "free_threshold": free}],
        }
        return created(client.post("/products", json=body, headers=auth))["id"]

    return plan("Basic", "30.00", "0.02", "1000"), plan("Pro", "60.00", "0.01", "5000")


def test_a_plan_change_is_previewed_then_made_from_the_dashboard(client: Any, auth: Any, key: str, worker: Any) -> None:
    basic, pro = _plans(client, auth)
    assert client.post("/customers", json={"customer_id": "cus_dash"}, headers=auth).status_code == 201
    start = {"customer_id": "cus_dash", "product_id": basic, "start": iso(datetime(2026, 9, 1, tzinfo=timezone.utc))}
    sub = created(client.post("/subscriptions", json=start, headers=auth))["id"]
    send(client, auth, "cus_dash", "api.call", 2500, datetime(2026, 9, 5, tzinfo=timezone.utc), "d")
    sign_in(client, key)
    form = client.get(f"/dashboard/subscriptions/{sub}/change-plan")
    assert form.status_code == 200 and "Timeline" in form.text and "Pro" in form.text
    choice = {"product_id": pro, "quantity": "1", "proration_billing_mode": "prorated_immediately"}
    choice["effective_at"] = "2026-09-16T00:00:00Z"
    previewed = client.post(f"/dashboard/subscriptions/{sub}/change-plan/preview", data=choice)
    assert previewed.status_code == 200 and "55.00" in previewed.text
    assert client.get(f"/subscriptions/{sub}", headers=auth).json()["product_id"] == basic
    done = client.post(f"/dashboard/subscriptions/{sub}/change-plan", data=choice, follow_redirects=False)
    assert done.status_code == 303 and "notice=plan_changed" in done.headers["location"]
    assert client.get(f"/subscriptions/{sub}", headers=auth).json()["product_id"] == pro
    refused = client.post(f"/dashboard/subscriptions/{sub}/change-plan", data={**choice, "quantity": "0"})
    assert refused.status_code == 422


def test_cancel_at_period_end_is_set_and_undone_from_the_dashboard(
    client: Any, auth: Any, key: str, worker: Any
) -> None:
    basic, _ = _plans(client, auth)
    assert client.post("/customers", json={"customer_id": "cus_end"}, headers=auth).status_code == 201
    sub = created(client.post("/subscriptions", json={"customer_id": "cus_end", "product_id": basic}, headers=auth))[
        "id"
    ]
    sign_in(client, key)
    path = f"/dashboard/subscriptions/{sub}/cancel-at-period-end"
    assert "can be undone" in client.get(path).text
    assert "notice=cancels_at_period_end" in client.post(path, follow_redirects=False).headers["location"]
    assert client.get(f"/subscriptions/{sub}", headers=auth).json()["cancel_at_next_billing_date"] is True
    assert "notice=kept" in client.post(path, follow_redirects=False).headers["location"]
    assert client.get(f"/subscriptions/{sub}", headers=auth).json()["cancel_at_next_billing_date"] is False


def test_add_on_lines_show_on_the_customer_page_and_the_preview(client: Any, auth: Any, key: str, worker: Any) -> None:
    basic, pro = _plans(client, auth)
    addon = {"currency": "USD", "name": "Extra support", "price": 500, "tax_category": "saas"}
    support = created(client.post("/addons", json=addon, headers=auth))["id"]
    assert client.post("/customers", json={"customer_id": "cus_addon"}, headers=auth).status_code == 201
    start = {
        "customer_id": "cus_addon",
        "product_id": basic,
        "start": iso(datetime(2026, 9, 1, tzinfo=timezone.utc)),
        "addons": [{"addon_id": support, "quantity": 2}],
    }
    sub = created(client.post("/subscriptions", json=start, headers=auth))["id"]
    sign_in(client, key)
    page = client.get("/dashboard/customers/cus_addon")
    assert page.status_code == 200 and "Extra support" in page.text and "10.00" in page.text
    assert f"/dashboard/meters/addon:{support}" not in page.text  # an add-on is no meter: no link, no chart
    choice = {"product_id": pro, "quantity": "1", "proration_billing_mode": "prorated_immediately"}
    choice["effective_at"] = "2026-09-16T00:00:00Z"
    previewed = client.post(f"/dashboard/subscriptions/{sub}/change-plan/preview", data=choice)
    assert previewed.status_code == 200 and "Extra support" in previewed.text and "20.00" in previewed.text
