"""Money wallets through the services: entries by hand, invoices paid from the wallet at issue in one save
with the close, and given back at a void."""

from datetime import timedelta
from decimal import Decimal

import pytest

from domain.errors import Conflict, Invalid
from domain.invoice import ISSUED, PAID
from tests.application.helpers import JAN1, close, count_meter, daily_product, price, send, subscribe

DAY2 = JAN1 + timedelta(days=1, hours=1)
DAY3 = JAN1 + timedelta(days=2, hours=1)


@pytest.fixture
def seed(tally, business, make_customer):
    """cus_w on a daily product: 0.02 a call after 1,000 free."""
    make_customer("cus_w")
    product = daily_product(tally, business, price(count_meter(tally, business), "0.02", "1000"))
    return subscribe(tally, business, "cus_w", product, JAN1)


def test_a_resent_entry_applies_once_and_a_debit_past_the_balance_stores_nothing(tally, business, make_customer):
    make_customer("cus_w")
    credit = ("cus_w", "USD", "credit", Decimal("25.00"), "prepaid", "k1")
    assert tally.wallets.add_entry(business, *credit).balance == Decimal("25.00")
    wallet = tally.wallets.add_entry(business, *credit)
    assert wallet.balance == Decimal("25.00") and wallet.version == 2
    with pytest.raises(Conflict) as refused:
        tally.wallets.add_entry(business, "cus_w", "USD", "debit", Decimal("99.00"), None, None)
    assert refused.value.code == "insufficient_funds"
    assert tally.wallets.find(business, "cus_w", "USD").version == 2


def test_an_unknown_currency_or_customer_is_refused(tally, business, make_customer):
    make_customer("cus_w")
    with pytest.raises(Invalid):
        tally.wallets.add_entry(business, "cus_w", "XYZ", "credit", Decimal(5), None, None)
    with pytest.raises(Invalid):
        tally.wallets.add_entry(business, "cus_w", "USD", "credit", Decimal("-5"), None, None)
    assert tally.wallets.find(business, "cus_w", "XYZ") is None


def test_the_wallet_pays_the_seed_invoices_at_issue_to_the_cent(tally, business, seed, worker):
    tally.wallets.add_entry(business, "cus_w", "USD", "credit", Decimal("25.00"), None, "a")
    send(tally, business, "cus_w", "api.call", 2500, JAN1 + timedelta(hours=1), "c1")
    worker.caught_up()
    [first] = close(tally, business, seed, DAY2)
    assert (first.total, first.wallet_applied, first.amount_due, first.status) == (
        Decimal("30.00"),
        Decimal("25.00"),
        Decimal("5.00"),
        ISSUED,
    )
    assert tally.wallets.find(business, "cus_w", "USD").balance == 0

    tally.wallets.add_entry(business, "cus_w", "USD", "credit", Decimal("100.00"), None, "b")
    send(tally, business, "cus_w", "api.call", 2500, JAN1 + timedelta(days=1, hours=1), "c2")
    worker.caught_up()
    [second] = close(tally, business, seed, DAY3)
    assert (second.wallet_applied, second.amount_due, second.status) == (Decimal("30.00"), Decimal("0.00"), PAID)
    assert tally.wallets.find(business, "cus_w", "USD").balance == Decimal("70.00")

    explained = tally.explainer.explain_invoice(business, second.id)
    assert (explained.matches, explained.wallet_applied, explained.wallet_paid) == (
        True,
        Decimal("30.00"),
        Decimal("30.00"),
    )
    worker.caught_up()
    verdict = tally.verification.verify(business)
    assert verdict.invoices == 2 and verdict.findings == []


def test_a_void_gives_the_applied_money_back_once(tally, business, seed, worker):
    tally.wallets.add_entry(business, "cus_w", "USD", "credit", Decimal("1.50"), None, "a")
    send(tally, business, "cus_w", "api.call", 1100, JAN1 + timedelta(hours=1), "c1")
    worker.caught_up()
    [invoice] = close(tally, business, seed, DAY2)
    assert (invoice.wallet_applied, invoice.amount_due, invoice.status) == (Decimal("1.50"), Decimal("0.50"), ISSUED)
    tally.invoices.void(business, invoice.id, "duplicate", DAY2)
    wallet = tally.wallets.find(business, "cus_w", "USD")
    assert wallet.balance == Decimal("1.50") and wallet.entries[f"void:{invoice.id}"] == ("credit", Decimal("1.50"))
