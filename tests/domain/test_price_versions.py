"""Price versions: a change for new subscriptions starts a version the existing subscriptions do not see; a
subscription is billed on the version it started on (or first reached by a plan change) until a migration moves
it, from its next cycle; its own prices replace its product's."""

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from domain.errors import NotFound
from domain.product import Product
from domain.proration import Plan
from domain.rating import UsagePrice
from domain.subscription import Subscription

S = datetime(2026, 9, 1, tzinfo=UTC)
T = datetime(2026, 9, 16, tzinfo=UTC)
NOW = datetime(2026, 12, 7, tzinfo=UTC)
D = Decimal


def seed(unit: str = "0.02") -> UsagePrice:
    return UsagePrice("calls", D(unit), D(1000))


def product() -> Product:
    return Product.create(uuid.uuid4(), "Seed", "USD", D(0), "month", 1, [seed()])


def unit_prices(sub: Subscription, p: Product, k: int) -> list[Decimal]:
    return [price.unit_price for price in sub.prices_for(p, k)]


def test_a_price_for_new_subscriptions_is_a_new_version_the_existing_subscription_does_not_see():
    p = product()
    old = Subscription.start(p.business_id, "old", p.id, S, "month", 1, NOW, price_version=p.price_version)
    p.set_usage_price(seed("0.03"), new_version_at=NOW)
    new = Subscription.start(p.business_id, "new", p.id, S, "month", 1, NOW, price_version=p.price_version)
    assert (p.price_version, [v["calls"].unit_price for v in p.versions]) == (2, [D("0.02"), D("0.03")])
    assert unit_prices(old, p, 0) == [D("0.02")] and unit_prices(new, p, 0) == [D("0.03")]
    p.set_usage_price(seed("0.04"))  # open cycles: the latest version, in place
    assert unit_prices(old, p, 0) == [D("0.02")] and unit_prices(new, p, 0) == [D("0.04")]


def test_a_migration_moves_from_the_next_cycle_once():
    p = product()
    sub = Subscription.start(p.business_id, "cus", p.id, S, "month", 1, NOW, price_version=1)
    p.set_usage_price(seed("0.03"), new_version_at=NOW)
    migration = uuid.uuid4()
    assert sub.migrate_version(p.id, 2, migration) is True
    assert sub.migrate_version(p.id, 2, migration) is False
    assert unit_prices(sub, p, 0) == [D("0.02")] and unit_prices(sub, p, 1) == [D("0.03")]


def test_a_product_first_reached_by_a_plan_change_stays_on_the_version_it_was_reached_on():
    basic, pro = product(), product()
    pro.set_usage_price(seed("0.05"), new_version_at=NOW)
    sub = Subscription.start(basic.business_id, "cus", basic.id, S, "month", 1, NOW, price_version=1)
    sub.change_plan(Plan(pro.id), "prorated_immediately", T, NOW, "month", 1, price_version=pro.price_version)
    pro.set_usage_price(seed("0.09"), new_version_at=NOW)
    assert unit_prices(sub, pro, 3) == [D("0.05")]


def test_an_override_replaces_the_products_price_of_its_meter_and_only_of_a_meter_it_prices():
    p = product()
    sub = Subscription.start(p.business_id, "cus", p.id, S, "month", 1, NOW)
    sub.override_usage_price(seed("0.01"), p)
    assert unit_prices(sub, p, 0) == [D("0.01")] and sub.priced_apart(p, 0)
    with pytest.raises(NotFound):
        sub.override_usage_price(UsagePrice("other", D(1)), p)


def test_a_price_the_latest_version_has_already_makes_no_new_version():
    p = product()
    p.set_usage_price(seed("0.02"), new_version_at=NOW)
    assert p.price_version == 1 and not p.collect_events()[1:]


def test_a_snapshot_taken_before_pricing_loads_on_its_first_products_first_version():
    p = product()
    state = {"changes": [{"at": S, "product_id": str(p.id), "quantity": 1, "mode": "do_not_bill"}]}
    Subscription.upcast_v3_v4(state)
    restored = Subscription.start(p.business_id, "cus", p.id, S, "month", 1, NOW, price_version=7)
    vars(restored).update(state)
    p.set_usage_price(seed("0.03"), new_version_at=NOW)
    assert (restored.discount, restored.overrides) == (None, {})
    assert unit_prices(restored, p, 5) == [D("0.02")]
