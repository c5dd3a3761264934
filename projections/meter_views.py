"""Meters as the API shows them: the definition, plus what only the read model
knows (events skipped for lack of a numeric value, back-fill progress)."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import msgspec
from psycopg import sql

from domain.meter import Meter
from projections.meter_usage import decimal_json
from projections.pages import PageOf, paged


class Aggregation(msgspec.Struct):
    type: str
    key: str | None


class Backfill(msgspec.Struct):
    """Counting of the events that existed before the meter: done once `position` reaches `until`."""

    done: bool
    position: int
    until: int


class MeterView(msgspec.Struct):
    id: uuid.UUID
    name: str
    event_name: str
    aggregation: Aggregation
    filter: dict[str, Any] | None
    measurement_unit: str | None
    description: str | None
    archived: bool
    skipped: int
    backfill: Backfill | None
    created_at: datetime


_COLUMNS = sql.SQL("id, name, event_name, aggregation, aggregation_key, filter, measurement_unit, description, "
                   "archived, skipped, backfill_cursor, backfill_upto, created_at")


def _view(row: dict[str, Any]) -> MeterView:
    return MeterView(
        id=row["id"], name=row["name"], event_name=row["event_name"],
        aggregation=Aggregation(row["aggregation"], row["aggregation_key"]), filter=row["filter"],
        measurement_unit=row["measurement_unit"], description=row["description"], archived=row["archived"],
        skipped=row["skipped"], created_at=row["created_at"],
        backfill=Backfill(row["backfill_cursor"] >= row["backfill_upto"], row["backfill_cursor"], row["backfill_upto"]))


def meter_view(datastore: Any, schema: str, meter: Meter) -> MeterView:
    """The meter as recorded, with the read model's counters once it has seen the meter (else backfill None)."""
    with datastore.transaction(commit=False) as cur:
        decimal_json(cur)
        cur.execute(sql.SQL("SELECT {} FROM {}.meters WHERE id = %s").format(_COLUMNS, sql.Identifier(schema)),
                    (meter.id,))
        row = cur.fetchone()
    view = _view(row) if row else MeterView(
        id=meter.id, name=meter.name, event_name=meter.event_name,
        aggregation=Aggregation(meter.aggregation["type"], meter.aggregation["key"]), filter=meter.filter,
        measurement_unit=meter.measurement_unit, description=meter.description, archived=meter.archived,
        skipped=0, backfill=None, created_at=meter.created_on)
    return msgspec.structs.replace(view, archived=meter.archived)


def list_meters(datastore: Any, schema: str, business: uuid.UUID, archived: bool = False, page_number: int = 0,
                page_size: int = 10) -> PageOf[MeterView]:
    """Newest first; archived meters only when asked for."""
    condition = sql.SQL("" if archived else "AND NOT archived")
    query = sql.SQL("SELECT {} FROM {}.meters WHERE business_id = %s {} ORDER BY created_at DESC, position DESC "
                    "LIMIT %s OFFSET %s").format(_COLUMNS, sql.Identifier(schema), condition)
    with datastore.transaction(commit=False) as cur:
        decimal_json(cur)
        cur.execute(query, (business, page_size + 1, page_number * page_size))
        rows = [_view(r) for r in cur.fetchall()]
    return paged(rows, page_number, page_size)
