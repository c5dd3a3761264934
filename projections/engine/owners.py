"""Which business an event of the log belongs to, so a projection can park it per business.

A usage event's business is a column of its row in the usage log. Every other aggregate but Business records
`business_id` in its first event only (Customer, Meter, Product, Subscription, CreditWallet, Invoice); a later
event's business is read from its aggregate's first event in the store. An event that cannot be decoded is read as plain JSON: its business is found
all the same. A Business's own events belong to it. None: the business cannot be found.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from eventsourcing.persistence import Mapper, Notification
from eventsourcing.utils import get_topic
from psycopg import Cursor, sql

from domain.business import Business
from store.usage_log import LoggedUsage

BUSINESS_TOPIC = get_topic(Business) + "."


class Owners:
    """Looks businesses up for one transaction, remembering each aggregate's."""

    def __init__(self, cur: Cursor[Any], mapper: Mapper[Any], events_table: sql.Composable) -> None:
        self.cur = cur
        self.mapper = mapper
        self.events_table = events_table
        self.aggregates: dict[uuid.UUID | str, uuid.UUID | None] = {}

    def of(self, notifications: list[tuple[Notification, Any]]) -> dict[int, uuid.UUID | None]:
        """Business per position, for (notification, decoded event or None) pairs."""
        found: dict[int, uuid.UUID | None] = {}
        first_events: list[uuid.UUID | str] = []
        for n, event in notifications:
            if type(n) is LoggedUsage:
                found[n.id] = n.business_id
            elif n.topic.startswith(BUSINESS_TOPIC):
                found[n.id] = uuid.UUID(str(n.originator_id))
            elif getattr(event, "business_id", None) is not None:
                found[n.id] = event.business_id
            elif n.originator_version == 1:
                found[n.id] = self._in_state(n.state)
            elif n.originator_id not in self.aggregates:
                first_events.append(n.originator_id)
        if first_events:
            self.cur.execute(
                sql.SQL(
                    "SELECT originator_id, state FROM {} WHERE originator_id = ANY(%s) AND originator_version = 1"
                ).format(self.events_table),
                (first_events,),
            )
            for row in self.cur.fetchall():
                self.aggregates[row["originator_id"]] = self._in_state(bytes(row["state"]))
        for n, _ in notifications:
            if n.id not in found:
                found[n.id] = self.aggregates.get(n.originator_id)
        return found

    def _in_state(self, state: bytes) -> uuid.UUID | None:
        """`business_id` from the stored JSON, without the transcodings that may be what fails."""
        try:
            if self.mapper.cipher:
                state = self.mapper.cipher.decrypt(state)
            if self.mapper.compressor:
                state = self.mapper.compressor.decompress(state)
            value = msgspec.json.decode(state).get("business_id")
            return uuid.UUID(value["_data_"] if isinstance(value, dict) else value)
        except Exception:
            return None
