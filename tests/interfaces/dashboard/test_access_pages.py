"""The customer page shows each limit with what is used and remaining, and since when a blocked one blocks."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from tests.interfaces.billing_helpers import meter, product, send, subscribe
from tests.interfaces.dashboard.test_pages_http import sign_in


def test_the_customer_page_shows_a_blocked_limit_and_since_when(
    client: Any, auth: Any, worker: Any, key: str, tally: Any
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    price = {"meter_id": calls, "unit_price": "0.02", "usage_limit": "3", "limit_behavior": "block"}
    plan = product(client, auth, price, billing_interval="month")
    client.post("/customers", json={"customer_id": "cus_lim"}, headers=auth)
    minute = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    subscribe(client, auth, "cus_lim", plan["id"], minute)
    send(client, auth, "cus_lim", "api.call", 3, minute, "l")
    worker.caught_up()  # the limit job runs behind the worker: `charges` holds the subscription by then
    assert tally.limits.record_reached(tally.businesses.authenticate(key), "cus_lim", datetime.now(timezone.utc)) == 1
    sign_in(client, key)

    page = client.get("/dashboard/customers/cus_lim").text

    table = page[page.index('id="access"') :].split("</table>")[0]
    assert "API calls" in table and "blocked since" in table and "usage_limit" in table
