"""Every projection tally keeps, by name."""
from __future__ import annotations

from projections.balances import BalancesProjection
from projections.charges import ChargesProjection
from projections.customers import CustomersProjection
from projections.invoices import InvoicesProjection
from projections.projection import Projection
from projections.simulations import SimulationsProjection
from projections.usage import UsageProjection
from projections.webhooks import WebhooksProjection

PROJECTIONS: dict[str, type[Projection]] = {
    cls.name: cls for cls in (UsageProjection, CustomersProjection, ChargesProjection, InvoicesProjection,
                               BalancesProjection, WebhooksProjection, SimulationsProjection)
}


def all_projections(schema: str, suffix: str = "") -> list[Projection]:
    return [cls(schema, suffix) for cls in PROJECTIONS.values()]
