"""Dashboard pages over plain HTTP (no browser): signing in, tenancy, the audit page."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import parse_qs, urlparse

from litestar.testing import TestClient

from interfaces.http.app import create_app
from tests.conftest import RunningWorker
from tests.interfaces.helpers import event, ingest


def sign_in(client: Any, key: str) -> Any:
    return client.post("/dashboard/sign-in", data={"api_key": key}, follow_redirects=False)


def test_the_dashboard_asks_for_an_api_key_first(client: Any) -> None:
    page = client.get("/dashboard")
    assert page.status_code == 200
    assert 'action="/dashboard/sign-in"' in page.text and 'name="api_key"' in page.text


def test_pages_redirect_to_sign_in_without_a_session(client: Any) -> None:
    for path in ("/dashboard/events", "/dashboard/customers", "/dashboard/customers/cus_abc"):
        answer = client.get(path, follow_redirects=False)
        assert (answer.status_code, answer.headers["location"]) == (302, "/dashboard"), path


def test_a_wrong_key_is_refused_with_a_clear_message(client: Any) -> None:
    answer = sign_in(client, "tally_0000_not-a-key")
    assert answer.status_code == 401
    assert "That API key is not valid" in answer.text
    assert "tally_session" not in answer.headers.get("set-cookie", "")


def test_the_session_cookie_is_http_only_and_encrypted(client: Any, key: str) -> None:
    answer = sign_in(client, key)
    assert (answer.status_code, answer.headers["location"]) == (303, "/dashboard")
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "Path=/dashboard" in cookie and "SameSite=lax" in cookie
    assert key not in cookie and key.split("_")[1] not in cookie


def test_signing_out_ends_the_session(client: Any, key: str) -> None:
    sign_in(client, key)
    assert client.get("/dashboard/events", follow_redirects=False).status_code == 200
    assert client.post("/dashboard/sign-out", follow_redirects=False).headers["location"] == "/dashboard"
    assert client.get("/dashboard/events", follow_redirects=False).status_code == 302


def test_a_refresh_answered_after_signing_out_does_not_sign_in_again(client: Any, key: str) -> None:
    """A page's in-place refresh sent before the sign-out and answered after it: its answer carries no session
    cookie, so the browser keeps the one the sign-out cleared. A navigation still renews the cookie."""
    sign_in(client, key)
    signed_in_cookie = client.cookies.get("tally_session")
    navigated = client.get("/dashboard/events", headers={"Sec-Fetch-Mode": "navigate"})
    assert "tally_session" in navigated.headers.get("set-cookie", "")
    client.post("/dashboard/sign-out")
    client.cookies.set("tally_session", signed_in_cookie, path="/dashboard")  # the refresh sent before it
    refreshed = client.get("/dashboard/events", headers={"Sec-Fetch-Mode": "cors"})
    assert refreshed.status_code == 200 and "set-cookie" not in refreshed.headers


def test_a_business_sees_only_its_own_customers_and_events(
    client: Any, tally: Any, worker: Any, auth: Any, key: str
) -> None:
    client.post("/customers", json={"customer_id": "cus_first_only", "name": "First Co"}, headers=auth)
    position = ingest(client, auth, event("evt_first_only", customer="cus_first_only")).json()["position"]
    worker.caught_up(position)
    sign_in(client, tally.businesses.create_key("second-business"))
    assert "cus_first_only" not in client.get("/dashboard/customers").text
    assert "evt_first_only" not in client.get("/dashboard/events").text
    assert client.get("/dashboard/customers/cus_first_only").status_code == 404
    assert client.get("/dashboard/audit/customer/cus_first_only").status_code == 404
    sign_in(client, key)
    assert "evt_first_only" in client.get("/dashboard/events").text


def test_the_audit_page_tells_a_customers_history(client: Any, auth: Any, key: str) -> None:
    client.post("/customers", json={"customer_id": "cus_told", "name": "Told Co"}, headers=auth)
    client.patch("/customers/cus_told", json={"email": "told@example.com"}, headers=auth)
    sign_in(client, key)
    page = client.get("/dashboard/audit/customer/cus_told?version=1")
    assert page.status_code == 200
    assert "Created" in page.text and "Updated" in page.text and "State at version 1" in page.text
    assert "told@example.com" not in page.text.split("State at version 1")[1]


def test_the_events_explorer_filters_and_pages(client: Any, auth: Any, worker: Any, key: str) -> None:
    client.post("/customers", json={"customer_id": "cus_a"}, headers=auth)
    client.post("/customers", json={"customer_id": "cus_b"}, headers=auth)
    batch = [event(f"evt_a{i}", customer="cus_a", timestamp=f"2026-01-01T00:{i:02d}:00Z") for i in range(55)]
    batch.append(event("evt_b0", customer="cus_b", name="file.upload", timestamp="2026-01-02T00:00:00Z"))
    worker.caught_up(ingest(client, auth, *batch).json()["position"])
    sign_in(client, key)
    first = client.get("/dashboard/events", params={"customer_id": "cus_a"}).text
    assert "evt_a54<" in first and "evt_a5<" in first and "evt_a4<" not in first and "evt_b0" not in first
    assert "Older" in first
    second = client.get("/dashboard/events", params={"customer_id": "cus_a", "page_number": 1}).text
    assert "evt_a4<" in second and "evt_a0<" in second and "evt_a5<" not in second and "Older" not in second
    named = client.get("/dashboard/events", params={"event_name": "file.upload"}).text
    assert "evt_b0" in named and "evt_a1<" not in named
    window = client.get("/dashboard/events", params={"start": "2026-01-01T00:10", "end": "2026-01-01T00:12"}).text
    assert "evt_a10<" in window and "evt_a11<" in window and "evt_a12<" not in window and "evt_a9<" not in window


def test_a_malformed_time_filter_says_what_is_wrong(client: Any, key: str) -> None:
    sign_in(client, key)
    answer = client.get("/dashboard/events", params={"start": "yesterday"})
    assert answer.status_code == 422
    assert "start is not a date and time" in answer.text


def test_the_meter_form_rejects_what_the_api_rejects_with_its_words(client: Any, auth: Any, key: str) -> None:
    form = {
        "name": "Bad",
        "event_name": "api.call",
        "aggregation_type": "max",
        "clause_key_0": "tier",
        "clause_operator_0": "resembles",
        "clause_value_0": "gold",
    }
    api = client.post(
        "/meters",
        json={
            "name": "Bad",
            "event_name": "api.call",
            "aggregation": {"type": "max"},
            "filter": {"conjunction": "and", "clauses": [{"key": "tier", "operator": "resembles", "value": "gold"}]},
        },
        headers=auth,
    ).json()
    sign_in(client, key)
    page = client.post("/dashboard/meters", data=form)
    assert page.status_code == 422
    for fault in api["errors"]:
        assert f"{fault['field']}: {fault['reason']}" in page.text
    assert 'value="tier"' in page.text and "No meters yet" in page.text


def test_a_meter_page_shows_the_same_usage_as_the_api(client: Any, auth: Any, worker: Any, key: str) -> None:
    meter = client.post(
        "/meters", json={"name": "Calls", "event_name": "api.call", "aggregation": {"type": "count"}}, headers=auth
    ).json()
    client.post("/customers", json={"customer_id": "cus_m"}, headers=auth)
    written = ingest(client, auth, event("e1", customer="cus_m"), event("e2", customer="cus_m"))
    worker.caught_up(written.json()["position"])
    sign_in(client, key)
    params = {"window": "day", "start": "2026-01-01T00:00", "end": "2030-01-01T00:00"}
    chart = client.get(f"/dashboard/meters/{meter['id']}/usage.json", params=params).json()
    api = client.get(
        f"/meters/{meter['id']}/usage",
        headers=auth,
        params={**params, "start": "2026-01-01T00:00:00Z", "end": "2030-01-01T00:00:00Z"},
    ).json()
    assert (chart["total"], chart["buckets"]) == (api["total"], api["buckets"]) and chart["total"] == "2"
    assert (chart["start"], chart["end"]) == (1767225600, 1893456000)
    listed = client.get("/dashboard/meters").text
    assert "Calls" in listed and '<td class="num">2</td>' in listed
    assert "e1" in client.get(f"/dashboard/meters/{meter['id']}").text


def test_a_meter_chart_stacks_by_a_chosen_key_as_the_api_groups(client: Any, auth: Any, worker: Any, key: str) -> None:
    meter = client.post(
        "/meters", json={"name": "Calls", "event_name": "api.call", "aggregation": {"type": "count"}}, headers=auth
    ).json()
    client.post("/customers", json={"customer_id": "cus_m"}, headers=auth)
    written = ingest(
        client,
        auth,
        *[event(f"e{i}", customer="cus_m", metadata={"region": r}) for i, r in enumerate(["eu", "eu", "us"])],
    )
    worker.caught_up(written.json()["position"])
    sign_in(client, key)
    params = {"window": "day", "start": "2026-01-01T00:00", "end": "2030-01-01T00:00", "group_by": "region"}
    chart = client.get(f"/dashboard/meters/{meter['id']}/usage.json", params=params).json()
    api = client.get(
        f"/meters/{meter['id']}/usage",
        headers=auth,
        params={**params, "start": "2026-01-01T00:00:00Z", "end": "2030-01-01T00:00:00Z"},
    ).json()
    assert chart["groups"] == api["groups"] and [g["total"] for g in chart["groups"]] == ["2", "1"]
    page = client.get(f"/dashboard/meters/{meter['id']}", params=params).text
    assert 'id="usage-groups"' in page and "group_by=region" in html.unescape(page)
    assert '<option value="region">' in page


def test_a_live_meter_chart_asks_for_usage_up_to_now_not_up_to_when_the_page_was_drawn(
    client: Any, auth: Any, worker: Any, key: str
) -> None:
    """An event that arrives after the page's last minute still shows (the old chart pinned the end)."""
    meter = client.post(
        "/meters", json={"name": "Calls", "event_name": "api.call", "aggregation": {"type": "count"}}, headers=auth
    ).json()
    sign_in(client, key)
    page = client.get(f"/dashboard/meters/{meter['id']}", params={"window": "minute"}).text
    url = html.unescape(re.search(r'data-url="([^"]+)"', page).group(1))
    asked = parse_qs(urlparse(url).query)
    assert "end" not in asked and "start" not in asked and asked["window"] == ["minute"]
    pinned = client.get(f"/dashboard/meters/{meter['id']}", params={"window": "minute", "end": "2026-01-01T00:00"}).text
    assert "end=2026-01-01T00%3A00" in html.unescape(re.search(r'data-url="([^"]+)"', pinned).group(1))


