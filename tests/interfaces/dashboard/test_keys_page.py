"""The dashboard's API keys page: ids and dates, never a secret; revoke buttons that work."""

from __future__ import annotations

from typing import Any

from application.businesses import hash_key
from domain.business import key_id
from tests.interfaces.dashboard.test_pages_http import sign_in


def test_the_keys_page_lists_every_key_by_id_and_marks_this_sessions_key(client: Any, tally: Any, key: str) -> None:
    business = tally.businesses.authenticate(key)
    other = tally.businesses.create_key(tally.store.repository.get(business).name)
    sign_in(client, key)
    page = client.get("/dashboard/keys")
    assert page.status_code == 200
    assert f"{key_id(business, hash_key(key))}</code> <strong>(this session)</strong>" in page.text
    assert key_id(business, hash_key(other)) in page.text
    for secret in (key, other, hash_key(key), hash_key(other)):
        assert secret not in page.text


def test_revoking_another_key_from_the_dashboard_refuses_it(client: Any, tally: Any, key: str) -> None:
    business = tally.businesses.authenticate(key)
    other = tally.businesses.create_key(tally.store.repository.get(business).name)
    sign_in(client, key)
    other_id = key_id(business, hash_key(other))
    assert f'aria-label="Revoke {other_id}"' in client.get("/dashboard/keys").text
    answer = client.post(f"/dashboard/keys/{other_id}/revoke", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/dashboard/keys")
    assert (
        client.post("/events/ingest", headers={"Authorization": f"Bearer {other}"}, json={"events": []}).status_code
        == 401
    )
    assert f'aria-label="Revoke {other_id}"' not in client.get("/dashboard/keys").text


def test_revoking_this_sessions_key_signs_out(client: Any, tally: Any, key: str) -> None:
    sign_in(client, key)
    client.post(f"/dashboard/keys/{key_id(tally.businesses.authenticate(key), hash_key(key))}/revoke")
    assert client.get("/dashboard/keys", follow_redirects=False).headers["location"] == "/dashboard"


def test_a_business_cannot_revoke_another_business_key_from_the_dashboard(client: Any, tally: Any, key: str) -> None:
    theirs = tally.businesses.create_key("another-business")
    sign_in(client, key)
    answer = client.post(f"/dashboard/keys/{key_id(tally.businesses.authenticate(theirs), hash_key(theirs))}/revoke")
    assert answer.status_code == 404
    assert tally.businesses.list_keys(tally.businesses.authenticate(theirs))[0].revoked_at is None
