"""Add-ons (Dodo's `/addons`): create, update, read; and the check of the add-ons a subscription is started or
changed with (domain/addon.py, docs/subscriptions.md)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from application.written import Written
from domain.addon import Addon
from domain.errors import Fault, Invalid, NotFound
from domain.proration import AddonItem
from store.event_store import EventStore


class Addons:
    def __init__(self, store: EventStore) -> None:
        self.save = store.save
        self.owned = store.owned

    def create(
        self,
        business: uuid.UUID,
        name: str,
        currency: str,
        price: Decimal,
        tax_category: str,
        description: str | None = None,
    ) -> Written[uuid.UUID]:
        addon = Addon.create(business, name, currency, price, tax_category, description)
        return Written.by(addon.id, self.save(addon))

    def get(self, business: uuid.UUID, addon_id: uuid.UUID) -> Addon:
        addon: Addon = self.owned(business, Addon, "addon", addon_id)
        return addon

    def update(self, business: uuid.UUID, addon_id: uuid.UUID, changes: dict[str, Any]) -> Written[uuid.UUID]:
        addon = self.get(business, addon_id)
        addon.update(changes)
        return Written.by(addon.id, self.save(addon))

    def attachable(self, business: uuid.UUID, items: tuple[AddonItem, ...], currency: str) -> None:
        """The add-ons a subscription in `currency` may carry: the business's, in that currency (422 otherwise,
        naming each add-on at fault)."""
        faults, mismatched = [], []
        for index, item in enumerate(items):
            try:
                addon = self.get(business, item.addon_id)
            except NotFound:
                faults.append(Fault("addons.addon_id", f"unknown add-on {item.addon_id}", index))
                continue
            if addon.currency != currency:
                mismatched.append(
                    Fault(
                        "addons.addon_id", f"its currency {addon.currency} is not the subscription's {currency}", index
                    )
                )
        if faults:
            raise Invalid("unknown add-ons", "unknown_addon", faults + mismatched)
        if mismatched:
            raise Invalid(
                f"currency mismatch: the subscription bills in {currency}, an add-on does not",
                "currency_mismatch",
                mismatched,
            )
