"""Usage events folded into meter buckets inside PostgreSQL, straight from the usage log: one statement per
page (or back-fill chunk) selects the events each meter counts, computes their values, and merges the
per-minute buckets, the hourly rollups (per customer and per meter), the distinct values and the skipped
counts. No usage event crosses
into Python: the worker only learns which positions a page holds.

The SQL is the translation of domain.aggregation (MeterRule.counts/value/label, Bucket) that the raw
queries use too (meter_filter_sql.py, meter_queries.py); tests/projections hold the buckets equal to a
fold of the same events in Python and a rebuild equal to the live read model."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from psycopg import Cursor, sql

from domain.aggregation import MeterRule
from projections.usage.meter_filter_sql import filter_sql, number_sql

NEWER = "(EXCLUDED.last_ts, EXCLUDED.last_position) > (u.last_ts, u.last_position)"
MERGE = f"""
        count = u.count + EXCLUDED.count,
        sum = u.sum + EXCLUDED.sum,
        max = greatest(u.max, EXCLUDED.max),
        min = least(u.min, EXCLUDED.min),
        last_value = CASE WHEN {NEWER} THEN EXCLUDED.last_value ELSE u.last_value END,
        last_ts = CASE WHEN {NEWER} THEN EXCLUDED.last_ts ELSE u.last_ts END,
        last_position = CASE WHEN {NEWER} THEN EXCLUDED.last_position ELSE u.last_position END
"""
# Each group's rows reach array_agg in the order of the sorted subquery they are read from, newest first: one
# sort of the page instead of a sort per group and aggregate (PostgreSQL's documented way to order an
# aggregate's input from a subquery).
LATEST = "last_ts DESC, last_position DESC"
# Bucket rows of one group, read newest first (LATEST), merged into one as MERGE merges two: into an hour, or the
# parts of one minute a build appended.
MERGED = (
    "sum(count) AS count, sum(sum) AS sum, max(max) AS max, (array_agg(last_value))[1] AS last_value, "
    "max(last_ts) AS last_ts, (array_agg(last_position))[1] AS last_position, min(min) AS min"
)
LATEST_EVENT = "occurred_at DESC, position DESC"
_MINUTES = f"""
WITH page AS MATERIALIZED (
    SELECT position, business_id, customer_id, event_name, occurred_at, metadata FROM {{log}} WHERE {{source}}
),
counted AS MATERIALIZED ({{counted}}),
skipped AS (
    UPDATE {{meters}} AS m SET skipped = m.skipped + s.n
    FROM (SELECT meter_id, count(*) AS n FROM counted WHERE v IS NULL GROUP BY 1) AS s WHERE m.id = s.meter_id
),
uniques AS (
    INSERT INTO {{uniques}} (meter_id, customer_id, minute, value)
    SELECT DISTINCT meter_id, customer_id, minute, label FROM counted WHERE v IS NOT NULL AND label IS NOT NULL
    ON CONFLICT DO NOTHING
),
buckets AS MATERIALIZED (
    SELECT meter_id, customer_id, minute, count(*) AS count, sum(v) AS sum, max(v) AS max,
           (array_agg(v))[1] AS last_value, max(occurred_at) AS last_ts, (array_agg(position))[1] AS last_position,
           min(v) AS min
    FROM (SELECT * FROM counted WHERE v IS NOT NULL ORDER BY meter_id, customer_id, minute, {LATEST_EVENT}) AS c
    GROUP BY 1, 2, 3
),
"""
# The hourly rollups of the `buckets` there are: each customer's, and every customer's.
_HOURS = f"""
customer_hours AS MATERIALIZED (
    SELECT meter_id, customer_id, hour, {MERGED}
    FROM (SELECT date_trunc('hour', minute, 'UTC') AS hour, * FROM buckets
          ORDER BY meter_id, customer_id, 1, {LATEST}) AS b
    GROUP BY 1, 2, 3
),
by_customer AS (
    INSERT INTO {{customer_hours}} AS u (meter_id, customer_id, hour, count, sum, max, last_value, last_ts,
                                         last_position, min)
    SELECT * FROM customer_hours
    ON CONFLICT (meter_id, customer_id, hour) DO UPDATE SET {MERGE}
),
hourly AS (
    INSERT INTO {{hours}} AS u (meter_id, hour, count, sum, max, last_value, last_ts, last_position, min)
    SELECT meter_id, hour, {MERGED}
    FROM (SELECT * FROM customer_hours ORDER BY meter_id, hour, {LATEST}) AS b
    GROUP BY 1, 2
    ON CONFLICT (meter_id, hour) DO UPDATE SET {MERGE}
)
"""
_BUCKETS = f"""
INSERT INTO {{usage}} AS u (meter_id, customer_id, minute, count, sum, max, last_value, last_ts, last_position, min)
SELECT * FROM buckets
ON CONFLICT (meter_id, customer_id, minute) DO UPDATE SET {MERGE}
"""
_FOLD = _MINUTES + _HOURS + _BUCKETS
# A build from position 0 appends each page's minute buckets to a table it has left without indexes, then
# merges them, indexes the table and derives the hours once at its end (finish_build): row by row, the
# upserts into indexed tables were most of a rebuild's time.
_FOLD_APPENDED = _MINUTES.rstrip().rstrip(",") + "\nINSERT INTO {usage} SELECT * FROM buckets"
_MERGED_MINUTES = f"""
CREATE TEMP TABLE merged_minutes ON COMMIT DROP AS
SELECT meter_id, customer_id, minute, {MERGED}
FROM (SELECT * FROM {{usage}} ORDER BY meter_id, customer_id, minute, {LATEST}) AS b
GROUP BY 1, 2, 3
"""
_DERIVE_HOURS = "WITH buckets AS (SELECT * FROM {usage}),\n" + _HOURS + "SELECT 1"
_COUNTED = (
    "SELECT {id}::uuid AS meter_id, customer_id, date_trunc('minute', occurred_at, 'UTC') AS minute, position, "
    "occurred_at, {value} AS v, {label} AS label FROM page "
    "WHERE business_id = {business} AND event_name = {name} AND {filter} AND {live}"
)


@dataclass(frozen=True)
class Tables:
    meters: sql.Composable
    usage: sql.Composable
    uniques: sql.Composable
    hours: sql.Composable
    customer_hours: sql.Composable
    log: sql.Composable


@dataclass(frozen=True)
class Counting:
    """A meter and where, in the positions folded, it counts: after each `(after, before)` pair's first and
    before its second (it was created, archived or unarchived in between)."""

    meter_id: uuid.UUID
    business_id: uuid.UUID
    rule: MeterRule
    spans: tuple[tuple[int, int], ...]


def _value(rule: MeterRule) -> sql.Composable:
    """MeterRule.value: 1 for count, 1 for unique_count when the key is there, the key's number otherwise."""
    if rule.kind == "count":
        return sql.SQL("1::numeric")
    if rule.key is None:
        return sql.SQL("NULL::numeric")
    if rule.kind == "unique_count":
        return sql.SQL("CASE WHEN metadata ? {} THEN 1::numeric END").format(sql.Literal(rule.key))
    return number_sql(rule.key)


