"""low_balance_threshold_percent acts: an entitlement balance the open cycle's usage takes below that percent
of the cycle's grant is recorded once per cycle (sent as credit.balance_low)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from application.tally import Tally
from domain.credit_rules import Attachment, EntitlementTerms
from domain.low_balance import LowBalance, falls_low, low_balance_id
from domain.rating import UsagePrice
from tests.application.helpers import count_meter, send

NOW = datetime.now(timezone.utc)
START = (NOW - timedelta(hours=2)).replace(second=0, microsecond=0)


def credits_plan(tally: Tally, business: uuid.UUID, percent: int | None, override: int | None = None) -> str:
    """100 credits a cycle, one call a credit; cus_low subscribed from two hours ago. Answers the entitlement."""
    entitlement = tally.entitlements.define(
        business, EntitlementTerms("credits", "credits", 0, low_balance_threshold_percent=percent)
    ).id
    meter = count_meter(tally, business)
    overrides = {} if override is None else {"low_balance_threshold_percent": override}
    product = tally.catalogue.create_product(
        business,
        "Credits",
        "USD",
        Decimal(0),
        "month",
        1,
        [UsagePrice(str(meter), Decimal(0), credit_entitlement_id=str(entitlement), meter_units_per_credit=Decimal(1))],
        [Attachment(str(entitlement), Decimal(100), overrides)],
    ).id
    tally.subscriptions.start_subscription(business, "cus_low", product, START, NOW)
    return str(entitlement)


@pytest.mark.parametrize("percent, override", [(20, None), (None, 20), (90, 20)])
def test_spending_to_19_of_100_records_one_low_balance_and_spending_more_none(
    tally, business, make_customer, worker, percent, override
):
    make_customer("cus_low")
    entitlement = credits_plan(tally, business, percent, override)
    send(tally, business, "cus_low", "api.call", 80, START, "a")
    worker.caught_up()
    assert tally.alerts.check_low_balances(business, "cus_low") == 0  # 20 left: not below 20 %
    send(tally, business, "cus_low", "api.call", 1, START + timedelta(minutes=5), "b")
    worker.caught_up()
    assert tally.alerts.check_low_balances(business, "cus_low") == 1
    send(tally, business, "cus_low", "api.call", 10, START + timedelta(minutes=10), "c")
    worker.caught_up()
    assert tally.alerts.check_low_balances(business, "cus_low") == 0
    [upcoming] = tally.upcoming.upcoming(business, "cus_low")
    low: LowBalance = tally.store.repository.get(
        low_balance_id(entitlement, "cus_low", upcoming.subscription_id, upcoming.cycle.start)
    )
    assert (low.balance, low.granted, low.percent) == (Decimal(19), Decimal(100), 20)


def test_without_a_threshold_nothing_is_recorded_and_no_business_is_watched(tally, business, make_customer, worker):
    make_customer("cus_low")
    credits_plan(tally, business, None)
    send(tally, business, "cus_low", "api.call", 99, START, "a")
    worker.caught_up()
    assert tally.alerts.check_low_balances(business, "cus_low") == 0
    assert business not in tally.alerts.read_side.low_balance_businesses()


def test_below_means_under_the_percent_not_at_it():
    assert not falls_low(Decimal(20), Decimal(100), 20)
    assert falls_low(Decimal("19.99"), Decimal(100), 20)
    assert not falls_low(Decimal(0), Decimal(0), 20)


def test_the_alert_job_records_it_for_a_customer_whose_usage_moved(tally, business, make_customer, worker):
    make_customer("cus_low")
    entitlement = credits_plan(tally, business, 20)
    job = tally.alerts.alert_job(interval=0)
    worker.caught_up()
    job()
    send(tally, business, "cus_low", "api.call", 81, START, "a")
    worker.caught_up()
    assert job() is True
    [upcoming] = tally.upcoming.upcoming(business, "cus_low")
    key = low_balance_id(entitlement, "cus_low", upcoming.subscription_id, upcoming.cycle.start)
    assert tally.store.existing_ids([key]) == {key}
