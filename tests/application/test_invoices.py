"""An invoice's life through the services: a draft while its cycle is in grace, issued with the business's
next number, then paid, voided or marked uncollectible; billing details copied at issue."""

import threading
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.billing_details import Address, BillingDetails
from domain.errors import Invalid, InvalidTransition, NotFound
from domain.invoice import ISSUED, PAID, VOID, invoice_id
from domain.rating import CreditTerms
from tests.application.helpers import (
    JAN1,
    close,
    count_meter,
    daily_product,
    price,
    send,
    subscribe,
)

IN_GRACE = JAN1 + timedelta(days=1, minutes=10)


def totals(drafts):
    return [str(d.upcoming.rated.total) for d in drafts]


def test_an_ended_cycle_is_a_draft_at_once_and_takes_events_sent_in_its_grace(
    tally, business, per_call_product, worker
):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    send(tally, business, "cus_1", "api.call", 2, JAN1 + timedelta(hours=1), "a")
    assert tally.upcoming.drafts(business, JAN1 + timedelta(hours=23))[0] == []
    worker.caught_up()
    [draft] = tally.upcoming.drafts(business, IN_GRACE)[0]
    assert draft.id == invoice_id(subscription, JAN1) and totals([draft]) == ["2.00"]

    send(tally, business, "cus_1", "api.call", 3, JAN1 + timedelta(hours=20), "grace")
    worker.caught_up()
    [draft] = tally.upcoming.drafts(business, IN_GRACE, "cus_1")[0]
    assert totals([draft]) == ["5.00"] and not any(line.late for line in draft.upcoming.rated.lines)
    assert tally.upcoming.draft(business, draft.id, IN_GRACE) == draft


def test_finalize_issues_the_draft_as_the_close_would_with_the_first_number(tally, business, per_call_product, worker):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    send(tally, business, "cus_1", "api.call", 4, JAN1 + timedelta(hours=1), "a")
    worker.caught_up()
    [draft] = tally.upcoming.drafts(business, IN_GRACE)[0]

    done = tally.invoices.finalize(business, draft.id, IN_GRACE)

    invoice = tally.invoices.get(business, done.id)
    assert (invoice.status, invoice.number, invoice.total, invoice.issued_at) == (
        ISSUED,
        "INV-000001",
        Decimal("4.00"),
        IN_GRACE,
    )
    assert tally.explainer.explain_invoice(business, done.id).matches
    assert tally.subscriptions.get_subscription(business, subscription).closed == 1
    worker.caught_up()
    assert tally.upcoming.drafts(business, IN_GRACE)[0] == []
    with pytest.raises(InvalidTransition) as again:
        tally.invoices.finalize(business, done.id, IN_GRACE)
    assert again.value.status == ISSUED


def test_usage_sent_after_finalize_for_its_cycle_is_billed_late_in_the_next(tally, business, per_call_product, worker):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    worker.caught_up()
    [draft] = tally.upcoming.drafts(business, IN_GRACE)[0]
    tally.invoices.finalize(business, draft.id, IN_GRACE)
    send(tally, business, "cus_1", "api.call", 2, JAN1 + timedelta(hours=3), "after")

    [second] = close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))

    assert [(str(line.quantity), line.late) for line in second.lines] == [("0", False), ("2", True)]
    assert second.number == "INV-000002"


def test_finalize_closes_only_up_to_its_own_cycle(tally, business, per_call_product, worker):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    worker.caught_up()
    now = JAN1 + timedelta(days=2, minutes=5)
    [draft] = tally.upcoming.drafts(business, now)[0]  # the oldest ended cycle; the next shows once it is issued
    tally.invoices.finalize(business, draft.id, now)
    worker.caught_up()
    assert tally.subscriptions.get_subscription(business, subscription).closed == 1
    [following] = tally.upcoming.drafts(business, now)[0]
    assert following.upcoming.cycle.start == JAN1 + timedelta(days=1)


def test_finalize_of_an_unknown_or_foreign_invoice_is_not_found(tally, business, per_call_product, worker):
    subscribe(tally, business, "cus_1", per_call_product, JAN1)
    worker.caught_up()
    [draft] = tally.upcoming.drafts(business, IN_GRACE)[0]
    other = tally.businesses.authenticate(tally.businesses.create_key("other-business"))
    for who, what in ((business, uuid.uuid4()), (other, draft.id)):
        with pytest.raises(NotFound):
            tally.invoices.finalize(who, what, IN_GRACE)
        with pytest.raises(NotFound):
            tally.upcoming.draft(who, what, IN_GRACE)


