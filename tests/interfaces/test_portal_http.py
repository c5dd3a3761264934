"""The customer portal over HTTP (docs/portal.md): a session link in Dodo's shape opens it as one customer only;
every portal route given another customer's ids answers 404; revoked, expired and forged tokens answer 401 with
a page that says so; the token is no API key and the portal's cookie no dashboard session."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import dodopayments
import pytest

from interfaces.portal.tokens import issue
from tests.interfaces.billing_helpers import close, meter, product, send, subscribe, yesterday

SAME_SITE = {"Sec-Fetch-Site": "same-origin"}


def link_of(client: Any, auth: dict[str, str], customer: str, **query: str) -> str:
    params = {"send_email": "false", **query}
    answer = client.post(f"/customers/{customer}/customer-portal/session", params=params, headers=auth)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["link"])


def opened(client: Any, link: str) -> Any:
    """The link followed as a browser would (its token becomes the portal's cookie)."""
    parts = urlparse(link)
    return client.get(f"{parts.path}?{parts.query}")


@pytest.fixture
def two_customers(client: Any, auth: dict[str, str]) -> dict[str, Any]:
    """cus_a and cus_b on the seed's daily product, each with a closed cycle (an issued invoice) and an open one."""
    calls = meter(client, auth, "api.call", name="calls", measurement_unit="calls")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"})
    found: dict[str, Any] = {"meter": calls, "product": plan["id"]}
    for customer, name in (("cus_a", "Alice Able"), ("cus_b", "Bob Baker")):
        client.post("/customers", json={"customer_id": customer, "name": name}, headers=auth)
        start = yesterday()
        subscription = subscribe(client, auth, customer, plan["id"], start)
        send(client, auth, customer, "api.call", 2500, start, f"{customer}-e")
        [invoice] = close(client, auth, subscription["id"])
        found[customer] = {"subscription": subscription["id"], "invoice": invoice["id"], "name": name}
    return found


def test_the_link_opens_the_portal_as_its_customer_with_a_safe_cookie(
    client: Any, auth: dict[str, str], two_customers: dict[str, Any]
) -> None:
    link = link_of(client, auth, "cus_a")
    first = opened(client, link)
    assert first.status_code == 200 and "This cycle" in first.text
    cookie = next(h for h in first.history[0].headers.get_list("set-cookie") if h.startswith("tally_portal="))
    assert (
        re.search(r"httponly", cookie, re.I) and re.search(r"samesite=lax", cookie, re.I) and "Path=/portal" in cookie
    )
    invoices = client.get("/portal/invoices").text
    assert two_customers["cus_a"]["invoice"] in invoices and two_customers["cus_b"]["invoice"] not in invoices
    page = client.get(f"/portal/invoices/{two_customers['cus_a']['invoice']}").text
    assert all(x in page for x in ("2,500", "1,000", "1,500", "$30.00", "calls", "it matches the invoice"))
    pdf = client.get(f"/portal/invoices/{two_customers['cus_a']['invoice']}/pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:4] == b"%PDF"


def portal_routes(client: Any) -> list[tuple[str, str]]:
    """Every route under /portal the app serves, from its route table: none can be missed."""
    return sorted(
        (method, route.path)
        for route in client.app.routes
        if route.path.startswith("/portal") and "/static" not in route.path
        for method in route.methods
        if method not in ("HEAD", "OPTIONS")
    )


def test_every_portal_route_given_another_customers_ids_is_not_found(
    client: Any, auth: dict[str, str], two_customers: dict[str, Any]
) -> None:
    client.patch("/business", json={"portal": {"allow_cancel": True}}, headers=auth)
    opened(client, link_of(client, auth, "cus_a"))
    theirs = {
        "invoice_id": two_customers["cus_b"]["invoice"],
        "subscription_id": two_customers["cus_b"]["subscription"],
    }
    routes = portal_routes(client)
    probed = 0
    for method, path in routes:
        names = re.findall(r"{(\w+):\w+}", path)
        if not names:
            continue
        url = re.sub(r"{(\w+):\w+}", lambda m: theirs[m.group(1)], path)
        answer = client.request(method, url, headers=SAME_SITE)
        assert answer.status_code == 404, (method, url, answer.status_code)
        probed += 1
    assert probed == 3  # the invoice page, its PDF, the subscription's cancel
    for method, path in routes:
        if "{" in path or method != "GET" or path in ("/portal/open", "/portal/signed-out"):
            continue
        shown = client.get(path)
        assert shown.status_code == 200 and "cus_b" not in shown.text and "Bob Baker" not in shown.text, path
    assert not client.get(f"/subscriptions/{two_customers['cus_b']['subscription']}", headers=auth).json()[
        "cancel_at_next_billing_date"
    ]


def test_revoked_expired_and_forged_tokens_answer_401_with_a_page_that_says_so(
    client: Any, auth: dict[str, str], two_customers: dict[str, Any]
) -> None:
    link = link_of(client, auth, "cus_a")
    assert opened(client, link).status_code == 200
    assert client.delete("/customers/cus_a/customer-portal/sessions", headers=auth).status_code == 204
    revoked = client.get("/portal")
    assert revoked.status_code == 401 and "revoked" in revoked.text
    again = opened(client, link)
    assert again.status_code == 401 and "revoked" in again.text
    assert opened(client, link_of(client, auth, "cus_a")).status_code == 200  # a link issued after it works

    token = parse_qs(urlparse(link).query)["token"][0]
    business = uuid.UUID(client.get("/business", headers=auth).json()["id"])
    stale = issue(client.app.state.portal_key, business, "cus_a", None, datetime.now(UTC) - timedelta(days=2))
    expired = client.get("/portal/open", params={"token": stale})
    assert expired.status_code == 401 and "expired" in expired.text
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    refused = client.get("/portal/open", params={"token": forged})
    assert refused.status_code == 401 and "not valid" in refused.text


def test_the_token_is_no_api_key_and_the_portal_no_dashboard(
    client: Any, auth: dict[str, str], two_customers: dict[str, Any]
) -> None:
    link = link_of(client, auth, "cus_a")
    token = parse_qs(urlparse(link).query)["token"][0]
    assert client.get("/customers", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    opened(client, link)
    assert client.get("/customers").status_code == 401
    dashboard = client.get("/dashboard")
    assert 'name="api_key"' in dashboard.text and "cus_b" not in client.get("/dashboard/customers").text


def test_bad_session_requests_and_settings_are_refused_and_change_nothing(
    client: Any, auth: dict[str, str], two_customers: dict[str, Any]
) -> None:
    path = "/customers/cus_a/customer-portal/session"
    emailed = client.post(path, params={"send_email": "true"}, headers=auth)
    assert emailed.status_code == 422 and emailed.headers["content-type"].startswith("application/problem+json")
    assert client.post(path, params={"return_url": "javascript:alert(1)"}, headers=auth).status_code == 422
    assert client.post("/customers/cus_nobody/customer-portal/session", headers=auth).status_code == 404
    for bad in ({"accent_color": "red"}, {"logo_url": "ftp://x/logo.png"}, {"display_name": ""}, {"colour": "#fff"}):
        answer = client.patch("/business", json={"portal": bad}, headers=auth)
        assert answer.status_code == 422, (bad, answer.text)
    assert client.get("/business", headers=auth).json()["portal"]["accent_color"] is None

    settings = {"display_name": "Acme Portal", "accent_color": "#aa3300", "return_url": "https://acme.example/app"}
    assert client.patch("/business", json={"portal": settings}, headers=auth).status_code == 200
    home = opened(client, link_of(client, auth, "cus_a"))
    assert "Acme Portal" in home.text and "https://acme.example/app" in home.text
    assert "#aa3300" in client.get("/portal/theme.css").text


def test_a_customer_cancels_at_period_end_only_where_the_business_allows_it_and_not_from_another_site(
    client: Any, auth: dict[str, str], two_customers: dict[str, Any]
) -> None:
    opened(client, link_of(client, auth, "cus_a"))
    ours = two_customers["cus_a"]["subscription"]
    cancel = f"/portal/subscriptions/{ours}/cancel-at-period-end"
    assert client.post(cancel, headers=SAME_SITE).status_code == 404  # not allowed yet
    client.patch("/business", json={"portal": {"allow_cancel": True}}, headers=auth)
    assert client.post(cancel, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert not client.get(f"/subscriptions/{ours}", headers=auth).json()["cancel_at_next_billing_date"]
    done = client.post(cancel, headers=SAME_SITE, follow_redirects=False)
    assert done.status_code == 303
    assert client.get(f"/subscriptions/{ours}", headers=auth).json()["cancel_at_next_billing_date"]


def test_dodos_sdk_creates_a_portal_session_in_strict_mode(client: Any, key: str, make_customer: Any) -> None:
    make_customer("cus_sdk")
    sdk = dodopayments.DodoPayments(
        bearer_token=key,
        base_url=str(client.base_url),
        http_client=client,
        _strict_response_validation=True,
        max_retries=0,
    )
    link = sdk.customers.customer_portal.create("cus_sdk", send_email=False).link
    assert opened(client, link).status_code == 200
    with pytest.raises(dodopayments.NotFoundError):
        sdk.customers.customer_portal.create("cus_nobody")


def test_the_cycle_page_shows_a_limit_and_what_remains_exactly(client: Any, auth: dict[str, str]) -> None:
    calls = meter(client, auth, "api.call", name="calls", measurement_unit="calls")
    price = {
        "meter_id": calls,
        "unit_price": "0.02",
        "free_threshold": "1000",
        "usage_limit": "1500",
        "limit_behavior": "block",
    }
    plan = product(client, auth, price)
    client.post("/customers", json={"customer_id": "cus_l"}, headers=auth)
    start = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=1)
    subscribe(client, auth, "cus_l", plan["id"], start)
    send(client, auth, "cus_l", "api.call", 1499, start, "l")
    opened(client, link_of(client, auth, "cus_l"))
    limits = client.get("/portal").text
    limits = limits[limits.index('id="limits"') :]
    assert "1,499" in limits and "1,500" in limits and "available" in limits
    send(client, auth, "cus_l", "api.call", 1, start + timedelta(minutes=30), "m")
    limits = client.get("/portal").text
    limits = limits[limits.index('id="limits"') :]
    assert "blocked" in limits and "usage limit" in limits
