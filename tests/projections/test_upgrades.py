"""Upgrades with no manual step: a projection whose version is bumped is rebuilt once by the worker's start-up,
blue/green (the live read model answers, and takes new events, until the swap), into what the incremental
worker had; two workers starting at once rebuild it once between them, partitions each their own share; a new
store is never rebuilt."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from psycopg import sql

from application.tally import Tally
from projections.customers.projection import CustomersProjection
from projections.engine import operations, upgrades
from projections.engine.partitions import Partition
from projections.engine.projection import Projection
from projections.engine.registry import PROJECTIONS, all_projections, worker_projections
from projections.engine.tracking import record_position
from projections.engine.upgrades import Rebuilding, Upgrader
from projections.engine.versions import stored_versions
from projections.engine.worker import Worker, wait_for
from projections.invoices.projection import InvoicesProjection
from projections.reads.queries import Queries
from projections.usage.projection import UsageProjection
from tests.projections.test_operations import snapshot
from tests.projections.workload import drain, run_billing, run_workload


@pytest.fixture
def billed_store(tally: Tally) -> Tally:
    """A store with usage, customers and invoices, every read model at the head and at its code's version."""
    meter = run_workload(tally)
    drain(tally)
    run_billing(tally, meter)
    drain(tally)
    return tally


@contextmanager
def started(tally: Tally) -> Iterator[Worker]:
    """A worker started as `tally worker` starts it; stopped at the end."""
    worker = Worker(tally.store, all_projections(tally.store.schema))
    worker.setup()
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    try:
        yield worker
    finally:
        worker.stop()
        thread.join(timeout=10)


def versions(tally: Tally) -> dict[str, int]:
    with tally.store.datastore.transaction(commit=False) as cur:
        return stored_versions(cur, tally.store.schema)


def live_customers(tally: Tally) -> tuple[int, list[str]]:
    """The live customers table's identity (a swap replaces it) and the external ids it holds."""
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute("SELECT to_regclass(%s)::oid AS oid", (f'"{tally.store.schema}".customers',))
        oid = cur.fetchone()["oid"]  # type: ignore[index]
        cur.execute(sql.SQL("SELECT customer_id FROM {}.customers").format(sql.Identifier(tally.store.schema)))
        return oid, sorted(r["customer_id"] for r in cur.fetchall())


def test_a_new_store_is_built_at_every_code_version_and_not_rebuilt(tally: Tally) -> None:
    with started(tally) as worker:
        assert worker.upgrader.done.wait(30)
    assert worker.upgrader.rebuilt == []
    assert versions(tally) == {name: cls.version for name, cls in PROJECTIONS.items()}


def test_a_bumped_version_is_rebuilt_once_on_start_into_the_incremental_read_model(
    billed_store: Tally, monkeypatch: pytest.MonkeyPatch
) -> None:
    incremental = snapshot(billed_store)
    monkeypatch.setattr(InvoicesProjection, "version", InvoicesProjection.version + 1)
    with started(billed_store) as worker:
        assert worker.upgrader.done.wait(60)
    assert worker.upgrader.rebuilt == ["invoices"]
    assert versions(billed_store)["invoices"] == InvoicesProjection.version
    assert snapshot(billed_store) == incremental
    with started(billed_store) as again:
        assert again.upgrader.done.wait(30)
    assert again.upgrader.rebuilt == [], "rebuilt once: the next start finds it at the code's version"


def test_the_live_read_model_answers_and_takes_new_events_until_the_swap(
    billed_store: Tally, monkeypatch: pytest.MonkeyPatch
) -> None:
    business = billed_store.businesses.register_business("acme")
    queries = Queries(billed_store.store.datastore, billed_store.store.schema, billed_store.store.events_table)
    old_table, old_customers = live_customers(billed_store)
    seen: dict[str, Any] = {}
    build = operations.build

    def build_then_look(app: Any, generations: list[Projection], until: int, progress: Any = None) -> None:
        build(app, generations, until, progress)
        if generations[0].suffix == operations.NEXT:  # built, not yet swapped in
            position = billed_store.customers.create_customer(business, "cus_meanwhile", None, None).position
            seen["applied"] = wait_for(billed_store.store, ["customers"], position, 30)
            seen["live"] = live_customers(billed_store)
            seen["rebuilding"] = queries.rebuilding(billed_store.store.head())

    monkeypatch.setattr(operations, "build", build_then_look)
    monkeypatch.setattr(CustomersProjection, "version", CustomersProjection.version + 1)
    with started(billed_store) as worker:
        assert worker.upgrader.done.wait(60)

    assert seen["applied"] and seen["live"] == (old_table, sorted([*old_customers, "cus_meanwhile"]))
    [shown] = seen["rebuilding"]
    assert shown.name == "customers" and 0 < shown.done <= shown.total
    new_table, customers = live_customers(billed_store)
    assert new_table != old_table and customers == seen["live"][1], "swapped in, with what came meanwhile"
    assert queries.rebuilding(billed_store.store.head()) == []
    assert operations.verify(billed_store.store, "customers").complete


def test_two_workers_starting_at_once_rebuild_a_bumped_projection_once(
    billed_store: Tally, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CustomersProjection, "version", CustomersProjection.version + 1)
    monkeypatch.setattr(upgrades, "RETRY_S", 0.05)
    names = [p.tracking_name for p in all_projections(billed_store.store.schema)]
    pair = [Upgrader(billed_store.store, names, threading.Event()) for _ in range(2)]
    together = threading.Barrier(2)

    def start(upgrader: Upgrader) -> None:
        together.wait()
        upgrader.run()

    threads = [threading.Thread(target=start, args=(u,)) for u in pair]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(u.rebuilt for u in pair) == [[], ["customers"]]
    assert versions(billed_store)["customers"] == CustomersProjection.version


