"""The sending state of webhook deliveries: one row per delivery in `webhook_sends`, created with the
delivery (projections/webhooks/projection.py) and then owned by the sender alone.

A sender claims due rows by moving their `next_at` a lease ahead (and counting the attempt) before it
sends, so a sender killed mid-send loses nothing: the row comes due again when the lease runs out and is
sent again with the same id. Claims skip locked rows, so two senders never take the same one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from psycopg import Cursor, sql

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
# Due rows looked at per claim, so a backlog of one endpoint costs a bounded scan.
CLAIM_WINDOW = 1000
# Raised (at commit) whenever a delivery comes due now, so an idle sender wakes instead of polling.
CHANNEL = "tally_webhooks"


def _t(schema: str, name: str) -> sql.Composed:
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(name))


def ddl(schema: str) -> list[sql.Composed]:
    return [
        sql.SQL("""
            CREATE TABLE IF NOT EXISTS {} (
                delivery_id uuid PRIMARY KEY,
                endpoint_id uuid NOT NULL,
                status text NOT NULL,
                attempts integer NOT NULL DEFAULT 0,
                next_at timestamptz,
                last_code integer,
                last_error text,
                last_attempt_at timestamptz,
                delivered_at timestamptz,
                enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp()
            )""").format(_t(schema, "webhook_sends")),
        sql.SQL("CREATE INDEX IF NOT EXISTS webhook_sends_due ON {} (next_at) WHERE status = 'pending'").format(
            _t(schema, "webhook_sends")
        ),
    ]


def enqueue(cur: Cursor[Any], schema: str, deliveries: list[tuple[uuid.UUID, uuid.UUID]]) -> None:
    """Due at once. A delivery that already has its row (a rebuild meeting it again) keeps it."""
    cur.executemany(
        sql.SQL(
            "INSERT INTO {} (delivery_id, endpoint_id, status, next_at) "
            "VALUES (%s, %s, 'pending', clock_timestamp()) ON CONFLICT DO NOTHING"
        ).format(_t(schema, "webhook_sends")),
        deliveries,
    )
    _wake_senders(cur)


def _wake_senders(cur: Cursor[Any]) -> None:
    cur.execute(sql.SQL("NOTIFY {}").format(sql.Identifier(CHANNEL)))


def next_due_s(cur: Cursor[Any], schema: str) -> float | None:
    """Seconds until the earliest pending delivery comes due (<= 0: due now); None when none is pending."""
    cur.execute(
        sql.SQL(
            "SELECT extract(epoch FROM min(next_at) - clock_timestamp())::float8 AS s FROM {} WHERE status = 'pending'"
        ).format(_t(schema, "webhook_sends"))
    )
    row = cur.fetchone()
    return None if row is None or row["s"] is None else float(row["s"])


@dataclass(frozen=True)
class Claimed:
    delivery_id: uuid.UUID
    endpoint_id: uuid.UUID
    attempt: int
    url: str
    secret: str
    headers: dict[str, str]
    payload: str
    rate_limit: int | None


def claim(
    cur: Cursor[Any], schema: str, limit: int, per_endpoint: int, busy: list[uuid.UUID], lease: timedelta
) -> list[Claimed]:
    """Up to `limit` due deliveries, at most `per_endpoint` (or its `rate_limit`, if lower) of any one
    endpoint and none of `busy` ones (so one slow endpoint never takes every sending slot), each leased
    for `lease`."""
    if limit <= 0:
        return []
    sends, deliveries, endpoints = (_t(schema, n) for n in ("webhook_sends", "webhook_deliveries", "webhook_endpoints"))
    cur.execute(
        sql.SQL("""
        WITH due AS (
            SELECT delivery_id, endpoint_id, row_number() OVER (PARTITION BY endpoint_id ORDER BY next_at) AS n
            FROM (SELECT delivery_id, endpoint_id, next_at FROM {sends}
                  WHERE status = 'pending' AND next_at <= clock_timestamp() AND NOT endpoint_id = ANY(%(busy)s)
                  ORDER BY next_at LIMIT %(window)s) AS window_
        ), picked AS (
            SELECT s.delivery_id FROM {sends} s JOIN due USING (delivery_id)
            JOIN {endpoints} e ON e.id = s.endpoint_id AND NOT e.disabled AND NOT e.deleted
            WHERE due.n <= least(%(per)s, coalesce(e.rate_limit, %(per)s)) AND s.status = 'pending' AND EXISTS (SELECT 1 FROM {deliveries} d
                                                                       WHERE d.id = s.delivery_id)
            ORDER BY s.next_at LIMIT %(limit)s FOR UPDATE OF s SKIP LOCKED
        )
        UPDATE {sends} s SET next_at = clock_timestamp() + %(lease)s, attempts = s.attempts + 1,
                             last_attempt_at = clock_timestamp()
        FROM picked, {deliveries} d, {endpoints} e
        WHERE s.delivery_id = picked.delivery_id AND d.id = s.delivery_id AND e.id = s.endpoint_id
        RETURNING s.delivery_id, s.endpoint_id, s.attempts, e.url, e.secret, e.headers, d.payload, e.rate_limit
        """).format(sends=sends, deliveries=deliveries, endpoints=endpoints),
        {"busy": busy, "window": CLAIM_WINDOW, "per": per_endpoint, "limit": limit, "lease": lease},
    )
    return [
        Claimed(
            r["delivery_id"],
            r["endpoint_id"],
            r["attempts"],
            r["url"],
            r["secret"],
            dict(r["headers"]),
            r["payload"],
            r["rate_limit"],
        )
        for r in cur.fetchall()
    ]


def record(
    cur: Cursor[Any],
    schema: str,
    delivery: uuid.UUID,
    attempt: int,
    code: int | None,
    error: str | None,
    retry_in: timedelta | None,
) -> None:
    """One attempt's outcome: delivered on a 2xx, else due again after `retry_in`, or failed without one.
    Only the attempt that holds the row's latest claim records, so a late answer cannot undo a newer one."""
    delivered = code is not None and 200 <= code < 300
    status = DELIVERED if delivered else (PENDING if retry_in is not None else FAILED)
    cur.execute(
        sql.SQL(
            "UPDATE {} SET status = %s, last_code = %s, last_error = %s, "
            "next_at = CASE WHEN %s THEN clock_timestamp() + %s END, "
            "delivered_at = CASE WHEN %s THEN clock_timestamp() END WHERE delivery_id = %s AND attempts = %s"
        ).format(_t(schema, "webhook_sends")),
        (status, code, error, status == PENDING, retry_in or timedelta(0), delivered, delivery, attempt),
    )


def retry(cur: Cursor[Any], schema: str, delivery: uuid.UUID) -> bool:
    """Due now, whatever its state; False if there is no such delivery yet."""
    cur.execute(
        sql.SQL("UPDATE {} SET status = 'pending', next_at = clock_timestamp() WHERE delivery_id = %s").format(
            _t(schema, "webhook_sends")
        ),
        (delivery,),
    )
    if cur.rowcount == 0:
        return False
    _wake_senders(cur)
    return True
