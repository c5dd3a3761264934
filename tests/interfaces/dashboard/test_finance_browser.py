"""The dashboard's create forms and a finance person's pages in headless Chromium, on a laptop (1366 px) and a
phone (390 px): each form is filled as a person fills it (the price model shows its own fields), each page fits
the screen and breaks no Content-Security-Policy, and is kept as docs/screenshots/*-{width}.png."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from playwright.sync_api import Browser, Page, expect

from tests.conftest import RunningWorker
from tests.interfaces.billing_helpers import close, meter, product, send, subscribe
from tests.interfaces.dashboard.conftest import Served, screenshot
from tests.interfaces.dashboard.test_browser import sign_in
from tests.interfaces.dashboard.test_finance_pages import month_start
from tests.interfaces.dashboard.test_first_hour_browser import (  # noqa: F401
    at_each_width,
    fits_the_screen,
    sized_page,
)


def billed_business(served: Served, worker: RunningWorker, key: str) -> None:
    """Last month's cycle billed $30.00; this month's open cycle at $4.00; 30 eu and 20 us events."""
    with httpx.Client(base_url=served.base, headers={"Authorization": f"Bearer {key}"}) as api:
        calls = meter(api, {}, "api.call", name="API calls")
        usage = {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}
        plan = product(api, {}, usage, name="API plan", billing_interval="month")
        api.post("/customers", json={"customer_id": "cus_rev", "name": "Revenue Co"})
        api.post("/customers", json={"customer_id": "cus_meta", "name": "Meta Co"})
        previous = month_start(datetime.now(UTC), 1)
        send(api, {}, "cus_rev", "api.call", 2500, previous + timedelta(days=1), "old")
        subscription = subscribe(api, {}, "cus_rev", plan["id"], previous)
        close(api, {}, subscription["id"])
        recent = max(datetime.now(UTC) - timedelta(minutes=30), month_start(datetime.now(UTC)) + timedelta(seconds=1))
        send(api, {}, "cus_rev", "api.call", 1200, recent, "new")
        send(api, {}, "cus_meta", "meta.call", 30, recent, "meta-eu", metadata={"region": "eu"})
        send(api, {}, "cus_meta", "meta.call", 20, recent, "meta-us", metadata={"region": "us"})
    worker.caught_up()


def test_a_person_creates_a_product_entitlement_webhook_and_key(
    sized_page: Page,  # noqa: F811
    served: Served,
    worker: RunningWorker,
    key: str,
) -> None:
    page = sized_page
    width = page.viewport_size["width"]
    billed_business(served, worker, key)
    sign_in(page, key)

    page.goto("/dashboard/products")
    page.click("text=Create a product")
    form = page.locator("form.price-form")
    form.locator("input[name=name]").fill("Graduated plan")
    form.locator("select[name=meter_id]").select_option(label="API calls")
    expect(form.locator("fieldset.tiers")).to_be_hidden()
    form.locator("select[name=model]").select_option("graduated")
    expect(form.locator("fieldset.tiers")).to_be_visible()
    expect(form.locator("input[name=unit_price]")).to_be_hidden()
    form.locator("input[name='tiers.0.up_to']").fill("1000")
    form.locator("input[name='tiers.0.unit_price']").fill("0.02")
    form.locator("input[name='tiers.1.unit_price']").fill("0.01")
    fits_the_screen(page)
    screenshot(page, f"product-create-{width}")
    form.locator("button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Graduated plan")
    expect(page.locator("main")).to_contain_text("graduated: 0.02 up to 1,000, 0.01 up to ∞")
    fits_the_screen(page)
    screenshot(page, f"product-graduated-{width}")

    page.goto("/dashboard/credit-entitlements")
    page.fill("input[name=name]", "Support hours")
    page.fill("input[name=unit]", "hours")
    page.click("text=Define entitlement")
    expect(page.locator("table")).to_contain_text("Support hours")
    fits_the_screen(page)
    screenshot(page, f"entitlements-{width}")

    page.goto("/dashboard/webhooks")
    page.fill("input[name=url]", f"https://example.com/hooks-{width}")
    page.click("text=Add endpoint")
    expect(page.locator("h1")).to_contain_text(f"https://example.com/hooks-{width}")
    page.click("text=Send a test event")
    expect(page.locator("main")).to_contain_text("Test event queued")
    expect(page.locator("table")).to_contain_text("webhook.test")
    fits_the_screen(page)
    screenshot(page, f"webhook-{width}")

    page.goto("/dashboard/keys")
    page.click("text=Create an API key")
    expect(page.locator("#new-key code")).to_contain_text("tally_")
    fits_the_screen(page)
    screenshot(page, f"keys-new-{width}")
    page.reload()
    expect(page.locator("#new-key")).to_have_count(0)


def test_a_finance_person_reads_revenue_customers_and_events(
    browser: Browser, served: Served, worker: RunningWorker, key: str
) -> None:
    billed_business(served, worker, key)

    def walk(page: Page) -> None:
        width = page.viewport_size["width"]
        sign_in(page, key)
        expect(page.locator("#revenue-billed-chart .uplot")).to_have_count(1)
        expect(page.locator("#revenue-mrr-chart .uplot")).to_have_count(1)
        fits_the_screen(page)
        screenshot(page, f"overview-revenue-{width}")

        page.goto("/dashboard/revenue")
        expect(page.locator("#revenue-billed")).to_contain_text("$30.00")
        expect(page.locator("#revenue-mrr")).to_contain_text("API plan")
        fits_the_screen(page)
        screenshot(page, f"revenue-{width}")

        page.goto("/dashboard/customers")
        row = page.locator("tr", has_text="cus_rev")
        expect(row).to_contain_text("API plan")
        expect(row).to_contain_text("$4.00")
        if width > 600:  # a phone stacks the rows, with no header to click: the Order select sorts there
            page.click("#customers th >> text=Upcoming amount")  # the page's rows by upcoming amount, largest first
            expect(page.locator("#customers tbody tr").first).to_contain_text("cus_rev")
        fits_the_screen(page)
        screenshot(page, f"customers-finance-{width}")

        page.goto("/dashboard/events")
        page.fill("input[name=metadata_key]", "region")
        page.fill("input[name=metadata_value]", "eu")
        page.click("form.filters button[type=submit]")
        expect(page.locator("#events-count")).to_contain_text("30 matching events")
        fits_the_screen(page)
        screenshot(page, f"events-metadata-{width}")

        page.goto("/dashboard/invoices")
        expect(page.locator("#invoice-totals")).to_contain_text("$30.00")
        page.select_option("select[name=product_id]", label="API plan")
        page.click("form.filters button[type=submit]")
        expect(page.locator("#invoice-totals")).to_contain_text("1")
        fits_the_screen(page)
        screenshot(page, f"invoices-filtered-{width}")

    at_each_width(browser, served, walk)
