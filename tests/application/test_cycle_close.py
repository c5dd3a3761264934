"""Closing cycles: late events, concurrent closers, cancellation. Usage goes in through
the ingestion service; closes are called with the time they happen at."""

import threading
from datetime import datetime, timedelta, timezone

from domain.invoice import Invoice
from tests.application.helpers import JAN1, close, send, subscribe


def quantities(invoice: Invoice) -> list[tuple[str, bool]]:
    return [(str(line.quantity), line.late) for line in invoice.lines]


def test_an_event_for_a_closed_cycle_is_billed_once_late_in_the_open_cycle_as_the_difference_it_makes(
    tally, business, per_call_product, worker
):
    send(tally, business, "cus_1", "api.call", 3, JAN1 + timedelta(hours=10), "a")
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    [first] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))

    send(tally, business, "cus_1", "api.call", 1, JAN1 + timedelta(hours=12), "late")
    send(tally, business, "cus_1", "api.call", 2, JAN1 + timedelta(days=1, hours=5), "b")
    [second] = close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))
    [third] = close(tally, business, subscription, JAN1 + timedelta(days=3, hours=1))

    assert quantities(first) == [("3", False)]
    # the late line shows its cycle re-rated: 4 calls now, 3.00 billed before, 1.00 more
    assert quantities(second) == [("2", False), ("4", True)]
    late = second.lines[1].late_for
    assert (late.invoice_id, late.billed, late.rerated, second.lines[1].amount) == (str(first.id), 3, 4, 1)
    assert quantities(third) == [("0", False)]
    assert [str(i.total) for i in (first, second, third)] == ["3.00", "3.00", "0.00"]


def test_events_before_the_subscription_started_are_never_billed(tally, business, per_call_product, worker):
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    tally.billing.close_cycles(business, subscription, JAN1 + timedelta(days=1, hours=1))
    send(tally, business, "cus_1", "api.call", 4, JAN1 - timedelta(hours=1), "early")

    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))

    assert quantities(invoice) == [("0", False)]


def test_concurrent_closers_issue_one_invoice_and_both_answer_it(tally, business, per_call_product, worker):
    send(tally, business, "cus_1", "api.call", 5, JAN1 + timedelta(hours=1), "c")
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    now = JAN1 + timedelta(days=3, hours=1)
    barrier, answers = threading.Barrier(3), []

    def closer() -> None:
        barrier.wait()
        answers.append(tally.billing.close_cycles(business, subscription, now))

    threads = [threading.Thread(target=closer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert len(answers) == 3 and answers[0] == answers[1] == answers[2] and len(answers[0]) == 3
    stored = tally.subscriptions.get_subscription(business, subscription)
    assert stored.closed == 3 and stored.invoice_ids == answers[0]


def test_a_cancelled_subscription_bills_its_final_partial_cycle_and_then_ends(
    tally, business, per_call_product, worker
):
    send(tally, business, "cus_1", "api.call", 2, JAN1 + timedelta(hours=1), "in")
    send(tally, business, "cus_1", "api.call", 7, JAN1 + timedelta(hours=7), "after")
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)
    tally.subscriptions.cancel_subscription(business, subscription, JAN1 + timedelta(hours=6, seconds=30))

    invoices = close(tally, business, subscription, JAN1 + timedelta(days=5))

    assert [(i.cycle_end, quantities(i)) for i in invoices] == [(JAN1 + timedelta(hours=6), [("2", False)])]
    assert tally.subscriptions.get_subscription(business, subscription).open_cycle is None


def test_tally_close_cycles_closes_every_due_subscription_once(
    tally, business, per_call_product, worker, database_url, schema, monkeypatch, capsys
):
    from interfaces.cli.main import main

    start = datetime.now(timezone.utc) - timedelta(days=2, hours=1)
    subscriptions = [subscribe(tally, business, "cus_1", per_call_product, start) for _ in range(2)]
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TALLY_SCHEMA", schema)
    worker.caught_up()

    assert main(["close-cycles", "--grace", "0"]) == 0
    first = capsys.readouterr().out
    assert main(["close-cycles", "--grace", "0"]) == 0

    assert first.startswith("4 invoice(s) issued") and capsys.readouterr().out.startswith("0 invoice(s)")
    assert [tally.subscriptions.get_subscription(business, s).closed for s in subscriptions] == [2, 2]


def test_many_due_cycles_are_closed_in_bounded_saves_and_all_answered(
    tally, business, per_call_product, worker, monkeypatch
):
    import application.billing

    monkeypatch.setattr(application.billing, "CYCLES_PER_SAVE", 2)
    send(tally, business, "cus_1", "api.call", 5, JAN1 + timedelta(days=3, hours=1), "d4")
    subscription = subscribe(tally, business, "cus_1", per_call_product, JAN1)

    invoices = close(tally, business, subscription, JAN1 + timedelta(days=5))

    assert [i.cycle_start.day for i in invoices] == [1, 2, 3, 4, 5]
    assert [str(i.total) for i in invoices] == ["0.00", "0.00", "0.00", "5.00", "0.00"]
    positions = tally.subscriptions.get_subscription(business, subscription).usage_positions
    assert len(positions) == 5 and positions == sorted(positions)
