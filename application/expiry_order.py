"""`audit verify`'s check of order: no credit expired while a cycle it still paid for was open.

Re-deriving an invoice follows the log's order, so an expiry recorded too early
re-derives to the same wrong invoice. Here each `CreditsExpired` of a
subscription's grant is set against that subscription's history up to the same
log position: a cycle of it that began before the grant expires and was still
open there makes the expiry a mismatch (domain/entitlements.awaiting_close, the
rule the close and the expiry job follow).
"""

from __future__ import annotations

import bisect
import uuid
from collections.abc import Callable
from typing import Any

from domain.credit_wallet import CreditWallet
from domain.cycles import Cycle
from domain.entitlements import awaiting_close

History = Callable[[uuid.UUID], list[tuple[int, Any]]]


def expiries_before_close(history: History, wallet_id: uuid.UUID) -> list[str]:
    """What is wrong with the order of the wallet's expiries, one sentence each."""
    timelines: dict[uuid.UUID, tuple[list[int], list[Cycle | None]]] = {}

    def open_cycle_before(position: int) -> Callable[[uuid.UUID], Cycle | None]:
        def open_cycle(subscription_id: uuid.UUID) -> Cycle | None:
            if subscription_id not in timelines:
                timelines[subscription_id] = _open_cycles(history(subscription_id))
            positions, cycles = timelines[subscription_id]
            at = bisect.bisect_left(positions, position)
            return cycles[at - 1] if at else None

        return open_cycle

    wrong = []
    wallet: Any = None
    for position, event in history(wallet_id):
        if isinstance(event, CreditWallet.CreditsExpired):
            grant = wallet.grants[event.grant_id]
            if awaiting_close({event.grant_id: grant}, open_cycle_before(position)):
                wrong.append(
                    f"grant {event.grant_id} expired at position {position}, before the close of a cycle it "
                    f"still paid for ({grant['reference']})"
                )
        wallet = event.mutate(wallet)
    return wrong


def _open_cycles(events: list[tuple[int, Any]]) -> tuple[list[int], list[Cycle | None]]:
    """The subscription's open cycle after each of its events, by log position."""
    positions, cycles = [], []
    subscription: Any = None
    for position, event in events:
        subscription = event.mutate(subscription)
        positions.append(position)
        cycles.append(subscription.open_cycle)
    return positions, cycles
