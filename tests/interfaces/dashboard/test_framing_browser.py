"""Clickjacking, in a real browser: a page of another origin on the same host (same site, so the dashboard's
SameSite=Lax cookie goes along) frames a signed-in dashboard page under a decoy; the frame stays empty."""

from __future__ import annotations

import socket

from playwright.sync_api import Browser, Route, expect

from tests.interfaces.dashboard.conftest import Served
from tests.interfaces.dashboard.test_browser import sign_in


def unused_origin() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_a_page_of_another_origin_that_frames_a_signed_in_dashboard_page_gets_an_empty_frame(
    browser: Browser, served: Served, key: str
) -> None:
    context = browser.new_context(base_url=served.base)
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, key)
    expect(page.locator("h1")).to_have_text("Overview")
    attacker = unused_origin()
    frames = {"dashboard": f"{served.base}/dashboard", "framable": f"{attacker}/framable"}

    def attacker_site(route: Route) -> None:
        # The attacker's pages, answered by the browser itself: one that frames the dashboard and, to show that
        # framing works here at all, a page of its own.
        if route.request.url.endswith("/framable"):
            route.fulfill(content_type="text/html", body="<h1>Framed fine</h1>")
            return
        iframes = "".join(
            f'<iframe id="{name}" src="{url}" onload="this.dataset.loaded = 1"></iframe>'
            for name, url in frames.items()
        )
        route.fulfill(content_type="text/html", body=f"<button>Win a prize</button>{iframes}")

    page.route(f"{attacker}/**", attacker_site)
    page.goto(f"{attacker}/prize")
    for name in frames:
        expect(page.locator(f"iframe#{name}")).to_have_attribute("data-loaded", "1")
    expect(page.frame_locator("iframe#framable").locator("h1")).to_have_text("Framed fine")
    framed = page.locator("iframe#dashboard").element_handle().content_frame()
    assert framed is not None
    # Chromium shows its own error page in place of the dashboard: the navigation was blocked.
    assert not framed.url.startswith(served.base), framed.url
    assert "Overview" not in framed.content()
    assert [frame.url for frame in page.frames if frame.url.startswith(served.base)] == []
    context.close()
