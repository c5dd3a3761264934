"""The simulation pages: prices to try beside today's, then revenue per cycle and movers; the chart in Chromium."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
from playwright.sync_api import Page, expect

from tests.interfaces.billing_helpers import close, meter, product, send, subscribe
from tests.interfaces.dashboard.conftest import screenshot
from tests.interfaces.dashboard.test_browser import sign_in as sign_in_browser
from tests.interfaces.dashboard.test_pages_http import sign_in


def closed_cycle(client: Any, auth: Any, customer: str) -> tuple[str, dict[str, Any]]:
    calls = meter(client, auth, "api.call", name="API calls")
    plan = product(client, auth, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"})
    client.post("/customers", json={"customer_id": customer}, headers=auth)
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, hours=1)
    subscription = subscribe(client, auth, customer, plan["id"], start)
    send(client, auth, customer, "api.call", 2500, start + timedelta(minutes=5), customer)
    close(client, auth, subscription["id"])
    return calls, plan


def run_jobs(tally: Any, worker: Any) -> None:
    worker.caught_up()
    while tally.simulations.step(datetime.now(timezone.utc)):
        worker.caught_up()


def test_a_graduated_price_is_shown_in_its_model_and_kept_and_an_error_names_its_meter(
    client: Any, auth: Any, key: str, tally: Any, worker: Any
) -> None:
    calls = meter(client, auth, "api.call", name="API calls")
    tokens = meter(client, auth, "llm", name="Tokens")
    tiers = [{"up_to": "1000", "unit_price": "0.02"}, {"up_to": None, "unit_price": "0.01"}]
    plan = product(
        client,
        auth,
        {"meter_id": calls, "unit_price": "0.02"},
        {"meter_id": tokens, "model": "graduated", "tiers": tiers},
    )
    sign_in(client, key)
    form = client.get(f"/dashboard/products/{plan['id']}/simulate").text
    assert "graduated: 0.02 up to 1,000, 0.01 up to ∞" in form.replace("1000", "1,000")
    assert f'name="unit_price.{tokens}"' not in form and "None" not in form
    refused = client.post(f"/dashboard/products/{plan['id']}/simulate", data={f"unit_price.{calls}": "abc"})
    assert refused.status_code == 422 and "API calls" in refused.text and "None" not in refused.text
    started = client.post(
        f"/dashboard/products/{plan['id']}/simulate",
        data={f"unit_price.{calls}": "0.03", "cycles": "1"},
        follow_redirects=False,
    )
    assert started.status_code == 303


def test_prices_to_try_stand_beside_todays_and_the_result_shows_totals_and_movers(
    client: Any, auth: Any, key: str, tally: Any, worker: Any
) -> None:
    calls, plan = closed_cycle(client, auth, "cus_sim")
    worker.caught_up()
    sign_in(client, key)
    form = client.get(f"/dashboard/products/{plan['id']}/simulate").text
    assert f'name="unit_price.{calls}" value="0.02"' in form and "API calls" in form
    refused = client.post(
        f"/dashboard/products/{plan['id']}/simulate", data={f"unit_price.{calls}": "-1", "cycles": "1"}
    )
    assert refused.status_code == 422 and "unit_price" in refused.text
    started = client.post(
        f"/dashboard/products/{plan['id']}/simulate",
        data={f"unit_price.{calls}": "0.03", f"free_threshold.{calls}": "1000", "cycles": "1"},
        follow_redirects=False,
    )
    assert started.status_code == 303
    run_jobs(tally, worker)
    shown = client.get(started.headers["location"]).text
    assert "45.00" in shown and "15.00" in shown and "cus_sim" in shown and 'id="simulation-chart"' in shown
    assert re.search(r"<td>proposed</td>\s*<td class=\"num\">1</td>", shown)
    assert "/dashboard/simulations/" in client.get("/dashboard/simulations").text
    sign_in(client, tally.businesses.create_key("other-simulations"))
    assert client.get(started.headers["location"].split("?")[0]).status_code == 404


def test_the_revenue_chart_is_drawn(page: Page, served: Any, worker: Any, key: str, tally: Any) -> None:
    auth = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=served.base) as client:
        calls, plan = closed_cycle(client, auth, "cus_chart")
        worker.caught_up()
        started = client.post(
            "/simulations",
            headers=auth,
            json={
                "product_id": plan["id"],
                "cycles": 1,
                "usage_prices": [{"meter_id": calls, "unit_price": "0.03", "free_threshold": "1000"}],
            },
        ).json()
    run_jobs(tally, worker)
    sign_in_browser(page, key)
    page.goto(f"/dashboard/simulations/{started['id']}")
    expect(page.locator("#simulation-status")).to_have_text("done")
    expect(page.locator("#simulation-chart canvas")).to_have_count(1)
    expect(page.locator("#simulation-movers")).to_contain_text("cus_chart")
    screenshot(page, "simulation")
