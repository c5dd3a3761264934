"""Clickjacking, in a real browser: a page of another origin on the same host (same site, so the dashboard's
SameSite=Lax cookie goes along) frames a signed-in dashboard page under a decoy; the frame stays empty."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, expect

from tests.interfaces.dashboard.conftest import Served
from tests.interfaces.dashboard.test_browser import sign_in


@pytest.fixture
def framing_site(served: Served) -> Iterator[str]:
    """Another origin on 127.0.0.1 (a real server: Chromium refuses loopback frames in a page of no address):
    /prize frames the dashboard and, to show that framing works here at all, /framable, a page of its own."""

    class Pages(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/framable":
                body = "<h1>Framed fine</h1>"
            else:
                frames = {"dashboard": f"{served.base}/dashboard", "framable": "/framable"}
                body = "<button>Win a prize</button>" + "".join(
                    f'<iframe id="{name}" src="{url}" onload="this.dataset.loaded = 1"></iframe>'
                    for name, url in frames.items()
                )
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


def test_a_page_of_another_origin_that_frames_a_signed_in_dashboard_page_gets_an_empty_frame(
    browser: Browser, served: Served, key: str, framing_site: str
) -> None:
    context = browser.new_context(base_url=served.base)
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, key)
    expect(page.locator("h1")).to_have_text("Overview")
    page.goto(f"{framing_site}/prize")
    for name in ("dashboard", "framable"):
        expect(page.locator(f"iframe#{name}")).to_have_attribute("data-loaded", "1")
    expect(page.frame_locator("iframe#framable").locator("h1")).to_have_text("Framed fine")
    framed = page.locator("iframe#dashboard").element_handle().content_frame()
    assert framed is not None
    # Chromium shows its error page in place of the dashboard: the dashboard's own answer refused the frame.
    assert not framed.url.startswith(served.base), framed.url
    assert "ERR_BLOCKED_BY_RESPONSE" in framed.content() and "Overview" not in framed.content()
    assert [frame.url for frame in page.frames if frame.url.startswith(served.base)] == []
    context.close()
