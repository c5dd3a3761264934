"""Access checks and consumes through the service on PostgreSQL (docs/access.md): exact against events the
usage read model has not taken in, no overspend under concurrent consumes, credit limits, features, limits
reached recorded once."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from psycopg import sql

from application.tally import Tally
from domain.credit_rules import Attachment, EntitlementTerms
from domain.errors import Conflict, Invalid, NotFound
from domain.limit_reached import LimitReached, limit_reached_id
from domain.rating import UsagePrice
from domain.usage_event import IncomingEvent
from interfaces.bootstrap import open_store
from projections.engine.parking import parked_table
from projections.engine.tracking import tracking_table
from tests.application.helpers import count_meter

D = Decimal


def minute_now() -> datetime:
    return datetime.now(timezone.utc).replace(second=0, microsecond=0)


def limited_product(
    tally: Tally, business: uuid.UUID, meter: uuid.UUID, limit: str, behavior: str = "block", free: str = "0"
) -> uuid.UUID:
    price = UsagePrice(str(meter), D("0.02"), D(free), usage_limit=D(limit), limit_behavior=behavior)  # type: ignore[arg-type]
    return tally.catalogue.create_product(business, "Starter", "USD", D(0), "month", 1, [price]).id


def subscribed(tally, business, make_customer, worker, customer: str, product: uuid.UUID) -> None:
    make_customer(customer)
    tally.subscriptions.start_subscription(business, customer, product, minute_now(), datetime.now(timezone.utc))
    worker.caught_up()


def events(customer: str, n: int, prefix: str) -> list[IncomingEvent]:
    return [IncomingEvent(f"{prefix}-{i}", customer, "api.call", minute_now()) for i in range(n)]


def ingest(tally: Tally, business: uuid.UUID, customer: str, n: int, prefix: str) -> None:
    for start in range(0, n, 1000):
        batch = events(customer, min(1000, n - start), f"{prefix}-{start}")
        tally.ingestion.ingest(business, batch, datetime.now(timezone.utc))


def test_a_check_counts_the_events_the_read_model_has_not_taken_in(tally, business, make_customer, worker):
    meter = count_meter(tally, business)
    subscribed(tally, business, make_customer, worker, "cus_a", limited_product(tally, business, meter, "1500"))
    ingest(tally, business, "cus_a", 1000, "a1")
    worker.caught_up()
    worker.worker.stop()
    worker.thread.join(timeout=10)
    ingest(tally, business, "cus_a", 499, "a2")

    first = tally.access.check(business, "cus_a", str(meter), D(1), datetime.now(timezone.utc))
    ingest(tally, business, "cus_a", 1, "a3")
    second = tally.access.check(business, "cus_a", str(meter), D(1), datetime.now(timezone.utc))

    assert (first.standing.allowed, first.standing.used, first.standing.limit, first.standing.remaining) == (
        True,
        D(1499),
        D(1500),
        D(1),
    )
    assert first.standing.cycle_start is not None and first.standing.cycle_end is not None
    assert (second.standing.allowed, second.standing.reason, second.standing.remaining) == (False, "usage_limit", D(0))
    assert second.position == tally.store.head()


def test_concurrent_consumes_never_spend_past_the_limit(tally, env, business, make_customer, worker):
    """Two Tally instances stand for two API processes: only the database's lock is shared between them."""
    meter = count_meter(tally, business)
    subscribed(tally, business, make_customer, worker, "cus_r", limited_product(tally, business, meter, "10"))
    other = open_store(env)
    barrier = threading.Barrier(40)
    outcomes: list[str] = []

    def consume(i: int) -> None:
        event = IncomingEvent(f"race-{i}", "cus_r", "api.call", datetime.now(timezone.utc))
        process = (tally, other)[i % 2]
        barrier.wait()
        try:
            process.access.consume(business, "cus_r", str(meter), D(1), event, datetime.now(timezone.utc))
            outcomes.append("201")
        except Conflict as refused:
            outcomes.append(refused.code)

    threads = [threading.Thread(target=consume, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    other.close()

    used = tally.access.check(business, "cus_r", str(meter), D(1), datetime.now(timezone.utc)).standing
    assert Counter(outcomes) == {"201": 10, "limit_reached": 30}
    assert (used.used, used.allowed) == (D(10), False)


def test_a_resent_consume_answers_the_event_first_stored_and_consumes_nothing_more(
    tally, business, make_customer, worker
):
    meter = count_meter(tally, business)
    subscribed(tally, business, make_customer, worker, "cus_1", limited_product(tally, business, meter, "5"))
    event = IncomingEvent("once", "cus_1", "api.call", datetime.now(timezone.utc))

    first = tally.access.consume(business, "cus_1", str(meter), D(1), event, datetime.now(timezone.utc))
    again = tally.access.consume(business, "cus_1", str(meter), D(1), event, datetime.now(timezone.utc))

    assert (first.event.event_id, again.event.event_id, again.event.position) == ("once", "once", first.event.position)
    assert first.checked.standing.used == again.checked.standing.used == D(1)


def test_a_refused_consume_stores_nothing(tally, business, make_customer, worker):
    meter = count_meter(tally, business)
    subscribed(tally, business, make_customer, worker, "cus_1", limited_product(tally, business, meter, "1"))
    tally.access.consume(
        business, "cus_1", str(meter), D(1), IncomingEvent("e1", "cus_1", "api.call"), datetime.now(timezone.utc)
    )
    head = tally.store.head()

    with pytest.raises(Conflict) as refused:
        tally.access.consume(
            business, "cus_1", str(meter), D(1), IncomingEvent("e2", "cus_1", "api.call"), datetime.now(timezone.utc)
        )

    assert (refused.value.code, tally.store.head()) == ("limit_reached", head)


def test_credits_without_overage_limit_the_meter_to_the_balance_worth_of_units(tally, business, make_customer, worker):
    entitlement = tally.entitlements.define(business, EntitlementTerms("API credits", "credits", 2)).id
    meter = count_meter(tally, business)
    price = UsagePrice(str(meter), D(0), D(0), credit_entitlement_id=str(entitlement), meter_units_per_credit=D(10))
    product = tally.catalogue.create_product(
        business, "Credits", "USD", D(0), "month", 1, [price], [Attachment(str(entitlement), D(100), {})]
    ).id
    subscribed(tally, business, make_customer, worker, "cus_c", product)
    ingest(tally, business, "cus_c", 995, "c1")

    at_995 = tally.access.check(business, "cus_c", str(meter), D(1), datetime.now(timezone.utc)).standing
    ingest(tally, business, "cus_c", 5, "c2")
    at_1000 = tally.access.check(business, "cus_c", str(meter), D(1), datetime.now(timezone.utc)).standing

    assert (at_995.allowed, at_995.remaining, at_995.balance, at_995.limit) == (True, D(5), D("0.5"), D(1000))
    assert (at_1000.allowed, at_1000.reason, at_1000.remaining) == (False, "credits_exhausted", D(0))


def test_a_feature_is_granted_to_the_subscribers_of_a_product_that_attaches_it(tally, business, make_customer, worker):
    sso = tally.features.create_feature(business, "sso", "Single sign-on", "boolean", None, {}).id
    team = tally.catalogue.create_product(business, "Team", "USD", D(0), "month", 1, [], features=[(str(sso), None)])
    other = tally.catalogue.create_product(business, "Solo", "USD", D(0), "month", 1, [])
    subscribed(tally, business, make_customer, worker, "cus_team", team.id)
    subscribed(tally, business, make_customer, worker, "cus_solo", other.id)
    make_customer("cus_none")
    now = datetime.now(timezone.utc)

    answers = [
        tally.access.check_feature(business, c, "sso", D(1), now).standing for c in ("cus_team", "cus_solo", "cus_none")
    ]

    assert [(a.allowed, a.reason) for a in answers] == [
        (True, "ok"),
        (False, "feature_not_granted"),
        (False, "no_subscription"),
    ]
    listed = tally.access.entitlements_of(business, "cus_team", now)
    assert [(e.kind, e.feature.key if e.feature else None) for e in listed] == [("feature", "sso")]


def test_a_metered_feature_limits_its_meter_to_the_value_granted(tally, business, make_customer, worker):
    meter = count_meter(tally, business)
    seats = tally.features.create_feature(business, "calls", "Calls", "metered", str(meter), {}).id
    plan = tally.catalogue.create_product(business, "Plan", "USD", D(0), "month", 1, [], features=[(str(seats), 3)])
    subscribed(tally, business, make_customer, worker, "cus_1", plan.id)
    ingest(tally, business, "cus_1", 3, "m")

    answer = tally.access.check_feature(business, "cus_1", "calls", D(1), datetime.now(timezone.utc)).standing

    assert (answer.allowed, answer.reason, answer.used, answer.limit) == (False, "usage_limit", D(3), D(3))


def test_a_notify_limit_allows_past_it_and_its_crossing_is_recorded_once_a_cycle(
    tally, business, make_customer, worker
):
    meter = count_meter(tally, business)
    product = limited_product(tally, business, meter, "5", "notify")
    subscribed(tally, business, make_customer, worker, "cus_n", product)
    ingest(tally, business, "cus_n", 8, "n")
    now = datetime.now(timezone.utc)

    answer = tally.access.check(business, "cus_n", str(meter), D(1), now).standing
    recorded = [tally.limits.record_reached(business, "cus_n", now) for _ in range(2)]

    assert (answer.allowed, answer.used, answer.limit, answer.remaining) == (True, D(8), D(5), D(0))
    assert recorded == [1, 0]
    sub = tally.access.active(business, "cus_n", now)[0]
    reached: LimitReached = tally.store.repository.get(
        limit_reached_id(sub.subscription.id, sub.cycle.start, str(meter), "usage_limit")
    )
    assert (reached.behavior, reached.used, reached.limit) == ("notify", D(8), D(5))


def test_checks_refuse_unknown_meters_and_features_and_quantities_not_above_zero(
    tally, business, make_customer, worker
):
    meter = count_meter(tally, business)
    make_customer("cus_1")
    now = datetime.now(timezone.utc)

    with pytest.raises(NotFound):
        tally.access.check(business, "cus_1", str(uuid.uuid4()), D(1), now)
    with pytest.raises(NotFound):
        tally.access.check(business, "cus_1", "not-a-uuid", D(1), now)
    with pytest.raises(NotFound):
        tally.access.check_feature(business, "cus_1", "no-such-feature", D(1), now)
    for quantity in (D(0), D(-1)):
        with pytest.raises(Invalid):
            tally.access.check(business, "cus_1", str(meter), quantity, now)


def test_a_usage_limit_needs_a_behavior_and_a_positive_amount(tally, business):
    meter = count_meter(tally, business)
    cases = [
        (UsagePrice(str(meter), D(1), usage_limit=D(10)), "usage_prices.limit_behavior"),
        (UsagePrice(str(meter), D(1), usage_limit=D(0), limit_behavior="block"), "usage_prices.usage_limit"),
        (UsagePrice(str(meter), D(1), limit_behavior="notify"), "usage_prices.usage_limit"),
    ]
    for price, field in cases:
        with pytest.raises(Invalid) as refused:
            tally.catalogue.create_product(business, "Bad", "USD", D(0), "month", 1, [price])
        assert [f.field for f in refused.value.errors] == [field]


def test_a_customer_id_json_escapes_is_counted_in_the_logs_tail_too(tally, business, make_customer, worker):
    meter = count_meter(tally, business)
    for customer in ('cus "quoted"', "cus_ü", "cus_plain"):
        subscribed(tally, business, make_customer, worker, customer, limited_product(tally, business, meter, "9"))
    worker.worker.stop()
    worker.thread.join(timeout=10)
    for customer in ('cus "quoted"', "cus_ü", "cus_plain"):
        ingest(tally, business, customer, 2, customer)

    used = [
        tally.access.check(business, c, str(meter), D(1), datetime.now(timezone.utc)).standing.used
        for c in ('cus "quoted"', "cus_ü", "cus_plain")
    ]

    assert used == [D(2), D(2), D(2)]


def test_a_consume_refuses_an_event_that_does_not_add_its_quantity_to_the_meter(tally, business, make_customer, worker):
    tokens = tally.meters.create_meter(business, "tokens", "llm.call", {"type": "sum", "key": "tokens"}).id
    subscribed(tally, business, make_customer, worker, "cus_1", limited_product(tally, business, tokens, "100"))
    make_customer("cus_2")
    now = datetime.now(timezone.utc)
    head = tally.store.head()
    cases = [
        (IncomingEvent("x1", "cus_1", "llm.call", None, {"tokens": 4}), "quantity"),
        (IncomingEvent("x2", "cus_1", "llm.call"), "quantity"),
        (IncomingEvent("x3", "cus_1", "api.call", None, {"tokens": 5}), "event"),
        (IncomingEvent("x4", "cus_2", "llm.call", None, {"tokens": 5}), "event.customer_id"),
    ]

    for event, field in cases:
        with pytest.raises(Invalid) as refused:
            tally.access.consume(business, "cus_1", str(tokens), D(5), event, now)
        assert [f.field for f in refused.value.errors] == [field]
    done = tally.access.consume(
        business, "cus_1", str(tokens), D(5), IncomingEvent("ok", "cus_1", "llm.call", None, {"tokens": 5}), now
    )

    assert (done.checked.standing.used, done.event.position) == (D(5), tally.store.head())
    assert head < done.event.position


def test_a_consume_without_a_subscription_is_refused_and_an_unknown_customer_is_not_found(
    tally, business, make_customer, worker
):
    meter = count_meter(tally, business)
    make_customer("cus_none")
    now = datetime.now(timezone.utc)

    with pytest.raises(Conflict) as refused:
        tally.access.consume(business, "cus_none", str(meter), D(1), IncomingEvent("n1", "cus_none", "api.call"), now)
    with pytest.raises(NotFound):
        tally.access.consume(business, "cus_ghost", str(meter), D(1), IncomingEvent("g1", "cus_ghost", "api.call"), now)

    assert refused.value.code == "limit_reached"


def test_a_business_stuck_at_a_parked_event_is_counted_from_the_log_past_where_it_stopped(
    tally, business, make_customer, worker
):
    meter = count_meter(tally, business)
    subscribed(tally, business, make_customer, worker, "cus_p", limited_product(tally, business, meter, "9"))
    ingest(tally, business, "cus_p", 3, "applied")
    worker.caught_up()
    worker.worker.stop()
    worker.thread.join(timeout=10)
    ingest(tally, business, "cus_p", 4, "parked")
    head = tally.store.head()
    parked, tracking = tracking_and_parking(tally.store.schema)
    with tally.store.datastore.transaction(commit=True) as cur:
        # What the worker does with an event it cannot apply: parks it and the business's later ones, and moves on.
        cur.execute(
            sql.SQL(
                "INSERT INTO {} (projection, position, business_id, originator_id, topic, error) "
                "SELECT 'usage', position, %s, gen_random_uuid(), 'usage', 'poison' FROM {} WHERE position > %s"
            ).format(parked, sql.Identifier(tally.store.schema, "usage_log")),
            (business, head - 4),
        )
        cur.execute(sql.SQL("UPDATE {} SET position = %s WHERE name = 'usage'").format(tracking), (head,))

    answer = tally.access.check(business, "cus_p", str(meter), D(1), datetime.now(timezone.utc)).standing

    assert answer.used == D(7)


def tracking_and_parking(schema: str) -> tuple[sql.Composable, sql.Composable]:
    return parked_table(schema), tracking_table(schema)


def test_a_check_follows_the_usage_projection_when_it_is_split_after_a_first_check(
    tally, business, make_customer, worker
):
    meter = count_meter(tally, business)
    subscribed(tally, business, make_customer, worker, "cus_s", limited_product(tally, business, meter, "9"))
    ingest(tally, business, "cus_s", 2, "whole")
    worker.caught_up()
    worker.worker.stop()
    worker.thread.join(timeout=10)
    first = tally.access.check(business, "cus_s", str(meter), D(1), datetime.now(timezone.utc)).standing
    with tally.store.datastore.transaction(commit=True) as cur:
        # What `adopt_position` does when workers start split in one (docs/scaling.md): the position is renamed.
        cur.execute(
            sql.SQL("UPDATE {} SET name = 'usage@0/1' WHERE name = 'usage'").format(tracking_table(tally.store.schema))
        )
    ingest(tally, business, "cus_s", 3, "split")

    second = tally.access.check(business, "cus_s", str(meter), D(1), datetime.now(timezone.utc)).standing

    assert (first.used, second.used) == (D(2), D(5))


def test_consumes_run_together_are_admitted_in_order_against_what_those_before_took(
    tally, business, make_customer, worker
):
    meter = count_meter(tally, business)
    subscribed(tally, business, make_customer, worker, "cus_b", limited_product(tally, business, meter, "2"))
    now = datetime.now(timezone.utc)
    tally.access.consume(business, "cus_b", str(meter), D(1), IncomingEvent("before", "cus_b", "api.call"), now)
    requests = [
        (D(1), IncomingEvent("b1", "cus_b", "api.call")),
        (D(0), IncomingEvent("b2", "cus_b", "api.call")),
        (D(1), IncomingEvent("b1", "cus_b", "api.call")),
        (D(1), IncomingEvent("before", "cus_b", "api.call")),
        (D(1), IncomingEvent("b3", "cus_b", "api.call")),
    ]

    answers = tally.access.consume_many(business, "cus_b", str(meter), requests, now)

    kinds = [a.code if isinstance(a, Exception) else a.event.event_id for a in answers]  # type: ignore[union-attr]
    assert kinds == ["b1", "invalid_quantity", "b1", "before", "limit_reached"]
    assert answers[0].event.position == answers[2].event.position  # type: ignore[union-attr]
    used = tally.access.check(business, "cus_b", str(meter), D(1), now).standing.used
    assert used == D(2)
