"""Meters as the API shows them: the definition, plus what only the read model
knows (events skipped for lack of a numeric value, back-fill progress)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import msgspec
from eventsourcing.postgres import PostgresDatastore
from psycopg import sql

from domain.meter import Meter
from projections.reads.pages import PageOf, paged
from projections.usage.meter_usage import decimal_json


class Aggregation(msgspec.Struct):
    """`type` is whichever kind the domain knows (domain/aggregation.py KINDS), so the schema follows it."""

    type: str
    key: str | None


class Backfill(msgspec.Struct):
    """Counting of the events that existed before the meter: done once `position` reaches `until`."""

    done: bool
    position: int
    until: int


class MeterView(msgspec.Struct):
    """Dodo's Meter (its SDK's types/meter.py) plus what only tally's read model knows. `measurement_unit` is
    "" when never given: Dodo requires one, tally does not (docs/dodo.md)."""

    id: uuid.UUID
    business_id: uuid.UUID
    name: str
    event_name: str
    aggregation: Aggregation
    filter: dict[str, Any] | None
    measurement_unit: str
    description: str | None
    archived: bool
    skipped: int
    backfill: Backfill | None
    created_at: datetime
    updated_at: datetime


_COLUMNS = sql.SQL(
    "id, business_id, name, event_name, aggregation, aggregation_key, filter, measurement_unit, "
    "description, archived, skipped, backfill_cursor, backfill_upto, created_at, "
    "coalesce(updated_at, created_at) AS updated_at"
)


def _view(row: dict[str, Any]) -> MeterView:
    return MeterView(
        id=row["id"],
        business_id=row["business_id"],
        name=row["name"],
        event_name=row["event_name"],
        aggregation=Aggregation(row["aggregation"], row["aggregation_key"]),
        filter=row["filter"],
        measurement_unit=row["measurement_unit"] or "",
        description=row["description"],
        archived=row["archived"],
        skipped=row["skipped"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        backfill=Backfill(row["backfill_cursor"] >= row["backfill_upto"], row["backfill_cursor"], row["backfill_upto"]),
    )


def meter_view(datastore: PostgresDatastore, schema: str, meter: Meter) -> MeterView:
    """The meter as recorded (so a change shows at once), with the read model's counters once it has seen the
    meter (else skipped 0 and backfill None)."""
    with datastore.transaction(commit=False) as cur:
        cur.execute(
            sql.SQL("SELECT skipped, backfill_cursor, backfill_upto FROM {}.meters WHERE id = %s").format(
                sql.Identifier(schema)
            ),
            (meter.id,),
        )
        row = cur.fetchone()
    return MeterView(
        id=meter.id,
        business_id=meter.business_id,
        name=meter.name,
        event_name=meter.event_name,
        aggregation=Aggregation(meter.aggregation["type"], meter.aggregation["key"]),
        filter=meter.filter,
        measurement_unit=meter.measurement_unit or "",
        description=meter.description,
        archived=meter.archived,
        skipped=row["skipped"] if row else 0,
        created_at=meter.created_on,
        updated_at=meter.modified_on,
        backfill=Backfill(row["backfill_cursor"] >= row["backfill_upto"], row["backfill_cursor"], row["backfill_upto"])
        if row
        else None,
    )


def list_meters(
    datastore: PostgresDatastore,
    schema: str,
    business: uuid.UUID,
    archived: bool | None = False,
    page_number: int = 0,
    page_size: int = 10,
) -> PageOf[MeterView]:
    """Newest first: active meters (archived False), archived ones (True) or all (None)."""
    condition = sql.SQL({None: "", True: "AND archived", False: "AND NOT archived"}[archived])
    query = sql.SQL(
        "SELECT {} FROM {}.meters WHERE business_id = %s {} ORDER BY created_at DESC, position DESC LIMIT %s OFFSET %s"
    ).format(_COLUMNS, sql.Identifier(schema), condition)
    with datastore.transaction(commit=False) as cur:
        decimal_json(cur)
        cur.execute(query, (business, page_size + 1, page_number * page_size))
        rows = [_view(r) for r in cur.fetchall()]
    return paged(rows, page_number, page_size)
