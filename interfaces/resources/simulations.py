"""Simulations: what starting one takes (usage prices read with the very schema and conversion `POST /products`
uses) and what starting or deleting one answers."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from domain.product import MAX_USAGE_PRICES
from domain.simulation_terms import MAX_CUSTOMER_IDS, MAX_SCENARIOS
from interfaces.resources.catalog.prices import UsagePriceCreate
from interfaces.resources.customers import ExternalId

DEFAULT_CYCLES = 3
PROPOSED = "proposed"
Prices = Annotated[list[UsagePriceCreate], msgspec.Meta(max_length=MAX_USAGE_PRICES)]
Moment = Annotated[datetime, msgspec.Meta(tz=True)]


class ScenarioIn(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    usage_prices: Prices = []
    price: Decimal | None = None


class SimulationCreate(msgspec.Struct, forbid_unknown_fields=True):
    product_id: uuid.UUID
    usage_prices: Prices | None = None
    price: Decimal | None = None
    scenarios: Annotated[list[ScenarioIn], msgspec.Meta(max_length=MAX_SCENARIOS)] = []
    cycles: int | None = None
    start: Moment | None = None
    end: Moment | None = None
    customer_ids: Annotated[list[ExternalId], msgspec.Meta(min_length=1, max_length=MAX_CUSTOMER_IDS)] | None = None


class SimulationStarted(msgspec.Struct):
    id: str
    status: str
    position: int


class SimulationDeleted(msgspec.Struct):
    id: str
    deleted: bool
    position: int
