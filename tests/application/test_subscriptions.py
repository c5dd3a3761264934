"""Starting and cancelling subscriptions on the event store, without HTTP."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from domain.errors import Conflict, NotFound
from domain.rating import CreditTerms
from tests.application.helpers import JAN1, count_meter, daily_product, price, subscribe


def test_a_subscription_starting_mid_minute_opens_its_first_cycle_on_the_minute(tally, business, per_call_product):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1 + timedelta(hours=3, seconds=42))
    cycle = tally.subscriptions.get_subscription(business, subscription).open_cycle
    assert (cycle.start, cycle.end) == (JAN1 + timedelta(hours=3), JAN1 + timedelta(days=1, hours=3))


def test_an_unknown_customer_cannot_subscribe(tally, business, per_call_product):
    with pytest.raises(NotFound):
        subscribe(tally, business, "cus_nobody", per_call_product, JAN1)


def test_an_archived_product_takes_no_new_subscriptions(tally, business, per_call_product):
    tally.catalogue.archive_product(business, per_call_product)
    with pytest.raises(Conflict) as caught:
        subscribe(tally, business, "cus_1", per_call_product, JAN1)
    assert caught.value.code == "product_archived"


def test_starting_a_subscription_grants_its_first_cycles_credits_in_the_same_save(tally, business, make_customer):
    make_customer("cus_1")
    credits = CreditTerms(Decimal(1000), Decimal(1), "none")
    product = daily_product(tally, business, price(count_meter(tally, business), "0.02", credits=credits))
    position = tally.subscriptions.start_subscription(
        business, "cus_1", product, JAN1, datetime.now(timezone.utc)
    ).position
    wallet = tally.credits.wallet_of(business, "cus_1")
    assert wallet.balance == Decimal(1000) and position == tally.store.head()


def test_a_cancelled_subscription_ends_at_the_minute_it_was_cancelled(tally, business, per_call_product):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    tally.subscriptions.cancel_subscription(business, subscription, JAN1 + timedelta(hours=5, seconds=30))
    assert tally.subscriptions.get_subscription(business, subscription).open_cycle.end == JAN1 + timedelta(hours=5)
