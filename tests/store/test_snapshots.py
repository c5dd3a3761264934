"""Aggregates with long histories load from their latest snapshot plus the events after it, and load
the same as from every event."""

from datetime import datetime, timezone
from decimal import Decimal

from eventsourcing.application import project_aggregate

from domain.credit_wallet import CreditWallet
from store.event_store import SNAPSHOT_EVERY

NOW = datetime(2026, 3, 1, tzinfo=timezone.utc)


def test_a_wallet_with_a_long_history_loads_from_its_snapshot_as_from_every_event(tally, business, make_customer):
    make_customer("cus_1")
    grants = SNAPSHOT_EVERY + 30
    for n in range(grants):
        tally.credits.grant_credits(business, "cus_1", Decimal("1.5"), None, None, f"k{n}", NOW)
    wallet = tally.credits.wallet_of(business, "cus_1")
    [snapshot] = list(tally.store.snapshots.get(wallet.id, desc=True, limit=1))
    assert snapshot.originator_version == SNAPSHOT_EVERY
    tail = list(tally.store.events.get(wallet.id, gt=snapshot.originator_version))
    assert len(tail) < SNAPSHOT_EVERY, "a load reads the snapshot and the events after it, not the history"
    replayed = project_aggregate(None, tally.store.events.get(wallet.id))
    assert isinstance(replayed, CreditWallet) and vars(wallet) == vars(replayed)
    assert wallet.balance == Decimal("1.5") * grants
