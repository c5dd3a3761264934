"""Add-on queries (Dodo's `GET /addons`, `GET /addons/{id}`)."""

from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from interfaces.resources.catalog.addons import AddonAnswer, addon_answer
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber, PageSize
from projections.reads.pages import PageOf, paged
from projections.reads.queries import Queries


class AddonQueries:
    """The queries half of a resource's controller (interfaces/http/controllers.py)."""

    @get(operation_id="ListAddons", sync_to_thread=True)
    def addons(
        self,
        tally: Tally,
        queries: Queries,
        business: uuid.UUID,
        fresh: Fresh,
        archived: bool = False,
        page_size: PageSize = 10,
        page_number: PageNumber = 0,
    ) -> PageOf[AddonAnswer]:
        """Add-ons, newest first. tally archives no add-on: `archived=true` lists none."""
        ids = [] if archived else queries.addon_ids(business, page_number, page_size)
        return paged([addon_answer(tally.addons.get(business, i)) for i in ids], page_number, page_size)

    @get("/{addon_id:uuid}", operation_id="GetAddon", sync_to_thread=True)
    def addon(self, addon_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> AddonAnswer:
        """One add-on, its price in the currency's minor units."""
        return addon_answer(tally.addons.get(business, addon_id))
