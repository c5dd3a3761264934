"""The dashboard in headless Chromium, against a real server and projection worker."""
from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from application.tally import Tally
from tests.conftest import RunningWorker
from tests.interfaces.dashboard.conftest import Served, screenshot


def sign_in(page: Page, key: str) -> None:
    page.goto("/dashboard")
    page.fill("input[name=api_key]", key)
    page.click("button[type=submit]")


def test_a_person_signs_in_follows_usage_and_signs_out(page: Page, served: Served, tally: Tally,
                                                        worker: RunningWorker, key: str) -> None:
    page.goto("/dashboard")
    screenshot(page, "sign-in")
    page.fill("input[name=api_key]", "tally_wrong_key")
    page.click("button[type=submit]")
    expect(page.get_by_role("alert")).to_contain_text("That API key is not valid")
    sign_in(page, key)

    page.goto("/dashboard/customers")
    page.fill("input[name=customer_id]", "cus_browser")
    page.fill("input[name=name]", "Browser Co")
    page.click("text=Add customer")
    expect(page.locator("h1")).to_have_text("Browser Co")

    page.goto("/dashboard/events")
    expect(page.locator(".empty")).to_contain_text("/events/ingest")
    auth = {"Authorization": f"Bearer {key}"}
    events = [{"event_id": f"evt_{i}", "customer_id": "cus_browser", "event_name": "api.call",
               "metadata": {"tokens": 100 + i}} for i in range(3)]
    answer = httpx.post(f"{served.base}/events/ingest", json={"events": events}, headers=auth)
    worker.caught_up(answer.json()["position"])
    expect(page.locator("table.events tbody tr")).to_have_count(3)  # refreshed in place, no reload
    page.click("text=1 key >> nth=0")
    expect(page.locator("table.events pre").first).to_contain_text('"tokens": 102')
    screenshot(page, "events")

    page.goto("/dashboard/customers")
    screenshot(page, "customers")
    page.click("text=cus_browser")
    expect(page.locator("table.events tbody tr")).to_have_count(3)
    screenshot(page, "customer")

    page.click("text=Sign out")
    expect(page.locator("input[name=api_key]")).to_be_visible()
    page.goto("/dashboard/events")
    expect(page.locator("input[name=api_key]")).to_be_visible()