def test_an_old_store_shows_what_is_still_to_rebuild_on_health(billed_store: Tally) -> None:
    """A store from before versions were recorded: every read model with a position is version 0."""
    with billed_store.store.datastore.transaction(commit=True) as cur:
        cur.execute(sql.SQL("DROP TABLE {}.projection_versions").format(sql.Identifier(billed_store.store.schema)))
    queries = Queries(billed_store.store.datastore, billed_store.store.schema, billed_store.store.events_table)
    head = billed_store.store.head()
    assert queries.rebuilding(head) == [Rebuilding(name, 0, head) for name in sorted(PROJECTIONS)]
    with started(billed_store) as worker:
        assert worker.upgrader.done.wait(60)
    assert sorted(worker.upgrader.rebuilt) == sorted(PROJECTIONS)
    assert queries.rebuilding(head) == []


def test_partition_workers_starting_together_each_rebuild_their_share_one_after_the_other(
    billed_store: Tally, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole `usage` becomes two partitions at its version; bumped, each partition's worker rebuilds its
    own share (they share the `__next` tables: one at a time), and the rows are what they were."""
    schema = billed_store.store.schema
    split = [worker_projections(schema, Partition(i, 2)) for i in range(2)]
    setup = [Worker(billed_store.store, projections) for projections in split]
    for worker in setup:
        worker.setup()
    incremental = snapshot(billed_store)
    del incremental["positions"]
    assert {n: v for n, v in versions(billed_store).items() if n.startswith("usage")} == {
        "usage@0/2": UsageProjection.version,
        "usage@1/2": UsageProjection.version,
    }
    monkeypatch.setattr(UsageProjection, "version", UsageProjection.version + 1)
    monkeypatch.setattr(upgrades, "RETRY_S", 0.05)
    together = threading.Barrier(2)

    def start(worker: Worker) -> None:
        together.wait()
        worker.upgrader.run()

    threads = [threading.Thread(target=start, args=(w,)) for w in setup]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert [w.upgrader.rebuilt for w in setup] == [["usage@0/2"], ["usage@1/2"]]
    assert {n: v for n, v in versions(billed_store).items() if n.startswith("usage")} == {
        "usage@0/2": UsageProjection.version,
        "usage@1/2": UsageProjection.version,
    }
    rebuilt = snapshot(billed_store)
    del rebuilt["positions"]
    assert rebuilt == incremental


def test_a_rebuild_by_hand_waits_for_the_one_under_way(billed_store: Tally) -> None:
    """`tally projections rebuild` says it waits, and starts once the other is done; partitions share the lock."""
    told, held = threading.Event(), []

    def by_hand() -> None:
        with operations.one_rebuild(billed_store.store, "usage@1/2", waiting=told.set) as mine:
            held.append(mine)

    with operations.one_rebuild(billed_store.store, "usage", wait=False) as first:
        thread = threading.Thread(target=by_hand)
        thread.start()
        assert first and told.wait(10)
        assert held == [], "still waiting"
    thread.join(timeout=10)
    assert held == [True]


def test_billing_waits_while_an_upgrade_rebuilds_a_read_model(
    billed_store: Tally, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed rule's rows are not yet written: no cycle is closed on what the older version wrote."""
    assert billed_store.billing.usage_ready()
    monkeypatch.setattr(InvoicesProjection, "version", InvoicesProjection.version + 1)
    assert not billed_store.billing.usage_ready()
    with started(billed_store) as worker:
        assert worker.upgrader.done.wait(60)
    assert billed_store.billing.usage_ready()


def test_a_worker_stopped_during_a_rebuild_leaves_the_live_read_model_and_the_next_start_rebuilds_it(
    billed_store: Tally, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(billed_store)
    monkeypatch.setattr(CustomersProjection, "version", CustomersProjection.version + 1)
    stopping = threading.Event()
    build = operations.build

    def stopped_midway(app: Any, generations: list[Projection], until: int, progress: Any = None) -> None:
        def stop_then_report(done: int, total: int) -> None:
            stopping.set()
            progress(done, total)

        build(app, generations, until, stop_then_report)

    monkeypatch.setattr(operations, "build", stopped_midway)
    upgrader = Upgrader(
        billed_store.store, [p.tracking_name for p in all_projections(billed_store.store.schema)], stopping
    )
    assert upgrader.run() == [] and upgrader.done.is_set()
    after = snapshot(billed_store)
    assert {n: p for n, p in after.pop("positions").items() if "__" not in n} == before.pop("positions")
    assert after == before and versions(billed_store)["customers"] == CustomersProjection.version - 1
    monkeypatch.setattr(operations, "build", build)
    with started(billed_store) as worker:
        assert worker.upgrader.done.wait(60)
    assert worker.upgrader.rebuilt == ["customers"]
    assert versions(billed_store)["customers"] == CustomersProjection.version


def test_a_generation_left_by_a_killed_rebuild_is_not_shown_as_rebuilding(billed_store: Tally) -> None:
    """A `tally projections rebuild` killed part-way leaves its `__next` tracking row; no one holds the rebuild's
    lock any more, so /health does not show it as being rebuilt. While a rebuild holds the lock, it shows."""
    store = billed_store.store
    queries = Queries(store.datastore, store.schema, store.events_table)
    with store.datastore.transaction(commit=True) as cur:
        record_position(cur, store.schema, "customers" + operations.NEXT, 5)
    head = store.head()

    assert queries.rebuilding(head) == []
    with operations.one_rebuild(store, "customers", wait=False) as held:
        assert held
        assert queries.rebuilding(head) == [Rebuilding("customers", 5, head)]
    assert queries.rebuilding(head) == []
