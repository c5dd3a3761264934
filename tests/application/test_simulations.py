"""Simulations on real PostgreSQL: started through the service, run by the job's steps, read back from the
`simulations` read model. Nothing but the Simulation itself is written."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg import sql

from domain.errors import Invalid, NotFound
from domain.rating import CreditTerms, UsagePrice
from domain.simulation_terms import Span
from domain.usage_event import IncomingEvent
from projections.engine import operations
from projections.reads.queries import Queries
from tests.application.helpers import (
    JAN1,
    close,
    count_meter,
    daily_product,
    price,
    send,
    subscribe,
)

D = Decimal
NOW = JAN1 + timedelta(days=3, hours=1)


def simulate(tally, worker, business, product, *scenarios, span=Span(cycles=3), customer_ids=None):
    done = tally.simulations.start(business, product, list(scenarios), customer_ids, span, NOW)
    worker.caught_up()
    while tally.simulations.step(NOW, limit=2):
        worker.caught_up()
    return done.id


def queries(tally):
    return Queries(tally.store.datastore, tally.store.schema, tally.store.events_table)


def result(tally, business, simulation_id):
    return queries(tally).simulation(business, simulation_id)


def topics_after(tally, position):
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT topic FROM {} WHERE notification_id > %s").format(tally.store.events_table), (position,)
        )
        return {row["topic"] for row in cur.fetchall()}


@pytest.fixture
def worked_example(tally, business, make_customer, worker):
    """The issue's example: 2,500 calls in a closed daily cycle, 1,000 free, $0.02 each: $30.00 issued."""
    make_customer("cus_1")
    meter = count_meter(tally, business)
    product = daily_product(tally, business, price(meter, "0.02", "1000"))
    send(tally, business, "cus_1", "api.call", 2500, JAN1 + timedelta(hours=1), "e")
    subscription = subscribe(tally, business, "cus_1", product, JAN1)
    worker.caught_up()
    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    worker.caught_up()
    assert str(invoice.total) == "30.00"
    return meter, product


def test_the_worked_example_reprices_and_nothing_real_changes(tally, business, worker, worked_example):
    meter, product = worked_example
    head = tally.store.head()
    same = ("same", [price(meter, "0.02", "1000")], None)
    dearer = ("dearer", [price(meter, "0.03", "1000")], None)
    simulation = simulate(tally, worker, business, product, same, dearer)

    view = result(tally, business, simulation)
    assert view.status == "done" and (view.progress.done, view.progress.total, view.progress.percent) == (1, 1, 100)
    totals = {t.name: (t.issued, t.simulated, t.difference) for t in view.totals}
    assert totals == {"same": ("30.00", "30.00", "0.00"), "dearer": ("30.00", "45.00", "15.00")}
    [customer] = view.customers.items
    [cycle] = next(s for s in customer.scenarios if s.scenario == "dearer").cycles
    assert [(line.issued, line.simulated, line.difference) for line in cycle.lines] == [("30.00", "45.00", "15.00")]
    assert [(m.scenario, m.customer_id, m.difference) for m in view.movers] == [("dearer", "cus_1", "15.00")]
    assert topics_after(tally, head) == {
        "domain.simulation:Simulation.Requested",
        "domain.simulation:Simulation.Progressed",
        "domain.simulation:Simulation.Finished",
    }


def test_another_business_cannot_see_simulate_or_delete(tally, business, worker, worked_example):
    meter, product = worked_example
    simulation = simulate(tally, worker, business, product, ("s", [price(meter, "0.03")], None))
    other = tally.businesses.authenticate(tally.businesses.create_key(f"other-{uuid.uuid4().hex[:8]}"))
    with pytest.raises(NotFound):
        result(tally, other, simulation)
    with pytest.raises(NotFound):
        tally.simulations.delete(other, simulation)
    with pytest.raises(NotFound):
        tally.simulations.start(other, product, [("s", [], None)], None, Span(cycles=1), NOW)
    assert result(tally, business, simulation).status == "done"


def test_a_deleted_simulation_leaves_the_list_and_its_answers(tally, business, worker, worked_example):
    meter, product = worked_example
    simulation = simulate(tally, worker, business, product, ("s", [price(meter, "0.03")], None))
    tally.simulations.delete(business, simulation)
    worker.caught_up()
    assert queries(tally).simulations(business).items == []
    with pytest.raises(NotFound):
        result(tally, business, simulation)
    with pytest.raises(NotFound):
        tally.simulations.delete(business, simulation)


