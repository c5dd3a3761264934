"""The dashboard in headless Chromium, against a real server and projection worker."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import httpx
import pytest
from playwright.sync_api import Page, expect

from application.tally import Tally
from tests.conftest import RunningWorker
from tests.interfaces.billing_helpers import close, meter, product, send, subscribe
from tests.interfaces.dashboard.conftest import Served, screenshot


def sign_in(page: Page, key: str) -> None:
    page.goto("/dashboard")
    page.fill("input[name=api_key]", key)
    page.click("button[type=submit]")


def ingest(served: Served, key: str, worker: RunningWorker, *tokens: int) -> None:
    events = [
        {"event_id": f"evt_{i}", "customer_id": "cus_browser", "event_name": "api.call", "metadata": {"tokens": n}}
        for i, n in enumerate(tokens)
    ]
    answer = httpx.post(
        f"{served.base}/events/ingest", json={"events": events}, headers={"Authorization": f"Bearer {key}"}
    )
    assert answer.status_code == 200, answer.text
    worker.caught_up(answer.json()["position"])


@pytest.mark.long
def test_a_person_signs_in_follows_usage_and_signs_out(
    page: Page, served: Served, worker: RunningWorker, key: str
) -> None:
    page.goto("/dashboard")
    screenshot(page, "sign-in")
    page.fill("input[name=api_key]", "tally_wrong_key")
    page.click("button[type=submit]")
    expect(page.get_by_role("alert")).to_contain_text("That API key is not valid")
    sign_in(page, key)
    expect(page.locator("h1")).to_have_text("Overview")
    page.goto("/dashboard/meters")
    expect(page.locator(".empty")).to_contain_text("No meters yet")
    page.fill("input[name=name]", "Tokens used")
    page.fill("input[name=event_name]", "api.call")
    page.select_option("select[name=aggregation_type]", "sum")
    page.click("text=Create meter")
    expect(page.get_by_role("alert")).to_contain_text("aggregation.key: is required for sum")
    page.fill("input[name=aggregation_key]", "tokens")
    page.fill("input[name=measurement_unit]", "tokens")
    page.fill("input[name=clause_key_0]", "tokens")
    page.select_option("select[name=clause_operator_0]", "greater_than")
    page.fill("input[name=clause_value_0]", "10")
    page.click("text=Create meter")
    expect(page.locator("h1")).to_contain_text("Tokens used")

    page.goto("/dashboard/customers")
    page.fill("input[name=customer_id]", "cus_browser")
    page.fill("input[name=name]", "Browser Co")
    page.click("text=Add customer")
    expect(page.locator("h1")).to_have_text("Browser Co")

    page.goto("/dashboard/products")
    page.fill("input[name=name]", "Pro plan")
    page.click("text=Create product")
    expect(page.locator("h1")).to_have_text("Pro plan")
    page.fill("input[name=unit_price]", "0.02")
    page.fill("input[name=free_threshold]", "100")
    page.click("text=Set price")
    expect(page.locator("table tbody tr td.num").first).to_have_text("0.02")
    screenshot(page, "product")
    page.goto("/dashboard/customers/cus_browser")
    page.click("button:text-is('Subscribe')")
    expect(page.locator("#upcoming .total")).to_have_text("$0.00")

    page.goto("/dashboard/meters")
    page.click("text=Tokens used")
    expect(page.locator(".empty")).to_contain_text("/events/ingest")
    ingest(served, key, worker, 100, 5, 150)
    # Both refresh in place, without a reload: the chart from its JSON, the table from the page.
    expect(page.locator("#usage-total")).to_have_text("250")
    expect(page.locator("#usage-chart canvas")).to_be_visible()
    expect(page.locator("#usage-chart")).to_have_attribute("data-buckets", "1")
    expect(page.locator("table.events tbody tr")).to_have_count(2)
    screenshot(page, "meter")
    page.goto("/dashboard/meters")
    expect(page.locator("table tbody tr td.num")).to_have_text("2")
    screenshot(page, "meters")

    page.goto("/dashboard/events")
    expect(page.locator("table.events tbody tr")).to_have_count(3)
    page.click("text=1 key >> nth=0")
    expect(page.locator("table.events pre").first).to_contain_text('"tokens": 150')
    screenshot(page, "events")

    page.goto("/dashboard/customers")
    screenshot(page, "customers")
    page.click("text=cus_browser")
    expect(page.locator("table.events tbody tr")).to_have_count(3)
    # 250 tokens counted (5 is filtered out), 100 free: 150 x 0.02
    expect(page.locator("#upcoming .total")).to_have_text("$3.00")
    screenshot(page, "customer")
    page.click("#upcoming a:text-is('Pro plan')")
    expect(page.locator(".upcoming-total")).to_have_text("$3.00")
    page.fill("input[name=unit_price]", "0.03")
    page.click("text=Set price")
    expect(page.locator(".upcoming-total")).to_have_text("$4.50")  # re-rated at once
    page.goto("/dashboard/customers/cus_browser")
    expect(page.locator("#upcoming .total")).to_have_text("$4.50")

    page.click("text=Sign out")
    expect(page.locator("input[name=api_key]")).to_be_visible()
    page.goto("/dashboard/meters")
    expect(page.locator("input[name=api_key]")).to_be_visible()


def test_an_issued_invoice_reads_line_by_line_and_another_business_sees_nothing(
    page: Page, served: Served, worker: RunningWorker, key: str, tally: Tally
) -> None:
    with httpx.Client(base_url=served.base, headers={"Authorization": f"Bearer {key}"}) as api:
        calls = meter(api, {}, "api.call", name="API calls")
        plan = product(api, {}, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}, name="Starter")
        api.post("/customers", json={"customer_id": "cus_seed", "name": "Seed Co"})
        start = datetime.now(timezone.utc).replace(second=0, microsecond=0) - timedelta(days=1, hours=1)
        subscription = subscribe(api, {}, "cus_seed", plan["id"], start)
        send(api, {}, "cus_seed", "api.call", 2500, start + timedelta(minutes=5), "seed")
        [invoice] = close(api, {}, subscription["id"])
    worker.caught_up()
    sign_in(page, key)
    page.goto("/dashboard/invoices")
    screenshot(page, "invoices")
    page.click(f"a[href='/dashboard/invoices/{invoice['id']}']")
    expect(page.locator(".lines .total")).to_have_text("$30.00")
    screenshot(page, "invoice")
    page.click("text=re-derive it from the event log")
    expect(page.locator("#verdict")).to_contain_text("it matches the issued invoice")
    screenshot(page, "explain")
    page.go_back()
    page.click("text=the invoice's audit trail")
    expect(page.locator("h1")).to_contain_text("History of invoice")
    screenshot(page, "audit")
    page.goto("/dashboard/products")
    screenshot(page, "products")

    page.click("text=Sign out")
    sign_in(page, tally.businesses.create_key("second-business"))
    expect(page.locator("#events-today")).to_have_text("0")
    page.goto("/dashboard/meters")
    expect(page.locator(".empty")).to_contain_text("No meters yet")
    for path in ("/dashboard/customers", "/dashboard/events", "/dashboard/invoices", "/dashboard/products"):
        page.goto(path)
        expect(page.locator("main")).not_to_contain_text("cus_seed")
        expect(page.locator("main")).not_to_contain_text("Starter")
    assert page.goto(f"/dashboard/invoices/{invoice['id']}").status == 404


def test_go_back_on_an_error_page_returns_to_the_page_before_it(page: Page, served: Served, key: str) -> None:
    sign_in(page, key)
    page.goto("/dashboard/meters")
    page.goto("/dashboard/customers/cus_nobody")
    expect(page.locator("h1")).to_have_text("Not found")
    page.click("text=Go back")
    expect(page).to_have_url(f"{served.base}/dashboard/meters")
