"""The pages a person keeps open, on a laptop (1366 px) and a phone (390 px): the overview, charts that fit
their range, customer search, and the actions behind confirmation pages (edit, close now, cancel, archive)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import RunningWorker
from tests.interfaces.billing_helpers import meter, product, subscribe, yesterday
from tests.interfaces.dashboard.conftest import Served, csp_watched, screenshot
from tests.interfaces.dashboard.test_browser import sign_in

WIDTHS = {"laptop": 1366, "phone": 390}
EVENTS = 1234


@pytest.fixture(params=list(WIDTHS))
def sized_page(request: pytest.FixtureRequest, browser: Browser, served: Served) -> Iterator[Page]:
    """For a walk that changes what it walks through: each width gets a test, and a business, of its own."""
    with csp_watched(browser, served, WIDTHS[request.param]) as context:
        yield context.new_page()


def at_each_width(browser: Browser, served: Served, walk: Callable[[Page], None]) -> None:
    """`walk` on a laptop, then on a phone, over one server and business: a walk that only reads can share them,
    and they cost more to make than the walk (a test per width made them twice)."""
    for name, width in WIDTHS.items():
        with csp_watched(browser, served, width) as context:
            try:
                walk(context.new_page())
            except Exception as failed:
                failed.add_note(f"on the {name}, {width} px wide")
                raise


@pytest.fixture
def first_hour_business(served: Served, worker: RunningWorker, key: str) -> dict[str, str]:
    """A counted meter priced on a daily product; Acme subscribed since a few minutes ago, with 1,234 events sent a
    moment ago; Globex subscribed since yesterday, so one of its cycles has ended and is due."""
    with httpx.Client(base_url=served.base, headers={"Authorization": f"Bearer {key}"}) as api:
        calls = meter(api, {}, "api.call", name="API calls")
        plan = product(api, {}, {"meter_id": calls, "unit_price": "0.02", "free_threshold": "1000"}, name="Daily plan")
        for body in (
            {"customer_id": "cus_acme", "name": "Acme Rockets", "email": "ops@acme.example"},
            {"customer_id": "cus_globex", "name": "Globex", "email": "billing@globex.example"},
        ):
            assert api.post("/customers", json=body).status_code == 201
        subscribe(api, {}, "cus_acme", plan["id"], datetime.now(timezone.utc) - timedelta(minutes=10))
        subscription = subscribe(api, {}, "cus_globex", plan["id"], yesterday())
        for offset in range(0, EVENTS, 1000):
            events = [
                {"event_id": f"fh-{i}", "customer_id": "cus_acme", "event_name": "api.call"}
                for i in range(offset, min(EVENTS, offset + 1000))
            ]
            answer = api.post("/events/ingest", json={"events": events})
            assert answer.status_code == 200, answer.text
    worker.caught_up()
    return {"meter": calls, "product": plan["id"], "subscription": subscription["id"]}


def fits_the_screen(page: Page) -> None:
    """Nothing runs off-screen: the page is no wider than the window (wide tables scroll inside themselves)."""
    wider = page.evaluate("""() => document.documentElement.scrollWidth <= window.innerWidth + 1 ? [] :
        [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 &&
          !(e.parentElement && e.parentElement.closest("table, pre, .u-wrap")))
          .slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))""")
    assert not wider, f"wider than the {page.viewport_size['width']} px window: {wider}"


def open_menu_if_folded(page: Page) -> None:
    menu = page.locator("header button.menu")
    if menu.is_visible():
        expect(page.locator("header nav")).to_be_hidden()
        menu.click()
    expect(page.locator("header nav")).to_be_visible()


def test_the_overview_says_how_the_business_is_doing_and_links_on(
    browser: Browser, served: Served, first_hour_business: dict[str, str], key: str
) -> None:
    def walk(page: Page) -> None:
        sign_in(page, key)
        expect(page.locator("h1")).to_have_text("Overview")
        expect(page.locator("#events-today")).to_have_text("1,234")
        expect(page.locator("#events-cycle")).to_have_text("1,234")
        # 1,234 calls in the open cycle, 1,000 free: 234 x $0.02
        expect(page.locator("#upcoming-revenue")).to_have_text("$4.68")
        expect(page.locator("table.compact a[href='/dashboard/customers/cus_acme']")).to_be_visible()
        expect(page.locator("#projection-lag")).to_have_text("0")
        fits_the_screen(page)
        screenshot(page, f"overview-{page.viewport_size['width']}")
        page.click("#events-today >> xpath=..")
        expect(page.locator("h1")).to_have_text("Events")
        fits_the_screen(page)
        open_menu_if_folded(page)
        page.click("header nav >> text=Overview")
        expect(page.locator("h1")).to_have_text("Overview")

    at_each_width(browser, served, walk)


def test_a_chart_fits_its_range_and_shows_a_single_bucket(
    browser: Browser, served: Served, first_hour_business: dict[str, str], key: str
) -> None:
    def walk(page: Page) -> None:
        sign_in(page, key)
        page.goto(f"/dashboard/meters/{first_hour_business['meter']}")
        chart = page.locator("#usage-chart")
        expect(page.locator("#usage-total")).to_have_text("1,234")
        expect(chart).to_have_attribute("data-buckets", "1")
        expect(chart).to_have_attribute("data-drawn-max", "1234")
        expect(chart).to_have_attribute("data-window", "hour")
        expect(chart.locator("canvas").first).to_be_visible()
        fits_the_screen(page)
        screenshot(page, f"meter-{page.viewport_size['width']}")
        page.click(".presets >> text=30 days")
        expect(chart).to_have_attribute("data-window", "day")
        page.click(".presets >> text=This cycle")  # the earliest open cycle, Globex's, began a day ago
        expect(chart).to_have_attribute("data-window", "hour")
        page.fill("input[name=customer_id]", "cus_acme")
        page.click("button:text-is('Show')")
        page.click(".presets >> text=This cycle")  # Acme's began ten minutes ago
        expect(chart).to_have_attribute("data-window", "minute")
        expect(page.locator("#usage-total")).to_have_text("1,234")
        page.goto(f"/dashboard/meters/{first_hour_business['meter']}?preset=30d&window=minute")
        expect(page.get_by_role("alert")).to_contain_text("window: the range holds more than 10000 minute windows")

    at_each_width(browser, served, walk)


def test_customers_are_found_by_name_and_their_page_charts_the_cycle(
    browser: Browser, served: Served, first_hour_business: dict[str, str], key: str
) -> None:
    def walk(page: Page) -> None:
        sign_in(page, key)
        page.goto("/dashboard/customers")
        page.fill("input[name=search]", "acme")
        page.click("button:text-is('Search')")
        expect(page.locator("main table tbody tr")).to_have_count(1)
        expect(page.locator("main table tbody")).to_contain_text("Acme Rockets")
        fits_the_screen(page)
        page.click("text=cus_acme")
        expect(page.locator(".charts [data-usage-chart] canvas").first).to_be_visible()
        expect(page.locator(".charts [data-usage-chart]").first).to_have_attribute("data-drawn-max", "1234")
        expect(page.locator(".charts strong").first).to_have_text("1,234")
        fits_the_screen(page)
        screenshot(page, f"customer-{page.viewport_size['width']}")

    at_each_width(browser, served, walk)


def test_a_person_edits_a_customer_closes_a_cycle_cancels_and_archives_each_after_confirming(
    sized_page: Page, first_hour_business: dict[str, str], key: str
) -> None:
    page = sized_page
    sign_in(page, key)
    page.goto("/dashboard/customers/cus_globex")
    page.click("text=Edit name and email")
    page.fill("input[name=name]", "Globex Corporation")
    page.click("text=Save changes")
    expect(page.get_by_role("status")).to_have_text("Customer saved.")
    expect(page.locator("h1")).to_have_text("Globex Corporation")

    page.click("text=Close due cycles now")
    expect(page.locator("h1")).to_have_text("Close due cycles now")
    fits_the_screen(page)
    page.click("button:text-is('Close and invoice now')")
    expect(page.get_by_role("status")).to_contain_text("Due cycles closed")
    expect(page.locator("a[href^='/dashboard/invoices/']").first).to_be_visible()

    page.click("table.subscriptions >> a:text-is('Cancel')")
    expect(page.locator(".confirm-question")).to_contain_text("cannot be undone")
    page.click("text=Keep it as it is")
    expect(page.locator("table.subscriptions .badge")).to_have_text("active")
    page.click("table.subscriptions >> a:text-is('Cancel')")
    page.click("button:text-is('Cancel the subscription now')")
    expect(page.get_by_role("status")).to_contain_text("Subscription cancelled")
    expect(page.locator("table.subscriptions .badge")).to_have_text("cancelled")

    page.goto(f"/dashboard/products/{first_hour_business['product']}")
    page.click("text=Archive this product")
    page.click("button:text-is('Archive the product')")
    expect(page.get_by_role("status")).to_contain_text("Product archived")
    expect(page.locator("h1 .badge")).to_have_text("archived")
    fits_the_screen(page)


def test_an_invoice_names_its_customer_and_product_and_shows_every_figure_on_a_phone(
    browser: Browser, served: Served, first_hour_business: dict[str, str], key: str
) -> None:
    with httpx.Client(base_url=served.base, headers={"Authorization": f"Bearer {key}"}) as api:
        closed = api.post(f"/subscriptions/{first_hour_business['subscription']}/close-cycle", json={})
        assert closed.status_code == 200, closed.text
        [invoice] = closed.json()["invoices"]

    def walk(page: Page) -> None:
        sign_in(page, key)
        page.goto(f"/dashboard/invoices/{invoice['id']}")
        facts = page.locator("dl.facts").first  # the invoice's parties; the wallet's payment follows the lines
        expect(facts).to_contain_text("Globex")
        expect(facts).to_contain_text("billing@globex.example")
        expect(facts).to_contain_text("Daily plan")
        total = page.locator("table.lines .total")
        expect(total).to_have_text(f"${invoice['total']}")
        box = total.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
        fits_the_screen(page)
        screenshot(page, f"invoice-{page.viewport_size['width']}")
        page.goto(f"/dashboard/audit/invoice/{invoice['id']}")
        expect(page.locator("h1")).to_contain_text(invoice["number"])
        assert "Decimal(" not in page.content() and "Line(" not in page.content()
        state = page.locator("div.state > table.kv")  # the state as a table: a name beside each value
        expect(state.locator("> tbody > tr > th", has_text="number")).to_be_visible()
        expect(state).to_contain_text(invoice["number"])
        expect(state).to_contain_text("API calls")
        fits_the_screen(page)

    at_each_width(browser, served, walk)


def test_on_a_phone_every_page_fits_and_every_money_figure_is_on_screen(
    browser: Browser, served: Served, first_hour_business: dict[str, str], key: str
) -> None:
    with httpx.Client(base_url=served.base, headers={"Authorization": f"Bearer {key}"}) as api:
        closed = api.post(f"/subscriptions/{first_hour_business['subscription']}/close-cycle", json={})
        [invoice] = closed.json()["invoices"]
    pages = [
        "/dashboard",
        "/dashboard/customers",
        "/dashboard/customers/cus_acme",
        "/dashboard/customers/cus_globex",
        "/dashboard/invoices",
        f"/dashboard/invoices/{invoice['id']}",
        f"/dashboard/invoices/{invoice['id']}/explain",
        "/dashboard/products",
        f"/dashboard/products/{first_hour_business['product']}",
        f"/dashboard/products/{first_hour_business['product']}/simulate",
        "/dashboard/meters",
        f"/dashboard/meters/{first_hour_business['meter']}",
        "/dashboard/events",
        f"/dashboard/audit/invoice/{invoice['id']}",
    ]
    with csp_watched(browser, served, WIDTHS["phone"]) as context:
        page = context.new_page()
        sign_in(page, key)
        for path in pages:
            page.goto(path)
            page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")  # forms too
            fits_the_screen(page)
            off = page.evaluate("""() => {
              const off = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const n = walker.currentNode;
                if (!/\\$\\d/.test(n.nodeValue)) continue;
                const range = document.createRange(); range.selectNodeContents(n);
                const r = range.getBoundingClientRect();
                if (r.width && (r.left < 0 || r.right > window.innerWidth + 1)) off.push(n.nodeValue.trim() + " " + Math.round(r.right));
              }
              return off;
            }""")
            assert not off, f"{path}: money off-screen at 390 px: {off[:5]}"
