"""Add-on commands (Dodo's `POST /addons`, `PATCH /addons/{id}`)."""

from __future__ import annotations

import uuid

import msgspec
from litestar import patch, post

from application.tally import Tally
from application.written import Written
from interfaces.resources.catalog.addons import AddonCreate, AddonUpdate, AddonWritten, addon_answer


def _written(tally: Tally, business: uuid.UUID, done: Written[uuid.UUID]) -> AddonWritten:
    answer = addon_answer(tally.addons.get(business, done.id))
    return AddonWritten(**msgspec.structs.asdict(answer), position=done.position)


class AddonCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="CreateAddon", sync_to_thread=True)
    def create_addon(self, data: AddonCreate, tally: Tally, business: uuid.UUID) -> AddonWritten:
        """Define an add-on: a fixed price each cycle (`price` in the currency's minor units) that subscriptions
        in its currency carry with a quantity (`addons` of `POST /subscriptions` and of a plan change)."""
        done = tally.addons.create(
            business, data.name, data.currency, data.amount(), data.tax_category, data.description
        )
        return _written(tally, business, done)

    @patch("/{addon_id:uuid}", operation_id="UpdateAddon", sync_to_thread=True)
    def update_addon(self, addon_id: uuid.UUID, data: AddonUpdate, tally: Tally, business: uuid.UUID) -> AddonWritten:
        """Change an add-on's name, description, tax category or price; a new price applies from the next bill
        of every subscription carrying it (its open cycle included). The currency cannot change."""
        done = tally.addons.update(business, addon_id, data.changes(tally.addons.get(business, addon_id)))
        return _written(tally, business, done)
