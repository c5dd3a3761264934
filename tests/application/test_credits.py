"""Manual credit grants on the event store, without HTTP: idempotent by key, refused whole."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from domain.errors import Conflict, Invalid, NotFound

NOW = datetime.now(timezone.utc)


def grant(tally, business, amount, key=None, expires_at=None, customer="cus_1"):
    return tally.credits.grant_credits(business, customer, Decimal(amount), expires_at, None, key, NOW)


def test_grants_add_up_in_the_customers_wallet(tally, business, make_customer):
    make_customer()
    grant(tally, business, "10")
    done = grant(tally, business, "2.5")
    assert done.granted and tally.credits.wallet_of(business, "cus_1").balance == Decimal("12.5")
    assert done.position == tally.store.head()


def test_a_reused_idempotency_key_grants_once(tally, business, make_customer):
    make_customer()
    grant(tally, business, "10", key="k")
    again = grant(tally, business, "10", key="k")
    assert not again.granted and again.position == 0
    assert tally.credits.wallet_of(business, "cus_1").balance == Decimal(10)


def test_a_reused_idempotency_key_with_another_amount_is_a_conflict(tally, business, make_customer):
    make_customer()
    grant(tally, business, "10", key="k")
    with pytest.raises(Conflict) as caught:
        grant(tally, business, "11", key="k")
    assert caught.value.code == "idempotency_key_reused"


def test_a_bad_grant_is_refused_and_stores_nothing(tally, business, make_customer):
    make_customer()
    head = tally.store.head()
    with pytest.raises(Invalid):
        grant(tally, business, "-1")
    with pytest.raises(Invalid):
        grant(tally, business, "5", expires_at=NOW - timedelta(days=1))
    assert tally.store.head() == head


def test_an_unknown_customer_gets_no_credits(tally, business):
    with pytest.raises(NotFound):
        grant(tally, business, "5", customer="cus_nobody")
