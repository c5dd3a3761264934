"""The dashboard's actions over plain HTTP: asking first changes nothing, acting does what the API does,
a cross-site post is refused, and another business's subscription or product answers 404."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.interfaces.billing_helpers import meter, product, subscribe, yesterday
from tests.interfaces.dashboard.test_cross_site import EVIL
from tests.interfaces.dashboard.test_pages_http import sign_in


@pytest.fixture
def subscribed(client: Any, auth: Any, worker: Any) -> dict[str, Any]:
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02"}, name="Daily plan")
    assert client.post("/customers", json={"customer_id": "cus_act", "name": "Act Co"}, headers=auth).status_code == 201
    subscription = subscribe(client, auth, "cus_act", plan["id"], yesterday())
    worker.caught_up()
    return {"product": plan["id"], "subscription": subscription["id"]}


def _status(client: Any, auth: Any, subscription: str) -> str:
    return client.get(f"/subscriptions/{subscription}", headers=auth).json()["status"]


def test_asking_to_cancel_changes_nothing_and_confirming_cancels(
    client: Any, auth: Any, key: str, subscribed: dict[str, Any]
) -> None:
    sign_in(client, key)
    path = f"/dashboard/subscriptions/{subscribed['subscription']}/cancel"
    asked = client.get(path)
    assert asked.status_code == 200 and "cannot be undone" in asked.text and "Daily plan" in asked.text
    assert _status(client, auth, subscribed["subscription"]) == "active"
    done = client.post(path, follow_redirects=False)
    assert done.status_code == 303 and "notice=cancelled" in done.headers["location"]
    assert _status(client, auth, subscribed["subscription"]) == "cancelled"


def test_closing_now_issues_the_due_invoice_once(client: Any, auth: Any, key: str, subscribed: dict[str, Any]) -> None:
    sign_in(client, key)
    path = f"/dashboard/subscriptions/{subscribed['subscription']}/close-cycle"
    assert "Close and invoice now" in client.get(path).text
    assert "notice=closed" in client.post(path, follow_redirects=False).headers["location"]
    assert "notice=nothing_due" in client.post(path, follow_redirects=False).headers["location"]
    assert len(client.get("/invoices", headers=auth).json()["items"]) == 1


def test_editing_a_customer_saves_with_the_api_rules(
    client: Any, auth: Any, key: str, subscribed: dict[str, Any]
) -> None:
    sign_in(client, key)
    assert 'value="Act Co"' in client.get("/dashboard/customers/cus_act/edit").text
    refused = client.post("/dashboard/customers/cus_act/edit", data={"name": "x" * 501})
    assert refused.status_code == 422 and "name" in refused.text
    saved = client.post(
        "/dashboard/customers/cus_act/edit", data={"name": "Act Corp", "email": ""}, follow_redirects=False
    )
    assert saved.status_code == 303 and "notice=updated" in saved.headers["location"]
    assert client.get("/customers/cus_act", headers=auth).json()["name"] == "Act Corp"


def test_archiving_a_product_stops_new_subscriptions(
    client: Any, auth: Any, key: str, subscribed: dict[str, Any]
) -> None:
    sign_in(client, key)
    path = f"/dashboard/products/{subscribed['product']}/archive"
    assert "cannot be unarchived" in client.get(path).text
    assert client.get(f"/products/{subscribed['product']}", headers=auth).json()["archived"] is False
    assert "notice=archived" in client.post(path, follow_redirects=False).headers["location"]
    assert client.get(f"/products/{subscribed['product']}", headers=auth).json()["archived"] is True


def test_actions_refuse_cross_site_posts_and_other_businesses(
    client: Any, auth: Any, key: str, tally: Any, subscribed: dict[str, Any]
) -> None:
    sign_in(client, key)
    paths = [
        f"/dashboard/subscriptions/{subscribed['subscription']}/cancel",
        f"/dashboard/subscriptions/{subscribed['subscription']}/close-cycle",
        f"/dashboard/products/{subscribed['product']}/archive",
        "/dashboard/customers/cus_act/edit",
    ]
    for path in paths:
        assert client.post(path, data={"name": "Evil"}, headers=EVIL, follow_redirects=False).status_code == 403
    assert _status(client, auth, subscribed["subscription"]) == "active"
    assert client.get("/customers/cus_act", headers=auth).json()["name"] == "Act Co"
    sign_in(client, tally.businesses.create_key("nosy-actions"))
    for path in paths:
        assert client.get(path).status_code == 404, path
        assert client.post(path, data={"name": "Nosy"}, follow_redirects=False).status_code == 404, path
    assert _status(client, auth, subscribed["subscription"]) == "active"


def test_a_notice_is_shown_only_for_a_known_code(client: Any, key: str, subscribed: dict[str, Any]) -> None:
    sign_in(client, key)
    assert "Customer saved." in client.get("/dashboard/customers/cus_act", params={"notice": "updated"}).text
    page = client.get("/dashboard/customers/cus_act", params={"notice": "Your account is locked"}).text
    assert "Your account is locked" not in page and 'role="status"' not in page


def test_the_overview_counts_with_separators_and_the_customer_list_searches(
    client: Any, auth: Any, key: str, worker: Any
) -> None:
    assert (
        client.post("/customers", json={"customer_id": "cus_o", "name": "Overview Co"}, headers=auth).status_code == 201
    )
    assert client.post("/customers", json={"customer_id": "cus_p", "name": "Other"}, headers=auth).status_code == 201
    events = [{"event_id": f"o{i}", "customer_id": "cus_o", "event_name": "e"} for i in range(1001)]
    worker.caught_up(client.post("/events/ingest", json={"events": events[:1000]}, headers=auth).json()["position"])
    worker.caught_up(client.post("/events/ingest", json={"events": events[1000:]}, headers=auth).json()["position"])
    sign_in(client, key)
    overview = client.get("/dashboard").text
    assert '<strong id="events-today">1,001</strong>' in overview
    listed = client.get("/dashboard/customers", params={"search": "overview"}).text
    assert "cus_o" in listed and "cus_p" not in listed
    suggested = client.get("/dashboard/customer-search.json", params={"search": "OTHER"}).json()
    assert suggested == [{"customer_id": "cus_p", "name": "Other", "email": ""}]


def test_every_bucket_of_a_chart_falls_on_one_of_its_slots(client: Any, auth: Any, key: str, worker: Any) -> None:
    """The API clips its first window to the range's start; the chart's slots do too, so no usage is drawn as 0."""
    calls = meter(client, auth, "api.call")
    assert client.post("/customers", json={"customer_id": "cus_s"}, headers=auth).status_code == 201
    events = [
        {
            "event_id": f"s{i}",
            "customer_id": "cus_s",
            "event_name": "api.call",
            "timestamp": f"2026-01-0{1 + i % 3}T10:{i:02d}:00Z",
        }
        for i in range(30)
    ]
    worker.caught_up(client.post("/events/ingest", json={"events": events}, headers=auth).json()["position"])
    sign_in(client, key)
    for start, end in (("2026-01-01T10:07", "2026-01-03T23:00"), ("2025-12-31T23:59", "2026-02-01T00:00")):
        chart = client.get(f"/dashboard/meters/{calls}/usage.json", params={"start": start, "end": end}).json()
        starts = {int(datetime.fromisoformat(b["start"].replace("Z", "+00:00")).timestamp()) for b in chart["buckets"]}
        assert chart["buckets"] and starts <= set(chart["slots"]), (chart["window"], starts - set(chart["slots"]))
        assert chart["slots"] == sorted(set(chart["slots"])) and chart["slots"][0] == chart["start"]
