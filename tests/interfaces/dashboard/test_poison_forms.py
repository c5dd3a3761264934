"""Dashboard forms call the API's commands, so the domain's text and time rules refuse the same poison
there: a 422 page with the reason, nothing stored."""

from __future__ import annotations

from typing import Any

import pytest

from tests.interfaces.dashboard.test_pages_http import sign_in

NUL = "\u0000"


@pytest.fixture
def product_id(client: Any, auth: dict[str, str], key: str) -> str:
    assert client.post("/customers", json={"customer_id": "cus_ok"}, headers=auth).status_code == 201
    product = client.post(
        "/products", json={"name": "Daily", "currency": "USD", "billing_interval": "day"}, headers=auth
    ).json()
    sign_in(client, key)
    return str(product["id"])


FORMS = [
    ("/dashboard/customers", {"customer_id": f"c{NUL}1"}),
    ("/dashboard/customers", {"customer_id": "c2", "name": f"A{NUL}"}),
    ("/dashboard/meters", {"name": f"M{NUL}", "event_name": "e", "aggregation_type": "count"}),
    (
        "/dashboard/meters",
        {
            "name": "M",
            "event_name": "e",
            "aggregation_type": "count",
            "clause_key_0": "k",
            "clause_operator_0": "equals",
            "clause_value_0": f"v{NUL}",
        },
    ),
    ("/dashboard/products", {"name": f"P{NUL}", "currency": "USD", "billing_interval": "day", "interval_count": "1"}),
    ("/dashboard/customers/cus_ok/credits", {"amount": "5", "reason": f"r{NUL}"}),
    ("/dashboard/customers/cus_ok/credits", {"amount": "5", "expires_at": "0001-01-01T00:30:00+01:00"}),
    ("/dashboard/customers/cus_ok/subscriptions", {"product_id": "{product}", "start": "0001-01-01T00:00"}),
]


@pytest.mark.parametrize(("path", "form"), FORMS)
def test_a_poisoned_form_is_refused_and_stores_nothing(
    client: Any, tally: Any, product_id: str, path: str, form: dict[str, str]
) -> None:
    head = tally.store.head()
    page = client.post(path, data={k: v.format(product=product_id) for k, v in form.items()}, follow_redirects=False)
    assert page.status_code == 422, page.text[:300]
    assert tally.store.head() == head


@pytest.mark.parametrize("query", ["start=0001-01-01T00:30:00%2B01:00", "end=9999-01-01T00:00", "customer_id=a%00b"])
def test_a_poisoned_events_filter_is_refused(client: Any, product_id: str, query: str) -> None:
    assert client.get(f"/dashboard/events?{query}").status_code == 422


@pytest.mark.parametrize("path", ["/dashboard/customers", "/dashboard/events", "/dashboard/invoices"])
def test_a_page_number_out_of_bounds_is_refused(client: Any, product_id: str, path: str) -> None:
    assert client.get(f"{path}?page_number=99999999999999999999").status_code == 400
