"""Real-time access (docs/access.md): may this customer use a meter, or a feature, now? Answered exactly
against every event stored before the question (the `ExactUsage` port), and a consume that checks and
records its event in one step under its (customer, meter) lock, so concurrent consumes never overspend.

Subscriptions, products, meters, features and credit balances are read from their aggregates (exact by
construction); only which subscriptions a customer has comes from the `charges` read model, which a caller
lets catch up with `pending_position` first. A limit reached in a cycle is recorded once (LimitReached)
by application/limit_watch.py, which the webhooks carry out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from application.entitlements import Entitlements
from application.features import Features
from application.ports import ExactUsage
from domain.access import OK, Standing, against, credit_limit, tightest, usage_limit
from domain.credit_rules import Pool
from domain.customer import Customer, customer_id
from domain.cycles import Cycle
from domain.errors import Fault, Invalid, NotFound, OverLimit, TallyError
from domain.feature import Feature
from domain.limit_reached import LimitReached, limit_reached_id
from domain.meter import Meter
from domain.numbers import bound_faults
from domain.product import Product
from domain.rating import UsagePrice
from domain.subscription import Subscription
from domain.usage_event import IncomingEvent, batch_faults
from store.event_store import EventStore

# Known customers and meters kept per process, at most this many of each.
CACHE_SIZE = 100_000


@dataclass(frozen=True)
class Active:
    """A subscription in its cycle of now, on the product its plan has now."""

    subscription: Subscription
    cycle: Cycle
    product: Product


@dataclass(frozen=True)
class Limit:
    """One limit on a meter: a price of an active subscription, with its entitlement's pool when it spends one."""

    active: Active
    price: UsagePrice
    pool: Pool | None

    @property
    def limits_anything(self) -> bool:
        """A usage limit, or credits whose overage does not run unlimited."""
        return bool(self.standings(Decimal(0), Decimal(0)))

    def standings(self, used: Decimal, quantity: Decimal) -> list[tuple[str, Standing]]:
        found = []
        if (usage := usage_limit(self.price, used, quantity)) is not None:
            found.append(("usage_limit", usage))
        if self.pool is not None and (credit := credit_limit(self.price, self.pool, used, quantity)) is not None:
            terms = self.pool.terms
            found.append(("overage_limit" if terms.overage_enabled else "credits_exhausted", credit))
        return [(kind, in_cycle(s, self.active.cycle)) for kind, s in found]


@dataclass(frozen=True)
class Checked:
    standing: Standing
    position: int
    value: Any = None  # a feature's granted value


@dataclass(frozen=True)
class Entry:
    """One line of a customer's entitlements: a feature granted, or a meter's limit."""

    subscription: Subscription
    checked: Checked
    feature: Feature | None = None
    meter: Meter | None = None
    kind: str = "feature"
    blocked_since: datetime | None = None  # when the limit that refuses was recorded reached


@dataclass(frozen=True)
class RecordedEvent:
    """A consumed usage event as stored, and where."""

    event_id: str
    customer_id: str
    event_name: str
    occurred_at: datetime
    metadata: dict[str, Any]
    position: int


@dataclass(frozen=True)
class Consumed:
    checked: Checked
    event: RecordedEvent


def in_cycle(standing: Standing, cycle: Cycle) -> Standing:
    return replace(standing, cycle_start=cycle.start, cycle_end=cycle.end)


def cycle_of(subscription: Subscription, now: datetime) -> Cycle | None:
    """The cycle `now` falls in; None before the subscription starts and once it has ended."""
    k = subscription.closed
    while (c := subscription.cycle(k)) is not None and c.end <= now:
        k += 1
    return c if c is not None and c.start <= now else None


