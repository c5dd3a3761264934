"""The outbox is a projection like the others: rebuilt from the log it makes the same deliveries, ids and
bodies; and what was already sent is not sent again."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from psycopg import sql

from projections.engine import operations


def rows(tally, query):
    with tally.store.datastore.transaction(commit=False) as cur:
        cur.execute(sql.SQL(query).format(s=sql.Identifier(tally.store.schema)))
        return cur.fetchall()


def test_a_rebuilt_outbox_has_the_same_deliveries_and_sends_nothing_again(
    tally, private_targets, business, make_customer, worker
):
    tally.webhooks.create_webhook(business, {"url": "http://127.0.0.1:9/all"})
    tally.webhooks.create_webhook(business, {"url": "http://127.0.0.1:9/few", "filter_types": ["credit.deducted"]})
    customer = make_customer("cus_rb")
    now = datetime.now(timezone.utc)
    for i in range(3):
        tally.credits.grant_credits(business, customer, Decimal(5), now + timedelta(days=1), None, f"k{i}", now)
    wallet = tally.credits.wallet_of(business, customer)
    wallet.debit(Decimal(7), "c", "m", "usage", "test")
    tally.store.save(wallet)
    worker.caught_up()
    before = rows(
        tally, "SELECT id, endpoint_id, position, event_type, payload FROM {s}.webhook_deliveries ORDER BY id"
    )
    assert [r["event_type"] for r in before].count("credit.deducted") == 2 and len(before) == 5
    with tally.store.datastore.transaction(commit=True) as cur:
        cur.execute(
            sql.SQL("UPDATE {s}.webhook_sends SET status = 'delivered', next_at = NULL").format(
                s=sql.Identifier(tally.store.schema)
            )
        )
    worker.worker.stop()
    worker.thread.join(timeout=10)
    operations.rebuild(tally.store, "webhooks")
    after = rows(tally, "SELECT id, endpoint_id, position, event_type, payload FROM {s}.webhook_deliveries ORDER BY id")
    assert after == before
    sends = rows(tally, "SELECT status FROM {s}.webhook_sends")
    assert len(sends) == 5 and {r["status"] for r in sends} == {"delivered"}
