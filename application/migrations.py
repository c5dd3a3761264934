"""Migrations between a product's price versions (docs/price-versions.md): chosen subscriptions move from their
next cycle; a dry run answers, per subscription, what its last closed cycles were issued and what they would
have cost on the target version, priced by the simulation's own code (domain/simulation_rating.py), and saves
nothing. A real run is idempotent: a subscription already on the target version is left as it is."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import IntegrityError

from application.credits import RACE_RETRIES
from application.written import Written
from domain.cycles import Cycle
from domain.entitlements import cycle_grants
from domain.errors import Conflict, Fault, Invalid, NotFound
from domain.invoice import Invoice, charges_a_difference
from domain.product import Product
from domain.rating import ZERO
from domain.simulation_rating import ClosedCycle, compared
from domain.simulation_terms import Scenario
from domain.subscription import Subscription
from store.event_store import EventStore

MAX_CYCLES = 12
MAX_SUBSCRIPTIONS = 1000


@dataclass(frozen=True)
class Moved:
    """One subscription of a migration: whether it moved (a dry run moves none), from which cycle, and its
    compared cycles (the simulation's rows)."""

    subscription_id: uuid.UUID
    customer_id: str
    moved: bool
    from_cycle: int | None
    cycles: list[dict[str, Any]]


@dataclass(frozen=True)
class Migration:
    id: uuid.UUID
    product_id: uuid.UUID
    from_version: int
    to_version: int
    dry_run: bool
    subscriptions: list[Moved]
    position: int | None


class Migrations:
    def __init__(self, store: EventStore) -> None:
        self.repository = store.repository
        self.owned = store.owned
        self.save = store.save

    def migrate(
        self,
        business: uuid.UUID,
        product_id: uuid.UUID,
        from_version: int,
        to_version: int,
        subscription_ids: list[uuid.UUID],
        dry_run: bool,
        cycles: int = 1,
        chosen: bool = True,
    ) -> Migration:
        """`subscription_ids`: those `chosen` by the client, or (not `chosen`) every one of the product; those
        not running on `from_version` at their next cycle are refused (422) when chosen, skipped otherwise."""
        product: Product = self.owned(business, Product, "product", product_id)
        for version in (from_version, to_version):
            if not 1 <= version <= product.price_version:
                raise NotFound("price_version", version)
        if not 1 <= cycles <= MAX_CYCLES:
            raise Invalid("invalid migration", "invalid_migration", [Fault("cycles", f"must be 1 to {MAX_CYCLES}")])
        if len(subscription_ids) > MAX_SUBSCRIPTIONS:
            raise Invalid(
                "invalid migration",
                "invalid_migration",
                [Fault("subscription_ids", f"at most {MAX_SUBSCRIPTIONS}")],
            )
        subscriptions = self._chosen(business, product, from_version, to_version, subscription_ids, chosen)
        migration_id = uuid.uuid5(
            product.id, f"migration:{from_version}:{to_version}:{','.join(sorted(str(s.id) for s in subscriptions))}"
        )
        moved = [
            Moved(s.id, s.customer_id, False, None, self._compared(s, product, from_version, to_version, cycles))
            for s in subscriptions
        ]
        if dry_run:
            return Migration(migration_id, product.id, from_version, to_version, True, moved, None)
        position = self._move(business, [m.subscription_id for m in moved], product.id, to_version, migration_id)
        answers = []
        for m in moved:
            s: Subscription = self.repository.get(m.subscription_id)
            entry = s.price_versions[-1]
            done = entry["product_id"] == str(product.id) and entry["version"] == to_version
            answers.append(
                Moved(m.subscription_id, m.customer_id, done, entry["from_cycle"] if done else None, m.cycles)
            )
        return Migration(migration_id, product.id, from_version, to_version, False, answers, position)

    def _chosen(
        self,
        business: uuid.UUID,
        product: Product,
        version: int,
        target: int,
        subscription_ids: list[uuid.UUID],
        chosen: bool,
    ) -> list[Subscription]:
        """The subscriptions running on the product on `version` (or on `target` already: a migration run again)."""
        found, faults = [], []
        for index, sid in enumerate(dict.fromkeys(subscription_ids)):
            s: Subscription = self.owned(business, Subscription, "subscription", sid)
            c = s.open_cycle
            if s.product_id != product.id or c is None:
                faults.append(Fault("subscription_ids", f"subscription {sid} is not running on the product", index))
            elif s.version_of(product.id, c.index + 1) not in (version, target, None):
                faults.append(Fault("subscription_ids", f"subscription {sid} is not on version {version}", index))
            else:
                found.append(s)
        if faults and chosen:
            raise Invalid("subscriptions outside the migration", "invalid_migration", faults)
        return found

    def _compared(
        self, subscription: Subscription, product: Product, from_version: int, to_version: int, cycles: int
    ) -> list[dict[str, Any]]:
        """The simulation's rows for the subscription's last `cycles` closed cycles on the product, priced on the
        target version (with the subscription's own overrides, as it would be billed)."""
        target = subscription.prices_on(product, to_version)
        scenario = Scenario.over(f"version {to_version}", {p.meter_id: p for p in target}, [], None)
        source = subscription.prices_on(product, from_version)
        rows = []
        for invoice in self._last_closed(subscription, product.id, cycles):
            lines = list(invoice.lines)
            k = subscription.bill_cycles[subscription.invoice_ids.index(invoice.id)]
            cycle = Cycle(k, invoice.cycle_start, invoice.cycle_end)
            closed = ClosedCycle(
                subscription.id,
                subscription.customer_id,
                cycle,
                invoice.currency,
                invoice.price,
                lines,
                invoice.total,
                measured={line.meter_id: line.quantity for line in lines if not line.late},
                balance=sum((line.credits_used for line in lines), ZERO),
                granted=sum((g.amount for g in cycle_grants(subscription.id, source, cycle)), ZERO),
                discount=subscription.discount_for(k, product.id),
                minimum=product.minimum_amount,
            )
            rows += compared(closed, [scenario])
        return rows

    def _last_closed(self, subscription: Subscription, product_id: uuid.UUID, cycles: int) -> list[Invoice]:
        """The invoices of the last `cycles` closed cycles billed on the product, oldest first."""
        found: list[Invoice] = []
        for invoice_id in reversed(subscription.invoice_ids):
            invoice: Invoice = self.repository.get(invoice_id)
            if invoice.product_id == product_id and not charges_a_difference(invoice.segments):
                found.append(invoice)
            if len(found) == cycles:
                break
        return found[::-1]

    def _move(
        self, business: uuid.UUID, ids: list[uuid.UUID], product_id: uuid.UUID, version: int, migration: uuid.UUID
    ) -> int | None:
        """Each subscription saved on its own (a subscription a close moved meanwhile is decided again)."""
        position = None
        for sid in ids:
            for _ in range(RACE_RETRIES):
                s: Subscription = self.owned(business, Subscription, "subscription", sid)
                if not s.migrate_version(product_id, version, migration):
                    break
                try:
                    position = Written.by(s.id, self.save(s)).position
                    break
                except IntegrityError:
                    continue
            else:
                raise Conflict(f"subscription {sid} kept changing; retry", "migration_busy")
        return position