class Access:
    def __init__(
        self,
        store: EventStore,
        usage: ExactUsage,
        entitlements: Entitlements,
        features: Features,
    ) -> None:
        self.store = store
        self.repository = store.repository
        self.usage = usage
        self.entitlements = entitlements
        self.features = features
        self._customers: set[uuid.UUID] = set()
        self._meters: dict[uuid.UUID, Meter] = {}

    def pending_position(self) -> int:
        return self.usage.pending_position()

    def check(self, business: uuid.UUID, external_id: str, meter_id: str, quantity: Decimal, now: datetime) -> Checked:
        meter = self._meter(business, meter_id)
        _check_quantity(quantity)
        active = self.active(business, external_id, now)
        if not active:
            return self._unsubscribed(business, external_id)
        limits = self.limits(business, external_id, meter, active)
        measured = {
            c: self.usage.measured(business, external_id, meter.id, meter.rule, c.start, c.end)
            for c in _cycles(limits, active)
        }
        return _answer(limits, active, measured, quantity)

    def check_feature(
        self, business: uuid.UUID, external_id: str, key: str, quantity: Decimal, now: datetime
    ) -> Checked:
        """A metered feature allows `quantity` more units of its meter; the others are granted or not."""
        feature = self.features.by_key(business, key)
        _check_quantity(quantity)
        active = self.active(business, external_id, now)
        if not active:
            return self._unsubscribed(business, external_id)
        return self._feature_standing(business, external_id, feature, active, quantity)

    def entitlements_of(self, business: uuid.UUID, external_id: str, now: datetime) -> list[Entry]:
        """Every feature the customer's active subscriptions grant, and every limit on a meter they price."""
        self._customer(business, external_id)
        entries: list[Entry] = []
        active = self.active(business, external_id, now)
        for a in active:
            for grant in a.product.features:
                feature = self.features.get_feature(business, uuid.UUID(grant["feature_id"]))
                checked = self._feature_standing(business, external_id, feature, [a], Decimal(1))
                entries.append(Entry(a.subscription, checked, feature))
            for meter, limit, measured in self.limited_prices(business, external_id, a):
                checked = _answer([limit], [a], {a.cycle: measured}, Decimal(1))
                reason = checked.standing.reason
                since = None if checked.standing.allowed else self._reached_at(a, str(meter.id), reason)
                entries.append(Entry(a.subscription, checked, meter=meter, kind="meter", blocked_since=since))
        return entries

    def limited_prices(
        self, business: uuid.UUID, external_id: str, a: Active
    ) -> list[tuple[Meter, Limit, tuple[Decimal, int]]]:
        """Each price of the subscription's product that has a limit, with its meter's usage in the cycle."""
        found = []
        for price in a.product.prices():
            meter = self.meter_now(business, price.meter_id)
            limits = [lim for lim in self.limits(business, external_id, meter, [a]) if lim.price == price]
            if limits and limits[0].limits_anything:
                measured = self.usage.measured(business, external_id, meter.id, meter.rule, a.cycle.start, a.cycle.end)
                found.append((meter, limits[0], measured))
        return found

    def consume(
        self,
        business: uuid.UUID,
        external_id: str,
        meter_id: str,
        quantity: Decimal,
        event: IncomingEvent,
        now: datetime,
    ) -> Consumed:
        """Records the event only if the meter allows `quantity` more; OverLimit (409 `limit_reached`) otherwise
        (nothing stored). A resent event id answers the event as first stored, and records nothing."""
        [done] = self.consume_many(business, external_id, meter_id, [(quantity, event)], now)
        if isinstance(done, TallyError):
            raise done
        return done

    def consume_many(
        self,
        business: uuid.UUID,
        external_id: str,
        meter_id: str,
        requests: list[tuple[Decimal, IncomingEvent]],
        now: datetime,
    ) -> list[Consumed | TallyError]:
        """`consume` of each request, in order, in one transaction under the meter's lock: the usage is measured
        once and each request is admitted against what those before it took (what concurrent consumes of one
        meter queued in a process are given: interfaces/resources/access.py)."""
        self._customer(business, external_id)
        meter = self._meter(business, meter_id)
        answers: list[Consumed | TallyError | None] = [None] * len(requests)
        fresh: list[int] = []
        for i, (quantity, event) in enumerate(requests):
            try:
                _check_quantity(quantity)
                self._check_event(external_id, meter, quantity, event, now)
            except TallyError as refused:
                answers[i] = refused
                continue
            fresh.append(i)
        if fresh:
            self._admit(business, external_id, meter, requests, fresh, answers, now)
        for i, answer in enumerate(answers):
            if answer is None:  # stored before, or meanwhile by an ingest or another consume of the same id
                try:
                    answers[i] = self._resent(business, external_id, meter, requests[i][1].event_id, now)
                except TallyError as refused:
                    answers[i] = refused
        return [a for a in answers if a is not None]

    def _admit(
        self,
        business: uuid.UUID,
        external_id: str,
        meter: Meter,
        requests: list[tuple[Decimal, IncomingEvent]],
        fresh: list[int],
        answers: list[Consumed | TallyError | None],
        now: datetime,
    ) -> None:
        stored = self._stored_ids(business, [requests[i][1].event_id for i in fresh])
        fresh = [i for i in fresh if requests[i][1].event_id not in stored]
        active = self.active(business, external_id, now) if fresh else []
        if fresh and not active:
            for i in fresh:
                answers[i] = OverLimit(f"customer {external_id} has no active subscription", "no_subscription")
            return
        limits = self.limits(business, external_id, meter, active)
        if not fresh:
            return
        with self.usage.consuming(business, external_id, meter.id) as locked:
            running = {c: locked.measured(meter.rule, c.start, c.end) for c in _cycles(limits, active)}
            admitted: dict[str, tuple[int, dict[Cycle, tuple[Decimal, int]]]] = {}
            for i in fresh:
                quantity, event = requests[i]
                if event.event_id in admitted:
                    continue  # the same id twice: the later one answers as a resend
                checked = _answer(limits, active, running, quantity)
                if not checked.standing.allowed:
                    remaining = checked.standing.remaining
                    answers[i] = OverLimit(
                        f"meter {meter.id} allows {remaining} more, not {quantity}", checked.standing.reason
                    )
                    continue
                running = {c: (used + quantity, p) for c, (used, p) in running.items()}
                admitted[event.event_id] = (i, running)
            positions = locked.record([requests[i][1] for i, _ in admitted.values()], now) if admitted else {}
        for event_id, (i, after) in admitted.items():
            position = positions.get(event_id)
            if position is None:
                continue
            event = requests[i][1]
            recorded = RecordedEvent(
                event.event_id, external_id, event.event_name, event.timestamp or now, event.metadata, position
            )
            at = {c: (used, max(p, position)) for c, (used, p) in after.items()}
            answers[i] = Consumed(_answer(limits, active, at, Decimal(0)), recorded)

    def active(self, business: uuid.UUID, external_id: str, now: datetime) -> list[Active]:
        found = []
        for sid in self.usage.subscription_ids(business, external_id):
            subscription: Subscription = self.repository.get(sid)
            c = cycle_of(subscription, now)
            if c is None:
                continue
            segments = [s for s in subscription.segments(c) if s.start <= now] or subscription.segments(c)
            product_id = segments[-1].plan.product_id if segments else subscription.product_id
            found.append(Active(subscription, c, self.repository.get(product_id)))
        return found

    def limits(self, business: uuid.UUID, external_id: str, meter: Meter, active: list[Active]) -> list[Limit]:
        """The limits on the meter of each active subscription whose product prices it."""
        limits = []
        for a in active:
            price = a.product.usage_prices.get(str(meter.id))
            if price is None:
                continue
            pool = None
            if price.credit_entitlement_id is not None:
                terms = self.entitlements.terms_for(a.product)[price.credit_entitlement_id]
                wallet = self.entitlements.wallet_of(business, external_id, price.credit_entitlement_id)
                pool = Pool(terms, wallet.balance, wallet.overage)
            limits.append(Limit(a, price, pool))
        return limits

    def _feature_standing(
        self, business: uuid.UUID, external_id: str, feature: Feature, active: list[Active], quantity: Decimal
    ) -> Checked:
        granted = [(a, g) for a in active for g in a.product.features if g["feature_id"] == str(feature.id)]
        if not granted:
            return Checked(in_cycle(Standing(False, "feature_not_granted"), active[0].cycle), self.store.head())
        a, grant = granted[0]
        value = grant.get("value")
        if feature.type != "metered" or feature.meter_id is None:
            return Checked(in_cycle(OK, a.cycle), self.store.head(), value)
        meter = self._meter(business, feature.meter_id)
        used, position = self.usage.measured(business, external_id, meter.id, meter.rule, a.cycle.start, a.cycle.end)
        if value is None:
            return Checked(in_cycle(replace(OK, used=used), a.cycle), position, value)
        limit = against(used, quantity, Decimal(str(value)), "usage_limit")
        return Checked(in_cycle(limit, a.cycle), position, value)

    def _reached_at(self, a: Active, meter_id: str, kind: str) -> datetime | None:
        reached_id = limit_reached_id(a.subscription.id, a.cycle.start, meter_id, kind)
        if not self.store.existing_ids([reached_id]):
            return None  # the limit job has not recorded it yet
        reached: LimitReached = self.repository.get(reached_id)
        return reached.created_on

    def _unsubscribed(self, business: uuid.UUID, external_id: str) -> Checked:
        """A customer with a subscription exists: only one without is looked up (404 when unknown)."""
        self._customer(business, external_id)
        return Checked(Standing(False, "no_subscription"), self.store.head())

    def _customer(self, business: uuid.UUID, external_id: str) -> None:
        """Customers are never deleted: one seen stays known, and most consumes skip the lookup."""
        known = customer_id(business, external_id)
        if known not in self._customers:
            self.store.owned(business, Customer, "customer", known)
            if len(self._customers) > CACHE_SIZE:
                self._customers.clear()
            self._customers.add(known)

    def _meter(self, business: uuid.UUID, meter_id: str) -> Meter:
        """A meter's rule never changes (domain/meter.py): it is loaded once. Its name may: `meter_now` reads that."""
        try:
            found = uuid.UUID(meter_id)
        except ValueError:
            raise NotFound("meter", meter_id) from None
        meter = self._meters.get(found)
        if meter is None or meter.business_id != business:
            meter = self.store.owned(business, Meter, "meter", found)
            if len(self._meters) > CACHE_SIZE:
                self._meters.clear()
            self._meters[found] = meter
        return meter

    def meter_now(self, business: uuid.UUID, meter_id: str) -> Meter:
        return self.store.owned(business, Meter, "meter", self._meter(business, meter_id).id)

    def _stored_ids(self, business: uuid.UUID, event_ids: list[str]) -> set[str]:
        return set(self.usage.recorded(business, event_ids))

    def _resent(self, business: uuid.UUID, external_id: str, meter: Meter, event_id: str, now: datetime) -> Consumed:
        """The answer to an event id stored before: the event as first stored, and the check as it stands."""
        position, stored = self.usage.recorded(business, [event_id])[event_id]
        if stored.customer_id != external_id:
            raise Invalid(
                "the event id was stored for another customer",
                "invalid_event",
                [Fault("event.event_id", "was stored before for another customer")],
            )
        checked = self.check(business, external_id, str(meter.id), Decimal(1), now)
        first = RecordedEvent(
            stored.event_id, stored.customer_id, stored.event_name, stored.occurred_at, stored.metadata, position
        )
        return Consumed(checked, first)

    def _check_event(
        self, external_id: str, meter: Meter, quantity: Decimal, event: IncomingEvent, now: datetime
    ) -> None:
        faults = [Fault(f"event.{f.field}", f.reason) for f in batch_faults([event], now)]
        if event.customer_id != external_id:
            faults.append(Fault("event.customer_id", f"must be the customer consuming, {external_id}"))
        rule = meter.rule
        if not rule.counts(event.event_name, event.metadata):
            faults.append(Fault("event", f"is not counted by meter {meter.id} (event_name {rule.event_name})"))
        elif rule.value(event.metadata) != quantity:
            faults.append(Fault("quantity", f"must be what the event adds to the meter ({rule.value(event.metadata)})"))
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the consume; nothing was stored", "invalid_consume", faults)


def _check_quantity(quantity: Decimal) -> None:
    faults = bound_faults("quantity", quantity, positive=True)
    if faults:
        raise Invalid("quantity must be a positive number", "invalid_quantity", faults)


def _cycles(limits: list[Limit], active: list[Active]) -> list[Cycle]:
    return list(dict.fromkeys([lim.active.cycle for lim in limits] or [active[0].cycle]))


def _answer(
    limits: list[Limit], active: list[Active], measured: dict[Cycle, tuple[Decimal, int]], quantity: Decimal
) -> Checked:
    position = max(p for _, p in measured.values())
    standings = [s for lim in limits for _, s in lim.standings(measured[lim.active.cycle][0], quantity)]
    if standings:
        return Checked(tightest(standings), position)
    cycle = active[0].cycle
    return Checked(in_cycle(replace(OK, used=measured[cycle][0]), cycle), position)