def issue(tally, business, product, customer, worker):
    subscription = subscribe(tally, business, customer, product, JAN1)
    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=2))
    return invoice.id


def test_every_transition_is_an_event_of_the_invoice(tally, business, per_call_product, worker):
    invoice = issue(tally, business, per_call_product, "cus_1", worker)
    tally.invoices.mark_uncollectible(business, invoice, IN_GRACE)
    tally.invoices.mark_paid(business, invoice, IN_GRACE, "bank-1")
    history = tally.audit.history(business, "invoice", str(invoice))
    assert [e.type for e in history.events] == ["Invoice.Issued", "Invoice.MarkedUncollectible", "Invoice.Paid"]
    assert tally.invoices.get(business, invoice).status == PAID


def test_a_paid_invoice_cannot_be_voided_and_a_void_one_cannot_be_paid(
    tally, business, per_call_product, make_customer, worker
):
    make_customer("cus_2")
    paid = issue(tally, business, per_call_product, "cus_1", worker)
    void = issue(tally, business, per_call_product, "cus_2", worker)
    tally.invoices.mark_paid(business, paid, IN_GRACE, None)
    tally.invoices.void(business, void, "sent twice", IN_GRACE)
    with pytest.raises(InvalidTransition) as refused:
        tally.invoices.void(business, paid, "too late", IN_GRACE)
    assert refused.value.status == PAID
    with pytest.raises(InvalidTransition) as refused:
        tally.invoices.mark_paid(business, void, IN_GRACE, None)
    assert refused.value.status == VOID
    with pytest.raises(InvalidTransition):
        tally.invoices.mark_uncollectible(business, void, IN_GRACE)
    assert [tally.invoices.get(business, i).status for i in (paid, void)] == [PAID, VOID]


def test_concurrent_payments_of_one_invoice_record_one(tally, business, per_call_product, worker):
    invoice = issue(tally, business, per_call_product, "cus_1", worker)
    barrier, outcomes = threading.Barrier(3), []

    def pay(n: int) -> None:
        barrier.wait()
        try:
            tally.invoices.mark_paid(business, invoice, IN_GRACE, f"ref-{n}")
            outcomes.append("paid")
        except InvalidTransition as refused:
            outcomes.append(refused.status)

    threads = [threading.Thread(target=pay, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["paid", PAID, PAID]
    assert len(tally.audit.history(business, "invoice", str(invoice)).events) == 2


def test_a_transition_of_a_foreign_invoice_is_not_found(tally, business, per_call_product, worker):
    invoice = issue(tally, business, per_call_product, "cus_1", worker)
    other = tally.businesses.authenticate(tally.businesses.create_key("someone-else"))
    with pytest.raises(NotFound):
        tally.invoices.mark_paid(other, invoice, IN_GRACE, None)
    assert tally.invoices.get(business, invoice).status == ISSUED


def test_voiding_leaves_the_credits_the_invoice_used_used(tally, business, make_customer, worker):
    make_customer("cus_c")
    meter = count_meter(tally, business)
    product = daily_product(tally, business, price(meter, "1", credits=CreditTerms(Decimal(5), Decimal(1), "all")))
    subscription = subscribe(tally, business, "cus_c", product, JAN1)
    send(tally, business, "cus_c", "api.call", 3, JAN1 + timedelta(hours=1), "c")
    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=2))
    balance = tally.credits.wallet_of(business, "cus_c").balance
    assert invoice.lines[0].credits_used == Decimal(3) and balance == Decimal(7)  # 2 rolled over + 5 granted

    tally.invoices.void(business, invoice.id, "goodwill", IN_GRACE)

    assert tally.credits.wallet_of(business, "cus_c").balance == balance
    assert tally.invoices.get(business, invoice.id).status == VOID


