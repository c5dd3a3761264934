"""Every pricing model through the whole path: the upcoming invoice, a price change re-rating it, the close,
the explanation from the log alone, and `audit verify`; per-value prices give one line per value."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from domain.pricing_models import Pricing, Tier
from domain.rating import UsagePrice
from domain.usage_event import IncomingEvent
from tests.application.helpers import (
    JAN1,
    close,
    count_meter,
    daily_product,
    price,
    send,
    subscribe,
)

D = Decimal
T = (Tier(D(1000), D("0.02")), Tier(D(5000), D("0.015")), Tier(None, D("0.01")))
MODELS = [
    ({"model": "graduated", "tiers": T}, "95.00"),
    ({"model": "volume", "tiers": T}, "65.00"),
    ({"model": "package", "package_size": D(1000), "package_price": D(5)}, "35.00"),
    ({"model": "per_unit"}, "6500.00"),
]


def priced(meter, unit_price="0", **terms):
    return UsagePrice(str(meter), D(unit_price if terms.get("model", "per_unit") != "per_unit" else "1"), **terms)


@pytest.mark.parametrize("terms, amount", MODELS)
def test_a_model_prices_the_upcoming_invoice_the_close_and_the_explanation_alike(
    tally, business, make_customer, worker, terms, amount
):
    make_customer("cus_1")
    calls = count_meter(tally, business)
    product = daily_product(tally, business, priced(calls, **terms))
    subscription = subscribe(tally, business, "cus_1", product, JAN1)
    worker.caught_up(send(tally, business, "cus_1", "api.call", 6500, JAN1, "c"))

    [upcoming] = tally.upcoming.upcoming(business, "cus_1")
    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    explained = tally.explainer.explain_invoice(business, invoice.id)

    assert [line.amount for line in upcoming.rated.lines] == [line.amount for line in invoice.lines] == [D(amount)]
    assert invoice.lines[0].model == terms.get("model", "per_unit")
    assert explained.matches and explained.lines[0].exact_amount == D(amount)
    assert sum((p.units for p in explained.lines[0].parts), D(0)) > 0
    worker.caught_up()
    assert tally.verification.verify(business).findings == []


def test_changing_to_a_graduated_price_re_rates_the_open_cycle(tally, business, make_customer, worker):
    make_customer("cus_1")
    calls = count_meter(tally, business)
    product = daily_product(tally, business, price(calls, "0.02"))
    subscribe(tally, business, "cus_1", product, JAN1)
    worker.caught_up(send(tally, business, "cus_1", "api.call", 6500, JAN1, "c"))
    [before] = tally.upcoming.upcoming(business, "cus_1")

    worker.caught_up(
        tally.catalogue.set_usage_price(
            business, product, priced(calls, model="graduated", tiers=T, free_threshold=D(500))
        ).position
    )
    [after] = tally.upcoming.upcoming(business, "cus_1")

    assert (before.rated.total, after.rated.total) == (D("130.00"), D("90.00"))


def tokens_meter(tally, business):
    return tally.meters.create_meter(business, "tokens", "llm", {"type": "sum", "key": "tokens"}).id


def send_tokens(tally, business, customer, rows, at):
    events = [
        IncomingEvent(f"t-{i}", customer, "llm", at + timedelta(seconds=i), metadata) for i, metadata in enumerate(rows)
    ]
    return tally.ingestion.ingest(business, events, datetime.now(timezone.utc)).position


def test_per_value_prices_bill_one_line_per_value_with_the_free_threshold_taken_in_value_order(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    tokens = tokens_meter(tally, business)
    terms = UsagePrice(
        str(tokens),
        D("0.000002"),
        D(50_000),
        group_by="model",
        group_prices={"gpt-4": Pricing(unit_price=D("0.00003"))},
    )
    subscription = subscribe(tally, business, "cus_1", daily_product(tally, business, terms), JAN1)
    rows = (
        [{"model": "gpt-4", "tokens": 1000}] * 100
        + [{"model": "small", "tokens": "1000"}] * 500
        + [{"tokens": 2000}] * 5
    )
    worker.caught_up(send_tokens(tally, business, "cus_1", rows, JAN1))

    [upcoming] = tally.upcoming.upcoming(business, "cus_1")
    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    explained = tally.explainer.explain_invoice(business, invoice.id)

    lines = [(line.group, line.quantity, line.free, line.amount) for line in invoice.lines]
    assert lines == [
        ({"model": "gpt-4"}, D(100_000), D(50_000), D("1.50")),
        ({"model": "small"}, D(500_000), D(0), D("1.00")),
        ({"model": None}, D(10_000), D(0), D("0.02")),
    ]
    assert [line.amount for line in upcoming.rated.lines] == [line.amount for line in invoice.lines]
    assert explained.matches and [w.events for w in explained.lines] == [100, 500, 5]
    worker.caught_up()
    assert tally.verification.verify(business).findings == []


def test_late_events_of_a_grouped_price_are_billed_per_value_as_the_packages_they_add(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    tokens = tokens_meter(tally, business)
    terms = UsagePrice(
        str(tokens),
        D("0.01"),
        D(0),
        group_by="model",
        group_prices={"big": Pricing("package", package_size=D(10), package_price=D(1))},
    )
    subscription = subscribe(tally, business, "cus_1", daily_product(tally, business, terms), JAN1)
    worker.caught_up(send_tokens(tally, business, "cus_1", [{"model": "big", "tokens": 15}], JAN1))
    close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    # 15 tokens were 2 packages; 6 more make 21: a third package (1 more token would have made none)
    late = [IncomingEvent("late-1", "cus_1", "llm", JAN1 + timedelta(hours=3), {"model": "big", "tokens": 6})]
    worker.caught_up(tally.ingestion.ingest(business, late, datetime.now(timezone.utc)).position)

    [second] = close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))

    assert [(line.group, line.late, line.amount) for line in second.lines] == [
        (None, False, D("0.00")),
        ({"model": "big"}, True, D("1.00")),
    ]
    assert tally.explainer.explain_invoice(business, second.id).matches


@pytest.mark.parametrize(
    "kind, of, amount", [("unique_count", "user", "3.00"), ("min", "tokens", "2.00"), ("avg", "tokens", "5.50")]
)
def test_the_new_aggregations_bill_and_explain_like_the_others(
    tally, business, make_customer, worker, kind, of, amount
):
    make_customer("cus_1")
    meter = tally.meters.create_meter(business, kind, "llm", {"type": kind, "key": of}).id
    subscription = subscribe(tally, business, "cus_1", daily_product(tally, business, price(meter, "1")), JAN1)
    rows = [{"user": f"u{i % 3}", "tokens": t} for i, t in enumerate([2, 9, "4", 7])] + [{"tokens": "x"}]
    worker.caught_up(send_tokens(tally, business, "cus_1", rows, JAN1))

    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))

    assert [line.amount for line in invoice.lines] == [D(amount)]
    explained = tally.explainer.explain_invoice(business, invoice.id)
    assert explained.matches and explained.lines[0].events == 4
