"""The Invoice's life after issue, its numbering, and the billing details it is issued to: in memory."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.billing_details import Address, BillingDetails
from domain.errors import Invalid, InvalidTransition
from domain.invoice import ISSUED, PAID, UNCOLLECTIBLE, VOID, Invoice
from domain.invoice_numbering import InvoiceNumbering

T = datetime(2026, 3, 1, tzinfo=timezone.utc)


def issued(**extra) -> Invoice:
    return Invoice(
        business_id=uuid.uuid4(),
        customer_id="cus_1",
        subscription_id=uuid.uuid4(),
        product_id=uuid.uuid4(),
        cycle_start=T - timedelta(days=1),
        cycle_end=T,
        currency="USD",
        price=Decimal("0.00"),
        lines=[],
        total=Decimal("3.00"),
        issued_at=T,
        **extra,
    )


def event_names(invoice: Invoice) -> list[str]:
    return [type(e).__name__ for e in invoice.collect_events()]


def test_an_issued_invoice_is_paid_with_its_time_and_reference():
    invoice = issued(number="INV-000001")
    invoice.mark_paid(T + timedelta(days=2), "bank-123")
    assert (invoice.status, invoice.paid_at, invoice.payment_reference) == (PAID, T + timedelta(days=2), "bank-123")
    assert event_names(invoice) == ["Issued", "Paid"]


def test_an_issued_invoice_is_voided_with_its_reason():
    invoice = issued()
    invoice.void("duplicate", T)
    assert (invoice.status, invoice.void_reason, invoice.voided_at) == (VOID, "duplicate", T)
    assert event_names(invoice) == ["Issued", "Voided"]


def test_an_uncollectible_invoice_can_still_be_paid_or_voided():
    paid, voided = issued(), issued()
    for invoice in (paid, voided):
        invoice.mark_uncollectible(T)
        assert invoice.status == UNCOLLECTIBLE
    paid.mark_paid(T, None)
    voided.void("written off", T)
    assert (paid.status, voided.status) == (PAID, VOID)


@pytest.mark.parametrize(
    "first, then, expected",
    [
        ("paid", "void", PAID),
        ("paid", "mark_paid", PAID),
        ("paid", "mark_uncollectible", PAID),
        ("void", "void", VOID),
        ("void", "mark_paid", VOID),
        ("void", "mark_uncollectible", VOID),
        ("uncollectible", "mark_uncollectible", UNCOLLECTIBLE),
    ],
)
def test_a_transition_its_status_does_not_allow_is_refused_naming_the_status(first, then, expected):
    invoice = issued()
    {
        "paid": lambda: invoice.mark_paid(T, None),
        "void": lambda: invoice.void("x", T),
        "uncollectible": lambda: invoice.mark_uncollectible(T),
    }[first]()
    invoice.collect_events()
    with pytest.raises(InvalidTransition) as refused:
        {
            "void": lambda: invoice.void("x", T),
            "mark_paid": lambda: invoice.mark_paid(T, None),
            "mark_uncollectible": lambda: invoice.mark_uncollectible(T),
        }[then]()
    assert refused.value.status == expected and refused.value.code == "invalid_transition"
    assert invoice.collect_events() == []


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501, "a\x00b"])
def test_a_void_needs_a_reason_of_plain_text(reason):
    invoice = issued()
    with pytest.raises(Invalid):
        invoice.void(reason, T)
    assert invoice.status == ISSUED


@pytest.mark.parametrize("paid_at, reference", [(datetime(2026, 3, 1), None), (T, "r" * 256), (T, "a\nb")])
def test_a_payment_needs_an_aware_time_and_a_one_line_reference(paid_at, reference):
    invoice = issued()
    with pytest.raises(Invalid):
        invoice.mark_paid(paid_at, reference)
    assert invoice.status == ISSUED


def test_an_invoice_issued_before_numbering_replays_without_number_or_details():
    invoice = Invoice(
        business_id=uuid.uuid4(),
        customer_id="c",
        subscription_id=uuid.uuid4(),
        product_id=uuid.uuid4(),
        cycle_start=T,
        cycle_end=T,
        currency="USD",
        price=Decimal(0),
        lines=[],
        total=Decimal(0),
        issued_at=T,
    )
    assert invoice.number == "" and invoice.bill_to == BillingDetails()


def test_numbers_follow_on_in_the_order_asked_and_keep_the_sequence_across_a_new_prefix():
    numbering = InvoiceNumbering(business_id=uuid.uuid4())
    assert numbering.take([uuid.uuid4(), uuid.uuid4()]) == ["INV-000001", "INV-000002"]
    numbering.set_prefix("ACME")
    assert numbering.take([uuid.uuid4()]) == ["ACME-000003"]
    assert numbering.take([]) == [] and numbering.next_number == "ACME-000004"


@given(st.lists(st.integers(min_value=0, max_value=5), max_size=20))
def test_numbers_taken_in_any_steps_are_one_gapless_sequence(steps):
    numbering = InvoiceNumbering(business_id=uuid.uuid4())
    taken = [n for step in steps for n in numbering.take([uuid.uuid4() for _ in range(step)])]
    assert taken == [f"INV-{i:06d}" for i in range(1, sum(steps) + 1)]


@pytest.mark.parametrize("prefix", ["", "-INV", "IN V", "Ü", "x" * 21, "a\x00"])
def test_a_prefix_must_be_short_plain_letters_and_digits(prefix):
    numbering = InvoiceNumbering(business_id=uuid.uuid4())
    with pytest.raises(Invalid):
        numbering.set_prefix(prefix)
    assert numbering.prefix == "INV"


def test_billing_details_change_only_the_fields_given_and_replace_the_address_whole():
    before = BillingDetails("Acme GmbH", "ap@acme.test", "DE123", Address("DE", "Main St 1", "Berlin"))
    after = before.merged(BillingDetails(tax_id="DE999", address=Address("FR", city="Paris")))
    assert after == BillingDetails("Acme GmbH", "ap@acme.test", "DE999", Address("FR", city="Paris"))
    assert BillingDetails.from_terms(after.terms()) == after


@pytest.mark.parametrize(
    "details",
    [
        BillingDetails(legal_name="a\x00"),
        BillingDetails(address=Address("de")),
        BillingDetails(tax_id="x" * 501),
        BillingDetails(address=Address("DEU")),
    ],
)
def test_billing_details_refuse_what_no_document_can_hold(details):
    with pytest.raises(Invalid) as refused:
        details.check()
    assert refused.value.code == "invalid_billing_details"
