"""A feature (Dodo's feature entitlements): something a product grants its subscribers for as long as their
subscription is active. `boolean` is on or off; `metered` allows up to the grant's value of a meter's units
per cycle (no value: unlimited); `static` carries a value (a seat count, a tier name) the check hands back.
Its id derives from (business, key), so the store's uniqueness keeps a key to one feature."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from typing import Any, Literal, get_args

from eventsourcing.domain import Aggregate, event

from domain.errors import Fault, Invalid
from domain.metadata import metadata_faults
from domain.numbers import bound_faults, number
from domain.text import line_faults

FeatureType = Literal["boolean", "metered", "static"]
FEATURE_TYPES: tuple[FeatureType, ...] = get_args(FeatureType)
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
MAX_NAME = 200
MAX_FEATURES = 100
GrantValue = str | int | bool | Decimal | None


def feature_id(business_id: uuid.UUID, key: str) -> uuid.UUID:
    return uuid.uuid5(business_id, f"feature:{key}")


def feature_faults(key: str, name: str, type_: str, meter_id: str | None, config: dict[str, Any]) -> list[Fault]:
    faults = line_faults({"name": name})
    if not KEY.match(key):
        faults.append(Fault("key", "must be 1 to 64 letters, digits, '_', '.', ':' or '-', starting alphanumeric"))
    if not 1 <= len(name) <= MAX_NAME:
        faults.append(Fault("name", f"must be 1 to {MAX_NAME} characters"))
    if type_ not in FEATURE_TYPES:
        faults.append(Fault("type", f"must be one of {', '.join(FEATURE_TYPES)}"))
    elif (type_ == "metered") != (meter_id is not None):
        faults.append(Fault("meter_id", "is required by a metered feature, and only by one"))
    return faults + metadata_faults(config, field="config")


def grant_faults(type_: str, value: GrantValue, index: int) -> list[Fault]:
    """What a product may grant of a feature: a metered one a limit (units per cycle, or none: unlimited)."""
    if type_ == "metered" and value is not None:
        limit = number(value) if not isinstance(value, bool) else None
        if limit is None:
            return [Fault("features.value", "a metered feature's value is its limit per cycle: a number", index)]
        return [Fault(f.field, f.reason, index) for f in bound_faults("features.value", limit, positive=True)]
    if type_ == "boolean" and value not in (None, True):
        return [Fault("features.value", "a boolean feature is granted by attaching it (value true or absent)", index)]
    return []


class Feature(Aggregate):
    class Created(Aggregate.Created):
        business_id: uuid.UUID
        key: str
        name: str
        type: str
        meter_id: str | None
        config: dict[str, Any]

    @staticmethod
    def create_id(business_id: uuid.UUID, key: str, **_: object) -> uuid.UUID:
        return feature_id(business_id, key)

    @classmethod
    def define(
        cls, business_id: uuid.UUID, key: str, name: str, type_: str, meter_id: str | None, config: dict[str, Any]
    ) -> Feature:
        faults = feature_faults(key, name, type_, meter_id, config)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the feature", "invalid_feature", faults)
        return cls(business_id=business_id, key=key, name=name, type=type_, meter_id=meter_id, config=config)

    @event(Created)
    def __init__(
        self, business_id: uuid.UUID, key: str, name: str, type: str, meter_id: str | None, config: dict[str, Any]
    ) -> None:
        self.business_id = business_id
        self.key = key
        self.name = name
        self.type = type
        self.meter_id = meter_id
        self.config = config
