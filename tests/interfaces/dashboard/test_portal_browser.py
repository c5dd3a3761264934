"""The customer portal in headless Chromium, on a laptop (1366 px) and a phone (390 px): every page opens from
the link, fits the screen, breaks no Content-Security-Policy, and is kept as docs/screenshots/portal-*.png."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from playwright.sync_api import Browser, Page, expect

from tests.conftest import RunningWorker
from tests.interfaces.billing_helpers import close, meter, product, send, subscribe
from tests.interfaces.dashboard.conftest import Served, screenshot
from tests.interfaces.dashboard.test_first_hour_browser import at_each_width, fits_the_screen

PAGES = {"cycle": "This cycle", "invoices": "Invoices", "credits": "Credits", "subscription": "Subscription"}


def test_a_customer_walks_every_portal_page(browser: Browser, served: Served, worker: RunningWorker, key: str) -> None:
    with httpx.Client(base_url=served.base, headers={"Authorization": f"Bearer {key}"}) as api:
        calls = meter(api, {}, "api.call", name="API calls", measurement_unit="calls")
        plan = product(api, {}, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}, name="Daily plan")
        api.post("/customers", json={"customer_id": "cus_portal", "name": "Portal Co"})
        api.patch("/business", json={"portal": {"display_name": "Acme APIs", "accent_color": "#0b7a75"}})
        start = (datetime.now(UTC) - timedelta(days=1, hours=2)).replace(second=0, microsecond=0)
        subscription = subscribe(api, {}, "cus_portal", plan["id"], start)
        send(api, {}, "cus_portal", "api.call", 2500, start, "closed")
        [invoice] = close(api, {}, subscription["id"])
        send(api, {}, "cus_portal", "api.call", 1800, start + timedelta(days=1), "open")
        session = api.post("/customers/cus_portal/customer-portal/session", params={"send_email": "false"})
        link = session.json()["link"]
    worker.caught_up()

    def walk(page: Page) -> None:
        width = page.viewport_size["width"]
        page.goto(link)
        expect(page.locator("h1")).to_have_text("This cycle")
        expect(page.locator("header")).to_contain_text("Acme APIs")
        expect(page.locator("#upcoming-total")).to_have_text("$16.00")
        fits_the_screen(page)
        screenshot(page, f"portal-cycle-{width}")
        for path, heading in list(PAGES.items())[1:]:
            page.click(f"header nav >> text={heading}")
            expect(page.locator("h1")).to_have_text(heading)
            fits_the_screen(page)
            screenshot(page, f"portal-{path}-{width}")
        page.goto(f"/portal/invoices/{invoice['id']}")
        expect(page.locator("#why")).to_contain_text("1,500 billable × $0.02 = $30.00")
        fits_the_screen(page)
        screenshot(page, f"portal-invoice-{width}")
        page.click("text=Sign out")
        expect(page.locator("#denied")).to_contain_text("Signed out")
        page.goto("/portal")
        expect(page.locator("#denied")).to_contain_text("not valid")

    at_each_width(browser, served, walk)