def _label(rule: MeterRule) -> sql.Composable:
    if rule.kind == "unique_count" and rule.key is not None:
        return sql.SQL("metadata ->> {}").format(sql.Literal(rule.key))
    return sql.SQL("NULL::text")


def _live(spans: tuple[tuple[int, int], ...]) -> sql.Composable:
    return sql.SQL("({})").format(
        sql.SQL(" OR ").join(
            sql.SQL("(position > {} AND position < {})").format(sql.Literal(a), sql.Literal(b)) for a, b in spans
        )
    )


def fold(
    cur: Cursor[Any],
    tables: Tables,
    counting: list[Counting],
    source: sql.Composable,
    params: Any,
    building: bool = False,
) -> None:
    """Folds the log's events that `source` (a condition on the log, with `params`) selects into the buckets
    of the meters `counting` names, where each one counts, and their hourly rollups; `building` from position
    0, appends the minute buckets only (finish_build merges them)."""
    selects = [
        sql.SQL(_COUNTED).format(
            id=sql.Literal(str(c.meter_id)),
            value=_value(c.rule),
            label=_label(c.rule),
            business=sql.Literal(str(c.business_id)),
            name=sql.Literal(c.rule.event_name),
            filter=filter_sql(c.rule.filter),
            live=_live(c.spans),
        )
        for c in counting
        if c.spans
    ]
    if not selects:
        return
    cur.execute(
        sql.SQL(_FOLD_APPENDED if building else _FOLD).format(
            log=tables.log,
            source=source,
            counted=sql.SQL(" UNION ALL ").join(selects),
            meters=tables.meters,
            uniques=tables.uniques,
            hours=tables.hours,
            customer_hours=tables.customer_hours,
            usage=tables.usage,
        ),
        params,
    )


def finish_build(cur: Cursor[Any], tables: Tables) -> None:
    """Once a build has appended every page's minute buckets (the build's own tables, so every row): merges
    the buckets of the same minute, as the folds' upserts would have, then derives both hourly rollups."""
    # Room for the merge's and the hours' sorts: PostgreSQL's default of 4 MB sent them to disk at 300,000 buckets.
    cur.execute("SET LOCAL work_mem = '64MB'")
    cur.execute(sql.SQL(_MERGED_MINUTES).format(usage=tables.usage))
    cur.execute(sql.SQL("TRUNCATE {}").format(tables.usage))
    cur.execute(sql.SQL("INSERT INTO {} SELECT * FROM merged_minutes").format(tables.usage))
    cur.execute("DROP TABLE merged_minutes")
    cur.execute(
        sql.SQL(_DERIVE_HOURS).format(usage=tables.usage, customer_hours=tables.customer_hours, hours=tables.hours)
    )
