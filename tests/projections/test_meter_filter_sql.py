"""The SQL form of a filter (used by GET /events?meter_id=) selects exactly the events the domain rules select."""

import msgspec
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from psycopg import sql

from domain import meter_filter
from projections.usage.meter_filter_sql import filter_sql
from projections.usage.meter_usage import decimal_json
from tests.projections.strategies import filters, metadata

_json = msgspec.json.Encoder(decimal_format="number")


def where(key, operator, value):
    return {"conjunction": "and", "clauses": [{"key": key, "operator": operator, "value": value}]}


def test_sql_filters_agree_with_the_domain_rules(tally):
    table = sql.SQL("{}.filter_rows").format(sql.Identifier(tally.store.schema))
    with tally.store.datastore.transaction(commit=True) as cur:
        cur.execute(sql.SQL("CREATE TABLE {} (id int PRIMARY KEY, metadata jsonb NOT NULL)").format(table))

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(filters(), st.lists(metadata, min_size=1, max_size=20))
    @example(where("plan", "equals", False), [{"plan": "false"}, {"plan": False}, {"plan": "true"}, {"plan": 0}])
    @example(where("plan", "not_equals", "x"), [{"plan": "10"}, {"plan": "y"}, {"plan": 10}, {"plan": True}])
    def agree(filter_, rows):
        parsed, faults = meter_filter.parse(filter_)
        assert not faults
        with tally.store.datastore.transaction(commit=False) as cur:
            decimal_json(cur)
            cur.executemany(
                sql.SQL("INSERT INTO {} VALUES (%s, %s)").format(table),
                [(i, _json.encode(m).decode()) for i, m in enumerate(rows)],
            )
            cur.execute(sql.SQL("SELECT id, metadata FROM {} WHERE {} ORDER BY id").format(table, filter_sql(parsed)))
            selected = [r["id"] for r in cur.fetchall()]
            cur.execute(sql.SQL("SELECT id, metadata FROM {} ORDER BY id").format(table))
            stored = [r["metadata"] for r in cur.fetchall()]
        assert selected == [i for i, m in enumerate(stored) if meter_filter.matches(parsed, m)]
        assert stored == rows, "metadata survives jsonb with its types"

    agree()
