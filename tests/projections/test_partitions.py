"""The usage projection split by business across workers: each partition applies its own businesses
once, at its own position; together they hold what the whole projection holds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from psycopg import sql

from projections.engine import operations
from projections.engine.partitions import Partition, SplitMismatch, required_position
from projections.engine.registry import all_projections, worker_projections
from projections.engine.tracking import read_positions
from projections.engine.worker import Worker
from tests.projections.workload import NOW, events

SPLIT = [Partition(0, 2), Partition(1, 2)]


def businesses_in_both_partitions(tally, count=2):
    """Registers businesses until each partition of two holds `count` of them."""
    found = {0: [], 1: []}
    n = 0
    while min(len(v) for v in found.values()) < count:
        business = tally.businesses.register_business(f"b{n}")
        n += 1
        index = 0 if SPLIT[0].owns(business) else 1
        if len(found[index]) < count:
            found[index].append(business)
            for c in range(3):
                tally.customers.create_customer(business, f"cus_{c}", None, None)
    return found[0] + found[1]


def workload(tally, businesses, prefix):
    for k, business in enumerate(businesses):
        tally.ingestion.ingest(business, events(f"{prefix}{k}-", 40), NOW)
        if prefix == "a":
            tally.meters.create_meter(business, "calls", "api.call", {"type": "count"})
            tally.meters.create_meter(business, "tokens", "api.call", {"type": "sum", "key": "tokens"})


def run(tally, split):
    """Each partition's worker until it has nothing left, one after the other."""
    for partition in split:
        worker = Worker(tally.store, worker_projections(tally.store.schema, partition), page_size=50)
        worker.setup()
        while worker.run_once():
            pass


def rows(tally, table, suffix=""):
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT * FROM {}.{}").format(sql.Identifier(tally.store.schema), sql.Identifier(table + suffix))
        )
        return sorted(tuple(map(str, r.values())) for r in cur.fetchall())


def test_a_partition_owns_the_businesses_its_sql_condition_selects(tally):
    @settings(max_examples=30, deadline=None)
    @given(st.uuids(), st.integers(min_value=1, max_value=7))
    def agree(business, count):
        for index in range(count):
            part = Partition(index, count)
            with tally.store.datastore.transaction(commit=False) as cur:
                cur.execute(
                    sql.SQL("SELECT {} AS owns FROM (SELECT %s::uuid AS business_id) AS b").format(
                        part.condition(sql.Identifier("business_id"))
                    ),
                    (business,),
                )
                assert cur.fetchone()["owns"] == part.owns(business)
        assert sum(Partition(i, count).owns(business) for i in range(count)) == 1

    agree()


@pytest.mark.parametrize("text", ["2/2", "-1/2", "1", "a/b", "0/0"])
def test_a_partition_outside_its_count_is_refused(text):
    with pytest.raises(ValueError):
        Partition.parse(text)


def test_two_partitions_hold_exactly_what_one_whole_projection_holds(tally):
    businesses = businesses_in_both_partitions(tally)
    workload(tally, businesses, "a")
    run(tally, SPLIT)
    workload(tally, businesses, "b")
    run(tally, SPLIT)
    head = tally.store.head()
    positions = read_positions_of(tally)
    assert positions["usage@0/2"] == positions["usage@1/2"] == head and "usage" not in positions
    whole = all_projections(tally.store.schema, "__whole")[0]
    operations.build(tally.store, [whole], head)
    for table in whole.tables:
        assert rows(tally, table) == rows(tally, table, "__whole"), table
    for name in ("usage@0/2", "usage@1/2"):
        assert operations.verify(tally.store, name).complete, name


def test_a_business_waits_for_its_own_partition_only(tally):
    [first, _, second, _] = businesses_in_both_partitions(tally)
    positions = {"usage@0/2": 10, "usage@1/2": 90, "customers": 95}
    assert required_position(positions, ["usage", "customers"], first) == 10
    assert required_position(positions, ["usage", "customers"], second) == 90
    assert required_position(positions, ["usage", "customers"], None) == 10
    assert required_position({"usage": 40, "customers": 95}, ["usage", "customers"], second) == 40
    assert required_position({"customers": 95}, ["usage", "customers"], second) == 0


def test_a_whole_projection_is_split_at_its_position_and_each_event_still_counts_once(tally):
    businesses = businesses_in_both_partitions(tally)
    workload(tally, businesses, "a")
    run(tally, [None])
    at = tally.store.head()
    workload(tally, businesses, "b")
    run(tally, SPLIT)
    positions = read_positions_of(tally)
    assert "usage" not in positions and positions["usage@0/2"] == positions["usage@1/2"] == tally.store.head() > at
    for name in ("usage@0/2", "usage@1/2"):
        assert operations.verify(tally.store, name).differences == [], name


def test_running_the_projection_whole_or_split_otherwise_is_refused_once_split(tally):
    workload(tally, businesses_in_both_partitions(tally, 1), "a")
    run(tally, SPLIT)
    for way in ([None], [Partition(0, 3)]):
        with pytest.raises(SplitMismatch):
            run(tally, way)


def test_a_partition_is_rebuilt_in_place_of_its_own_rows(tally):
    businesses = businesses_in_both_partitions(tally)
    workload(tally, businesses, "a")
    run(tally, SPLIT)
    before = {table: rows(tally, table) for table in ("meters", "meter_usage")}
    with tally.store.datastore.transaction(commit=True) as cur:
        cur.execute(sql.SQL("UPDATE {}.meter_usage SET count = count + 1").format(sql.Identifier(tally.store.schema)))
    assert operations.verify(tally.store, "usage@1/2").differences
    operations.rebuild(tally.store, "usage@0/2")
    operations.rebuild(tally.store, "usage@1/2")
    assert {table: rows(tally, table) for table in before} == before
    assert operations.verify(tally.store, "usage@1/2").complete


def read_positions_of(tally):
    with tally.store.datastore.transaction(commit=False) as cur:
        return read_positions(cur, tally.store.schema)


def test_unknown_partition_names_are_refused():
    with pytest.raises(ValueError):
        operations.projection("customers@0/2", "public")
    assert operations.projection("usage@1/3", "public").tracking_name == "usage@1/3"
