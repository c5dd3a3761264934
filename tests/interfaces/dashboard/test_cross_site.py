"""Cross-site form posts are refused with 403 and change nothing; the dashboard's own
forms, and clients that are not browsers, still work; the cookie is Secure over https."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient

from domain.errors import NotFound
from interfaces.dashboard.cross_site import is_cross_site
from interfaces.http.app import create_app
from tests.interfaces.dashboard.test_pages_http import sign_in

HOST = "testserver.local"  # the TestClient's own host
EVIL = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}


@pytest.mark.parametrize(
    ("method", "headers", "refused"),
    [
        ("POST", {"sec-fetch-site": "cross-site", "origin": "http://evil.example"}, True),
        ("POST", {"sec-fetch-site": "same-site", "origin": "http://127.0.0.1:9999", "host": "127.0.0.1:8000"}, True),
        ("POST", {"origin": "http://127.0.0.1:9999", "host": "127.0.0.1:8000"}, True),
        ("POST", {"origin": "null", "host": "127.0.0.1:8000"}, True),
        ("POST", {"sec-fetch-site": "same-origin", "origin": "http://127.0.0.1:8000", "host": "127.0.0.1:8000"}, False),
        ("POST", {"sec-fetch-site": "none"}, False),
        ("POST", {"origin": "http://127.0.0.1:8000", "host": "127.0.0.1:8000"}, False),
        ("POST", {}, False),
        ("GET", {"sec-fetch-site": "cross-site"}, False),
    ],
)
def test_a_state_changing_request_from_another_origin_is_cross_site(
    method: str, headers: dict[str, str], refused: bool
) -> None:
    assert is_cross_site(method, headers) is refused


def test_a_cross_site_form_post_is_refused_and_creates_nothing(client: Any, tally: Any, key: str) -> None:
    sign_in(client, key)
    answer = client.post(
        "/dashboard/customers", data={"customer_id": "csrf_victim"}, headers=EVIL, follow_redirects=False
    )
    assert answer.status_code == 403
    with pytest.raises(NotFound):
        tally.customers.get_customer(tally.businesses.authenticate(key), "csrf_victim")


def test_a_form_from_another_port_of_the_same_host_is_refused(client: Any, tally: Any, key: str) -> None:
    sign_in(client, key)
    answer = client.post(
        "/dashboard/customers",
        data={"customer_id": "csrf_victim"},
        follow_redirects=False,
        headers={"Origin": "http://testserver.local:8081", "Sec-Fetch-Site": "same-site"},
    )
    assert answer.status_code == 403
    with pytest.raises(NotFound):
        tally.customers.get_customer(tally.businesses.authenticate(key), "csrf_victim")


def test_signing_in_and_revoking_a_key_from_another_site_are_refused(client: Any, tally: Any, key: str) -> None:
    assert client.post("/dashboard/sign-in", data={"api_key": key}, headers=EVIL).status_code == 403
    sign_in(client, key)
    [listed] = tally.businesses.list_keys(tally.businesses.authenticate(key))
    assert client.post(f"/dashboard/keys/{listed.id}/revoke", headers=EVIL).status_code == 403
    assert tally.businesses.list_keys(tally.businesses.authenticate(key))[0].revoked_at is None


def test_the_dashboards_own_forms_are_accepted(client: Any, tally: Any, key: str) -> None:
    sign_in(client, key)
    answer = client.post(
        "/dashboard/customers",
        data={"customer_id": "cus_own"},
        follow_redirects=False,
        headers={"Origin": f"http://{HOST}", "Sec-Fetch-Site": "same-origin"},
    )
    assert answer.status_code == 303
    assert tally.customers.get_customer(tally.businesses.authenticate(key), "cus_own").external_id == "cus_own"


def test_the_session_cookie_is_secure_when_the_request_came_over_https(tally: Any, worker: Any, key: str) -> None:
    with TestClient(create_app(tally), base_url=f"https://{HOST}") as over_https:
        assert "Secure" in sign_in(over_https, key).headers["set-cookie"]
    with TestClient(create_app(tally), base_url=f"http://{HOST}") as over_http:
        assert "Secure" not in sign_in(over_http, key).headers["set-cookie"]