def test_another_business_cannot_open_a_meter(client: Any, auth: Any, tally: Any) -> None:
    meter = client.post(
        "/meters", json={"name": "Private", "event_name": "x", "aggregation": {"type": "count"}}, headers=auth
    ).json()
    sign_in(client, tally.businesses.create_key("nosy-business"))
    assert client.get(f"/dashboard/meters/{meter['id']}").status_code == 404
    assert client.get(f"/dashboard/meters/{meter['id']}/usage.json").status_code == 404
    assert client.post(f"/dashboard/meters/{meter['id']}/archive").status_code == 404
    assert client.get("/dashboard/events", params={"meter_id": meter["id"]}).status_code == 404
    assert "Private" not in client.get("/dashboard/meters").text


def test_a_meter_created_a_moment_ago_is_on_the_next_meters_page(tally: Any, key: str) -> None:
    idle = RunningWorker(tally)
    with TestClient(create_app(tally)) as fresh:
        created = fresh.post(
            "/meters",
            json={"name": "Just made", "event_name": "api.call", "aggregation": {"type": "count"}},
            headers={"Authorization": f"Bearer {key}"},
        )
        assert created.status_code == 201
        sign_in(fresh, key)
        idle.thread.start()  # the read models catch up only now, while the page is being asked for
        try:
            assert "Just made" in fresh.get("/dashboard/meters").text
        finally:
            idle.worker.stop()
            idle.thread.join(timeout=10)
