"""The closing job works in bounded steps: a subscription far behind is closed a
slice at a time, the others are not kept waiting, and no step closes while the
usage read model is behind."""

from datetime import timedelta

import application.billing_jobs
from domain.usage_event import IncomingEvent
from tests.application.helpers import JAN1, subscribe

NOW = JAN1 + timedelta(days=7, hours=1)


def closed(tally, business, *subscriptions):
    return [tally.subscriptions.get_subscription(business, s).closed for s in subscriptions]


def test_a_subscription_far_behind_is_closed_a_bounded_slice_per_step_and_resumed_by_the_next(
    tally, business, per_call_product, worker
):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    worker.caught_up()
    job = tally.jobs.closing_job(lambda: NOW, timedelta(0), step_cycles=3)

    progress = []
    while job():
        progress.append(closed(tally, business, subscription)[0])
        worker.caught_up()

    assert progress == [3, 6, 7]
    invoices = tally.subscriptions.get_subscription(business, subscription).invoice_ids
    assert len(set(invoices)) == 7
    assert tally.jobs.closing_job(lambda: NOW, timedelta(0), step_cycles=3)() is False


def test_a_step_closes_at_most_its_budget_and_the_next_one_reaches_the_other_subscriptions(
    tally, business, per_call_product, worker
):
    behind = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    recent = subscribe(tally, business, "cus_1", per_call_product, NOW - timedelta(days=1, hours=1))
    worker.caught_up()
    job = tally.jobs.closing_job(lambda: NOW, timedelta(0), step_cycles=3)

    assert job() is True
    first = closed(tally, business, behind, recent)
    worker.caught_up()
    assert job() is True

    assert sum(first) == 3
    assert closed(tally, business, recent) == [1]


def test_no_step_closes_while_the_usage_read_model_is_behind(tally, business, per_call_product, worker, monkeypatch):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    worker.caught_up()
    worker.worker.stop()
    worker.thread.join(timeout=10)
    tally.ingestion.ingest(business, [IncomingEvent("unseen", "cus_1", "api.call", JAN1 + timedelta(hours=2))], NOW)
    monkeypatch.setattr(application.billing_jobs, "STEP_READY_WAIT_S", 0.2)

    assert tally.jobs.closing_job(lambda: NOW, timedelta(0))() is False
    assert closed(tally, business, subscription) == [0]

    while worker.worker.run_once():
        pass
    assert tally.jobs.closing_job(lambda: NOW, timedelta(0))() is True
    invoice = tally.subscriptions.get_subscription(business, subscription).invoice_ids[0]
    [first, *_] = tally.store.repository.get(invoice).lines
    assert first.quantity == 1