def test_terms_are_refused_as_a_product_refuses_them(tally, business, worker, worked_example):
    meter, product = worked_example
    bad = UsagePrice(str(meter), D("-1"), D(0))
    with pytest.raises(Invalid) as refused:
        tally.simulations.start(business, product, [("s", [bad], None)], None, Span(cycles=1), NOW)
    assert [(f.field, f.index) for f in refused.value.errors] == [("scenarios.usage_prices.unit_price", 0)]
    with pytest.raises(Invalid) as unknown:
        tally.simulations.start(business, product, [("s", [price(uuid.uuid4())], None)], None, Span(cycles=1), NOW)
    assert unknown.value.code == "unknown_meter"
    with pytest.raises(Invalid):
        tally.simulations.start(business, product, [(f"s{i}", [], None) for i in range(6)], None, Span(cycles=1), NOW)
    with pytest.raises(Invalid):
        tally.simulations.start(business, product, [("s", [], None)], None, Span(1, JAN1, JAN1), NOW)


def test_an_event_recorded_after_its_cycle_closed_leaves_that_cycle_as_it_was_priced(
    tally, business, worker, worked_example
):
    meter, product = worked_example
    send(tally, business, "cus_1", "api.call", 10, JAN1 + timedelta(hours=5), "late")
    [subscription] = _subscriptions(tally)
    worker.caught_up()
    close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))
    worker.caught_up()
    simulation = simulate(tally, worker, business, product, ("same", [price(meter, "0.02", "1000")], None))

    view = result(tally, business, simulation)
    [customer] = view.customers.items
    first, second = customer.scenarios[0].cycles
    assert (first.issued, first.simulated, first.late_arrivals) == ("30.00", "30.00", True)
    assert [(line.late, line.quantity, line.difference) for line in second.lines] == [
        (False, "0", "0.00"),
        (True, "2510", "0.00"),  # the late line re-rated its cycle: 2,510 calls, carried as issued
    ]


def test_credits_follow_the_simulated_terms(tally, business, worker, worked_example):
    meter, product = worked_example
    granted = price(meter, "0.02", "1000", CreditTerms(D(500), D(1), "none"))
    simulation = simulate(tally, worker, business, product, ("credits", [granted], None))
    [total] = result(tally, business, simulation).totals
    assert (total.simulated, total.difference) == ("20.00", "-10.00")


def _subscriptions(tally):
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT DISTINCT subscription_id FROM {}.invoices").format(sql.Identifier(tally.store.schema))
        )
        return [row["subscription_id"] for row in cur.fetchall()]


per_customer = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=3)
terms = st.tuples(
    st.sampled_from(["0", "0.5", "0.037", "2"]),
    st.sampled_from(["0", "5", "30"]),
    st.sampled_from([None, ("10", "1", "none"), ("7", "2", "all")]),
)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(usage=per_customer, t=terms)
def test_simulating_the_terms_cycles_closed_under_gives_difference_zero_on_every_line(
    tally, business, worker, usage, t
):
    meter = count_meter(tally, business, f"m.{uuid.uuid4().hex[:8]}")
    credits = CreditTerms(D(t[2][0]), D(t[2][1]), t[2][2]) if t[2] else None
    terms_now = price(meter, t[0], t[1], credits)
    product = daily_product(tally, business, terms_now, fixed="1.50")
    customers = []
    for days in usage:
        customer = f"cus_{uuid.uuid4().hex[:8]}"
        tally.customers.create_customer(business, customer, None, None)
        subscription = subscribe(tally, business, customer, product, JAN1)
        for day, n in enumerate(days):
            send(
                tally,
                business,
                customer,
                meter_event(tally, business, meter),
                n,
                JAN1 + timedelta(days=day, hours=2),
                f"{customer}-{day}",
            )
        worker.caught_up()
        close(tally, business, subscription, JAN1 + timedelta(days=2, hours=1))
        customers.append(customer)
    worker.caught_up()
    simulation = simulate(tally, worker, business, product, ("now", [terms_now], None))

    view = result(tally, business, simulation)
    assert view.progress.total == len(usage) and view.totals[0].cycles == 2 * len(usage)
    lines = [line for c in view.customers.items for s in c.scenarios for cycle in s.cycles for line in cycle.lines]
    assert lines and all(D(line.difference) == 0 for line in lines)
    assert D(view.totals[0].difference) == 0


def meter_event(tally, business, meter):
    return tally.meters.get_meter(business, meter).event_name


def test_a_simulation_deleted_while_it_runs_takes_no_further_step(tally, business, worker, worked_example):
    meter, product = worked_example
    tally.customers.create_customer(business, "cus_2", None, None)
    second = subscribe(tally, business, "cus_2", product, JAN1)
    worker.caught_up()
    close(tally, business, second, JAN1 + timedelta(days=1, hours=1))
    done = tally.simulations.start(business, product, [("s", [price(meter, "0.03")], None)], None, Span(cycles=1), NOW)
    worker.caught_up()
    assert tally.simulations.step(NOW, limit=1) is True
    tally.simulations.delete(business, done.id)
    head = tally.store.head()

    assert tally.simulations.step(NOW, limit=1) is True  # its save conflicts with the delete: nothing written
    worker.caught_up()
    assert tally.simulations.step(NOW, limit=1) is False
    assert tally.store.head() == head
    with pytest.raises(NotFound):
        result(tally, business, done.id)


