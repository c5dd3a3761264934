"""Applying a page so that an event a projection cannot apply stops only its own business.

The fast path applies the whole page to the group's projections in one savepoint, as before. When
that fails, each projection takes the page again on its own (one with a stuck business always does):
without the stuck businesses' events (they are parked behind their first parked event), then in
halves, each in its own savepoint, down to the single event that fails. That event is parked, and so
is every later event of its business; everything else is applied in log order. A failure of the
connection or of the schema is nobody's event: it fails the page, which the worker retries whole.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import psycopg
from eventsourcing.persistence import Mapper, Notification
from psycopg import Cursor, errors

from projections.engine.parking import ParkedEvent
from projections.engine.projection import Page, Projection
from store.usage_log import LoggedUsage

log = logging.getLogger("tally.worker")

NOT_THE_EVENT = (psycopg.OperationalError, psycopg.InterfaceError, errors.UndefinedTable, errors.UndefinedColumn)

Businesses = Callable[[list[tuple[Notification, Any]]], dict[int, "uuid.UUID | None"]]


@dataclass
class Item:
    """A notification and its decoded event, or why it could not be decoded."""

    notification: Notification
    event: Any = None
    error: str | None = None

    @property
    def position(self) -> int:
        return self.notification.id


class Decoded:
    """Decodes each notification of a page once, for every projection that wants it."""

    def __init__(self, mapper: Mapper[Any]) -> None:
        self.mapper = mapper
        self.items: dict[int, Item] = {}

    def item(self, n: Notification) -> Item:
        if n.id not in self.items:
            try:
                event = n if type(n) is LoggedUsage else self.mapper.to_domain_event(n)
                self.items[n.id] = Item(n, event)
            except Exception as e:
                self.items[n.id] = Item(n, error=f"cannot decode: {describe(e)}")
        return self.items[n.id]


def describe(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"


def apply_contained(
    cur: Cursor[Any],
    work: list[tuple[Projection, list[Item]]],
    last_position: int,
    held: dict[str, dict[uuid.UUID | None, int]],
    businesses: Businesses,
) -> dict[str, list[ParkedEvent]]:
    """Applies each projection's items (log order); returns the events to park, per tracking name."""
    calm = [(p, items) for p, items in work if p.tracking_name not in held and all(i.error is None for i in items)]
    if calm and _attempt(cur, calm, last_position) is not None:
        calm = []
    parked = {}
    for projection, items in work:
        if any(projection is p for p, _ in calm):
            continue
        name = projection.tracking_name
        owners = businesses([(i.notification, i.event) for i in items])
        containment = _Containment(cur, projection, last_position, dict(held.get(name, {})), owners)
        containment.run(items)
        parked[name] = containment.parked
    return parked


class _Containment:
    def __init__(
        self,
        cur: Cursor[Any],
        projection: Projection,
        last_position: int,
        stuck: dict[uuid.UUID | None, int],
        owners: dict[int, uuid.UUID | None],
    ) -> None:
        self.cur = cur
        self.projection = projection
        self.last_position = last_position
        self.stuck = stuck
        self.owners = owners
        self.parked: list[ParkedEvent] = []

    def run(self, items: list[Item]) -> None:
        ready = []
        for item in items:
            reason = self._held_back(item) or item.error
            if reason:
                self._park(item, reason)
            else:
                ready.append(item)
        if not ready:
            return
        error = _attempt(self.cur, [(self.projection, ready)], self.last_position)
        if error is None:
            return
        if len(ready) == 1:
            log.warning(
                "%s: parked position %d (%s) of business %s: %s",
                self.projection.tracking_name,
                ready[0].position,
                ready[0].notification.topic,
                self.owners[ready[0].position],
                error,
            )
            self._park(ready[0], error)
            return
        half = len(ready) // 2
        self.run(ready[:half])
        self.run(ready[half:])

    def _held_back(self, item: Item) -> str | None:
        business = self.owners[item.position]
        before = [(p, b) for b, p in self.stuck.items() if p < item.position and b in (business, None)]
        if not before:
            return None
        position, by = min(before, key=lambda pair: pair[0])
        whose = "this business's" if by is not None else "an event of unknown business"
        return f"held back: {whose} event at position {position} is parked"

    def _park(self, item: Item, error: str) -> None:
        business = self.owners[item.position]
        self.stuck[business] = min(self.stuck.get(business, item.position), item.position)
        n = item.notification
        self.parked.append(ParkedEvent(n.id, business, n.originator_id, n.topic, error))


def _attempt(cur: Cursor[Any], work: list[tuple[Projection, list[Item]]], last_position: int) -> str | None:
    """Applies the items in one savepoint: None if they applied, else the error (and nothing applied)."""
    try:
        with cur.connection.transaction():
            for projection, items in work:
                projection.apply(cur, Page([(i.position, i.event) for i in items], last_position))
    except NOT_THE_EVENT:
        raise
    except Exception as e:
        return describe(e)
    return None
