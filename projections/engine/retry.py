"""`tally projections retry`: applies parked events again, in log order, once their cause is fixed.

One transaction per stuck business per projection: it applies the business's parked events as the
worker would (an event that still fails stays parked with its new error, and so does everything of the
business after it) and removes the rows of the events it applied. Nothing is skipped: an event leaves
the parked table only by being applied.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

from projections.engine import parking
from projections.engine.isolation import Decoded, apply_contained
from projections.engine.operations import names as live_names
from projections.engine.operations import projection
from projections.engine.parking import ParkedEvent
from projections.engine.projection import Projection
from store.log import EventLog, read_notifications

# An event of unknown business holds back every later event, whoever's: they are retried together.
EVERY: Literal["every"] = "every"
Key = uuid.UUID | Literal["every"]


@dataclass(frozen=True)
class Retried:
    projection: str
    business_id: uuid.UUID | None
    applied: int
    still_parked: list[ParkedEvent]


def retry(app: EventLog, names: list[str] | None = None, business: uuid.UUID | None = None) -> list[Retried]:
    """Retries every stuck business of the named projections (all when None), or only `business`."""
    done = []
    for name in names or live_names(app):
        with app.datastore.transaction(commit=False) as cur:
            if not parking.exists(cur, app.schema):
                return []
            keys = _keys(parking.parked_events(cur, app.schema, name), business)
        done += [_retry(app, projection(name, app.schema), key) for key in keys]
    return done


def _keys(events: list[ParkedEvent], business: uuid.UUID | None) -> list[Key]:
    if business is not None:
        return [business] if any(e.business_id == business for e in events) else []
    if any(e.business_id is None for e in events):
        return [EVERY]
    return list(dict.fromkeys(e.business_id for e in events if e.business_id is not None))


def _group(events: list[ParkedEvent], key: Key) -> list[ParkedEvent]:
    """The parked events a retry of `key` may apply: a business's reach only as far as the first event of
    unknown business, which may be its own."""
    if key == EVERY:
        return events
    unknown = next((e.position for e in events if e.business_id is None), None)
    return [e for e in events if e.business_id == key and (unknown is None or e.position < unknown)]


def _retry(app: EventLog, live: Projection, key: Key) -> Retried:
    with app.datastore.transaction(commit=True) as cur:
        parking.hold(cur, app.schema, [live.tracking_name], exclusive=True)
        # Read under the lock: it holds every event the worker parked for this business until now.
        events = parking.parked_events(cur, app.schema, live.tracking_name)
        group = _group(events, key)
        beyond = [e for e in events if e.business_id == key and e not in group]
        decoded = Decoded(app.mapper)
        items = [decoded.item(n) for n in read_notifications(cur, app, [e.position for e in group])]
        owners = {e.position: e.business_id for e in group}
        parked = (
            apply_contained(cur, [(live, items)], group[-1].position if group else 0, {}, lambda _: owners).get(
                live.tracking_name, []
            )
            if items
            else []
        )
        parking.park(cur, app.schema, live.tracking_name, parked)
        still = {e.position for e in parked}
        applied = [i.position for i in items if i.position not in still]
        parking.unpark(cur, app.schema, live.tracking_name, applied)
        return Retried(live.tracking_name, key if isinstance(key, uuid.UUID) else None, len(applied), parked + beyond)
