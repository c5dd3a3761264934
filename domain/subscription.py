"""A customer's subscription: a timeline of plans (domain/timeline.py), its cycles and what of them is billed.

Plan changes, a trial, the quantity, a scheduled change and cancel-at-period-end are events on it
(docs/subscriptions.md). Each bill (a CycleClosed, or a PartBilled when a change bills the part of the open
cycle before it) carries the `usage` read model's position it was priced at; events recorded after that
position with a timestamp in a billed part are billed late, in the next bill (see docs/billing.md).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.adjustments import Applied
from domain.billing_details import Address, BillingDetails
from domain.cycles import Cycle, Interval, cycle, cycles_ended, whole_minute
from domain.errors import Conflict, Fault, Invalid, NotFound
from domain.metadata import metadata_faults
from domain.product import Product, prices_of
from domain.proration import AddonItem, Change, Mode, Plan, Segment, addon_terms, addons_from_terms
from domain.rating import UsagePrice
from domain.time_range import END, time_fault
from domain.timeline import Epoch, Timeline, change_from_terms, change_terms

# The closing job catches up at most this many cycles for a start in the past (docs/input.md).
MAX_PAST_CYCLES = 1000
MAX_QUANTITY = 1_000_000
MAX_TRIAL_DAYS = 10_000  # Dodo's bound
MAX_ADDONS = 20


def start_faults(start: datetime, billing_interval: Interval, interval_count: int, now: datetime) -> list[Fault]:
    """A start in the supported time range, at most MAX_PAST_CYCLES cycles ago, whose first cycle ends
    inside the range. A cycle lasts at most 1,000 years (product.MAX_INTERVAL_COUNT), so from a start
    before 9000 its end is still a datetime."""
    faults = time_fault("start", start)
    if faults:
        return faults
    anchor = whole_minute(start)
    if cycles_ended(anchor, billing_interval, interval_count, now, MAX_PAST_CYCLES) > MAX_PAST_CYCLES:
        return [Fault("start", f"must be at most {MAX_PAST_CYCLES} cycles in the past")]
    if cycle(anchor, billing_interval, interval_count, 0).end >= END:
        return [Fault("start", f"the first cycle must end before {END.isoformat()}")]
    return []


def plan_faults(quantity: int, trial_period_days: int = 0, addons: tuple[AddonItem, ...] = ()) -> list[Fault]:
    faults = []
    if not 1 <= quantity <= MAX_QUANTITY:
        faults.append(Fault("quantity", f"must be 1 to {MAX_QUANTITY}"))
    if len(addons) > MAX_ADDONS:
        faults.append(Fault("addons", f"must be at most {MAX_ADDONS}"))
    faults += [
        Fault("addons.quantity", f"must be 1 to {MAX_QUANTITY}", i)
        for i, a in enumerate(addons)
        if not 1 <= a.quantity <= MAX_QUANTITY
    ]
    if len({a.addon_id for a in addons}) < len(addons):
        faults.append(Fault("addons", "must name each add-on once"))
    if not 0 <= trial_period_days <= MAX_TRIAL_DAYS:
        faults.append(Fault("trial_period_days", f"must be 0 to {MAX_TRIAL_DAYS}"))
    return faults


class Subscription(Aggregate):
    # Version 2 holds the timeline (epochs, changes, trial), the quantity, the bills and what is scheduled;
    # version 3 the add-ons; version 4 its pricing: discount, usage price overrides, price versions; version 5
    # the open bill's threshold invoices.
    class_version = 5

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        """A snapshot taken before the timeline: one epoch, one plan."""
        state["epochs"] = [Epoch(0, state["anchor"], state["billing_interval"], state["interval_count"]).terms()]
        state["changes"] = [change_terms(Change(state["anchor"], Plan(state["product_id"]), "do_not_bill"))]
        state["trial_ends_at"] = None
        state["quantity"] = 1
        state["bill_cycles"] = list(range(state["closed"]))
        state["billed_from"] = None
        state["scheduled"] = None
        state["cancel_at_period_end"] = False
        state["metadata"] = {}
        state["billing"] = None

    @staticmethod
    def upcast_v2_v3(state: dict[str, Any]) -> None:
        state["addons"] = []

    @staticmethod
    def upcast_v3_v4(state: dict[str, Any]) -> None:
        """Started before price versions: on its first product's first version, as a replay reads it."""
        state["discount"] = None
        state["overrides"] = {}
        state["price_versions"] = [
            {"product_id": str(state["changes"][0]["product_id"]), "version": 1, "from_cycle": 0}
        ]

    @staticmethod
    def upcast_v4_v5(state: dict[str, Any]) -> None:
        state["threshold_invoices"] = []

    class Started(Aggregate.Created):
        business_id: uuid.UUID
        customer_id: str
        product_id: uuid.UUID
        anchor: datetime
        billing_interval: Interval
        interval_count: int
        # Absent from subscriptions started before plan changes (they replay with the defaults).
        quantity: int = 1
        trial_period_days: int = 0
        metadata: dict[str, Any] | None = None
        billing: dict[str, Any] | None = None  # Dodo's billing address given at the start (an Address's terms)
        addons: list[dict[str, Any]] | None = None  # proration.addon_terms; absent before add-ons
        price_version: int | None = None  # the product's price version; absent before versions (the first)

    class DiscountApplied(Aggregate.Event):
        """A discount redeemed (adjustments.Applied's terms); it replaces one the subscription had."""

        discount: dict[str, Any]

    class UsagePriceOverridden(Aggregate.Event):
        """The subscription's own price of a meter (UsagePrice.terms()), in place of its product's, from the
        open cycle on."""

        terms: dict[str, Any]

    class PriceVersionMigrated(Aggregate.Event):
        """From cycle `from_cycle` on, the subscription is on the product's price version `version`."""

        product_id: uuid.UUID
        version: int
        from_cycle: int
        migration_id: uuid.UUID

    class CycleClosed(Aggregate.Event):
        index: int
        cycle_start: datetime
        cycle_end: datetime
        invoice_id: uuid.UUID
        usage_position: int

    class PartBilled(Aggregate.Event):
        """A change billed the part [start, end) of the open cycle `index` (the part before it)."""

        index: int
        start: datetime
        end: datetime
        invoice_id: uuid.UUID
        usage_position: int

    class DifferenceBilled(Aggregate.Event):
        """A `difference_immediately` change at `at` in the open cycle `index` charged the fixed-price
        difference on its own invoice (the cycle's bills are unchanged)."""

        index: int
        at: datetime
        invoice_id: uuid.UUID

    class ThresholdInvoiced(Aggregate.Event):
        """A usage threshold billed `amount` of the open cycle `index`'s bill (from `start`) early, at `at`
        (domain/usage_threshold.py); the bill that ends it subtracts it."""

        index: int
        start: datetime
        at: datetime
        invoice_id: uuid.UUID
        amount: Decimal
        usage_position: int

    class PlanChanged(Aggregate.Event):
        """From `effective_at` on the subscription is on the product with the quantity. When `cycles_from` is
        set, the cycles from that index on run from `cycles_anchor` on the product's interval."""

        product_id: uuid.UUID
        quantity: int
        effective_at: datetime
        proration_billing_mode: Mode
        billing_interval: Interval
        interval_count: int
        cycles_from: int | None
        cycles_anchor: datetime | None
        addons: list[dict[str, Any]] | None = None  # the new plan's (proration.addon_terms); absent before add-ons
        # The product's latest price version at the change; absent before versions (the latest at each bill).
        price_version: int | None = None

    class ChangeScheduled(Aggregate.Event):
        scheduled_at: datetime
        product_id: uuid.UUID
        quantity: int
        effective_at: datetime
        proration_billing_mode: Mode
        billing_interval: Interval
        interval_count: int
        addons: list[dict[str, Any]] | None = None
        price_version: int | None = None

    class ScheduledChangeCancelled(Aggregate.Event):
        pass

    class CancellationScheduled(Aggregate.Event):
        ends_at: datetime

    class CancellationWithdrawn(Aggregate.Event):
        pass

    class Cancelled(Aggregate.Event):
        ends_at: datetime

    class MetadataSet(Aggregate.Event):
        metadata: dict[str, Any]

    class NextBillingDateMoved(Aggregate.Event):
        """The open cycle `index` ends at `next_billing_date` (it ended at `previous`); the cycles after it run
        from there on the subscription's interval."""

        index: int
        previous: datetime
        next_billing_date: datetime
        billing_interval: Interval
        interval_count: int

    @event(Started)
    def __init__(
        self,
        business_id: uuid.UUID,
        customer_id: str,
        product_id: uuid.UUID,
        anchor: datetime,
        billing_interval: Interval,
        interval_count: int,
        quantity: int = 1,
        trial_period_days: int = 0,
        metadata: dict[str, Any] | None = None,
        billing: dict[str, Any] | None = None,
        addons: list[dict[str, Any]] | None = None,
        price_version: int | None = None,
    ) -> None:
        self.business_id = business_id
        self.discount: dict[str, Any] | None = None
        self.overrides: dict[str, dict[str, Any]] = {}
        self.price_versions: list[dict[str, Any]] = [
            {"product_id": str(product_id), "version": price_version or 1, "from_cycle": 0}
        ]
        self.billing = billing
        self.customer_id = customer_id
        self.product_id = product_id
        self.quantity = quantity
        self.addons: list[dict[str, Any]] = addons or []
        self.anchor = anchor
        self.billing_interval = billing_interval
        self.interval_count = interval_count
        timeline = Timeline.started(
            anchor,
            Plan(product_id, quantity, addons_from_terms(addons)),
            billing_interval,
            interval_count,
            trial_period_days,
        )
        terms = timeline.terms()
        self.epochs: list[dict[str, Any]] = terms["epochs"]
        self.changes: list[dict[str, Any]] = terms["changes"]
        self.trial_ends_at: datetime | None = timeline.trial_ends_at
        self.closed = 0
        self.usage_positions: list[int] = []
        self.invoice_ids: list[uuid.UUID] = []
        self.bill_cycles: list[int] = []
        self.billed_from: datetime | None = None
        self.scheduled: dict[str, Any] | None = None
        self.ends_at: datetime | None = None
        self.cancel_at_period_end = False
        self.metadata: dict[str, Any] = metadata or {}
        # The open bill's threshold invoices: {"invoice_id", "amount", "start"} each, until the bill that ends it.
        self.threshold_invoices: list[dict[str, Any]] = []

    @classmethod
    def start(
        cls,
        business_id: uuid.UUID,
        customer_id: str,
        product_id: uuid.UUID,
        start: datetime,
        billing_interval: Interval,
        interval_count: int,
        now: datetime,
        quantity: int = 1,
        trial_period_days: int = 0,
        metadata: dict[str, Any] | None = None,
        billing: Address | None = None,
        addons: tuple[AddonItem, ...] = (),
        price_version: int = 1,
    ) -> Subscription:
        faults = start_faults(start, billing_interval, interval_count, now)
        faults += plan_faults(quantity, trial_period_days, addons)
        faults += metadata_faults(metadata or {})
        if billing is not None:
            faults += [
                Fault(f"billing.{f.field.removeprefix('address.')}", f.reason)
                for f in BillingDetails(address=billing).faults()
            ]
        if not faults and trial_period_days:
            anchor = whole_minute(start) + timedelta(days=trial_period_days)
            faults = (
                [Fault("trial_period_days", "the first cycle must start before 9000-01-01T00:00:00Z")]
                if (anchor >= END or cycle(anchor, billing_interval, interval_count, 0).end >= END)
                else []
            )
        if faults:
            raise Invalid(f"cannot start a subscription at {start.isoformat()}", "invalid_subscription", faults)
        return cls(
            business_id=business_id,
            customer_id=customer_id,
            product_id=product_id,
            anchor=whole_minute(start),
            billing_interval=billing_interval,
            interval_count=interval_count,
            quantity=quantity,
            trial_period_days=trial_period_days,
            metadata=metadata or {},
            billing=asdict(billing) if billing else None,
            addons=addon_terms(addons) or None,
            price_version=price_version,
        )

    @property
    def timeline(self) -> Timeline:
        """The plans and cycles as recorded, and the scheduled change as it will be: the cycles after the open
        one are the scheduled plan's (so a close of several cycles prices each on its own plan)."""
        terms = {"epochs": self.epochs, "changes": self.changes, "trial_ends_at": self.trial_ends_at}
        timeline = Timeline.from_terms(terms, self.ends_at)
        s = self.scheduled
        if s is None:
            return timeline
        plan = Plan(s["product_id"], s["quantity"], addons_from_terms(s.get("addons")))
        change = Change(s["effective_at"], plan, s["proration_billing_mode"])
        moved = (s["billing_interval"], s["interval_count"]) != (self.billing_interval, self.interval_count)
        epoch = Epoch(self.closed + 1, s["effective_at"], s["billing_interval"], s["interval_count"])
        return timeline.changed(change, epoch if moved else None)

    @property
    def plan(self) -> Plan:
        return Plan(self.product_id, self.quantity, addons_from_terms(self.addons))

    def cycle(self, k: int) -> Cycle | None:
        """Cycle k, cut short by a cancellation; None once the subscription has ended before it."""
        return self.timeline.cycle(k)

    @property
    def open_cycle(self) -> Cycle | None:
        return self.cycle(self.closed)

    @property
    def billing_since(self) -> datetime:
        """Usage from here on is billable: the start, or the end of the trial."""
        return self.trial_ends_at or self.anchor

    @property
    def last_position(self) -> int:
        """The usage position the last bill was priced at (0 before any)."""
        return self.usage_positions[-1] if self.usage_positions else 0

    def bill_start(self, c: Cycle) -> datetime:
        """Where the bill of cycle c starts: after the part a change billed already, if any."""
        return self.billed_from if c.index == self.closed and self.billed_from is not None else c.start

    def segments(self, c: Cycle, until: datetime | None = None) -> list[Segment]:
        """The segments cycle c's bill covers (those before `until`, when given)."""
        parts = self.timeline.segments(c, self.bill_start(c))
        return [s for s in parts if until is None or s.start < until]

    def due_cycles(self, now: datetime, limit: int | None = None) -> list[Cycle]:
        """The cycles that ended by `now` and are still open, oldest first; the oldest `limit` of them."""
        timeline = self.timeline
        due: list[Cycle] = []
        k = self.closed
        while (limit is None or len(due) < limit) and (c := timeline.cycle(k)) is not None and c.end <= now:
            due.append(c)
            k += 1
        return due

    def close_cycle(self, c: Cycle, invoice_id: uuid.UUID, usage_position: int) -> None:
        """Records the cycle's bill; a change scheduled for its end then takes effect."""
        if c.index != self.closed:
            raise Conflict(f"cycle {c.index} is not the open cycle ({self.closed})", "cycle_not_open")
        self._cycle_closed(
            index=c.index,
            cycle_start=c.start,
            cycle_end=c.end,
            invoice_id=invoice_id,
            usage_position=max(usage_position, self.last_position),
        )
        s = self.scheduled
        if s is not None and s["effective_at"] == c.end:
            following = self.cycle(c.index + 1)
            if following is None:
                self._scheduled_change_cancelled()
                return
            moved = (s["billing_interval"], s["interval_count"]) != (self.billing_interval, self.interval_count)
            self._plan_changed(
                product_id=s["product_id"],
                quantity=s["quantity"],
                effective_at=c.end,
                proration_billing_mode=s["proration_billing_mode"],
                billing_interval=s["billing_interval"],
                interval_count=s["interval_count"],
                cycles_from=c.index + 1 if moved else None,
                cycles_anchor=c.end if moved else None,
                addons=s.get("addons"),
                price_version=s.get("price_version"),
            )

    def _changeable(self, replace_scheduled: bool) -> Cycle:
        c = self.open_cycle
        if self.ends_at is not None or c is None:
            raise Conflict(f"subscription {self.id} is cancelled", "subscription_cancelled")
        if self.scheduled is not None and not replace_scheduled:
            raise Conflict(
                "a plan change is already scheduled: cancel it, or send cancel_scheduled_change_plan: true",
                "change_scheduled",
            )
        return c

    def change_plan(
        self,
        plan: Plan,
        mode: Mode,
        at: datetime,
        now: datetime,
        billing_interval: Interval,
        interval_count: int,
        replace_scheduled: bool = False,
        price_version: int | None = None,
    ) -> None:
        """Puts the subscription on `plan` from `at` (truncated to the minute): a time inside the open part of
        the open cycle, not in the future, and not before the last change. What a change bills is the
        application's (application/plan_changes.py). A product it was never on is billed on `price_version`
        (its latest at the change) from then on (docs/price-versions.md)."""
        c = self._changeable(replace_scheduled)
        if self.timeline.in_trial(c):
            raise Conflict(
                "a plan change during the trial is not supported: schedule it for the trial's end",
                "subscription_in_trial",
            )
        faults = plan_faults(plan.quantity, addons=plan.addons) + time_fault("effective_at", at)
        at = whole_minute(at)
        since = max(self.bill_start(c), change_from_terms(self.changes[-1]).at)
        if not faults and not since <= at < c.end:
            faults.append(
                Fault(
                    "effective_at",
                    f"must fall in the open cycle, from {since.isoformat()} to before {c.end.isoformat()}",
                )
            )
        elif not faults and at > now:
            faults.append(Fault("effective_at", "must not be in the future"))
        elif not faults and mode == "full_immediately" and at == self.bill_start(c) and at != c.start:
            faults.append(Fault("effective_at", "a new cycle cannot start where a change already billed up to"))
        elif (
            not faults
            and mode == "difference_immediately"
            and any(c.start < change_from_terms(ch).at for ch in self.changes)
        ):
            faults.append(
                Fault("proration_billing_mode", "difference_immediately is only for the first change of a cycle")
            )
        elif not faults and change_from_terms(self.changes[-1]).mode == "difference_immediately" and at == since:
            faults.append(Fault("effective_at", "must be after the difference_immediately change at that instant"))
        if faults:
            raise Invalid("cannot change the plan", "invalid_plan_change", faults)
        if self.scheduled is not None:
            self._scheduled_change_cancelled()
        epoch: tuple[int, datetime] | None = None
        if mode == "full_immediately":
            epoch = (c.index + 1 if at > c.start else c.index, at)
        elif (billing_interval, interval_count) != (self.billing_interval, self.interval_count):
            epoch = (c.index + 1, c.end)
        self._plan_changed(
            product_id=plan.product_id,
            quantity=plan.quantity,
            effective_at=at,
            proration_billing_mode=mode,
            billing_interval=billing_interval,
            interval_count=interval_count,
            cycles_from=epoch[0] if epoch else None,
            cycles_anchor=epoch[1] if epoch else None,
            addons=addon_terms(plan.addons) or None,
            price_version=price_version,
        )

    def bill_part(self, at: datetime, invoice_id: uuid.UUID, usage_position: int) -> None:
        """Records the bill of the open cycle's part before `at` (a change's)."""
        c = self.open_cycle
        assert c is not None
        self._part_billed(
            index=c.index,
            start=self.bill_start(c),
            end=at,
            invoice_id=invoice_id,
            usage_position=max(usage_position, self.last_position),
        )

    def invoice_threshold(self, at: datetime, invoice_id: uuid.UUID, amount: Decimal, usage_position: int) -> None:
        """Records a threshold invoice of the open cycle's bill so far, priced at `usage_position`."""
        c = self.open_cycle
        assert c is not None
        self._threshold_invoiced(
            index=c.index,
            start=self.bill_start(c),
            at=at,
            invoice_id=invoice_id,
            amount=amount,
            usage_position=usage_position,
        )

    def bill_difference(self, at: datetime, invoice_id: uuid.UUID) -> None:
        """Records the invoice of a difference_immediately change at `at` (priced at the last bill's position:
        it bills no usage)."""
        c = self.open_cycle
        assert c is not None
        self._difference_billed(index=c.index, at=at, invoice_id=invoice_id)

    def schedule_change(
        self,
        plan: Plan,
        mode: Mode,
        billing_interval: Interval,
        interval_count: int,
        now: datetime,
        replace_scheduled: bool = False,
        price_version: int | None = None,
    ) -> None:
        """The change takes effect at the open cycle's end, when that cycle is closed."""
        c = self._changeable(replace_scheduled)
        faults = plan_faults(plan.quantity, addons=plan.addons)
        if faults:
            raise Invalid("cannot schedule the plan change", "invalid_plan_change", faults)
        self._change_scheduled(
            scheduled_at=now,
            product_id=plan.product_id,
            quantity=plan.quantity,
            effective_at=c.end,
            proration_billing_mode=mode,
            billing_interval=billing_interval,
            interval_count=interval_count,
            addons=addon_terms(plan.addons) or None,
            price_version=price_version,
        )

    def cancel_scheduled_change(self) -> None:
        if self.scheduled is None:
            raise NotFound("scheduled_change", self.id)
        self._scheduled_change_cancelled()

    def cancel_at_next_billing_date(self, cancel: bool, now: datetime) -> None:
        """True: the subscription ends when the open cycle ends. False: undoes that, before it has ended."""
        c = self.open_cycle
        if self.ends_at is not None and not self.cancel_at_period_end:
            raise Conflict(f"subscription {self.id} is cancelled", "subscription_cancelled")
        if cancel and not self.cancel_at_period_end:
            assert c is not None
            self._cancellation_scheduled(ends_at=c.end)
        elif not cancel and self.cancel_at_period_end:
            if c is None or now >= c.end:
                raise Conflict(f"subscription {self.id} has ended", "subscription_ended")
            self._cancellation_withdrawn()

    def cancel(self, now: datetime) -> None:
        """Ends the subscription now; a cancellation scheduled for later is brought forward."""
        at = whole_minute(now)
        if self.ends_at is None or (self.cancel_at_period_end and at < self.ends_at):
            self._cancelled(ends_at=at)

    def move_next_billing_date(self, at: datetime, now: datetime) -> None:
        """The open cycle ends at `at` (truncated to the minute) and the next cycles run from there. Not during
        the trial, nor once cancelled or set to cancel, nor after a change billed part of the cycle (its
        shares are spent), nor once the cycle has ended; `at` after now and after the cycle's start and last
        change (docs/subscriptions.md)."""
        c = self._changeable(replace_scheduled=True)
        if self.timeline.in_trial(c):
            raise Conflict("the next billing date cannot move during the trial", "subscription_in_trial")
        if self.billed_from is not None:
            raise Conflict(
                "a change billed part of the open cycle already: its next billing date cannot move", "part_billed"
            )
        if c.end <= now:
            raise Conflict(f"the open cycle ended at {c.end.isoformat()} and waits for its close", "cycle_ended")
        faults = time_fault("next_billing_date", at)
        at = whole_minute(at)
        since = max(whole_minute(now), c.start, change_from_terms(self.changes[-1]).at)
        if not faults and at <= since:
            faults.append(Fault("next_billing_date", f"must be after {since.isoformat()}"))
        if not faults and cycle(at, self.billing_interval, self.interval_count, 0).end >= END:
            faults.append(Fault("next_billing_date", f"the next cycle must end before {END.isoformat()}"))
        if faults:
            raise Invalid("cannot move the next billing date", "invalid_subscription", faults)
        if at != c.end:
            self._next_billing_date_moved(
                index=c.index,
                previous=c.end,
                next_billing_date=at,
                billing_interval=self.billing_interval,
                interval_count=self.interval_count,
            )

    def version_of(self, product_id: uuid.UUID, k: int) -> int | None:
        """The price version of the product cycle k is billed on (None: the product's latest, for a product the
        subscription reached by a plan change)."""
        entries = [e for e in self.price_versions if e["product_id"] == str(product_id) and e["from_cycle"] <= k]
        return entries[-1]["version"] if entries else None

    def prices_for(self, product: Product, k: int) -> list[UsagePrice]:
        """The usage prices cycle k is rated with on the product: its version's, the subscription's own
        overrides in place of the product's prices of those meters (docs/price-versions.md)."""
        return self.prices_on(product, self.version_of(product.id, k))

    def prices_on(self, product: Product, version: int | None) -> list[UsagePrice]:
        """The product's prices of a version (None: the latest) with the subscription's overrides in place."""
        prices = dict(product.prices_at(version))
        for meter, terms in self.overrides.items():
            if meter in prices:
                prices[meter] = UsagePrice.from_terms(terms)
        return prices_of(prices)

    def priced_apart(self, product: Product, k: int) -> bool:
        """Whether cycle k on the product is rated otherwise than at the product's latest prices."""
        version = self.version_of(product.id, k)
        return bool(self.overrides) or (version is not None and version != product.price_version)

    def discount_for(self, k: int, product_id: uuid.UUID) -> Applied | None:
        """The discount a bill of cycle k on the product gets, if any."""
        if self.discount is None:
            return None
        applied = Applied.from_terms(self.discount)
        return applied if applied.covers(k, str(product_id)) else None

    def apply_discount(self, applied: Applied) -> None:
        """The discount covers its cycles from the open one on (the first, at the start)."""
        c = self.open_cycle
        if self.ends_at is not None or c is None:
            raise Conflict(f"subscription {self.id} is cancelled", "subscription_cancelled")
        self._discount_applied(discount=replace(applied, from_cycle=c.index).terms())

    def override_usage_price(self, price: UsagePrice, product: Product) -> None:
        """Its own price of a meter its product prices, from the open cycle on (rated as the product's would be)."""
        if price.meter_id not in product.usage_prices:
            raise NotFound("usage_price", price.meter_id)
        if self.overrides.get(price.meter_id) != price.terms():
            self._usage_price_overridden(terms=price.terms())

    def migrate_version(self, product_id: uuid.UUID, version: int, migration_id: uuid.UUID) -> bool:
        """Puts the subscription on the product's price `version` from its next cycle; answers whether that
        changed anything (a migration run twice changes nothing the second time)."""
        c = self.open_cycle
        if c is None:
            return False
        if self.version_of(product_id, c.index + 1) == version:
            return False
        self._price_version_migrated(
            product_id=product_id, version=version, from_cycle=c.index + 1, migration_id=migration_id
        )
        return True

    @event(DiscountApplied)
    def _discount_applied(self, discount: dict[str, Any]) -> None:
        self.discount = discount

    @event(UsagePriceOverridden)
    def _usage_price_overridden(self, terms: dict[str, Any]) -> None:
        self.overrides = {**self.overrides, terms["meter_id"]: terms}

    @event(PriceVersionMigrated)
    def _price_version_migrated(
        self, product_id: uuid.UUID, version: int, from_cycle: int, migration_id: uuid.UUID
    ) -> None:
        entry = {"product_id": str(product_id), "version": version, "from_cycle": from_cycle}
        self.price_versions = [*[e for e in self.price_versions if e != entry], entry]

    def set_metadata(self, metadata: dict[str, Any]) -> None:
        faults = metadata_faults(metadata)
        if faults:
            raise Invalid("invalid metadata", "invalid_subscription", faults)
        if metadata != self.metadata:
            self._metadata_set(metadata=metadata)

    @event(CycleClosed)
    def _cycle_closed(
        self, index: int, cycle_start: datetime, cycle_end: datetime, invoice_id: uuid.UUID, usage_position: int
    ) -> None:
        self.closed = index + 1
        self.usage_positions.append(usage_position)
        self.invoice_ids.append(invoice_id)
        self.bill_cycles.append(index)
        self.billed_from = None
        self.threshold_invoices = []

    @event(PartBilled)
    def _part_billed(
        self, index: int, start: datetime, end: datetime, invoice_id: uuid.UUID, usage_position: int
    ) -> None:
        self.usage_positions.append(usage_position)
        self.invoice_ids.append(invoice_id)
        self.bill_cycles.append(index)
        self.billed_from = end
        self.threshold_invoices = []

    @event(ThresholdInvoiced)
    def _threshold_invoiced(
        self, index: int, start: datetime, at: datetime, invoice_id: uuid.UUID, amount: Decimal, usage_position: int
    ) -> None:
        self.threshold_invoices.append({"invoice_id": invoice_id, "amount": amount, "start": start})

    @event(DifferenceBilled)
    def _difference_billed(self, index: int, at: datetime, invoice_id: uuid.UUID) -> None:
        self.usage_positions.append(self.last_position)
        self.invoice_ids.append(invoice_id)
        self.bill_cycles.append(index)

    @event(PlanChanged)
    def _plan_changed(
        self,
        product_id: uuid.UUID,
        quantity: int,
        effective_at: datetime,
        proration_billing_mode: Mode,
        billing_interval: Interval,
        interval_count: int,
        cycles_from: int | None,
        cycles_anchor: datetime | None,
        addons: list[dict[str, Any]] | None = None,
        price_version: int | None = None,
    ) -> None:
        if price_version is not None and all(e["product_id"] != str(product_id) for e in self.price_versions):
            # Never billed on this product before: every cycle it is on it is on this version.
            self.price_versions = [
                *self.price_versions,
                {"product_id": str(product_id), "version": price_version, "from_cycle": 0},
            ]
        self.product_id = product_id
        self.quantity = quantity
        self.addons = addons or []
        self.billing_interval = billing_interval
        self.interval_count = interval_count
        plan = Plan(product_id, quantity, addons_from_terms(addons))
        self.changes.append(change_terms(Change(effective_at, plan, proration_billing_mode)))
        if cycles_from is not None and cycles_anchor is not None:
            self.epochs.append(Epoch(cycles_from, cycles_anchor, billing_interval, interval_count).terms())
        self.scheduled = None

    @event(ChangeScheduled)
    def _change_scheduled(
        self,
        scheduled_at: datetime,
        product_id: uuid.UUID,
        quantity: int,
        effective_at: datetime,
        proration_billing_mode: Mode,
        billing_interval: Interval,
        interval_count: int,
        addons: list[dict[str, Any]] | None = None,
        price_version: int | None = None,
    ) -> None:
        self.scheduled = {
            "price_version": price_version,
            "addons": addons or [],
            "product_id": product_id,
            "quantity": quantity,
            "effective_at": effective_at,
            "proration_billing_mode": proration_billing_mode,
            "billing_interval": billing_interval,
            "interval_count": interval_count,
            "scheduled_at": scheduled_at,
        }

    @event(ScheduledChangeCancelled)
    def _scheduled_change_cancelled(self) -> None:
        self.scheduled = None

    @event(CancellationScheduled)
    def _cancellation_scheduled(self, ends_at: datetime) -> None:
        self.ends_at = ends_at
        self.cancel_at_period_end = True

    @event(CancellationWithdrawn)
    def _cancellation_withdrawn(self) -> None:
        self.ends_at = None
        self.cancel_at_period_end = False

    @event(Cancelled)
    def _cancelled(self, ends_at: datetime) -> None:
        self.ends_at = ends_at
        self.cancel_at_period_end = False

    @event(NextBillingDateMoved)
    def _next_billing_date_moved(
        self,
        index: int,
        previous: datetime,
        next_billing_date: datetime,
        billing_interval: Interval,
        interval_count: int,
    ) -> None:
        self.epochs.append(Epoch(index + 1, next_billing_date, billing_interval, interval_count, moved=True).terms())
        if self.scheduled is not None:  # a change scheduled for the next billing date goes with it
            self.scheduled = {**self.scheduled, "effective_at": next_billing_date}

    @event(MetadataSet)
    def _metadata_set(self, metadata: dict[str, Any]) -> None:
        self.metadata = metadata
