"""The upcoming invoice: each open cycle priced now, from the `charges`
projection, the meters' usage and the wallet balance, with the same rating
function a cycle close uses."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from application.entitlements import Entitlements
from application.ports import ReadSide
from domain.credit_rules import Pool
from domain.customer import Customer, customer_id
from domain.cycles import Cycle
from domain.meter import Meter
from domain.product import prices_of
from domain.rating import Rated, rate
from store.event_store import EventStore


@dataclass(frozen=True)
class Upcoming:
    subscription_id: uuid.UUID
    product_id: uuid.UUID
    cycle: Cycle
    rated: Rated
    position: int


class UpcomingInvoices:
    def __init__(self, store: EventStore, read_side: ReadSide, entitlements: Entitlements) -> None:
        self.repository = store.repository
        self.owned = store.owned
        self.read_side = read_side
        self.entitlements = entitlements

    def upcoming(self, business: uuid.UUID, external_id: str) -> list[Upcoming]:
        self.owned(business, Customer, "customer", customer_id(business, external_id))
        meters: dict[str, Meter] = {}
        answers = []
        with self.read_side.snapshot() as view:
            position = view.usage_position()
            balance = view.balance_of(business, external_id)
            pools: dict[str, Pool] = {}
            for charge in view.open_charges(business, external_id):
                for e, terms in self.entitlements.terms_for(self.repository.get(charge.product_id)).items():
                    held = pools.get(e) or Pool(terms, *view.entitlement_balance_of(business, external_id, e))
                    pools[e] = Pool(terms, held.balance, held.overage)
                prices = prices_of(charge.usage_prices)
                for price in prices:
                    if price.meter_id not in meters:
                        meters[price.meter_id] = self.repository.get(uuid.UUID(price.meter_id))
                usages = view.measure(external_id, prices, meters, charge.cycle, charge.anchor, charge.late_after,
                                      position)
                rated = rate(usages, charge.price, charge.currency, balance, pools)
                balance = rated.balance
                pools.update(rated.pools)
                answers.append(Upcoming(charge.subscription_id, charge.product_id, charge.cycle, rated, position))
        return answers
