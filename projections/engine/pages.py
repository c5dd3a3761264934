"""One page of the log applied to projections in one transaction, with its tracking position and the events it
had to park, and the tables a projection needs before its first page. The worker (worker.py) applies pages at
the head; a rebuild or verify (operations.py) applies them to a new generation."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from eventsourcing.persistence import Notification
from psycopg import Cursor

from projections.engine import parking
from projections.engine.isolation import Decoded, Item, apply_contained
from projections.engine.owners import Owners
from projections.engine.partitions import adopt_position
from projections.engine.projection import Projection
from projections.engine.tracking import create_tracking, read_position, record_positions
from projections.engine.versions import create_versions, record_unbuilt
from store.log import EventLog, read_page
from store.rows import one
from store.usage_log import TOPIC, LoggedUsage

# Notifications per transaction when behind. Larger pages fold more events into each meter bucket and
# hourly row, and spread a page's fixed statements wider: the worker drained 19-24 k events/s with pages of
# 1,000 and 27-28 k/s with 5,000 (docs/performance.md); folded in PostgreSQL (issue 32), 44-46 k/s with 5,000
# and 47-51 k/s with 10,000. Caught up, a page is whatever is new.
PAGE_SIZE = 10_000
# A rebuild's pages (operations.build): no reader waits on its position, so each folds more; 36 k -> 50 k
# events/s where events share buckets, about the same where they do not (docs/performance.md).
BUILD_PAGE_SIZE = 40_000


# A trace span around a unit of work, given its name and attributes (interfaces/observability/tracing.py).
Span = Callable[[str, Mapping[str, Any]], AbstractContextManager[Any]]


def untraced(name: str, attributes: Mapping[str, Any]) -> AbstractContextManager[Any]:
    return nullcontext()


def ensure_tables(cur: Cursor[Any], projection: Projection) -> None:
    """Creates the tables that are missing and adds columns that are. A read model that has applied nothing
    yet is recorded at its code's version (versions.py); one built by an older version is rebuilt by the
    worker's start-up (upgrades.py)."""
    create_tracking(cur, projection.schema)
    parking.create_parking(cur, projection.schema)
    create_versions(cur, projection.schema)
    if not projection.suffix:
        adopt_position(cur, projection)
        record_unbuilt(cur, projection.schema, projection.tracking_name, projection.version)
    for name in projection.tables:
        cur.execute("SELECT to_regclass(%s) AS t", (f'"{projection.schema}"."{name}{projection.suffix}"',))
        for statement in projection.ddl(name) if one(cur)["t"] is None else projection.column_ddl(name):
            cur.execute(statement)


def process_page(
    app: EventLog,
    cur: Cursor[Any],
    projections: list[Projection],
    stop: int | None = None,
    page_size: int = PAGE_SIZE,
    span: Span = untraced,
) -> int:
    """Applies the next page to projections that stand at the same position, decoding it once; events a
    projection cannot apply are parked with their business (see isolation.py), in the same transaction.
    Returns how many notifications the page held."""
    schema = projections[0].schema
    names = [p.tracking_name for p in projections]
    parking.hold(cur, schema, names)
    position = read_position(cur, schema, names[0])
    notifications = read_page(cur, app, position, page_size, stop)
    if not notifications:
        return 0
    with span("projection page", {"tally.projections": ",".join(names), "tally.events": len(notifications)}):
        held = parking.held_back(cur, schema, names)
        decoded = Decoded(app.mapper)
        owners = Owners(cur, app.mapper, app.events_table)
        # Most of a page is usage events, which one projection wants: the others look at the rest only.
        stored = [n for n in notifications if type(n) is not LoggedUsage]
        work = [(p, _items(p, notifications if p.wants(TOPIC) else stored, decoded, owners)) for p in projections]
        parked = apply_contained(cur, work, notifications[-1].id, held, owners.of)
        for name in names:
            parking.park(cur, schema, name, parked.get(name, []))
        record_positions(cur, schema, names, notifications[-1].id)
    return len(notifications)


def _items(projection: Projection, notifications: list[Notification], decoded: Decoded, owners: Owners) -> list[Item]:
    wanted = [n for n in notifications if projection.wants(n.topic)]
    if projection.partition is None:
        return [decoded.item(n) for n in wanted]
    return projection.partition.keep(wanted, decoded.item, owners.of)
