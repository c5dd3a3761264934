"""Every answer of the app, whoever gives it (a page, an API handler, an error handler, the router's 404 and
405), refuses framing and sniffing and keeps its URL to the origin; a 405 says what the path allows."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from litestar.routes import HTTPRoute
from litestar.testing import TestClient

import interfaces.dashboard

TEMPLATES = Path(interfaces.dashboard.__file__).parent / "templates"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
ANY_ID = str(uuid.uuid4())


# (method, path, with a key, status, which part of the app answers)
ANSWERS = [
    ("GET", "/dashboard", False, 200, "dashboard"),
    ("GET", "/dashboard/static/dashboard.js", False, 200, "dashboard"),
    ("GET", "/dashboard/meters", False, 302, "dashboard"),
    ("POST", "/dashboard/sign-in", False, 401, "dashboard"),
    ("GET", "/dashboard/no-such-page", False, 404, "dashboard"),
    ("GET", "/meters", True, 200, "api"),
    ("GET", "/meters", False, 401, "api"),
    ("GET", f"/meters/{ANY_ID}", True, 404, "api"),
    ("PUT", f"/meters/{ANY_ID}", True, 405, "api"),
    ("GET", "/no-such-route", False, 404, "api"),
    ("GET", "/health", False, 200, "api"),
    ("GET", "/schema", False, 200, "docs"),
    ("GET", "/schema/openapi.json", False, 200, "docs"),
]


def test_every_kind_of_answer_refuses_framing_and_sniffing_and_keeps_its_url_to_the_origin(
    client: TestClient, auth: dict[str, str]
) -> None:
    for method, path, keyed, status, part in ANSWERS:
        answer = client.request(method, path, headers=auth if keyed else {}, follow_redirects=False)
        assert answer.status_code == status, (method, path, answer.text)
        assert answer.headers["X-Frame-Options"] == "DENY", path
        assert answer.headers["X-Content-Type-Options"] == "nosniff", path
        assert answer.headers["Referrer-Policy"] == "same-origin", path
        policy = dict(
            (directive.split(" ", 1) + [""])[:2] for directive in answer.headers["Content-Security-Policy"].split("; ")
        )
        assert policy["frame-ancestors"] == "'none'", path
        if part == "dashboard":
            # Scripts, styles, images and fetches from the dashboard's own origin only: nothing inline.
            assert policy["default-src"] == "'self'" and not {"script-src", "style-src"} & set(policy), path
            assert policy["form-action"] == "'self'" and policy["base-uri"] == "'none'", path
        elif part == "api":
            assert policy["default-src"] == "'none'", f"{path}: data, never a document that loads anything"


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_no_dashboard_template_holds_an_inline_script_style_or_handler_that_its_policy_would_refuse(
    template: str,
) -> None:
    text = (TEMPLATES / template).read_text()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text) == [], "inline script: move it to /dashboard/static"
    assert re.findall(r"<style\b|\sstyle=", text) == [], "inline style: move it to dashboard.css"
    assert re.findall(r"\son[a-z]+=", text) == [], "inline event handler: add a listener in a static script"
    assert "javascript:" not in text


def test_every_405_says_in_allow_which_methods_the_path_takes(client: TestClient, auth: dict[str, str]) -> None:
    checked = 0
    for route in client.app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        path = re.sub(r"\{[^}:]+:uuid\}", ANY_ID, route.path)
        path = re.sub(r"\{[^}:]+:int\}", "1", path)
        path = re.sub(r"\{[^}:]+:(str|path)\}", "x", path)
        served = set(route.methods)
        for method in (m for m in METHODS if m not in served):
            answer = client.request(method, path, headers=auth)
            assert answer.status_code == 405, (method, path, answer.status_code)
            assert set(answer.headers["Allow"].split(", ")) == served, (method, path)
            assert answer.json()["code"] == "method_not_allowed"
            checked += 1
    assert checked > 50
