"""A business's API keys: issued and revoked by hash, named by an id that shows nothing secret."""

import hashlib

import pytest

from domain.business import Business, business_of_key_id, key_id
from domain.errors import NotFound

HASH = hashlib.sha256(b"tally_x_secret").hexdigest()


def test_an_issued_key_is_named_by_an_id_that_holds_neither_the_key_nor_its_hash():
    business = Business(name="acme")
    business.issue_key(HASH)
    [issued] = business.keys.values()
    assert issued.id == key_id(business.id, HASH)
    assert HASH[:12] not in issued.id and business_of_key_id(issued.id) == business.id
    assert issued.created_at == business.modified_on and business.active_key_hashes == [HASH]


def test_a_revoked_key_stays_listed_with_its_revocation_time_and_stops_counting():
    business = Business(name="acme")
    business.issue_key(HASH)
    business.revoke_key(key_id(business.id, HASH))
    [revoked] = business.keys.values()
    assert revoked.revoked_at == business.modified_on and business.active_key_hashes == []


def test_revoking_twice_records_one_revocation():
    business = Business(name="acme")
    business.issue_key(HASH)
    business.revoke_key(key_id(business.id, HASH))
    business.revoke_key(key_id(business.id, HASH))
    assert [type(e).__name__ for e in business.collect_events()] == ["Registered", "ApiKeyIssued", "ApiKeyRevoked"]


def test_an_id_the_business_never_issued_is_not_found():
    business = Business(name="acme")
    with pytest.raises(NotFound):
        business.revoke_key(key_id(business.id, HASH))
    with pytest.raises(NotFound):
        business_of_key_id("key_not-a-uuid_123")
