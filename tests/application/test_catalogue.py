"""Meters and products on the event store, without HTTP: a business's catalogue is its own."""

from decimal import Decimal

import pytest

from domain.errors import Conflict, Invalid, NotFound
from tests.application.helpers import count_meter, daily_product, price


def test_a_meter_with_a_faulty_definition_is_refused_with_every_fault_and_stores_nothing(tally, business):
    head = tally.store.head()
    with pytest.raises(Invalid) as caught:
        tally.meters.create_meter(business, "", "api.call", {"type": "sum"})
    assert caught.value.code == "invalid_meter" and len(caught.value.errors) >= 2
    assert tally.store.head() == head


def test_another_businesss_meter_is_not_found(tally, business):
    meter = count_meter(tally, business)
    other = tally.businesses.register_business("other")
    with pytest.raises(NotFound):
        tally.meters.get_meter(other, meter)


def test_archiving_a_meter_twice_stores_one_change(tally, business):
    meter = count_meter(tally, business)
    first = tally.meters.archive_meter(business, meter).position
    second = tally.meters.archive_meter(business, meter).position
    assert first == tally.store.head() and second == 0
    assert tally.meters.get_meter(business, meter).archived


def test_a_product_pricing_an_unknown_or_foreign_meter_is_refused(tally, business):
    other = tally.businesses.register_business("other")
    foreign = count_meter(tally, other)
    with pytest.raises(Invalid) as caught:
        daily_product(tally, business, price(count_meter(tally, business)), price(foreign))
    assert caught.value.code == "unknown_meter" and [f.index for f in caught.value.errors] == [1]


def test_a_products_currency_is_stored_upper_case(tally, business):
    product = tally.catalogue.create_product(business, "plan", "usd", Decimal(10), "month", 1, [])
    assert tally.catalogue.get_product(business, product.id).currency == "USD"


def test_a_usage_price_is_replaced_and_removed_by_its_meter(tally, business):
    meter = count_meter(tally, business)
    product = daily_product(tally, business, price(meter, "1"))
    tally.catalogue.set_usage_price(business, product, price(meter, "2"))
    assert tally.catalogue.get_product(business, product).usage_prices[str(meter)].unit_price == Decimal(2)
    tally.catalogue.remove_usage_price(business, product, str(meter))
    assert tally.catalogue.get_product(business, product).usage_prices == {}
    with pytest.raises(NotFound):
        tally.catalogue.remove_usage_price(business, product, str(meter))


def test_an_archived_product_takes_no_price_changes(tally, business):
    meter = count_meter(tally, business)
    product = daily_product(tally, business)
    tally.catalogue.archive_product(business, product)
    with pytest.raises(Conflict) as caught:
        tally.catalogue.set_usage_price(business, product, price(meter))
    assert caught.value.code == "product_archived"
