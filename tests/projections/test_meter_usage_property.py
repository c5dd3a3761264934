"""For random events and random meters, usage from the buckets equals a brute-force
fold over the raw events, for every aggregation and window, one customer or all;
usage grouped by metadata keys (read from raw rows in SQL) equals the domain's fold
per group."""

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from psycopg import sql

from domain.aggregation import KINDS, fold, label
from domain.usage_event import IncomingEvent
from projections.usage import meter_usage
from projections.usage.meter_queries import (
    WINDOWS,
    minute,
    usage_groups,
    usage_total,
    usage_windows,
    window_end,
)
from projections.usage.meter_usage import decimal_json
from tests.projections.strategies import filters, metadata, values
from tests.projections.workload import drain

BASE = datetime(2026, 1, 31, 23, 0, tzinfo=timezone.utc)
# Few instants, so events share minutes and timestamps; around minute, hour, day and month ends.
INSTANTS = [BASE + timedelta(seconds=s) for s in (-61, -1, 0, 0.5, 20, 59, 60, 3599, 3600, 3601, 3660, 90000)]
NOW = datetime(2026, 3, 1, tzinfo=timezone.utc)
CUSTOMERS = ["c0", "c1", "c2"]

numeric = st.one_of(st.integers(-5, 50), st.decimals(-5, 50, places=3), st.sampled_from(["12", "0.5", "-2", "7."]))
usage_metadata = st.one_of(st.fixed_dictionaries({"tokens": numeric, "plan": values}), metadata)
incoming = st.tuples(
    st.sampled_from(CUSTOMERS),
    st.sampled_from(["api.call", "api.call", "other"]),
    st.sampled_from(INSTANTS),
    usage_metadata,
)
meters = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(KINDS),
        "key": st.sampled_from(["tokens", "tokens", "plan"]),
        "filter": st.one_of(st.none(), st.none(), filters(2)),
    }
)
ranges = st.tuples(st.integers(-3 * 60, 2 * 3600), st.integers(1, 26 * 3600)).map(
    lambda r: (BASE + timedelta(seconds=r[0]), BASE + timedelta(seconds=r[0] + r[1]))
)


LAST = {"kind": "last", "key": "tokens", "filter": None}
WHOLE = (BASE - timedelta(hours=1), BASE + timedelta(days=2))


def tied(customer, tokens):
    """Events at one instant: only the log position orders them."""
    return (customer, "api.call", BASE, {"tokens": tokens})


def raw_events(tally, business):
    with tally.store.datastore.transaction(commit=False) as cur:
        decimal_json(cur)
        cur.execute(
            sql.SQL(
                "SELECT position, customer_id, event_name, occurred_at, metadata FROM {}.usage_log "
                "WHERE business_id = %s"
            ).format(sql.Identifier(tally.store.schema)),
            (business,),
        )
        return cur.fetchall()


def brute_force(meter, rows, customer, start, end, window):
    lower, upper = minute(start), minute(end)
    items = [
        (r["occurred_at"], r["position"], meter.rule.value(r["metadata"]), meter.rule.label(r["metadata"]))
        for r in rows
        if meter.rule.counts(r["event_name"], r["metadata"])
        and (customer is None or r["customer_id"] == customer)
        and lower <= minute(r["occurred_at"]) < upper
    ]
    items = [i for i in items if i[2] is not None]
    kind = meter.aggregation["type"]
    windows = sorted(
        {
            minute(at)
            if window == "minute"
            else minute(at).replace(
                **{"hour": {"minute": 0}, "day": {"minute": 0, "hour": 0}, "month": {"minute": 0, "hour": 0, "day": 1}}[
                    window
                ]
            )
            for at, *_ in items
        }
    )
    buckets = [
        (
            max(w, lower),
            min(window_end(w, window), upper),
            fold(kind, [i for i in items if w <= minute(i[0]) < window_end(w, window)]),
        )
        for w in windows
    ]
    return fold(kind, items), buckets


@pytest.mark.long
def test_usage_from_buckets_equals_a_brute_force_fold(tally, monkeypatch):
    monkeypatch.setattr(meter_usage, "BACKFILL_CHUNK", 5)  # several back-fill chunks and pages per example

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(incoming, min_size=5, max_size=40), st.lists(incoming, max_size=20), meters, ranges)
    @example([tied("c1", 5), tied("c1", 3)], [], LAST, WHOLE)
    @example([tied("c1", 5), tied("c1", 3)], [tied("c1", 4), tied("c2", 9)], LAST, WHOLE)
    def agree(before, after, definition, period):
        business = tally.businesses.register_business(f"b-{uuid.uuid4().hex}")
        for customer in CUSTOMERS:
            tally.customers.create_customer(business, customer, None, None)
        batches = [[IncomingEvent(uuid.uuid4().hex, c, n, at, m) for c, n, at, m in group] for group in (before, after)]
        if batches[0]:
            tally.ingestion.ingest(business, batches[0], NOW)
        created = tally.meters.create_meter(
            business, "m", "api.call", {"type": definition["kind"], "key": definition["key"]}, definition["filter"]
        )
        meter = tally.meters.get_meter(business, created.id)
        if batches[1]:
            tally.ingestion.ingest(business, batches[1], NOW)
        drain(tally, page_size=7)
        rows = raw_events(tally, business)
        start, end = period
        for customer in (None, "c1"):
            for window in WINDOWS:
                total, buckets = brute_force(meter, rows, customer, start, end, window)
                with tally.store.datastore.transaction(commit=False) as cur:
                    assert usage_total(cur, tally.store.schema, meter.id, customer, start, end) == total
                    assert usage_windows(cur, tally.store.schema, meter.id, customer, start, end, window) == (
                        total,
                        buckets,
                    )
            for keys in (("plan",), ("plan", "tokens")):
                assert grouped(tally, meter.id, customer, start, end, keys) == brute_grouped(
                    meter, rows, customer, start, end, keys
                )

    agree()


def grouped(tally, meter_id, customer, start, end, keys):
    with tally.store.datastore.transaction(commit=False) as cur:
        answer = usage_groups(cur, tally.store.schema, meter_id, customer, start, end, keys, "hour")
    return {g.values: (g.total, g.buckets) for g in answer}


def brute_grouped(meter, rows, customer, start, end, keys):
    values = {tuple(label(r["metadata"].get(k)) for k in keys) for r in rows}
    answer = {}
    for value in values:
        mine = [r for r in rows if tuple(label(r["metadata"].get(k)) for k in keys) == value]
        total, buckets = brute_force(meter, mine, customer, start, end, "hour")
        if buckets:
            answer[value] = (total, buckets)
    return answer
