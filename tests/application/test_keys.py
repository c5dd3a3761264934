"""API keys on a real event store: listing shows nothing secret, a revocation reaches every
process within the key cache time, and a key is checked with the same work whether its
business exists or not."""

import uuid

import pytest
from eventsourcing.persistence import StoredEvent

from application import businesses
from application.businesses import KEY_CACHE_SECONDS, hash_key
from domain.business import key_id
from domain.customer import customer_id
from domain.errors import NotFound, Unauthorized
from interfaces.bootstrap import open_store


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_keys_are_listed_newest_first_with_id_and_creation_time_only(tally):
    first, second = tally.businesses.create_key("acme"), tally.businesses.create_key("acme")
    business = tally.businesses.authenticate(first)
    listed = tally.businesses.list_keys(business)
    assert [k.id for k in listed] == [key_id(business, hash_key(second)), key_id(business, hash_key(first))]
    assert listed[0].created_at >= listed[1].created_at and listed[0].revoked_at is None
    shown = repr(listed)
    assert all(secret not in shown for secret in (first, second, hash_key(first), hash_key(second)))


def test_a_key_revoked_by_another_process_is_refused_once_its_cache_entry_expires(tally, env):
    key = tally.businesses.create_key("acme")
    tally.businesses.clock = clock = Clock()
    business = tally.businesses.authenticate(key)
    operator = open_store(env)  # `tally keys revoke` runs in a process of its own
    try:
        operator.businesses.revoke_key(tally.businesses.list_keys(business)[0].id)
    finally:
        operator.close()
    clock.now += KEY_CACHE_SECONDS - 0.1
    assert tally.businesses.authenticate(key) == business
    clock.now += 0.2
    with pytest.raises(Unauthorized):
        tally.businesses.authenticate(key)
    assert tally.businesses.list_keys(business)[0].revoked_at is not None


def test_a_key_revoked_in_this_process_is_refused_at_once_and_other_keys_keep_working(tally):
    key, other = tally.businesses.create_key("acme"), tally.businesses.create_key("acme")
    business = tally.businesses.authenticate(key)
    tally.businesses.authenticate(other)
    tally.businesses.revoke_key(key_id(business, hash_key(key)), business)
    with pytest.raises(Unauthorized):
        tally.businesses.authenticate(key)
    assert tally.businesses.authenticate(other) == business


def test_a_business_cannot_revoke_another_business_key(tally):
    mine, theirs = tally.businesses.create_key("acme"), tally.businesses.create_key("globex")
    acme, globex = tally.businesses.authenticate(mine), tally.businesses.authenticate(theirs)
    with pytest.raises(NotFound):
        tally.businesses.revoke_key(key_id(globex, hash_key(theirs)), acme)
    with pytest.raises(NotFound):
        tally.businesses.revoke_key(key_id(acme, "0" * 64))
    tally.businesses.key_cache_seconds = 0
    assert tally.businesses.authenticate(theirs) == globex


def test_keys_issued_before_keys_had_ids_still_load_list_and_revoke(tally):
    """Stored exactly as the first release wrote them: the events carry only the hash."""
    bid = tally.businesses.register_business("acme")
    key = f"tally_{bid.hex}_old-secret"
    state = (
        f'{{"timestamp":{{"_type_":"datetime_iso","_data_":"2026-01-02T03:04:05+00:00"}},"key_hash":"{hash_key(key)}"}}'
    ).encode()
    tally.store.recorder.insert_events([StoredEvent(bid, 2, "domain.business:Business.ApiKeyIssued", state)])
    [listed] = tally.businesses.list_keys(bid)
    assert listed.id == key_id(bid, hash_key(key)) and listed.created_at.isoformat() == "2026-01-02T03:04:05+00:00"
    assert tally.businesses.authenticate(key) == bid
    tally.businesses.revoke_key(listed.id)
    with pytest.raises(Unauthorized):
        tally.businesses.authenticate(key)


@pytest.mark.parametrize("names", ["a business that does not exist", "another kind of aggregate"])
def test_a_key_naming_no_business_is_refused_after_the_same_work_as_a_wrong_key(tally, monkeypatch, names):
    bid = tally.businesses.register_business("acme")
    tally.businesses.create_key("acme")
    tally.customers.create_customer(bid, "cus_1", None, None)
    target = uuid.uuid4() if names == "a business that does not exist" else customer_id(bid, "cus_1")
    work = []
    get, compare = tally.store.repository.get, businesses.hmac.compare_digest
    monkeypatch.setattr(tally.store.repository, "get", lambda *a, **k: work.append("read") or get(*a, **k))
    monkeypatch.setattr(businesses.hmac, "compare_digest", lambda *a: work.append("compare") or compare(*a))

    def cost(key):
        work.clear()
        with pytest.raises(Unauthorized):
            tally.businesses.authenticate(key)
        return list(work)

    assert cost(f"tally_{target.hex}_guess") == cost(f"tally_{bid.hex}_guess") == ["read", "compare"]
