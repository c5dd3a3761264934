"""Usage prices are typed in the code but stored as the plain dicts Product events have always carried:
products already in a store keep loading, and keep pricing, whatever the typed form becomes."""

import uuid
from datetime import timedelta
from decimal import Decimal

from eventsourcing.utils import get_topic

from domain.product import Product
from domain.rating import CreditTerms, UsagePrice
from tests.application.helpers import (
    JAN1,
    close,
    count_meter,
    daily_product,
    price,
    send,
    subscribe,
)


def stored(meter: uuid.UUID, unit_price: str, free_threshold: str, credits: dict | None = None) -> dict:
    """A usage price written out as the events of earlier versions hold it."""
    return {
        "meter_id": str(meter),
        "unit_price": Decimal(unit_price),
        "free_threshold": Decimal(free_threshold),
        "credits": credits,
    }


def test_a_usage_price_is_stored_as_the_same_dict_as_before(tally, business):
    calls, sms = count_meter(tally, business, "api.call"), count_meter(tally, business, "sms.sent")
    credits = CreditTerms(Decimal(50), Decimal("0.5"), "all", 30)
    product = daily_product(tally, business, price(calls, "0.02", "100", credits=credits))
    tally.catalogue.set_usage_price(business, product, price(sms, "0.01"))

    created, price_set = tally.store.repository.event_store.get(product)
    assert created.usage_prices == {
        str(calls): stored(
            calls,
            "0.02",
            "100",
            {"per_cycle": Decimal(50), "per_unit": Decimal("0.5"), "rollover": "all", "expires_after_days": 30},
        )
    }
    assert price_set.terms == stored(sms, "0.01", "0")


def test_a_product_stored_with_dict_price_terms_loads_and_prices_as_before(tally, business, make_customer, worker):
    make_customer("cus_1")
    calls, sms = count_meter(tally, business, "api.call"), count_meter(tally, business, "sms.sent")
    product = uuid.uuid4()
    credits = {"per_cycle": Decimal(50), "per_unit": Decimal("0.5"), "rollover": "all", "expires_after_days": None}
    tally.store.save(
        Product.Created(
            originator_id=product,
            originator_version=1,
            timestamp=Product.Created.create_timestamp(),
            originator_topic=get_topic(Product),
            business_id=business,
            name="legacy",
            currency="USD",
            price=Decimal(1),
            billing_interval="day",
            interval_count=1,
            usage_prices={str(calls): stored(calls, "0.02", "100", credits)},
        ),
        Product.UsagePriceSet(
            originator_id=product,
            originator_version=2,
            timestamp=Product.UsagePriceSet.create_timestamp(),
            terms=stored(sms, "0.01", "0"),
        ),
    )

    assert tally.catalogue.get_product(business, product).prices() == sorted(
        [
            UsagePrice(str(calls), Decimal("0.02"), Decimal(100), CreditTerms(Decimal(50), Decimal("0.5"), "all")),
            UsagePrice(str(sms), Decimal("0.01")),
        ],
        key=lambda p: p.meter_id,
    )

    subscription = subscribe(tally, business, "cus_1", product, JAN1)
    send(tally, business, "cus_1", "api.call", 300, JAN1 + timedelta(hours=1), "call")
    worker.caught_up(send(tally, business, "cus_1", "sms.sent", 30, JAN1 + timedelta(hours=2), "sms"))
    [upcoming] = tally.upcoming.upcoming(business, "cus_1")
    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))

    # calls: 100 free, 100 paid with the 50 credits, 100 at 0.02; sms: 30 at 0.01; plus the fixed 1
    amounts = {line.meter_id: (line.free, line.credited, line.amount) for line in invoice.lines}
    assert amounts == {
        str(calls): (Decimal(100), Decimal(100), Decimal("2.00")),
        str(sms): (Decimal(0), Decimal(0), Decimal("0.30")),
    }
    assert invoice.total == Decimal("3.30") and upcoming.rated.lines == invoice.lines
