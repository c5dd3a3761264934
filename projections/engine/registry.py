"""Every projection tally keeps, by name."""

from __future__ import annotations

from projections.balances.projection import BalancesProjection
from projections.charges.projection import ChargesProjection
from projections.customers.projection import CustomersProjection
from projections.engine.partitions import USAGE, Partition
from projections.engine.projection import Projection
from projections.invoices.projection import InvoicesProjection
from projections.simulations.projection import SimulationsProjection
from projections.usage.projection import UsageProjection
from projections.webhooks.projection import WebhooksProjection

PROJECTIONS: dict[str, type[Projection]] = {
    cls.name: cls
    for cls in (
        UsageProjection,
        CustomersProjection,
        ChargesProjection,
        InvoicesProjection,
        BalancesProjection,
        WebhooksProjection,
        SimulationsProjection,
    )
}


def all_projections(schema: str, suffix: str = "") -> list[Projection]:
    return [cls(schema, suffix) for cls in PROJECTIONS.values()]


def worker_projections(schema: str, partition: Partition | None = None) -> list[Projection]:
    """What one worker applies: every projection; or, with a partition, that share of the usage projection,
    and every other projection too on partition 0 (they are small beside usage)."""
    if partition is None:
        return all_projections(schema)
    rest = [cls(schema) for name, cls in PROJECTIONS.items() if name != USAGE] if partition.index == 0 else []
    return [PROJECTIONS[USAGE](schema, partition=partition), *rest]


def live_names(partition: Partition | None = None) -> list[str]:
    """The tracking names every read model stands at, the usage projection split as `partition` says."""
    if partition is None:
        return list(PROJECTIONS)
    split = [USAGE + Partition(i, partition.count).label for i in range(partition.count)]
    return split + [name for name in PROJECTIONS if name != USAGE]
