"""The meter's rules: what it counts, what an event adds, how values fold."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.aggregation import MeterRule, fold, label
from domain.errors import Invalid
from domain.meter import Meter
from domain.meter_filter import compare

BUSINESS = uuid.uuid4()
T = datetime(2026, 1, 31, 23, 59, tzinfo=timezone.utc)


def meter(kind="count", key=None, filter_=None):
    return Meter.define(BUSINESS, "m", "api.call", {"type": kind, "key": key}, filter_)


def where(key, operator, value):
    return {"conjunction": "and", "clauses": [{"key": key, "operator": operator, "value": value}]}


def test_a_new_meter_records_created_and_archiving_twice_records_once():
    m = meter("sum", "tokens")
    m.archive()
    m.archive()
    m.unarchive()
    assert [type(e).__name__ for e in m.collect_events()] == ["Created", "Archived", "Unarchived"]
    assert isinstance(m.id, uuid.UUID) and m.id.version == 4


def test_counts_needs_the_event_name_and_the_filter():
    m = meter(filter_=where("endpoint", "equals", "/v1/users"))
    assert m.rule.counts("api.call", {"endpoint": "/v1/users"})
    assert not m.rule.counts("api.call", {"endpoint": "/v1/orders"})
    assert not m.rule.counts("other", {"endpoint": "/v1/users"})


@pytest.mark.parametrize(
    ("metadata", "value"),
    [
        ({"tokens": "150"}, Decimal(150)),
        ({"tokens": 7}, Decimal(7)),
        ({"tokens": Decimal("1.5")}, Decimal("1.5")),
        ({"tokens": "x"}, None),
        ({}, None),
        ({"tokens": True}, None),
        ({"tokens": "1e5"}, None),
        ({"tokens": " 5"}, None),
    ],
)
def test_value_is_the_number_of_the_key_or_none_to_skip(metadata, value):
    assert meter("sum", "tokens").rule.value(metadata) == value


def test_count_counts_one_per_event_whatever_the_metadata():
    assert meter().rule.value({}) == Decimal(1)


@pytest.mark.parametrize(
    ("operator", "actual", "expected", "result"),
    [
        ("greater_than", "20", 15, True),  # numeric strings compare as numbers
        ("equals", "10.0", 10, True),
        ("less_than", "9", "10", True),  # numerically, not as text
        ("greater_than", "abc", 15, False),  # number vs non-numeric string: false
        ("not_equals", "abc", 15, False),
        ("equals", True, True, True),  # booleans compare to booleans and "true"/"false" only
        ("equals", "true", True, True),
        ("equals", True, "true", True),
        ("equals", True, 1, False),
        ("not_equals", True, 1, False),
        ("greater_than", True, False, False),
        ("contains", "/v1/orders", "orders", True),
        ("does_not_contain", "/v1/orders", "users", True),
        ("contains", 150, "15", False),  # contains is for text only
        ("greater_than", "b", "a", True),  # non-numeric strings by code point
    ],
)
def test_comparison_rules(operator, actual, expected, result):
    assert compare(operator, actual, expected) is result


def test_a_missing_key_makes_any_clause_false():
    for operator in ("equals", "not_equals", "does_not_contain", "less_than"):
        assert not meter(filter_=where("plan", operator, "pro")).rule.counts("api.call", {})


def test_or_and_nesting():
    m = meter(
        filter_={
            "conjunction": "or",
            "clauses": [
                {"key": "tokens", "operator": "greater_than", "value": 15},
                {
                    "conjunction": "and",
                    "clauses": [
                        {"key": "endpoint", "operator": "contains", "value": "orders"},
                        {"key": "tokens", "operator": "equals", "value": "x"},
                    ],
                },
            ],
        }
    )
    assert m.rule.counts("api.call", {"tokens": 20})
    assert m.rule.counts("api.call", {"tokens": "x", "endpoint": "/v1/orders"})
    assert not m.rule.counts("api.call", {"tokens": "x", "endpoint": "/v1/users"})


def test_every_fault_is_reported_with_its_path():
    with pytest.raises(Invalid) as raised:
        Meter.define(
            BUSINESS,
            "",
            "api.call",
            {"type": "max"},
            {
                "conjunction": "and",
                "clauses": [
                    {"key": "a", "operator": "equals", "value": 1},
                    {"key": "b", "operator": "between", "value": 1},
                ],
            },
        )
    assert [f.field for f in raised.value.errors] == ["name", "aggregation.key", "filter.clauses[1].operator"]


items_strategy = st.lists(
    st.tuples(
        st.integers(0, 5).map(lambda m: T + timedelta(minutes=m)),
        st.integers(1, 10_000),
        st.decimals(-1000, 1000, places=2),
    ),
    unique_by=lambda i: i[1],
)


@given(items_strategy)
def test_fold_agrees_with_its_definition(items):
    values = [v for _, _, v in items]
    assert fold("count", items) == len(items)
    assert fold("sum", items) == sum(values, Decimal(0))
    assert fold("max", items) == (max(values) if values else None)
    latest = max(items, key=lambda i: (i[0], i[1])) if items else None
    assert fold("last", items) == (latest[2] if latest else None)


def test_last_breaks_timestamp_ties_by_the_higher_position():
    assert fold("last", [(T, 9, Decimal(1)), (T, 3, Decimal(2)), (T - timedelta(hours=1), 20, Decimal(3))]) == 1


@pytest.mark.parametrize(
    "value, text",
    [
        ("7", "7"),
        (7, "7"),
        (Decimal("1.50"), "1.50"),
        (Decimal("1E+2"), "100"),
        (Decimal("-0.00"), "0.00"),
        (True, "true"),
        (None, None),
    ],
)
def test_a_value_is_told_apart_by_its_text_as_postgres_writes_it(value, text):
    assert label(value) == text


def test_unique_count_min_and_avg_fold_like_their_definitions():
    at = datetime(2026, 1, 1, tzinfo=timezone.utc)
    rule = MeterRule("login", "unique_count", "user_id", None)
    events = [(i, at, "login", {"user_id": f"user-{i % 7}"}) for i in range(20)] + [(99, at, "login", {})]
    assert rule.measure(events) == (20, Decimal(7))
    numbers = [(i, at, "x", {"v": v}) for i, v in enumerate(["3", 1, Decimal("2.5"), "y"])]
    assert MeterRule("x", "min", "v", None).measure(numbers) == (3, Decimal(1))
    assert MeterRule("x", "avg", "v", None).measure(numbers) == (3, Decimal("2.166666666667"))
    assert fold("avg", []) is None and fold("min", []) is None and fold("unique_count", []) == 0
