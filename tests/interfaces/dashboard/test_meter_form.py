"""The create-meter form becomes the body `POST /meters` takes."""

from __future__ import annotations

from decimal import Decimal

from interfaces.dashboard.meter_form import clauses_of, meter_body


def test_a_count_meter_without_conditions_has_no_filter() -> None:
    body = meter_body(
        {
            "name": " API calls ",
            "event_name": "api.call",
            "aggregation_type": "count",
            "clause_key_0": "",
            "clause_operator_0": "equals",
        }
    )
    assert body == {"name": "API calls", "event_name": "api.call", "aggregation": {"type": "count"}}


def test_conditions_become_one_filter_group_with_typed_values() -> None:
    body = meter_body(
        {
            "name": "Tokens",
            "event_name": "llm",
            "aggregation_type": "sum",
            "aggregation_key": "tokens",
            "measurement_unit": "tokens",
            "conjunction": "or",
            "clause_key_0": "model",
            "clause_operator_0": "equals",
            "clause_value_0": "gpt",
            "clause_key_3": "size",
            "clause_operator_3": "greater_than",
            "clause_value_3": "1.5",
            "clause_key_4": "cached",
            "clause_operator_4": "equals",
            "clause_value_4": "false",
        }
    )
    assert body["aggregation"] == {"type": "sum", "key": "tokens"}
    assert body["measurement_unit"] == "tokens"
    assert body["filter"] == {
        "conjunction": "or",
        "clauses": [
            {"key": "model", "operator": "equals", "value": "gpt"},
            {"key": "size", "operator": "greater_than", "value": Decimal("1.5")},
            {"key": "cached", "operator": "equals", "value": False},
        ],
    }


def test_the_form_comes_back_with_the_rows_typed_and_room_for_more() -> None:
    rows = clauses_of({"clause_key_1": "model", "clause_operator_1": "contains", "clause_value_1": "x"})
    assert rows[0] == {"key": "model", "operator": "contains", "value": "x"}
    assert len(rows) == 3 and rows[1]["key"] == ""
