"""A product's price versions and the migrations between them, as the API shows them (docs/price-versions.md).
A migration's compared cycles are the simulation's rows (domain/simulation_rating.py), unchanged."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import msgspec

from application.migrations import MAX_SUBSCRIPTIONS, Migration
from domain.product import Product, prices_of
from domain.rating import ZERO
from interfaces.resources.catalog.prices import UsagePriceView
from interfaces.resources.catalog.products import usage_price_views
from projections.reads.queries import Queries

Version = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]


class VersionView(msgspec.Struct, kw_only=True):
    version: int
    created_at: datetime
    latest: bool  # the version new subscriptions start on
    usage_prices: list[UsagePriceView]


def versions_of(product: Product) -> list[VersionView]:
    """Newest first."""
    return [
        VersionView(
            version=i + 1,
            created_at=product.versions_at[i],
            latest=i + 1 == product.price_version,
            usage_prices=usage_price_views(prices_of(prices)),
        )
        for i, prices in reversed(list(enumerate(product.versions)))
    ]


class MigrationIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """`subscription_ids` left out: every subscription of the product on `from_version`. `cycles` (tally's): how
    many of each subscription's last closed cycles a preview compares (1 to 12)."""

    from_version: Version
    to_version: Version
    subscription_ids: list[uuid.UUID] | None = None
    dry_run: bool = False
    cycles: Version = 1


class MigratedView(msgspec.Struct, kw_only=True):
    """One subscription: issued, simulated and difference over its compared cycles (the rows in `cycles`)."""

    subscription_id: str
    customer_id: str
    migrated: bool
    from_cycle: int | None
    issued: str
    simulated: str
    difference: str
    cycles: list[dict[str, Any]]


class MigrationAnswer(msgspec.Struct, kw_only=True):
    id: str
    product_id: str
    from_version: int
    to_version: int
    dry_run: bool
    subscriptions: list[MigratedView]
    issued: str
    simulated: str
    difference: str
    position: int | None = None


def _sum(rows: list[dict[str, Any]], name: str) -> Decimal:
    return sum((Decimal(r[name]) for r in rows), ZERO)


def migration_answer(m: Migration) -> MigrationAnswer:
    every = [row for s in m.subscriptions for row in s.cycles]
    return MigrationAnswer(
        id=str(m.id),
        product_id=str(m.product_id),
        from_version=m.from_version,
        to_version=m.to_version,
        dry_run=m.dry_run,
        subscriptions=[
            MigratedView(
                subscription_id=str(s.subscription_id),
                customer_id=s.customer_id,
                migrated=s.moved,
                from_cycle=s.from_cycle,
                issued=str(_sum(s.cycles, "issued")),
                simulated=str(_sum(s.cycles, "simulated")),
                difference=str(_sum(s.cycles, "difference")),
                cycles=s.cycles,
            )
            for s in m.subscriptions
        ],
        issued=str(_sum(every, "issued")),
        simulated=str(_sum(every, "simulated")),
        difference=str(_sum(every, "difference")),
        position=m.position,
    )


def product_subscriptions(queries: Queries, business: uuid.UUID, product_id: uuid.UUID) -> list[uuid.UUID]:
    """The product's subscriptions (the first MAX_SUBSCRIPTIONS), as the `charges` read model lists them: a
    migration's subscriptions when the client names none."""
    ids: list[uuid.UUID] = []
    page = 0
    while len(ids) < MAX_SUBSCRIPTIONS:
        rows = queries.subscription_ids(business, None, product_id, page, 100)
        ids += rows[:100]
        if len(rows) <= 100:
            break
        page += 1
    return ids[:MAX_SUBSCRIPTIONS]
