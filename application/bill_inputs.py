"""What a bill reads from the store before pricing: the products of its segments (and of the plan that
follows), their meters and add-ons, the customer's wallet and entitlement balances."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from domain.addon import Addon
from domain.credit_rules import EntitlementTerms
from domain.credit_wallet import CreditWallet
from domain.cycles import Cycle
from domain.meter import Meter
from domain.product import Product
from domain.proration import AddonPrice, Plan
from domain.rating import UsagePrice


@dataclass
class BillInputs:
    repository: Any
    products: dict[uuid.UUID, Product] = field(default_factory=dict)
    addons: dict[uuid.UUID, Addon] = field(default_factory=dict)
    meters: dict[str, Meter] = field(default_factory=dict)
    wallet: CreditWallet | None = None
    terms: dict[str, EntitlementTerms] = field(default_factory=dict)
    balances: dict[str, CreditWallet] = field(default_factory=dict)
    # Each subscription's open cycle (Credits.open_cycles): no grant still paying for one expires before its close.
    open_cycle: Callable[[uuid.UUID], Cycle | None] = lambda _: None

    def product(self, product_id: uuid.UUID) -> Product:
        """The product as stored now (a price change applies to open cycles), loaded once with the meters of
        every price version (a subscription may be on any of them)."""
        if product_id not in self.products:
            product: Product = self.repository.get(product_id)
            self.products[product_id] = product
            for meter_id in sorted({m for version in product.versions for m in version}):
                if meter_id not in self.meters:
                    self.meters[meter_id] = self.repository.get(uuid.UUID(meter_id))
        return self.products[product_id]

    def addon_prices(self, plan: Plan) -> dict[uuid.UUID, AddonPrice]:
        """The plan's add-ons as stored now (a price change applies to open cycles, as for usage prices)."""
        for item in plan.addons:
            if item.addon_id not in self.addons:
                self.addons[item.addon_id] = self.repository.get(item.addon_id)
        return {
            i.addon_id: AddonPrice(self.addons[i.addon_id].name, self.addons[i.addon_id].price) for i in plan.addons
        }

    @property
    def prices(self) -> list[UsagePrice]:
        """Every usage price of the products, the later product's where two price one meter."""
        return list({p.meter_id: p for product in self.products.values() for p in product.prices()}.values())

    @property
    def wallets(self) -> list[CreditWallet]:
        return [*([self.wallet] if self.wallet else []), *self.balances.values()]
