"""An add-on (Dodo's Addon): a fixed recurring price in a currency that a subscription carries with a quantity,
billed every cycle beside the product's fixed price and prorated exactly like it (docs/subscriptions.md,
Add-ons).

An aggregate of its own, not part of a product: Dodo keeps add-ons as a catalogue apart (created, updated and
listed on their own, attached to subscriptions of any product in their currency), and a change of an add-on's
price is a fact of the add-on that every subscription carrying it sees at its next bill, as a usage price
change is a product's. Its history is what `audit explain` re-derives an invoice's add-on lines from.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.errors import Fault, Invalid
from domain.money import MINOR_UNITS, is_currency
from domain.numbers import bound_faults
from domain.product import TAX_CATEGORIES
from domain.text import text_fault

MAX_NAME = 100  # Dodo's bounds
MAX_DESCRIPTION = 1000
CHANGEABLE = ("name", "price", "tax_category", "description")


def addon_faults(name: str, currency: str, price: Decimal, tax_category: str, description: str | None) -> list[Fault]:
    faults = text_fault("name", name)
    if not name.strip() or len(name) > MAX_NAME:
        faults.append(Fault("name", f"must be 1 to {MAX_NAME} characters"))
    if description is not None:
        faults += text_fault("description", description, prose=True)
        if len(description) > MAX_DESCRIPTION:
            faults.append(Fault("description", f"must be at most {MAX_DESCRIPTION} characters"))
    if not is_currency(currency):
        return [*faults, Fault("currency", "is not a known currency")]
    faults += bound_faults("price", price, max_places=MINOR_UNITS[currency])
    if tax_category not in TAX_CATEGORIES:
        faults.append(Fault("tax_category", f"must be one of {', '.join(TAX_CATEGORIES)}"))
    return faults


class Addon(Aggregate):
    class Created(Aggregate.Created):
        business_id: uuid.UUID
        name: str
        currency: str
        price: Decimal  # in the currency's units ("5.00"), as products' fixed prices
        tax_category: str
        description: str | None

    class Updated(Aggregate.Event):
        """The add-on's terms as they are from now on (every changeable field, changed or not)."""

        name: str
        price: Decimal
        tax_category: str
        description: str | None

    @event(Created)
    def __init__(
        self,
        business_id: uuid.UUID,
        name: str,
        currency: str,
        price: Decimal,
        tax_category: str,
        description: str | None,
    ) -> None:
        self.business_id = business_id
        self.name = name
        self.currency = currency
        self.price = price
        self.tax_category = tax_category
        self.description = description

    @classmethod
    def create(
        cls,
        business_id: uuid.UUID,
        name: str,
        currency: str,
        price: Decimal,
        tax_category: str,
        description: str | None = None,
    ) -> Addon:
        faults = addon_faults(name, currency, price, tax_category, description)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the add-on", "invalid_addon", faults)
        return cls(
            business_id=business_id,
            name=name,
            currency=currency,
            price=price,
            tax_category=tax_category,
            description=description,
        )

    def update(self, changes: dict[str, Any]) -> None:
        """Changes the named fields (CHANGEABLE); a new price applies from the next bill of every subscription
        carrying the add-on, its open cycle included. The currency cannot change (subscriptions in it carry it):
        sent, it must be the add-on's."""
        changes = dict(changes)
        faults = []
        if changes.pop("currency", self.currency) != self.currency:
            faults.append(Fault("currency", "cannot change: subscriptions in it carry the add-on; create another"))
        terms = {k: getattr(self, k) for k in CHANGEABLE} | changes
        faults += [Fault(k, "cannot be changed") for k in sorted(set(changes) - set(CHANGEABLE))]
        faults += addon_faults(
            terms["name"], self.currency, terms["price"], terms["tax_category"], terms["description"]
        )
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the add-on", "invalid_addon", faults)
        if any(terms[k] != getattr(self, k) for k in CHANGEABLE):
            self._updated(**terms)

    @event(Updated)
    def _updated(self, name: str, price: Decimal, tax_category: str, description: str | None) -> None:
        self.name = name
        self.price = price
        self.tax_category = tax_category
        self.description = description
