"""Two cycle closes and a manual grant racing on one wallet: no credit lost or spent twice.
And the worker's jobs: closing due cycles and expiring credits on their own."""

import threading
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from domain.credit_wallet import wallet_id
from domain.customer import customer_id
from domain.rating import CreditTerms
from tests.application.helpers import (
    JAN1,
    count_meter,
    daily_product,
    price,
    send,
    subscribe,
)


def credit_product(tally, business, event_name):
    credits = CreditTerms(Decimal(1000), Decimal(1), "all")
    return daily_product(tally, business, price(count_meter(tally, business, event_name), "0.02", credits=credits))


def test_two_closes_and_a_grant_racing_on_one_wallet_lose_and_double_spend_nothing(
    tally, business, make_customer, worker
):
    make_customer("cus_r")
    calls, sms = credit_product(tally, business, "api.call"), credit_product(tally, business, "sms.sent")
    send(tally, business, "cus_r", "api.call", 800, JAN1 + timedelta(hours=1), "c")
    send(tally, business, "cus_r", "sms.sent", 700, JAN1 + timedelta(hours=1), "s")
    first = subscribe(tally, business, "cus_r", calls, JAN1)
    second = subscribe(tally, business, "cus_r", sms, JAN1)
    now = JAN1 + timedelta(days=1, hours=2)
    barrier, done = threading.Barrier(3), []
    actions = [
        lambda: tally.billing.close_cycles(business, first, now),
        lambda: tally.billing.close_cycles(business, second, now),
        lambda: tally.credits.grant_credits(business, "cus_r", Decimal(250), None, "goodwill", "race", now),
    ]

    def race(action):
        barrier.wait()
        done.append(action())

    threads = [threading.Thread(target=race, args=(a,)) for a in actions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert len(done) == 3
    wallet = tally.store.repository.get(wallet_id(customer_id(business, "cus_r")))
    assert wallet.balance == Decimal(2000 - 800 - 700 + 2000 + 250)
    invoices = [
        tally.store.repository.get(i)
        for s in (first, second)
        for i in tally.subscriptions.get_subscription(business, s).invoice_ids
    ]
    assert sorted(str(i.lines[0].credits_used) for i in invoices) == ["700", "800"]
    assert [str(i.total) for i in invoices] == ["0.00", "0.00"]


def test_the_worker_jobs_close_due_cycles_and_expire_credits(tally, business, make_customer, worker):
    make_customer("cus_j")
    plan = credit_product(tally, business, "api.call")
    subscription = subscribe(tally, business, "cus_j", plan, JAN1)
    now = datetime.now(timezone.utc)
    grant = tally.credits.grant_credits(business, "cus_j", Decimal(5), now + timedelta(minutes=1), None, "soon", now)
    worker.caught_up(grant.position)
    tally.billing.wait_until_usage_ready()
    later = now + timedelta(minutes=2)

    assert tally.jobs.closing_job(lambda: JAN1 + timedelta(days=1, minutes=30), timedelta(minutes=10))() is True
    assert tally.subscriptions.get_subscription(business, subscription).closed == 1
    worker.caught_up()
    assert tally.jobs.expiry_job(lambda: later)() is True
    assert tally.store.repository.get(grant.wallet_id).grants["manual:soon"]["remaining"] == 0