def test_a_span_of_cycle_starts_picks_the_cycles_that_start_in_it(tally, business, worker, worked_example):
    meter, product = worked_example
    [subscription] = _subscriptions(tally)
    close(tally, business, subscription, JAN1 + timedelta(days=3, hours=1))
    worker.caught_up()
    span = Span(start=JAN1 + timedelta(days=1), end=JAN1 + timedelta(days=3))
    simulation = simulate(tally, worker, business, product, ("s", [price(meter, "0.03", "1000")], None), span=span)
    [customer] = result(tally, business, simulation).customers.items
    assert [c.cycle_start[:10] for c in customer.scenarios[0].cycles] == ["2026-01-02", "2026-01-03"]


def test_the_simulations_read_model_rebuilt_from_the_log_equals_the_kept_one(tally, business, worker, worked_example):
    meter, product = worked_example
    kept = simulate(
        tally,
        worker,
        business,
        product,
        ("a", [price(meter, "0.03", "1000")], None),
        ("b", [price(meter, "0.01")], D("5.00")),
    )
    dropped = simulate(tally, worker, business, product, ("c", [price(meter, "0.05")], None))
    tally.simulations.delete(business, dropped)
    worker.caught_up()
    assert operations.verify(tally.store, "simulations").differences == []
    history = tally.audit.history(business, "simulation", str(kept))
    assert [e.type.rpartition(".")[2] for e in history.events] == ["Requested", "Progressed", "Finished"]


def test_a_manual_grant_expired_by_the_close_is_not_in_the_wallet_the_simulation_reprices_with(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    spending = price(count_meter(tally, business), "1", credits=CreditTerms(D(0), D(1), "none"))
    product = daily_product(tally, business, spending)
    subscription = subscribe(tally, business, "cus_1", product, JAN1)
    send(tally, business, "cus_1", "api.call", 3, JAN1 + timedelta(hours=2), "e")
    tally.credits.grant_credits(business, "cus_1", D(5), JAN1 + timedelta(days=1, minutes=30), None, "k", JAN1)
    worker.caught_up()
    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    worker.caught_up()

    simulation = simulate(tally, worker, business, product, ("now", [spending], None))

    assert str(invoice.total) == "3.00"
    [total] = result(tally, business, simulation).totals
    assert (total.issued, total.difference) == ("3.00", "0.00")


def test_a_per_value_price_the_scenario_leaves_alone_is_carried_as_issued_and_a_changed_one_is_refused(
    tally, business, make_customer, worker
):
    make_customer("cus_1")
    calls = count_meter(tally, business)
    tokens = tally.meters.create_meter(business, "tokens", "llm", {"type": "sum", "key": "tokens"}).id
    grouped = UsagePrice(str(tokens), D("0.5"), D(0), group_by="model")
    product = daily_product(tally, business, price(calls, "0.02", "1000"), grouped)
    send(tally, business, "cus_1", "api.call", 2500, JAN1 + timedelta(hours=1), "e")
    events = [
        IncomingEvent(f"t-{i}", "cus_1", "llm", JAN1 + timedelta(hours=2), {"model": m, "tokens": 4})
        for i, m in enumerate(["big", "small"])
    ]
    tally.ingestion.ingest(business, events, datetime.now(timezone.utc))
    subscription = subscribe(tally, business, "cus_1", product, JAN1)
    worker.caught_up()
    [invoice] = close(tally, business, subscription, JAN1 + timedelta(days=1, hours=1))
    assert str(invoice.total) == "34.00"

    simulation = simulate(tally, worker, business, product, ("dearer calls", [price(calls, "0.03", "1000")], None))
    [customer] = result(tally, business, simulation).customers.items
    [cycle] = customer.scenarios[0].cycles
    assert (cycle.issued, cycle.simulated, cycle.difference) == ("34.00", "49.00", "15.00")
    assert sorted((line.meter_id == str(tokens), line.difference) for line in cycle.lines) == [
        (False, "15.00"),
        (True, "0.00"),
        (True, "0.00"),
    ]
    changed = UsagePrice(str(tokens), D("0.6"), D(0), group_by="model")
    with pytest.raises(Invalid) as refused:
        tally.simulations.start(business, product, [("s", [changed], None)], None, Span(cycles=1), NOW)
    assert [(f.field, str(tokens) in f.reason) for f in refused.value.errors] == [
        ("scenarios.usage_prices.group_by", True)
    ]
