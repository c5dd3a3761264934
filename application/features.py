"""Features (Dodo's feature entitlements): defined once per business by key, granted by products."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.persistence import IntegrityError

from application.meters import Meters
from application.written import Written
from domain.errors import Conflict, Fault, Invalid, NotFound
from domain.feature import Feature, GrantValue, feature_id, grant_faults
from store.event_store import EventStore


class Features:
    def __init__(self, store: EventStore, meters: Meters) -> None:
        self.store = store
        self.is_meter = meters.is_meter

    def create_feature(
        self, business: uuid.UUID, key: str, name: str, type_: str, meter_id: str | None, config: dict[str, Any]
    ) -> Written[uuid.UUID]:
        feature = Feature.define(business, key, name, type_, meter_id, config)
        if meter_id is not None and not self.is_meter(business, meter_id):
            raise Invalid("the feature names an unknown meter", "unknown_meter", [Fault("meter_id", "unknown meter")])
        try:
            return Written.by(feature.id, self.store.save(feature))
        except IntegrityError:
            raise Conflict(f"a feature with key {key} exists", "feature_exists") from None

    def get_feature(self, business: uuid.UUID, feature: uuid.UUID) -> Feature:
        return self.store.owned(business, Feature, "feature", feature)

    def by_key(self, business: uuid.UUID, key: str) -> Feature:
        try:
            return self.get_feature(business, feature_id(business, key))
        except NotFound:
            raise NotFound("feature", key) from None

    def grants(self, business: uuid.UUID, features: list[tuple[str, GrantValue]]) -> list[dict[str, Any]]:
        """The product's grants as it stores them ({feature_id, value, key, name, type}); a feature must be the
        business's, its value fit its type."""
        faults: list[Fault] = []
        grants = []
        for index, (named, value) in enumerate(features):
            try:
                feature = self.get_feature(business, uuid.UUID(named))
            except (ValueError, NotFound):
                faults.append(Fault("features.feature_id", f"unknown feature {named}", index))
                continue
            faults += grant_faults(feature.type, value, index)
            # The feature's key, name and type never change: the product shows them without loading it.
            grants.append(
                {
                    "feature_id": str(feature.id),
                    "value": value,
                    "key": feature.key,
                    "name": feature.name,
                    "type": feature.type,
                }
            )
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the product's features", "invalid_product", faults)
        return grants
