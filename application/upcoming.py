"""The upcoming invoice: each open cycle priced now, from the `charges`
projection, the meters' usage and the wallet balance, with the same rating
function a cycle close uses."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from domain.customer import Customer, customer_id
from domain.cycles import Cycle
from domain.meter import Meter
from domain.product import prices_of
from domain.rating import Rated, rate
from projections.charge_queries import open_charges
from projections.credit_queries import balance_of
from projections.cycle_usage import measure, usage_position


@dataclass(frozen=True)
class Upcoming:
    subscription_id: uuid.UUID
    product_id: uuid.UUID
    cycle: Cycle
    rated: Rated
    position: int


class UpcomingQueries:
    repository: Any
    owned: Any
    schema: str
    recorder: Any

    def upcoming(self, business: uuid.UUID, external_id: str) -> list[Upcoming]:
        self.owned(business, Customer, "customer", customer_id(business, external_id))
        meters: dict[str, Meter] = {}
        answers = []
        with self.recorder.datastore.transaction(commit=False) as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            position = usage_position(cur, self.schema)
            balance = balance_of(cur, self.schema, business, external_id)
            for row in open_charges(cur, self.schema, business, external_id):
                prices = prices_of(row["usage_prices"])
                for price in prices:
                    if price.meter_id not in meters:
                        meters[price.meter_id] = self.repository.get(uuid.UUID(price.meter_id))
                c = Cycle(row["cycle_index"], row["cycle_start"], row["cycle_end"])
                usages = measure(cur, self.schema, external_id, prices, meters, c, row["anchor"],
                                 row["late_after"], position)
                rated = rate(usages, row["price"], row["currency"], balance)
                balance -= rated.credits_used
                answers.append(Upcoming(row["subscription_id"], row["product_id"], c, rated, position))
        return answers
