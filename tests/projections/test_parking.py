"""One event a projection cannot apply stops only its own business, visibly, until `retry` applies it."""

import os
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal

import pytest
from psycopg import sql

from domain.errors import NotReady
from domain.usage_event import IncomingEvent
from projections.engine import operations, parking
from projections.engine.owners import Owners
from projections.engine.registry import all_projections
from projections.engine.retry import retry
from projections.engine.tracking import read_positions
from projections.engine.worker import Worker
from projections.usage.projection import UsageProjection
from store import usage_log
from tests.projections.test_operations import snapshot
from tests.projections.workload import NOW, START

POISON = "poison"
PAGE_SIZE = 4


def event(event_id, name="api.call", customer="cus_1", seconds=0):
    return IncomingEvent(event_id, customer, name, START + timedelta(seconds=seconds), {"tokens": 2})


def run_to_head(tally):
    """Runs the worker in this thread, small pages, until every projection stands at the head."""
    worker = Worker(tally.store, all_projections(tally.store.schema), page_size=PAGE_SIZE)
    worker.setup()
    for _ in range(1000):
        if not worker.run_once():
            break
    assert positions(tally.store) == {name: tally.store.head() for name in positions(tally.store)}


def positions(store):
    with store.datastore.transaction(commit=False) as cur:
        return read_positions(cur, store.schema)


def parked(tally, name="usage"):
    with tally.store.datastore.transaction(commit=False) as cur:
        return parking.parked_events(cur, tally.store.schema, name)


def listed(tally, business):
    """The business's usage events the usage read model has taken in: up to its position, short of the
    business's first parked event (or one of unknown business)."""
    with tally.store.datastore.transaction(commit=False) as cur:
        upto = read_positions(cur, tally.store.schema)["usage"]
        stuck = [
            e.position
            for e in parking.parked_events(cur, tally.store.schema, "usage")
            if e.business_id in (business, None)
        ]
        return [
            e.event_id
            for _, e in usage_log.events(
                cur, tally.store.schema, business, None, 0, min([upto, *(p - 1 for p in stuck)])
            )
        ]


def meter_archived(tally, meter_id):
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT archived FROM {}.meters WHERE id = %s").format(sql.Identifier(tally.store.schema)),
            (meter_id,),
        )
        return cur.fetchone()["archived"]


@pytest.fixture
def cause(monkeypatch):
    """The usage projection cannot apply a page holding the marker event while the cause is on."""
    state = {"on": True}
    original = UsageProjection.apply

    def apply(self, cur, page):
        if state["on"] and any(getattr(e, "event_id", None) == "a-poison" for _, e in page.events):
            raise ValueError("the marker event cannot be applied")
        original(self, cur, page)

    monkeypatch.setattr(UsageProjection, "apply", apply)
    return state


@pytest.fixture
def stuck(tally, cause):
    """Business A's marker event sits among A's and B's events; A archives its meter after it."""
    a, b = tally.businesses.register_business("a"), tally.businesses.register_business("b")
    for business in (a, b):
        tally.customers.create_customer(business, "cus_1", None, None)
    meter = tally.meters.create_meter(a, "calls", "api.call", {"type": "count"})
    tally.ingestion.ingest(a, [event(f"a{i}", seconds=i) for i in range(3)], NOW)
    tally.ingestion.ingest(b, [event(f"b{i}", seconds=i) for i in range(3)], NOW)
    tally.ingestion.ingest(a, [event("a-poison", POISON, seconds=3), event("a3", seconds=4)], NOW)
    tally.ingestion.ingest(b, [event(f"b{i}", seconds=i) for i in range(3, 9)], NOW)
    tally.ingestion.ingest(a, [event("a4", seconds=5)], NOW)
    tally.meters.archive_meter(a, meter.id)
    tally.ingestion.ingest(b, [event("b9", seconds=9)], NOW)
    run_to_head(tally)
    return tally, a, b, meter.id


