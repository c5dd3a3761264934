"""Generated from the domain (issue 34): every event class any aggregate can emit is built, stored through the
real event store and applied by every projection that subscribes to its topic, on a real database; none may
raise or be parked. A new event class is in it without anyone listing it, and one whose fields have no
example fails here until it has one (tests/projections/every_event.py)."""

from __future__ import annotations

from decimal import Decimal

import msgspec
import pytest
from eventsourcing.utils import get_topic
from psycopg import sql

from domain.credit_ledger import reference_parts
from domain.credit_wallet import LEDGER_EVENTS, CreditWallet
from projections.engine import parking
from projections.engine.registry import all_projections
from projections.engine.tracking import read_positions
from projections.engine.worker import Worker
from tests.projections.every_event import (
    World,
    aggregates,
    emitted,
    every_event_class,
    first_event,
    instance,
    missing,
    world_events,
)

CLASSES = every_event_class()


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_event_class_an_aggregate_can_emit_has_an_example_for_each_field(cls):
    assert not missing(cls), (
        f"{cls.__qualname__}: add an example for {missing(cls)} to tests/projections/every_event.py"
    )
    aggregate = next(a for a in aggregates() if cls.__qualname__.startswith(f"{a.__qualname__}."))
    assert type(instance(cls, aggregate, 1, World())) is cls


def test_every_wallet_event_but_the_opening_states_its_ledger_line():
    assert set(LEDGER_EVENTS) == set(emitted(CreditWallet)) - {first_event(CreditWallet)}


def test_every_projection_topic_names_events_the_domain_emits():
    topics = [get_topic(cls) for cls in CLASSES]
    for projection in all_projections("unused"):
        for prefix in projection.topics:
            assert any(t.startswith(prefix) for t in topics), f"{projection.name} subscribes to nothing at {prefix}"


@pytest.fixture
def world(tally):
    """Every event class once, stored, and every projection run to the head of the log."""
    world = World()
    events = list(world_events(world))
    tally.store.save(*events)
    worker = Worker(tally.store, all_projections(tally.store.schema), page_size=8)
    worker.setup()
    while worker.run_once():
        pass
    return world, events


def parked_rows(tally):
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT projection, topic, error FROM {} ORDER BY position").format(
                parking.parked_table(tally.store.schema)
            )
        )
        return [(r["projection"], r["topic"], r["error"]) for r in cur.fetchall()]


def test_every_event_class_is_applied_by_every_projection_that_subscribes_to_it_and_none_is_parked(tally, world):
    _, events = world
    assert {type(e) for e in events} == set(CLASSES)
    assert parked_rows(tally) == []
    with tally.store.datastore.transaction(commit=False) as cur:
        positions = read_positions(cur, tally.store.schema)
    projections = all_projections(tally.store.schema)
    assert positions == {p.name: tally.store.head() for p in projections}
    applied = [(cls, p.name) for cls in CLASSES for p in projections if p.wants(get_topic(cls))]
    print(f"{len(CLASSES)} event classes, {len(applied)} (event class, projection) applications")
    assert {cls for cls, _ in applied} >= set(LEDGER_EVENTS) and len(applied) >= len(CLASSES)


def test_every_aggregate_of_the_world_loads_back_from_the_store(tally, world):
    built, events = world
    for aggregate in aggregates():
        loaded = tally.store.repository.get(built.id(aggregate))
        assert type(loaded) is aggregate
        assert loaded.version == max(e.originator_version for e in events if e.originator_id == built.id(aggregate))


def test_each_ledger_line_and_its_webhook_state_the_same_movement(tally, world):
    """The `balances` ledger and the `webhooks` outbox both write the event's `effect()`: type, amount,
    direction, balance and overage after it, reference and description agree line by line."""
    built, _ = world
    s = sql.Identifier(tally.store.schema)
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(sql.SQL("SELECT * FROM {}.ledger ORDER BY position").format(s))
        ledger = {r["position"]: r for r in cur.fetchall()}
        cur.execute(sql.SQL("SELECT position, payload FROM {}.webhook_deliveries ORDER BY position").format(s))
        webhooks = {r["position"]: msgspec.json.decode(r["payload"])["data"] for r in cur.fetchall()}
    assert len(ledger) == len(LEDGER_EVENTS) and set(ledger) <= set(webhooks)
    for position, line in ledger.items():
        data = webhooks[position]
        assert (
            data["transaction_type"],
            Decimal(data["amount"]),
            data["is_credit"],
            Decimal(data["balance_after"]),
            Decimal(data["overage_after"]),
            data["description"],
            data["grant_id"],
        ) == (
            line["transaction_type"],
            line["credits"],
            line["is_credit"],
            line["balance_after"],
            line["overage_after"],
            line["reason"],
            line["grant_id"],
        ), position
        assert (data["reference_type"], data["reference_id"]) == reference_parts(line["reference"], line["reason"])
