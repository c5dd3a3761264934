"""Threshold invoices through the services and the event store: the worked example of issue 28 (52.00 early,
48.00 at the close, the cycle adding up to 100.00), a crossing billed once however many rounds race for it,
explain and verify over both invoices, a void, and a cycle that ends below what was billed early."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.invoice import PAID
from domain.usage_event import IncomingEvent
from domain.usage_threshold import UsageThreshold
from tests.application.helpers import JAN1, close

HOUR = timedelta(hours=1)
DAY2 = JAN1 + timedelta(days=1, hours=1)


@pytest.fixture
def tokens(tally, business, make_customer):
    """cus_t on a daily product pricing a sum of tokens at 0.02 after 1,000 free, with a 50.00 threshold."""
    make_customer("cus_t")
    meter = tally.meters.create_meter(business, "tokens", "llm.tokens", {"type": "sum", "key": "tokens"}).id
    price = tally.catalogue.create_product(
        business,
        "Tokens",
        "USD",
        Decimal(0),
        "day",
        1,
        [],
        thresholds=[UsageThreshold(Decimal("50.00"))],
    ).id
    from tests.application.helpers import price as usage_price

    tally.catalogue.set_usage_price(business, price, usage_price(meter, "0.02", "1000"))
    return tally.subscriptions.start_subscription(business, "cus_t", price, JAN1, JAN1).id


def used(tally, business, tokens_used, at, event_id):
    event = IncomingEvent(event_id, "cus_t", "llm.tokens", at, {"tokens": tokens_used})
    return tally.ingestion.ingest(business, [event], at).position


def thresholds(tally, business, subscription):
    return tally.subscriptions.get_subscription(business, subscription).threshold_invoices


def test_the_worked_example_bills_52_early_and_48_at_the_close(tally, business, tokens, worker):
    used(tally, business, 3600, JAN1 + HOUR, "tok-1")
    worker.caught_up()
    [early_id] = tally.thresholds.check(business, "cus_t", JAN1 + 2 * HOUR)
    early = tally.billing.invoice(business, early_id)
    assert (early.total, early.billing_reason, early.cycle_start) == (Decimal("52.00"), "threshold", JAN1)
    assert [line.amount for line in early.lines] == [Decimal("52.00")]
    worker.caught_up()
    assert tally.thresholds.check(business, "cus_t", JAN1 + 2 * HOUR) == []

    used(tally, business, 2400, JAN1 + 3 * HOUR, "tok-2")
    worker.caught_up()
    assert tally.thresholds.check(business, "cus_t", JAN1 + 4 * HOUR) == []  # not recurring
    [final] = close(tally, business, tokens, DAY2)
    assert final.total == Decimal("48.00") and final.billing_reason == "cycle"
    assert [(line.kind, line.amount) for line in final.lines] == [
        ("usage", Decimal("100.00")),
        ("already_invoiced", Decimal("-52.00")),
    ]
    assert early.number in final.lines[1].meter_name
    assert thresholds(tally, business, tokens) == []

    for invoice in (early, final):
        explained = tally.explainer.explain_invoice(business, invoice.id)
        assert explained.matches and explained.total == invoice.total
    worker.caught_up()
    verdict = tally.verification.verify(business)
    assert verdict.invoices == 2 and verdict.findings == []


def test_a_crossing_raced_by_several_rounds_is_billed_once(tally, business, tokens, worker):
    used(tally, business, 3600, JAN1 + HOUR, "tok-1")
    worker.caught_up()
    start = threading.Barrier(4)
    issued: list[list] = []

    def round_of_the_job() -> None:
        start.wait()
        try:
            issued.append(tally.thresholds.check(business, "cus_t", JAN1 + 2 * HOUR))
        except Exception as lost:  # the rounds that lost the race: priced again next round
            issued.append([lost])

    rounds = [threading.Thread(target=round_of_the_job) for _ in range(4)]
    for r in rounds:
        r.start()
    for r in rounds:
        r.join()
    assert len(thresholds(tally, business, tokens)) == 1
    assert sum(len(i) for i in issued if i and not isinstance(i[0], Exception)) == 1


def test_a_recurring_threshold_bills_each_amount_and_the_wallet_pays_it(tally, business, tokens, worker):
    product = tally.subscriptions.get_subscription(business, tokens).product_id
    tally.catalogue.set_usage_thresholds(business, product, [UsageThreshold(Decimal("10.00"), recurring=True)])
    tally.wallets.add_entry(business, "cus_t", "USD", "credit", Decimal("15.00"), None, "prepaid")
    worker.caught_up()
    totals = []
    for i, amount in enumerate((1500, 400, 600, 300)):
        used(tally, business, amount, JAN1 + (i + 1) * HOUR, f"tok-{i}")
        worker.caught_up()
        totals += [
            tally.billing.invoice(business, x) for x in tally.thresholds.check(business, "cus_t", JAN1 + 6 * HOUR)
        ]
    # 1,500 tokens: 10.00 (reaches 10); +400: 18.00 (8 more, none); +600: 30.00 (20 more: one); +300: 36.00 (6).
    assert [i.total for i in totals] == [Decimal("10.00"), Decimal("20.00")]
    assert [(i.wallet_applied, i.status) for i in totals] == [(Decimal("10.00"), PAID), (Decimal("5.00"), "issued")]
    [final] = close(tally, business, tokens, DAY2)
    assert final.total == Decimal("6.00")
    assert sum(i.total for i in [*totals, final]) == Decimal("36.00")


def test_a_voided_threshold_invoice_is_billed_at_the_close(tally, business, tokens, worker):
    used(tally, business, 3600, JAN1 + HOUR, "tok-1")
    worker.caught_up()
    [early] = tally.thresholds.check(business, "cus_t", JAN1 + 2 * HOUR)
    tally.invoices.void(business, early, "sent by mistake", JAN1 + 3 * HOUR)
    [final] = close(tally, business, tokens, DAY2)
    assert final.total == Decimal("52.00") and [line.kind for line in final.lines] == ["usage"]
    assert tally.explainer.explain_invoice(business, final.id).matches


def test_a_cycle_that_ends_below_what_was_billed_early_credits_the_excess_to_the_wallet(
    tally, business, tokens, worker
):
    used(tally, business, 3600, JAN1 + HOUR, "tok-1")
    worker.caught_up()
    [early] = tally.thresholds.check(business, "cus_t", JAN1 + 2 * HOUR)
    product = tally.subscriptions.get_subscription(business, tokens).product_id
    meter = tally.catalogue.get_product(business, product).prices()[0].meter_id
    from tests.application.helpers import price as usage_price

    tally.catalogue.set_usage_price(business, product, usage_price(meter, "0.01", "1000"))  # open cycles re-rated
    worker.caught_up()
    [final] = close(tally, business, tokens, DAY2)
    assert final.total == 0 and [line.amount for line in final.lines] == [Decimal("26.00"), Decimal("-26.00")]
    wallet = tally.wallets.find(business, "cus_t", "USD")
    assert wallet.balance == Decimal("26.00") and wallet.entries[f"excess:{final.id}"] == ("credit", Decimal("26.00"))
    assert tally.billing.invoice(business, early).total == Decimal("52.00")


def test_the_job_finds_the_crossing_on_its_first_round_and_later_ones_from_movements(tally, business, tokens, worker):
    job = tally.thresholds.job(lambda: JAN1 + 2 * HOUR, interval=0)
    assert job() is False  # nothing used yet
    used(tally, business, 3600, JAN1 + HOUR, "tok-1")
    worker.caught_up()
    assert job() is True and len(thresholds(tally, business, tokens)) == 1
    used(tally, business, 100, JAN1 + HOUR, "tok-2")
    worker.caught_up()
    assert job() is False and len(thresholds(tally, business, tokens)) == 1
