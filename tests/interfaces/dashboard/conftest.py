"""A real `tally` HTTP server on a free port and Debian's headless Chromium driving it."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from litestar import Litestar
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from application.tally import Tally
from interfaces.http.app import bind
from tests.conftest import RunningWorker

CHROMIUM = "/usr/bin/chromium"
expect.set_options(timeout=15_000)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


class Served:
    """uvicorn on a thread, as `tally serve` runs the app."""

    def __init__(self, app: Litestar) -> None:
        # Listening before uvicorn starts: early connections wait in the backlog, so no start-up polling.
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.base = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()


@pytest.fixture
def served(tally: Tally, worker: RunningWorker, built_app: Litestar) -> Iterator[Served]:
    with Served(bind(built_app, tally)) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert os.path.exists(CHROMIUM), "run scripts/ensure-chromium (make test does)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# Reported from the page on any Content-Security-Policy violation: before the page's own scripts run, and on
# every page the context opens.
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", function (e) {
  window.reportCspViolation(e.violatedDirective + " blocked " + e.blockedURI + " at " + e.sourceFile + ":" + e.lineNumber);
});"""


@contextmanager
def csp_watched(browser: Browser, served: Served, width: int) -> Iterator[BrowserContext]:
    """A browser context on the dashboard that fails the test if a page breaks its own Content-Security-Policy
    (an inline script or style, a `javascript:` link): such a page works in no browser that enforces it."""
    context = browser.new_context(base_url=served.base, viewport={"width": width, "height": 860})
    context.set_default_timeout(15_000)
    violations: list[str] = []
    context.expose_binding("reportCspViolation", lambda _source, what: violations.append(what))
    context.add_init_script(REPORT_VIOLATIONS)
    try:
        yield context
    finally:
        context.close()
    assert violations == [], "the dashboard broke its own Content-Security-Policy"


@pytest.fixture
def page(browser: Browser, served: Served) -> Iterator[Page]:
    with csp_watched(browser, served, 1280) as context:
        yield context.new_page()


def screenshot(page: Page, name: str) -> None:
    """With TALLY_SCREENSHOTS=folder (`make screenshots`), keeps a picture of the page for the docs."""
    folder = os.environ.get("TALLY_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
