"""The ingestion fast path writes exactly what `app.save` of a UsageEvent would."""

import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from eventsourcing.application import Application
from eventsourcing.persistence import Notification
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.usage_event import IncomingEvent, UsageEvent, usage_event_id
from store.log import read_page
from store.usage_records import TOPIC, decode_recorded, recorded_states

NOW = datetime(2026, 11, 25, 12, 0, 0, 123456, tzinfo=timezone.utc)
RECORDED_AT = datetime(2026, 11, 25, 12, 0, 1, 7, tzinfo=timezone.utc)
BUSINESS = uuid.UUID("6f1c9f0e-1c53-4c67-9a53-0d5b0d0b8a11")

values = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
)
incoming = st.builds(
    IncomingEvent,
    event_id=st.text(min_size=1, max_size=30),
    customer_id=st.text(min_size=1, max_size=30),
    event_name=st.text(min_size=1, max_size=30),
    timestamp=st.one_of(
        st.none(),
        st.just(NOW - timedelta(days=3)),
        st.just(NOW.astimezone(timezone(timedelta(hours=5)))),
        st.datetimes(
            timezones=st.sampled_from(
                [timezone.utc, timezone(timedelta(hours=-3, minutes=-30)), timezone(timedelta(hours=14))]
            )
        ),
    ),
    metadata=st.dictionaries(st.text(min_size=1, max_size=10), values, max_size=6),
)


def saved_path_state(app, e: IncomingEvent) -> bytes:
    aggregate = UsageEvent(
        business_id=BUSINESS,
        event_id=e.event_id,
        customer_id=e.customer_id,
        event_name=e.event_name,
        occurred_at=e.timestamp or NOW,
        metadata=e.metadata,
    )
    return app.mapper.to_stored_event(aggregate.collect_events()[0]).state


@contextmanager
def fixed_clock():
    original = UsageEvent.Recorded.__dict__.get("create_timestamp")
    UsageEvent.Recorded.create_timestamp = staticmethod(lambda: RECORDED_AT)
    try:
        yield
    finally:
        if original is None:
            del UsageEvent.Recorded.create_timestamp
        else:
            UsageEvent.Recorded.create_timestamp = original


# The same transcodings as Tally's (it registers no others), without a database.
APP = Application(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})


@settings(max_examples=60, deadline=None)
@given(batch=st.lists(incoming, min_size=1, max_size=5))
def test_stored_state_is_byte_for_byte_what_the_mapper_writes(batch):
    with fixed_clock():
        assert recorded_states(BUSINESS, batch, NOW, APP.mapper) == [saved_path_state(APP, e) for e in batch]


def as_notification(state: bytes, number: int = 1) -> Notification:
    return Notification(id=number, originator_id=uuid.uuid4(), originator_version=1, topic=TOPIC, state=state)


@settings(max_examples=60, deadline=None)
@given(batch=st.lists(incoming, min_size=1, max_size=5))
def test_the_worker_decodes_a_stored_state_as_the_mapper_does(batch):
    for state in recorded_states(BUSINESS, batch, NOW, APP.mapper):
        n = as_notification(state)
        fast, mapped = decode_recorded(n, APP.mapper), APP.mapper.to_domain_event(n)
        assert type(fast) is type(mapped) and vars(fast) == vars(mapped)
        # == on datetimes compares instants; the offset each carries must be the same too
        assert (fast.occurred_at.isoformat(), fast.timestamp.isoformat()) == (
            mapped.occurred_at.isoformat(),
            mapped.timestamp.isoformat(),
        )
        assert [type(v) for v in fast.metadata.values()] == [type(v) for v in mapped.metadata.values()]


def test_a_state_in_another_form_is_decoded_by_the_mapper():
    state = APP.mapper.transcoder.encode(
        {
            "timestamp": NOW,
            "originator_topic": "domain.usage_event:UsageEvent",
            "business_id": BUSINESS,
            "event_id": "e",
            "customer_id": "c",
            "event_name": "n",
            "occurred_at": NOW,
            "metadata": {"when": NOW},
            "added_later": 1,
        }
    )
    event = decode_recorded(as_notification(state), APP.mapper)
    assert event.metadata == {"when": NOW} and event.added_later == 1


def test_a_metadata_value_without_a_stored_form_is_refused():
    with pytest.raises(TypeError):
        recorded_states(BUSINESS, [IncomingEvent("a", "c", "n", None, {"x": 1.5})], NOW, APP.mapper)


def test_an_ingested_event_reads_back_as_the_aggregate_the_normal_path_builds(tally):
    business = tally.businesses.register_business("acme")
    tally.customers.create_customer(business, "cus_1", None, None)
    event = IncomingEvent("e-1", "cus_1", "api.call", NOW, {"tokens": 12, "cost": Decimal("0.25"), "ok": True})
    done = tally.ingestion.ingest(business, [event], NOW)

    stored = tally.store.repository.get(usage_event_id(business, "e-1"))
    expected = UsageEvent(
        business_id=business,
        event_id="e-1",
        customer_id="cus_1",
        event_name="api.call",
        occurred_at=NOW,
        metadata=event.metadata,
    )
    skip = {"_created_on", "_modified_on", "_pending_events"}
    assert {k: v for k, v in vars(stored).items() if k not in skip} == {
        k: v for k, v in vars(expected).items() if k not in skip
    }

    with tally.store.datastore.transaction(commit=False) as cur:
        [notification] = read_page(cur, tally.store.events_table, done.position - 1, 1)
    decoded = tally.store.mapper.to_domain_event(notification)
    assert isinstance(decoded, UsageEvent.Recorded)
    assert (decoded.business_id, decoded.occurred_at, decoded.metadata) == (business, NOW, event.metadata)
