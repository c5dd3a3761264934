"""Feature queries: a feature as defined (from its aggregate: there is no read model of features)."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.access import FeatureView, feature_view


class FeatureQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get("/{feature_id:uuid}", operation_id="GetFeature", sync_to_thread=True)
    def feature(self, feature_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> FeatureView:
        """One feature by its id."""
        return feature_view(tally.features.get_feature(business, feature_id))
