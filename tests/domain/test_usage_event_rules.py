import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from domain.usage_event import IncomingEvent, UsageEvent, faults_of, usage_event_id

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
        "metadata.a", "metadata.b", "metadata.c"]


def test_a_usage_event_id_is_derived_from_business_and_event_id():
    business, other = uuid.uuid4(), uuid.uuid4()
    recorded = UsageEvent(business_id=business, event_id="evt_1", customer_id="c", event_name="n",
                          occurred_at=NOW, metadata={})
    assert recorded.id == usage_event_id(business, "evt_1")
    assert usage_event_id(other, "evt_1") != recorded.id