def test_numbers_of_racing_closes_in_one_business_are_gapless_and_distinct(
    tally, business, per_call_product, make_customer, worker
):
    customers = [make_customer(f"cus_r{i}") for i in range(5)]
    subscriptions = [subscribe(tally, business, c, per_call_product, JAN1) for c in customers]
    worker.caught_up()
    now = JAN1 + timedelta(days=2, hours=2)  # two cycles each: one save of two invoices per close
    barrier, answered = threading.Barrier(len(subscriptions)), []

    def closer(subscription: uuid.UUID) -> None:
        barrier.wait()
        answered.extend(tally.billing.close_cycles(business, subscription, now, wait=False))

    threads = [threading.Thread(target=closer, args=(s,)) for s in subscriptions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    invoices = [tally.invoices.get(business, i) for i in answered]
    assert sorted(i.number for i in invoices) == [f"INV-{n:06d}" for n in range(1, 11)]
    for s in subscriptions:  # a close's invoices got consecutive numbers, in cycle order
        mine = sorted((i for i in invoices if i.subscription_id == s), key=lambda i: i.cycle_start)
        assert [int(i.number[-6:]) for i in mine] == [int(mine[0].number[-6:]) + k for k in range(2)]
    assert tally.billing.numbering(business).next_number == "INV-000011"


def test_each_business_numbers_on_its_own_and_a_new_prefix_keeps_the_sequence(
    tally, business, per_call_product, make_customer, worker
):
    make_customer("cus_2")
    issue(tally, business, per_call_product, "cus_1", worker)
    tally.invoices.set_number_prefix(business, "ACME")
    second = issue(tally, business, per_call_product, "cus_2", worker)
    assert tally.invoices.get(business, second).number == "ACME-000002"

    other = tally.businesses.authenticate(tally.businesses.create_key("numbers-elsewhere"))
    tally.customers.create_customer(other, "cus_x", None, None)
    product = daily_product(tally, other, price(count_meter(tally, other)))
    first_elsewhere = issue(tally, other, product, "cus_x", worker)
    assert tally.invoices.get(other, first_elsewhere).number == "INV-000001"
    with pytest.raises(Invalid):
        tally.invoices.set_number_prefix(business, "no spaces")
    assert tally.billing.numbering(business).prefix == "ACME"


def test_numbering_keeps_counting_past_its_snapshots(tally, business):
    numbering = tally.billing.numbering(business)
    for _ in range(250):
        numbering.take([uuid.uuid4()])
        tally.store.save(numbering)
    assert tally.store.snapshots is not None
    assert [s.originator_version for s in tally.store.snapshots.get(numbering.id)] == [20 * k for k in range(1, 13)]
    assert tally.billing.numbering(business).next_number == "INV-000251"


def test_billing_details_are_copied_at_issue_and_later_edits_leave_the_invoice_alone(
    tally, business, per_call_product, worker
):
    details = BillingDetails(
        "Acme GmbH", "ap@acme.test", "DE123456789", Address("DE", "Hauptstr. 1", "Berlin", zipcode="10115")
    )
    tally.customers.update_customer(business, "cus_1", {}, details)
    invoice = issue(tally, business, per_call_product, "cus_1", worker)
    tally.customers.update_customer(business, "cus_1", {}, BillingDetails(legal_name="Acme SE"))

    assert tally.invoices.get(business, invoice).bill_to == details
    customer = tally.customers.get_customer(business, "cus_1")
    assert customer.billing_details.legal_name == "Acme SE" and customer.billing_details.tax_id == "DE123456789"


def test_bad_billing_details_change_nothing_not_even_the_name(tally, business, make_customer):
    make_customer("cus_b", name="Bea")
    with pytest.raises(Invalid):
        tally.customers.update_customer(business, "cus_b", {"name": "Bee"}, BillingDetails(address=Address("Germany")))
    customer = tally.customers.get_customer(business, "cus_b")
    assert customer.name == "Bea" and customer.billing_details == BillingDetails()


def test_drafts_are_counted_whole_but_only_the_page_asked_for_is_priced(
    tally, business, per_call_product, make_customer, worker
):
    for i in range(3):
        subscribe(tally, business, make_customer(f"cus_p{i}"), per_call_product, JAN1 + timedelta(minutes=i))
    worker.caught_up()
    now = JAN1 + timedelta(days=1, minutes=30)
    page, total = tally.upcoming.drafts(business, now, offset=1, limit=1)
    assert total == 3 and [d.upcoming.cycle.start for d in page] == [JAN1 + timedelta(minutes=1)]
