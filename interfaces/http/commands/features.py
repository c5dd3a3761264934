"""Feature commands (Dodo's feature entitlements, docs/access.md)."""

from __future__ import annotations

import uuid

from litestar import post

from application.tally import Tally
from interfaces.resources.access import FeatureCreate, FeatureView, feature_view


class FeatureCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateFeature", status_code=201, sync_to_thread=True, opt={"problems": (409,)})
    def create_feature(self, data: FeatureCreate, tally: Tally, business: uuid.UUID) -> FeatureView:
        """Define a feature by `key`: `boolean`, `metered` (of `meter_id`: a product grants a limit per cycle
        as its `value`) or `static` (a product grants a value). Products grant it through `features`."""
        done = tally.features.create_feature(business, data.key, data.name, data.type, data.meter_id, data.config)
        return feature_view(tally.features.get_feature(business, done.id), done.position)
