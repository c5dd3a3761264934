import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.usage_event import IncomingEvent, UsageEvent, batch_faults, faults_of, usage_event_id

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def event(**overrides):
    fields = dict(event_id="evt_1", customer_id="cus_1", event_name="api.call", timestamp=None, metadata={})
    fields.update(overrides)
    return IncomingEvent(**fields)


def fields(faults):
    return sorted(f.field for f in faults)


def test_a_plain_event_breaks_no_rule():
    assert faults_of(event(metadata={"tokens": "150", "n": 3, "ok": True, "gb": Decimal("1.5")}), 0, NOW) == []


def test_empty_names_are_faults():
    assert fields(faults_of(event(event_id=" ", event_name=""), 4, NOW)) == ["event_id", "event_name"]


def test_faults_carry_the_event_index():
    assert {f.index for f in faults_of(event(event_name=""), 7, NOW)} == {7}


def test_a_timestamp_more_than_five_minutes_ahead_is_rejected():
    assert fields(faults_of(event(timestamp=NOW + timedelta(minutes=5, seconds=1)), 0, NOW)) == ["timestamp"]
    assert faults_of(event(timestamp=NOW + timedelta(minutes=5)), 0, NOW) == []


def test_old_timestamps_are_accepted_for_backfill():
    assert faults_of(event(timestamp=NOW - timedelta(days=400)), 0, NOW) == []


def test_a_timestamp_without_timezone_is_rejected():
    assert fields(faults_of(event(timestamp=datetime(2026, 1, 1)), 0, NOW)) == ["timestamp"]


def test_metadata_limits():
    assert fields(faults_of(event(metadata={f"k{i}": 1 for i in range(51)}), 0, NOW)) == ["metadata"]
    assert fields(faults_of(event(metadata={"k" * 101: 1}), 0, NOW)) == ["metadata." + "k" * 100]
    assert fields(faults_of(event(metadata={"v": "x" * 501}), 0, NOW)) == ["metadata.v"]
    assert faults_of(event(metadata={"k" * 100: "x" * 500}), 0, NOW) == []


def test_metadata_values_are_strings_numbers_or_booleans():
    assert fields(faults_of(event(metadata={"a": {"nested": 1}, "b": [1], "c": None}), 0, NOW)) == [
        "metadata.a",
        "metadata.b",
        "metadata.c",
    ]


def test_a_usage_event_id_is_derived_from_business_and_event_id():
    business, other = uuid.uuid4(), uuid.uuid4()
    recorded = UsageEvent(
        business_id=business, event_id="evt_1", customer_id="c", event_name="n", occurred_at=NOW, metadata={}
    )
    assert recorded.id == usage_event_id(business, "evt_1")
    assert usage_event_id(other, "evt_1") != recorded.id


# Mostly clean text, sometimes a character a rule refuses, so both the whole-batch check and the
# event-by-event one are exercised.
_clean = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=12)
_bad = st.one_of(
    st.text(max_size=6),
    st.sampled_from(
        ["", " ", "a/b", ".", "..", "x" * 256, "k" * 101, "a\tb", "a\nb", "a\rb", "a\x00b", "a\x7fb", "\ud800"]
    ),
)
_texts = st.one_of(_clean, _clean, _clean, _clean, _clean, _bad)
# Numbers near the bound (domain/numbers.py), as numbers and as numeric strings, on both sides of it.
_near_bound = st.sampled_from(["1000000000000000", "1000000000000001", "0000000000000000007", "0.0000000000001"])
_values = st.one_of(
    _texts,
    st.integers(),
    st.booleans(),
    st.decimals(places=2),
    st.decimals(allow_nan=False, allow_infinity=False),
    _near_bound,
    _near_bound.map(lambda v: "-" + v),
    st.just("v" * 501),
    st.just(1.5),
    st.none(),
)
_events = st.builds(
    IncomingEvent,
    event_id=_texts,
    customer_id=_texts,
    event_name=_texts,
    timestamp=st.one_of(
        st.none(),
        st.just(NOW + timedelta(minutes=6)),
        st.just(datetime(2026, 1, 1)),
        st.datetimes(min_value=datetime(1960, 1, 1), timezones=st.just(timezone.utc)),
    ),
    metadata=st.dictionaries(_texts, _values, max_size=4) | st.just({f"k{i}": 1 for i in range(51)}),
)


@settings(max_examples=300, deadline=None)
@given(batch=st.lists(_events, min_size=1, max_size=4))
def test_a_batch_checked_whole_has_exactly_the_faults_of_its_events(batch):
    assert batch_faults(batch, NOW) == [f for i, e in enumerate(batch) for f in faults_of(e, i, NOW)]