def cli(database_url, schema, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "TALLY_SCHEMA": schema}
    return subprocess.run(
        [sys.executable, "-m", "interfaces.cli.main", "projections", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_other_businesses_reach_the_head_while_one_business_stays_stuck_at_its_parked_event(stuck):
    tally, a, b, meter_id = stuck
    assert listed(tally, b) == [f"b{i}" for i in range(10)]
    assert listed(tally, a) == ["a0", "a1", "a2"], "nothing of A after its parked event is applied"
    assert not meter_archived(tally, meter_id), "A's meter archiving waits behind the parked event"
    rows = parked(tally)
    assert {r.business_id for r in rows} == {a}
    assert rows[0].error == "ValueError: the marker event cannot be applied"
    assert [r.topic.rsplit(".", 1)[-1] for r in rows] == ["Recorded", "Recorded", "Recorded", "Archived"]
    assert all(r.error.startswith(f"held back: this business's event at position {rows[0].position}") for r in rows[1:])
    assert parked(tally, "customers") == [], "the other projections applied A's events"


def test_health_without_a_key_shows_totals_and_with_a_key_only_that_business_parked_positions(stuck, client):
    tally, *_ = stuck
    first = parked(tally)[0].position
    anyone = client.get("/health").json()
    assert anyone["status"] == "degraded"
    assert anyone["parked"] == [{"projection": "usage", "events": 4}], "a count, no position, no business"
    assert anyone["projections"]["usage"] == anyone["position"] == tally.store.head()
    as_a, as_b = (
        client.get("/health", headers={"Authorization": f"Bearer {tally.businesses.create_key(name)}"}).json()
        for name in ("a", "b")
    )
    assert as_a["parked"] == [{"projection": "usage", "events": 4, "position": first}]
    assert as_b["parked"] == [] and as_b["status"] == "degraded", "B sees none of A's parked events"
    assert client.get("/health", headers={"Authorization": "Bearer tally_wrong"}).status_code == 401


@pytest.mark.long
def test_status_and_verify_show_the_stuck_business_and_verify_exits_1(stuck, database_url, schema):
    tally, a, *_ = stuck
    first = parked(tally)[0].position
    usage = next(s for s in operations.status(tally.store, sample_s=0.01) if s.name == "usage")
    assert [(s.business_id, s.position, s.events) for s in usage.parked] == [(a, first, 4)]
    verdict = operations.verify(tally.store, "usage")
    assert verdict.differences == [], "a rebuild parks the same events"
    assert not verdict.complete and verdict.behind == 0
    shown = cli(database_url, schema, "status")
    assert f"parked: business {a}: 4 event(s) from position {first}" in shown.stdout
    checked = cli(database_url, schema, "verify", "usage")
    assert checked.returncode == 1 and f"usage: parked: business {a}" in checked.stdout


def test_the_stuck_business_is_not_billed_on_short_counts_while_others_are(stuck):
    tally, a, b, _ = stuck
    closes = {}
    for business in (a, b):
        product = tally.catalogue.create_product(business, "daily", "USD", Decimal("1"), "day", 1, [])
        subscription = tally.subscriptions.start_subscription(business, "cus_1", product.id, START, START)
        closes[business] = lambda s=subscription, who=business: tally.billing.close_cycles(
            who, s.id, START + timedelta(days=1, hours=1), wait=False
        )
    with pytest.raises(NotReady) as refused:
        closes[a]()
    assert refused.value.code == "usage_parked"
    assert [str(tally.billing.invoice(b, i).total) for i in closes[b]()] == ["1.00"]


def test_a_rebuild_while_the_cause_remains_parks_the_same_events(stuck):
    tally, *_ = stuck
    before = parked(tally)
    operations.rebuild(tally.store, "usage")
    assert [(r.position, r.business_id, r.error) for r in parked(tally)] == [
        (r.position, r.business_id, r.error) for r in before
    ]
    assert parked(tally, "usage__next") == []


def test_a_retry_that_still_fails_keeps_everything_parked_and_says_why(stuck, cause):
    tally, a, *_ = stuck
    before = parked(tally)
    [result] = retry(tally.store, ["usage"])
    assert result.applied == 0 and result.business_id == a
    assert [r.position for r in result.still_parked] == [r.position for r in before]
    assert result.still_parked[0].error == "ValueError: the marker event cannot be applied"
    assert parked(tally) == before


def test_once_the_cause_is_fixed_retry_applies_them_in_order_and_equals_a_rebuild(stuck, cause):
    tally, a, b, meter_id = stuck
    cause["on"] = False
    [result] = retry(tally.store, ["usage"], a)
    assert result.applied == 4 and result.still_parked == []
    assert parked(tally) == []
    assert listed(tally, a) == ["a0", "a1", "a2", "a-poison", "a3", "a4"]
    assert meter_archived(tally, meter_id)
    tally.ingestion.ingest(a, [event("a5", seconds=6)], NOW)
    run_to_head(tally)
    assert listed(tally, a)[-1] == "a5", "A's new events apply directly again"
    retried = snapshot(tally)
    operations.rebuild(tally.store, "usage")
    assert snapshot(tally) == retried
    assert operations.verify(tally.store, "usage").complete


def test_an_event_that_cannot_be_decoded_is_parked_under_its_business(tally, monkeypatch):
    """A usage event is not decoded by the worker (the log's rows are folded where they are): an event store
    event is, here the creation of business A's second meter."""
    a, b = tally.businesses.register_business("a"), tally.businesses.register_business("b")
    for business in (a, b):
        tally.customers.create_customer(business, "cus_1", None, None)
    tally.ingestion.ingest(a, [event("a0")], NOW)
    tally.meters.create_meter(a, "undecodable", "api.call", {"type": "count"})
    tally.ingestion.ingest(a, [event("a1", seconds=2)], NOW)
    tally.ingestion.ingest(b, [event("b0")], NOW)
    decode = tally.store.mapper.to_domain_event

    def failing(notification):
        if b"undecodable" in notification.state:
            raise OverflowError("date value out of range")
        return decode(notification)

    monkeypatch.setattr(tally.store.mapper, "to_domain_event", failing)
    run_to_head(tally)
    assert listed(tally, a) == ["a0"] and listed(tally, b) == ["b0"]
    assert [(r.business_id, r.error) for r in parked(tally)] == [
        (a, "cannot decode: OverflowError: date value out of range"),
        (a, f"held back: this business's event at position {parked(tally)[0].position} is parked"),
    ]
    monkeypatch.undo()
    assert retry(tally.store)[0].applied == 2
    assert listed(tally, a) == ["a0", "a1"]


def test_a_projection_merely_behind_makes_verify_exit_1_with_how_many_events(tally, database_url, schema):
    business = tally.businesses.register_business("a")
    tally.customers.create_customer(business, "cus_1", None, None)
    run_to_head(tally)
    tally.ingestion.ingest(business, [event(f"e{i}", seconds=i) for i in range(3)], NOW)
    assert operations.verify(tally.store, "usage").behind == 3
    checked = cli(database_url, schema, "verify", "usage")
    assert checked.returncode == 1
    assert "usage: 0 difference(s)" in checked.stdout and "usage: 3 events behind the log head" in checked.stdout


def test_an_event_whose_business_cannot_be_found_holds_back_every_later_event_until_retried(tally, monkeypatch):
    """A usage event's business is a column of the log; an event store's event (here a meter's) is read for it."""
    a, b = tally.businesses.register_business("a"), tally.businesses.register_business("b")
    for business in (a, b):
        tally.customers.create_customer(business, "cus_1", None, None)
    tally.ingestion.ingest(b, [event("b0")], NOW)
    tally.ingestion.ingest(a, [event("a0")], NOW)
    tally.meters.create_meter(a, "undecodable", "api.call", {"type": "count"})
    tally.ingestion.ingest(a, [event("a1", seconds=1)], NOW)
    tally.ingestion.ingest(b, [event("b1", seconds=1)], NOW)
    decode, read_business = tally.store.mapper.to_domain_event, Owners._in_state

    def failing(notification):
        if b"undecodable" in notification.state:
            raise OverflowError("date value out of range")
        return decode(notification)

    monkeypatch.setattr(tally.store.mapper, "to_domain_event", failing)
    monkeypatch.setattr(
        Owners, "_in_state", lambda self, state: None if b"undecodable" in state else read_business(self, state)
    )
    run_to_head(tally)
    assert listed(tally, a) == ["a0"] and listed(tally, b) == ["b0"]
    assert [r.business_id for r in parked(tally)] == [None, a, b]
    [waiting] = retry(tally.store, ["usage"], b)
    assert waiting.applied == 0 and [r.position for r in waiting.still_parked] == [parked(tally)[2].position], (
        "B's parked event may depend on the unknown one: it waits"
    )
    monkeypatch.setattr(tally.store.mapper, "to_domain_event", decode)
    [result] = retry(tally.store, ["usage"])
    assert result.applied == 3 and result.still_parked == [] and parked(tally) == []
    assert listed(tally, a) == ["a0", "a1"] and listed(tally, b) == ["b0", "b1"]


def test_the_cli_retries_one_business_named_by_its_name(stuck, database_url, schema):
    tally, a, *_ = stuck
    retried = cli(database_url, schema, "retry", "usage", "--business", "a")
    assert retried.returncode == 0, retried.stderr
    assert f"usage: business {a}: applied 4 parked event(s)" in retried.stdout
    assert parked(tally) == [] and listed(tally, a)[-1] == "a4"
