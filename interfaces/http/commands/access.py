"""The atomic consume: check and record a usage event in one step (docs/access.md)."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

import msgspec
from litestar import Request, post
from litestar.datastructures import State

from application.access import Consumed
from application.tally import Tally
from domain.errors import TallyError
from domain.usage_event import IncomingEvent
from interfaces.http.queries.entitlements import CustomerId
from interfaces.resources.access import ConsumeBody, ConsumedView, ConsumeTurns, access_view, parse_consume, settled
from interfaces.resources.events import as_stored
from projections.usage.event_queries import EventView


class AccessCommands:
    """Joined into the customers controller (its path)."""

    @post(
        "/{customer_id:str}/access/consume",
        operation_id="ConsumeAccess",
        status_code=201,
        opt={"problems": (404, 409), "body": ConsumeBody},
    )
    async def consume(
        self, customer_id: CustomerId, request: Request[Any, Any, Any], tally: Tally, state: State, business: uuid.UUID
    ) -> ConsumedView:
        """Records `event` (a Dodo usage event adding `quantity` to `meter_id`) only if the check allows it:
        201 with the check as it stands after the event, or 409 `limit_reached` with nothing stored. Concurrent
        consumes of one meter never overspend; a resent event_id answers as the first did."""
        meter_id, quantity, event = parse_consume(await request.body())
        await settled(state, tally, business)
        turns: ConsumeTurns = state.consume_turns

        def run(requests: list[tuple[Decimal, IncomingEvent]]) -> list[Consumed | TallyError]:
            # Every request of a turn is for this key (business, customer, meter): any of them may run it.
            return tally.access.consume_many(business, customer_id, meter_id, requests, datetime.now(timezone.utc))

        done = await turns.take(f"{business}:{customer_id}:{meter_id}", (quantity, event), run)
        if isinstance(done, Exception):
            raise done
        e = done.event
        view = EventView(
            id=e.event_id,
            event_id=e.event_id,
            business_id=str(business),
            customer_id=e.customer_id,
            event_name=e.event_name,
            timestamp=e.occurred_at,
            metadata=as_stored(e.metadata),
            position=e.position,
        )
        return ConsumedView(**msgspec.structs.asdict(access_view(done.checked, meter_id)), event=view)
