"""Late events are billed as the difference they make to their cycle, the same way by the upcoming invoice, the
close and the audit (docs/billing.md, Late events)."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import application.billing as billing
from domain.cycles import LateWindow
from domain.late_usage import owed
from domain.proration import AddonItem, billed_terms
from domain.rating import Line
from domain.usage_event import IncomingEvent
from tests.application.helpers import JAN1, close, count_meter, daily_product, price, send, subscribe

D = Decimal


def test_late_calls_take_what_is_left_of_their_cycle_allowance_in_the_preview_the_close_and_the_audit(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    product = daily_product(tally, business, price(count_meter(tally, business), "0.02", "1000"))
    send(tally, business, "cus_1", "api.call", 500, JAN1 + timedelta(hours=1), "on")
    subscription = subscribe(tally, business, "cus_1", product, JAN1)
    [first] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    worker.caught_up(send(tally, business, "cus_1", "api.call", 1000, JAN1 + timedelta(hours=3), "late"))

    [upcoming] = tally.upcoming.upcoming(business, "cus_1")
    [second] = close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))

    assert str(first.total) == "0.00"
    assert [(str(line.amount), line.late) for line in upcoming.rated.lines] == [("0.00", False), ("10.00", True)]
    assert [(str(line.amount), line.late) for line in second.lines] == [("0.00", False), ("10.00", True)]
    assert str(second.total) == "10.00"
    explained = tally.explainer.explain_invoice(business, second.id)
    late = explained.lines[1]
    assert explained.matches and (late.late_for.billed, late.late_for.rerated, late.amount) == (0, 10, 10)
    worker.caught_up()
    assert tally.verification.verify(business).findings == []


def test_a_lowered_last_value_is_credited_down_to_a_zero_invoice_and_the_rest_on_the_next(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    level = tally.meters.create_meter(business, "level", "level", {"type": "last", "key": "n"}).id
    subscription = subscribe(tally, business, "cus_1", daily_product(tally, business, price(level, "1")), JAN1)

    def at(day: int, hour: int, n: int, event_id: str) -> None:
        event = IncomingEvent(event_id, "cus_1", "level", JAN1 + timedelta(days=day, hours=hour), {"n": n})
        worker.caught_up(tally.ingestion.ingest(business, [event], datetime.now(timezone.utc)).position)

    at(0, 1, 10, "a")
    [first] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    at(0, 5, 4, "late")  # the first day's last value was 4, not 10: 6.00 to give back
    at(1, 1, 2, "b")
    [second] = close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))
    at(2, 1, 5, "c")
    [third] = close(tally, business, subscription, JAN1 + timedelta(days=3, hours=1))

    assert [str(i.total) for i in (first, second, third)] == ["10.00", "0.00", "1.00"]
    assert [(str(line.amount), str(owed(line))) for line in second.lines if line.late] == [("-2.00", "-4.00")]
    assert [(str(line.amount), str(owed(line))) for line in third.lines if line.late] == [("-4.00", "0.00")]
    assert all(tally.explainer.explain_invoice(business, i.id).matches for i in (first, second, third))


def test_an_invoice_issued_before_late_re_rating_is_explained_by_its_own_rule(
    tally, business, make_customer, worker, monkeypatch
):
    """Invoices issued before recorded no prices with their segments, and billed late events alone at the price
    with no free allowance: they are history, and the audit still re-derives them."""

    def before(parts, currency):
        terms = billed_terms(parts, currency)
        for segment in terms:
            del segment["usage_prices"]
        return terms

    def alone(view, repository, subscription, start, late_after, position):
        window = LateWindow(late_after, position, subscription.billing_since, start)
        n = D(len(view.late_events(subscription.business_id, subscription.customer_id, window)))
        return [Line(str(meter), "api.call", n, D(0), D(0), D(0), n, D("0.02"), n * D("0.02"), True)] if n else []

    make_customer("cus_1")
    meter = count_meter(tally, business)
    product = daily_product(tally, business, price(meter, "0.02", "1000"))
    send(tally, business, "cus_1", "api.call", 500, JAN1 + timedelta(hours=1), "on")
    subscription = subscribe(tally, business, "cus_1", product, JAN1)
    monkeypatch.setattr(billing, "billed_terms", before)
    monkeypatch.setattr(billing, "late_lines_of", alone)
    close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    worker.caught_up(send(tally, business, "cus_1", "api.call", 300, JAN1 + timedelta(hours=3), "late"))
    [second] = close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))

    assert [(str(line.amount), line.late, line.late_for) for line in second.lines] == [
        ("0.00", False, None),
        ("6.00", True, None),  # 300 late calls alone at 0.02, no allowance: the rule of then
    ]
    assert tally.explainer.explain_invoice(business, second.id).matches


def test_late_usage_of_a_cycle_with_add_ons_re_rates_its_usage_only(tally, business, make_customer, worker):
    make_customer("cus_1")
    calls = count_meter(tally, business)
    basic = tally.catalogue.create_product(
        business, "Basic", "USD", D("30.00"), "month", 1, [price(calls, "0.02", "1000")]
    ).id
    support = tally.addons.create(business, "Support", "USD", D("5.00"), "saas").id
    september, october = datetime(2026, 9, 1, tzinfo=timezone.utc), datetime(2026, 10, 1, tzinfo=timezone.utc)
    subscription = tally.subscriptions.start_subscription(
        business, "cus_1", basic, september, september, addons=(AddonItem(support, 2),)
    ).id
    send(tally, business, "cus_1", "api.call", 2500, september + timedelta(days=4), "on")
    [first] = close(tally, business, subscription, october + timedelta(days=1))
    worker.caught_up(send(tally, business, "cus_1", "api.call", 500, september + timedelta(days=9), "late"))
    [second] = close(tally, business, subscription, october + timedelta(days=32))

    # 30.00 fixed + 1,500 x 0.02 + 2 x 5.00; then 30.00 + 10.00 add-ons + (2,000 x 0.02 - 30.00) late
    assert [str(i.total) for i in (first, second)] == ["70.00", "50.00"]
    [late] = [line for line in second.lines if line.late]
    assert (str(late.amount), late.late_for.billed, late.late_for.rerated) == ("10.00", D("30.00"), D("40.00"))
    assert all(tally.explainer.explain_invoice(business, i.id).matches for i in (first, second))


def test_a_late_line_counts_toward_no_usage_alert_of_the_open_cycle(tally, business, make_customer, worker):
    make_customer("cus_1")
    meter = count_meter(tally, business)
    subscription = subscribe(tally, business, "cus_1", daily_product(tally, business, price(meter, "1")), JAN1)
    send(tally, business, "cus_1", "api.call", 3, JAN1 + timedelta(hours=1), "on")
    close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    send(tally, business, "cus_1", "api.call", 3, JAN1 + timedelta(hours=2), "late")
    written = tally.alerts.create_alert(business, "cus_1", str(meter), D(5), "usage")
    alert = tally.alerts.get_alert(business, written.id)
    worker.caught_up()

    # the late line's quantity, 6, is the first day's re-rated: the open day used nothing yet
    assert tally.alerts.check(alert, "cus_1") == 0
    worker.caught_up(send(tally, business, "cus_1", "api.call", 5, JAN1 + timedelta(days=1, hours=2), "open"))
    assert tally.alerts.check(alert, "cus_1") == 1
