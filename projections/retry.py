"""`tally projections retry`: applies parked events again, in log order, once their cause is fixed.

One transaction per stuck business per projection: it applies the business's parked events as the
worker would (an event that still fails stays parked with its new error, and so does everything of the
business after it) and removes the rows of the events it applied. Nothing is skipped: an event leaves
the parked table only by being applied.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from application.tally import Tally
from projections import parking
from projections.isolation import Decoded, apply_contained
from projections.log import read_notifications
from projections.parking import ParkedEvent
from projections.projection import Projection
from projections.registry import PROJECTIONS


@dataclass(frozen=True)
class Retried:
    projection: str
    business_id: uuid.UUID | None
    applied: int
    still_parked: list[ParkedEvent]


def retry(app: Tally, names: list[str] | None = None, business: uuid.UUID | None = None) -> list[Retried]:
    """Retries every stuck business of the named projections (all when None), or only `business`."""
    done = []
    for name in names or list(PROJECTIONS):
        live = PROJECTIONS[name](app.schema)
        with app.recorder.datastore.transaction(commit=False) as cur:
            if not parking.exists(cur, app.schema):
                return []
            events = parking.parked_events(cur, app.schema, name)
        for group in _groups(events, business):
            done.append(_retry_group(app, live, group))
    return done


def _groups(events: list[ParkedEvent], business: uuid.UUID | None) -> list[list[ParkedEvent]]:
    """Parked events per business. An event of unknown business holds back every later one: when there is
    one, a retry of all businesses is one transaction in log order, and a retry of one business only
    reaches as far as it."""
    unknown = next((e.position for e in events if e.business_id is None), None)
    if business is not None:
        mine = [e for e in events if e.business_id == business and (unknown is None or e.position < unknown)]
        return [mine] if mine else []
    if unknown is not None:
        return [events]
    groups: dict[uuid.UUID | None, list[ParkedEvent]] = {}
    for e in events:
        groups.setdefault(e.business_id, []).append(e)
    return list(groups.values())


def _retry_group(app: Tally, live: Projection, group: list[ParkedEvent]) -> Retried:
    with app.recorder.datastore.transaction(commit=True) as cur:
        parking.hold(cur, app.schema, [live.name], exclusive=True)
        # Read again under the lock: the worker may have parked more, or another retry applied some.
        current = {e.position for e in parking.parked_events(cur, app.schema, live.name)}
        group = [e for e in group if e.position in current]
        decoded = Decoded(app.mapper)
        items = [decoded.item(n) for n in read_notifications(cur, app.events_table, [e.position for e in group])]
        owners = {e.position: e.business_id for e in group}
        parked = apply_contained(cur, [(live, items)], group[-1].position if group else 0, {},
                                 lambda _: owners).get(live.name, []) if items else []
        parking.park(cur, app.schema, live.name, parked)
        still = {e.position for e in parked}
        parking.unpark(cur, app.schema, live.name, [e.position for e in group if e.position not in still])
        businesses = {e.business_id for e in group}
        return Retried(live.name, businesses.pop() if len(businesses) == 1 else None, len(group) - len(still),
                       parked)
