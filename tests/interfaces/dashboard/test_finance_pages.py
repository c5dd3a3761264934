"""The dashboard creates what the API creates, checked by the API's own rules (a refusal stores nothing and says
why), and the pages a finance person works from: revenue per month and MRR, the customers list's columns, the
events explorer's metadata filter, count and CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from typing import Any

from tests.interfaces.billing_helpers import close, meter, product, send, subscribe
from tests.interfaces.dashboard.test_pages_http import sign_in

GRADUATED = {
    "currency": "USD",
    "billing_interval": "month",
    "interval_count": "1",
    "model": "graduated",
    "tiers.0.up_to": "1000",
    "tiers.0.unit_price": "0.02",
    "tiers.1.up_to": "",
    "tiers.1.unit_price": "0.01",
    "tiers.2.up_to": "",
    "tiers.2.unit_price": "",
    "unit_price": "",
    "free_threshold": "0",
}


def products(client: Any, auth: Any) -> list[dict[str, Any]]:
    return list(client.get("/products?page_size=100", headers=auth).json()["items"])


def test_the_create_form_makes_a_graduated_product_with_its_terms(client: Any, auth: Any, key: str) -> None:
    calls = meter(client, auth, "api.call")
    credits = client.post(
        "/credit-entitlements",
        json={"name": "Hours", "unit": "hours", "precision": 0, "overage_enabled": False},
        headers=auth,
    ).json()
    sign_in(client, key)
    form = {
        **GRADUATED,
        "name": "Graduated plan",
        "meter_id": calls,
        "minimum_amount": "10",
        "threshold_amount": "50",
        "recurring": "true",
        "grant_entitlement_id": credits["id"],
        "credits_amount": "5",
    }
    done = client.post("/dashboard/products", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    [made] = products(client, auth)
    [price] = made["usage_prices"]
    assert price["model"] == "graduated" and price["meter_id"] == calls
    assert [(t["up_to"], t["unit_price"]) for t in price["tiers"]] == [("1000", "0.02"), (None, "0.01")]
    assert made["usage_thresholds"] == [{"amount": "50", "recurring": True}]
    assert [(a["credit_entitlement_id"], a["credits_amount"]) for a in made["credit_entitlements"]] == [
        (credits["id"], "5")
    ]


def test_a_refused_product_stores_nothing_and_says_why(client: Any, auth: Any, key: str) -> None:
    calls = meter(client, auth, "api.call")
    sign_in(client, key)
    # a bounded tier after the open one: the API's own rule, in its words
    bad = {**GRADUATED, "name": "Bad", "meter_id": calls, "tiers.0.up_to": "", "tiers.1.up_to": "2000"}
    answer = client.post("/dashboard/products", data=bad)
    assert answer.status_code == 422 and 'class="error"' in answer.text and "tiers" in answer.text
    assert 'value="Bad"' in answer.text  # the form comes back as filled in
    unpriced = client.post("/dashboard/products", data={**bad, "model": "per_unit", "unit_price": "x"})
    assert unpriced.status_code == 422
    assert products(client, auth) == []


def test_the_price_form_sets_volume_package_and_per_value_prices(client: Any, auth: Any, key: str) -> None:
    calls = meter(client, auth, "api.call")
    plan = product(client, auth)
    sign_in(client, key)
    url = f"/dashboard/products/{plan['id']}/usage-prices"
    volume = {"meter_id": calls, "model": "volume", "tiers.0.up_to": "100", "tiers.0.unit_price": "0.05"}
    volume |= {"tiers.1.unit_price": "0.03", "tiers.1.flat_price": "1", "free_threshold": "0"}
    assert client.post(url, data=volume, follow_redirects=False).status_code == 303
    [price] = products(client, auth)[0]["usage_prices"]
    assert price["model"] == "volume" and price["tiers"][1] == {"up_to": None, "unit_price": "0.03", "flat_price": "1"}
    package = {"meter_id": calls, "model": "package", "package_size": "100", "package_price": "2", "group_by": "region"}
    package["group_prices"] = '{"eu": {"model": "per_unit", "unit_price": "0.03"}}'
    assert client.post(url, data=package, follow_redirects=False).status_code == 303
    [price] = products(client, auth)[0]["usage_prices"]
    assert (price["model"], price["package_size"], price["package_price"]) == ("package", "100", "2")
    assert price["group_by"] == "region" and price["group_prices"]["eu"]["unit_price"] == "0.03"
    page = client.get(f"/dashboard/products/{plan['id']}").text
    assert 'name="package_size" value="100"' in page  # the form shows the price set
    broken = client.post(url, data={**package, "group_prices": "{eu"})
    assert broken.status_code == 422 and "group_prices" in broken.text


def test_the_entitlement_form_defines_one_with_the_apis_rules(client: Any, auth: Any, key: str) -> None:
    sign_in(client, key)
    form = {"name": "Dash credits", "unit": "credits", "precision": "0", "overage_enabled": "true"}
    refused = client.post("/dashboard/credit-entitlements", data=form)  # overage needs a price per unit
    assert refused.status_code == 422 and "price_per_unit" in refused.text
    assert client.get("/credit-entitlements", headers=auth).json()["items"] == []
    done = client.post("/dashboard/credit-entitlements", data={**form, "overage_enabled": ""}, follow_redirects=False)
    assert done.status_code == 303
    [made] = client.get("/credit-entitlements", headers=auth).json()["items"]
    assert (made["name"], made["unit"], made["overage_enabled"]) == ("Dash credits", "credits", False)


def test_a_ledger_entry_credits_a_balance_by_hand(client: Any, auth: Any, key: str, worker: Any) -> None:
    client.post("/customers", json={"customer_id": "cus_l"}, headers=auth)
    body = {"name": "Hours", "unit": "hours", "precision": 0, "overage_enabled": False}
    ent = client.post("/credit-entitlements", json=body, headers=auth).json()
    sign_in(client, key)
    url = f"/dashboard/customers/cus_l/credit-entitlements/{ent['id']}/ledger-entries"
    refused = client.post(url, data={"entry_type": "debit", "amount": "3"})
    assert refused.status_code == 422 and 'class="error"' in refused.text
    done = client.post(url, data={"entry_type": "credit", "amount": "7", "reason": "goodwill"}, follow_redirects=False)
    assert done.status_code == 303
    worker.caught_up()
    page = client.get(done.headers["location"]).text
    assert 'id="entitlement-balance">7<' in page and "goodwill" in page


def test_the_webhook_form_adds_an_endpoint(client: Any, auth: Any, key: str) -> None:
    sign_in(client, key)
    refused = client.post("/dashboard/webhooks", data={"url": "ftp://example.com/x"})
    assert refused.status_code == 422 and 'class="error"' in refused.text
    form = {"url": "https://example.com/hooks", "description": "from the dashboard", "filter_types": "invoice.issued"}
    assert client.post("/dashboard/webhooks", data=form, follow_redirects=False).status_code == 303
    [made] = client.get("/webhooks", headers=auth).json()["data"]
    assert (made["url"], made["description"], made["filter_types"], made["disabled"]) == (
        "https://example.com/hooks",
        "from the dashboard",
        ["invoice.issued"],
        False,
    )
    off = {"url": "https://example.com/off", "disabled": "true"}
    assert client.post("/dashboard/webhooks", data=off, follow_redirects=False).status_code == 303
    assert [
        w["disabled"] for w in client.get("/webhooks", headers=auth).json()["data"] if w["url"].endswith("/off")
    ] == [True]


def test_a_new_api_key_is_shown_once_and_answers_the_api(client: Any, key: str) -> None:
    sign_in(client, key)
    made = client.post("/dashboard/keys")
    assert made.status_code == 200 and made.headers["cache-control"] == "no-store"
    [new] = [k for k in made.text.split('<code class="secret">')[1:]]
    new = new.split("<")[0]
    assert new != key and client.get("/meters", headers={"Authorization": f"Bearer {new}"}).status_code == 200
    assert new not in client.get("/dashboard/keys").text


def month_start(moment: datetime, back: int = 0) -> datetime:
    first = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    for _ in range(back):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


def test_revenue_billed_per_month_and_mrr_as_charts_and_csv(client: Any, auth: Any, key: str, worker: Any) -> None:
    calls = meter(client, auth, "api.call")
    usage = {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}
    plan = product(client, auth, usage, name="API plan", billing_interval="month")
    client.post("/customers", json={"customer_id": "cus_r"}, headers=auth)
    previous = month_start(datetime.now(timezone.utc), 1)
    send(client, auth, "cus_r", "api.call", 2500, previous + timedelta(days=1), "r")
    subscription = subscribe(client, auth, "cus_r", plan["id"], previous)
    [invoice] = close(client, auth, subscription["id"])
    assert invoice["total"] == "30.00"
    worker.caught_up()
    sign_in(client, key)
    page = client.get("/dashboard/revenue").text
    assert 'id="revenue-billed-chart"' in page and 'id="revenue-mrr-chart"' in page and "API plan" in page
    month = datetime.now(timezone.utc).strftime("%Y-%m")
    billed = list(csv.reader(io.StringIO(client.get("/dashboard/revenue.csv").text)))
    assert billed[0] == ["month", "currency", "issued", "paid", "void"] and len(billed) == 13
    assert [month, "USD", "30.00", "0", "0"] in billed
    mrr = list(csv.reader(io.StringIO(client.get("/dashboard/mrr.csv").text)))
    assert [month, "API plan", "USD", "30.00"] in mrr
    assert client.get("/dashboard/revenue", params={"start": "2026-05", "end": "2026-01"}).status_code == 422
    overview = client.get("/dashboard").text  # the overview draws the same report over the range it is given
    assert 'id="revenue-billed-chart"' in overview and 'name="start"' in overview
    before = client.get("/dashboard", params={"start": "2020-01", "end": "2020-12"}).text
    assert 'id="revenue-billed-chart"' not in before and "No invoice was issued from 2020-01 through 2020-12" in before


def test_the_customers_list_shows_plan_upcoming_credits_and_last_event(
    client: Any, auth: Any, key: str, worker: Any
) -> None:
    calls = meter(client, auth, "api.call")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}, name="API plan")
    client.post("/customers", json={"customer_id": "cus_u"}, headers=auth)
    client.post("/customers", json={"customer_id": "cus_idle"}, headers=auth)
    start = datetime.now(timezone.utc) - timedelta(minutes=30)
    subscribe(client, auth, "cus_u", plan["id"], start)
    worker.caught_up(send(client, auth, "cus_u", "api.call", 1200, start, "u"))
    sign_in(client, key)
    page = client.get("/dashboard/customers").text
    row = next(r for r in page.split("<tr>") if "cus_u<" in r)
    assert "API plan" in row and "$4.00" in row and "Upcoming amount" in page
    idle = next(r for r in page.split("<tr>") if "cus_idle<" in r)
    assert "$" not in idle


def test_the_events_explorer_filters_by_metadata_counts_and_exports(
    client: Any, auth: Any, key: str, worker: Any
) -> None:
    client.post("/customers", json={"customer_id": "cus_m"}, headers=auth)
    at = datetime.now(timezone.utc) - timedelta(minutes=10)
    send(client, auth, "cus_m", "meta.call", 30, at, "meta-eu", metadata={"region": "eu", "size": 5})
    worker.caught_up(send(client, auth, "cus_m", "meta.call", 20, at, "meta-us", metadata={"region": "us"}))
    sign_in(client, key)
    page = client.get("/dashboard/events", params={"metadata_key": "region", "metadata_value": "eu"}).text
    assert "30 matching events" in page and "meta-eu-" in page and "meta-us-" not in page
    assert "50 matching events" in client.get("/dashboard/events").text
    assert (
        "30 matching events"
        in client.get("/dashboard/events", params={"metadata_key": "size", "metadata_value": "5"}).text
    )
    exported = client.get("/dashboard/events.csv", params={"metadata_key": "region", "metadata_value": "us"})
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0][:3] == ["event_id", "customer_id", "event_name"] and len(rows) == 21
    assert all(r[0].startswith("meta-us-") for r in rows[1:])


def test_send_a_test_event_queues_one_delivery_to_that_endpoint(client: Any, auth: Any, key: str) -> None:
    made = client.post("/webhooks", json={"url": "https://example.com/a"}, headers=auth).json()
    other = client.post("/webhooks", json={"url": "https://example.com/b"}, headers=auth).json()
    sign_in(client, key)
    page = client.post(f"/dashboard/webhooks/{made['id']}/test")
    assert page.status_code == 200 and "Test event queued" in page.text
    assert page.text.count("<td>webhook.test</td>") == 1
    assert "<td>webhook.test</td>" not in client.get(f"/dashboard/webhooks/{other['id']}").text
    client.patch(f"/webhooks/{other['id']}", json={"disabled": True}, headers=auth)
    refused = client.post(f"/dashboard/webhooks/{other['id']}/test")
    assert refused.status_code == 409 and "disabled" in refused.text


def test_the_meter_form_offers_every_aggregation(client: Any, auth: Any, key: str) -> None:
    sign_in(client, key)
    page = client.get("/dashboard/meters").text
    assert "(sum, max, last)" not in page
    for kind in ("count", "sum", "max", "min", "avg", "last", "unique_count"):
        assert f"<option >{kind}</option>" in page or f"<option>{kind}</option>" in page
    form = {"name": "Users", "event_name": "login", "aggregation_type": "unique_count", "aggregation_key": "user"}
    assert client.post("/dashboard/meters", data=form, follow_redirects=False).status_code == 303
    [made] = client.get("/meters", headers=auth).json()["items"]
    assert (
        made["aggregation"] == {"type": "unique_count", "key": "user"} or made["aggregation"]["type"] == "unique_count"
    )


def test_the_events_filter_form_as_a_browser_sends_it(client: Any, auth: Any, key: str, worker: Any) -> None:
    """Every field of the form, blank ones too: "any meter" is an empty meter_id, not a malformed one."""
    client.post("/customers", json={"customer_id": "cus_f"}, headers=auth)
    worker.caught_up(send(client, auth, "cus_f", "f.call", 3, datetime.now(timezone.utc), "f", metadata={"k": "v"}))
    sign_in(client, key)
    fields = {"customer_id": "", "event_name": "", "meter_id": "", "start": "", "end": ""}
    page = client.get("/dashboard/events", params={**fields, "metadata_key": "k", "metadata_value": "v"})
    assert page.status_code == 200 and "3 matching events" in page.text
    assert client.get("/dashboard/events", params={**fields, "meter_id": "nope"}).status_code == 422


def test_a_refused_field_says_why_beside_it(client: Any, auth: Any, key: str) -> None:
    calls = meter(client, auth, "api.call")
    sign_in(client, key)
    bad = {**GRADUATED, "name": "Bad", "meter_id": calls, "tiers.0.up_to": "", "tiers.1.up_to": "2000"}
    page = client.post("/dashboard/products", data=bad).text
    tiers = page[page.index('name="tiers.0.up_to"') : page.index("</fieldset>", page.index('name="tiers.0.up_to"'))]
    assert 'class="field-error"' in tiers
    webhook = client.post("/dashboard/webhooks", data={"url": "ftp://example.com/x"}).text
    beside = webhook[webhook.index('name="url"') : webhook.index("</label>", webhook.index('name="url"'))]
    assert 'class="field-error"' in beside
    form = {"name": "x", "unit": "u", "precision": "0", "overage_enabled": "true", "price_per_unit": "0.1"}
    refused = client.post("/dashboard/credit-entitlements", data=form).text  # a price needs its currency
    beside = refused[refused.index('name="currency"') : refused.index("</label>", refused.index('name="currency"'))]
    assert 'class="field-error"' in beside, refused[refused.index('class="error"') :][:400]


def test_invoices_filter_by_status_product_and_period_with_totals(client: Any, auth: Any, key: str) -> None:
    calls = meter(client, auth, "api.call")
    usage = {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}
    plan = product(client, auth, usage, name="API plan", billing_interval="month")
    other = product(client, auth, name="Flat plan", billing_interval="month", price="5.00")
    client.post("/customers", json={"customer_id": "cus_i"}, headers=auth)
    previous = month_start(datetime.now(timezone.utc), 1)
    send(client, auth, "cus_i", "api.call", 2500, previous + timedelta(days=1), "i")
    [first] = close(client, auth, subscribe(client, auth, "cus_i", plan["id"], previous)["id"])
    [second] = close(client, auth, subscribe(client, auth, "cus_i", other["id"], previous)["id"])
    sign_in(client, key)
    everything = client.get("/dashboard/invoices").text
    assert "<strong>2</strong> in USD, totalling <strong>$35.00</strong>" in everything
    one = client.get("/dashboard/invoices", params={"product_id": plan["id"], "status": "", "start": "", "end": ""})
    assert "<strong>1</strong> in USD, totalling <strong>$30.00</strong>" in one.text
    assert first["id"] in one.text and second["id"] not in one.text
    later = (datetime.now(timezone.utc) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    assert 'id="invoice-totals"' not in client.get("/dashboard/invoices", params={"start": later}).text
    paid = client.get("/dashboard/invoices", params={"status": "paid"}).text
    assert 'id="invoice-totals"' not in paid
    assert client.get("/dashboard/invoices", params={"product_id": "nope"}).status_code == 422


def test_the_customers_list_orders_and_filters(client: Any, auth: Any, key: str) -> None:
    for customer_id, name in (("cus_b", "alpha"), ("cus_a", "Charlie"), ("cus_c", "bravo")):
        client.post("/customers", json={"customer_id": customer_id, "name": name}, headers=auth)
    sign_in(client, key)

    def listed(**params: str) -> list[str]:
        """The customers shown, in the order shown."""
        page = client.get("/dashboard/customers", params=params).text
        ids = ("cus_a", "cus_b", "cus_c")
        return [c for _, c in sorted((page.index(f">{c}<"), c) for c in ids if f">{c}<" in page)]

    assert listed() == ["cus_c", "cus_a", "cus_b"]  # newest first
    assert listed(order="customer_id") == ["cus_a", "cus_b", "cus_c"]
    assert listed(order="name") == ["cus_b", "cus_c", "cus_a"]  # alpha, bravo, Charlie
    later = (datetime.now(timezone.utc) + timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    assert listed(created_from=later) == []
    assert client.get("/dashboard/customers", params={"created_from": "soon"}).status_code == 422


def test_the_product_page_sets_thresholds_and_grants_an_entitlement(client: Any, auth: Any, key: str) -> None:
    plan = product(client, auth)
    body = {"name": "Hours", "unit": "hours", "precision": 0, "overage_enabled": False}
    hours = client.post("/credit-entitlements", json=body, headers=auth).json()
    sign_in(client, key)
    url = f"/dashboard/products/{plan['id']}"
    done = client.post(f"{url}/usage-thresholds", data={"amounts": "50, 200", "recurring": "true"})
    assert done.status_code == 200
    shown = client.get(f"/products/{plan['id']}", headers=auth).json()
    assert shown["usage_thresholds"] == [{"amount": "50", "recurring": False}, {"amount": "200", "recurring": True}]
    refused = client.post(f"{url}/usage-thresholds", data={"amounts": "-5"})
    assert refused.status_code == 422 and 'class="field-error"' in refused.text
    assert client.post(f"{url}/credit-entitlements", data={"credit_entitlement_id": hours["id"], "credits_amount": "8"})
    shown = client.get(f"/products/{plan['id']}", headers=auth).json()
    assert [(a["credit_entitlement_id"], a["credits_amount"]) for a in shown["credit_entitlements"]] == [
        (hours["id"], "8")
    ]
    assert client.post(f"{url}/usage-thresholds", data={"amounts": ""}).status_code == 200
    assert client.get(f"/products/{plan['id']}", headers=auth).json()["usage_thresholds"] == []


def test_an_endpoint_is_changed_and_removed_from_its_page(client: Any, auth: Any, key: str) -> None:
    made = client.post("/webhooks", json={"url": "https://example.com/a", "description": "first"}, headers=auth).json()
    sign_in(client, key)
    url = f"/dashboard/webhooks/{made['id']}"
    assert 'value="first"' in client.get(url).text  # the form shows the endpoint as it is
    refused = client.post(url, data={"url": "ftp://example.com/a"})
    assert refused.status_code == 422 and 'class="field-error"' in refused.text
    form = {"url": "https://example.com/b", "description": "", "filter_types": "invoice.issued", "disabled": "true"}
    saved = client.post(url, data=form)
    assert saved.status_code == 200 and "Endpoint saved" in saved.text
    shown = client.get(f"/webhooks/{made['id']}", headers=auth).json()
    assert (shown["url"], shown["description"], shown["filter_types"], shown["disabled"]) == (
        "https://example.com/b",
        "",
        ["invoice.issued"],
        True,
    )
    assert client.post(f"{url}/delete", follow_redirects=False).status_code == 303
    assert client.get(f"/webhooks/{made['id']}", headers=auth).status_code == 404
