"""No credit expires before the close of the cycle it belongs to: a cycle's credits pay for it however many
cycles fall due at once and whatever else the worker is busy with (docs/credits.md)."""

import threading
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from domain.rating import CreditTerms
from domain.usage_event import IncomingEvent
from projections.engine.jobs import JobRunner
from projections.ports.read_side import ReadModels
from tests.application.helpers import JAN1, close, count_meter, daily_product, price, send, subscribe
from tests.cli.processes import eventually

STEP = 5
GRACE = timedelta(minutes=10)
DUE = JAN1 + timedelta(days=1) + GRACE
# The other business's load runs at least this many rounds of the jobs, so the expiry job meets due
# cycles that no closing step has reached.
LOADED_EXPIRY_ROUNDS = 3


def five_credits_a_day(tally, business):
    """1.00 a call, 5 credits a cycle that expire with it: 3 calls a day cost 0.00."""
    credits = CreditTerms(Decimal(5), Decimal(1), "none")
    return daily_product(tally, business, price(count_meter(tally, business), "1", credits=credits))


def ingest_until(tally, stop):
    """Another business's usage, batch after batch, until `stop` is set: the usage read model is behind the
    head most of the time, so closing steps wait and skip while it lasts."""
    noisy = tally.businesses.register_business("noisy")
    tally.customers.create_customer(noisy, "cus_n", None, None)
    batch = 0
    while not stop.is_set():
        now = datetime.now(timezone.utc)
        events = [IncomingEvent(f"n-{batch}-{i}", "cus_n", "api.call", now) for i in range(20)]
        tally.ingestion.ingest(noisy, events, now)
        batch += 1


def counted(job, calls):
    def run():
        calls.append(1)
        return job()

    return run


def test_more_cycles_due_than_a_closing_step_takes_are_each_paid_by_their_credits_under_another_business_load(
    tally, business, worker
):
    product = five_credits_a_day(tally, business)
    subscriptions = []
    for i in range(2 * STEP + 1):
        tally.customers.create_customer(business, f"cus_{i}", None, None)
        send(tally, business, f"cus_{i}", "api.call", 3, JAN1 + timedelta(hours=1), f"e{i}")
        subscriptions.append(subscribe(tally, business, f"cus_{i}", product, JAN1))
    worker.caught_up()
    expiry_calls: list[int] = []
    stopping, quiet = threading.Event(), threading.Event()
    runner = JobRunner(
        tally.store,
        [p.name for p in worker.worker.projections],
        [
            tally.jobs.closing_job(lambda: DUE, GRACE, step_cycles=STEP),
            counted(tally.jobs.expiry_job(lambda: DUE, GRACE), expiry_calls),
        ],
        stopping,
    )
    load = threading.Thread(target=ingest_until, args=(tally, quiet))
    load.start()
    jobs = runner.start()
    try:
        eventually(lambda: len(expiry_calls) >= LOADED_EXPIRY_ROUNDS, 60, "the expiry job ran under load")
        quiet.set()
        load.join(timeout=30)
        eventually(
            lambda: all(tally.subscriptions.get_subscription(business, s).closed for s in subscriptions),
            120,
            "every due cycle closed",
        )
    finally:
        quiet.set()
        stopping.set()
        load.join(timeout=30)
        jobs.join(timeout=30)

    invoices = [
        tally.billing.invoice(business, tally.subscriptions.get_subscription(business, s).invoice_ids[0])
        for s in subscriptions
    ]
    assert [str(i.total) for i in invoices] == ["0.00"] * len(subscriptions)
    assert [str(i.lines[0].credits_used) for i in invoices] == ["3"] * len(subscriptions)
    worker.caught_up()
    assert tally.verification.verify(business).findings == []


def test_a_close_leaves_the_credits_of_another_subscriptions_open_cycle_to_that_cycle(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    granting = five_credits_a_day(tally, business)
    # Spends the customer's credits (the default wallet is shared) and grants none.
    spending = daily_product(
        tally,
        business,
        price(count_meter(tally, business, "sms.sent"), "1", credits=CreditTerms(Decimal(0), Decimal(1), "none")),
    )
    early = subscribe(tally, business, "cus_1", granting, JAN1 - timedelta(hours=12))
    later = subscribe(tally, business, "cus_1", spending, JAN1)
    send(tally, business, "cus_1", "api.call", 3, JAN1 - timedelta(hours=11), "e")

    close(tally, business, later, DUE)
    [invoice] = close(tally, business, early, DUE)

    assert (str(invoice.lines[0].credits_used), str(invoice.total)) == ("3", "0.00")


def test_the_expiry_job_keeps_the_credits_of_an_open_cycle_even_when_asked_to_expire_them(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    subscribe(tally, business, "cus_1", five_credits_a_day(tally, business), JAN1)
    wallet = tally.credits.wallet_of(business, "cus_1")

    assert tally.credits.expire_credits([wallet.id], DUE + timedelta(days=30), GRACE) == 0
    assert tally.credits.wallet_of(business, "cus_1").balance == 5


def test_cycles_waiting_for_their_close_never_keep_the_expiry_job_from_other_wallets(
    tally, business, make_customer, worker
):
    product = five_credits_a_day(tally, business)
    for i in range(3):
        subscribe(tally, business, make_customer(f"cus_{i}"), product, JAN1)
    manual = tally.credits.grant_credits(business, "cus_0", Decimal(2), JAN1 + timedelta(hours=2), None, "k", JAN1)
    worker.caught_up()
    read_side = ReadModels(tally.store.datastore, tally.store.schema)

    assert read_side.wallets_expiring(DUE, GRACE, 1) == [manual.wallet_id]
    assert tally.jobs.expiry_job(lambda: DUE, GRACE)() is True
    worker.caught_up()
    assert read_side.wallets_expiring(DUE, GRACE, 10) == []
    assert tally.credits.wallet_of(business, "cus_0").balance == 5


def test_audit_verify_finds_an_expiry_recorded_before_the_close_of_its_cycle(tally, business, make_customer, worker):
    make_customer("cus_1")
    subscription = subscribe(tally, business, "cus_1", five_credits_a_day(tally, business), JAN1)
    send(tally, business, "cus_1", "api.call", 3, JAN1 + timedelta(hours=1), "e")
    early = tally.credits.wallet_of(business, "cus_1")
    early.expire(DUE, "expiry:early", GRACE)
    tally.store.save(early)
    [invoice] = close(tally, business, subscription, DUE)
    worker.caught_up()

    findings = tally.verification.verify(business).findings

    assert str(invoice.total) == "3.00"
    assert [(f.kind, f.id) for f in findings] == [("expiry", str(early.id))]
    assert "before the close of a cycle it still paid for" in findings[0].detail


def test_a_manual_grant_that_expired_before_the_close_pays_for_nothing_even_if_the_expiry_job_did_not_run(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    spending = daily_product(
        tally, business, price(count_meter(tally, business), "1", credits=CreditTerms(Decimal(0), Decimal(1), "none"))
    )
    subscription = subscribe(tally, business, "cus_1", spending, JAN1)
    send(tally, business, "cus_1", "api.call", 3, JAN1 + timedelta(hours=1), "e")
    expiring = JAN1 + timedelta(days=1, minutes=5)
    tally.credits.grant_credits(business, "cus_1", Decimal(5), expiring, None, "k", JAN1)

    [invoice] = close(tally, business, subscription, DUE)

    assert (str(invoice.lines[0].credits_used), str(invoice.total)) == ("0", "3.00")
    assert tally.credits.wallet_of(business, "cus_1").balance == 0
