"""Every event class an aggregate can emit, found in the code, and one valid instance of each.

The classes come from walking domain/ for Aggregate subclasses and their nested event classes, never from
a list kept by hand. Instances are built from EXAMPLES (a value per field name) and CASES (a value per
event class and field, where one name means different things in different events). A field with neither
has no example: `missing` names it, and the suite fails until it has one (tests/projections/
test_every_event.py).

The instances form one small world of one business: every aggregate once, its first event in an order
where what an event refers to exists already, then every later event, the aggregates that others refer to
last (an endpoint is deleted after the facts it was there to receive)."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import typing
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any

from eventsourcing.domain import Aggregate, CanInitAggregate
from eventsourcing.utils import get_topic

import domain
from domain.addon import Addon
from domain.adjustments import Applied
from domain.alert import Alert
from domain.billing_details import Address, BillingDetails
from domain.business import Business
from domain.credit_entitlement import CreditEntitlement
from domain.credit_rules import Attachment, EntitlementTerms
from domain.credit_wallet import CreditWallet
from domain.customer import Customer
from domain.discount import Discount
from domain.feature import Feature
from domain.invoice import Invoice
from domain.limit_reached import LimitReached
from domain.meter import Meter
from domain.product import Product
from domain.proration import Plan, Segment
from domain.rating import Line, UsagePrice
from domain.simulation import Simulation
from domain.simulation_terms import Scenario
from domain.subscription import Subscription
from domain.webhook_endpoint import WebhookEndpoint

NOW = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
CYCLE_START = datetime(2026, 11, 1, tzinfo=timezone.utc)
CYCLE_END = datetime(2026, 12, 1, tzinfo=timezone.utc)
# Set by eventsourcing when an event is made, not by the aggregate's code.
ENVELOPE = frozenset({"originator_id", "originator_version", "timestamp", "originator_topic"})


def aggregates() -> list[type[Aggregate]]:
    """Every Aggregate subclass defined in a module of domain/."""
    found = []
    for module_info in pkgutil.iter_modules(domain.__path__):
        module = importlib.import_module(f"{domain.__name__}.{module_info.name}")
        found += [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, Aggregate) and cls.__module__ == module.__name__
        ]
    return found


def emitted(aggregate: type[Aggregate]) -> list[type[Any]]:
    """The aggregate's event classes in the order its code defines them. eventsourcing gives every aggregate
    an `Event` base and, beside a created event of its own (`Opened`, `Issued`, ...), a default `Created`
    that nothing triggers: those two are left out."""
    nested = [v for v in vars(aggregate).values() if inspect.isclass(v) and issubclass(v, aggregate.Event)]
    created = [cls for cls in nested if issubclass(cls, CanInitAggregate)]
    return [
        cls for cls in nested if cls is not aggregate.Event and not (cls.__name__ == "Created" and len(created) > 1)
    ]


def every_event_class() -> list[type[Any]]:
    return [cls for aggregate in aggregates() for cls in emitted(aggregate)]


def first_event(aggregate: type[Aggregate]) -> type[Any]:
    [created] = [cls for cls in emitted(aggregate) if issubclass(cls, CanInitAggregate)]
    return created


def fields_of(cls: type[Any]) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name not in ENVELOPE]


@dataclass
class World:
    """One id per aggregate (by class), the business being the Business's."""

    ids: dict[type[Any], uuid.UUID] = field(default_factory=dict)

    def id(self, aggregate: type[Any]) -> uuid.UUID:
        return self.ids.setdefault(aggregate, uuid.uuid4())


# A field that names another aggregate, by field name.
REFERENCES: dict[str, type[Any]] = {
    "business_id": Business,
    "customer": Customer,
    "product_id": Product,
    "meter_id": Meter,
    "subscription_id": Subscription,
    "alert_id": Alert,
    "invoice_id": Invoice,
    "entitlement_id": CreditEntitlement,
    "credit_entitlement_id": CreditEntitlement,
    "discount_id": Discount,
}

Example = Callable[[World], Any]


def _usage_price(w: World) -> UsagePrice:
    return UsagePrice(str(w.id(Meter)), Decimal("0.02"), Decimal(100))


def _line(w: World) -> dict[str, Any]:
    d = Decimal
    return Line(str(w.id(Meter)), "Calls", d(150), d(100), d(0), d(0), d(50), d("0.02"), d(1), False).terms()


def _segment(w: World) -> dict[str, Any]:
    segment = Segment(CYCLE_START, CYCLE_END, Plan(w.id(Product), 2), Fraction(1), "whole")
    return {**segment.terms(), "price": Decimal("10.00"), "amount": Decimal("20.00")}


GRANT = "grant-1"

# By field name: what the field holds in every event that has it.
EXAMPLES: dict[str, Example] = {
    "name": lambda w: "Every event",
    "external_id": lambda w: "cus_every",
    "customer_id": lambda w: "cus_every",
    "customer_ids": lambda w: ["cus_every"],
    "email": lambda w: "every@example.com",
    "phone_number": lambda w: "+4930123456",
    "metadata": lambda w: {"plan": "pro"},
    "changes": lambda w: {"name": "Renamed"},
    "details": lambda w: BillingDetails("Every GmbH", "billing@example.com", "DE123", Address("DE")).terms(),
    "key_hash": lambda w: "0" * 64,
    "event_id": lambda w: "evt-every",
    "event_name": lambda w: "api.call",
    "occurred_at": lambda w: NOW - timedelta(hours=1),
    "aggregation": lambda w: {"type": "sum", "key": "tokens"},
    "filter": lambda w: None,
    "measurement_unit": lambda w: "tokens",
    "description": lambda w: "described",
    "currency": lambda w: "USD",
    "price": lambda w: Decimal("10.00"),
    "billing_interval": lambda w: "month",
    "interval_count": lambda w: 1,
    "usage_prices": lambda w: {str(w.id(Meter)): _usage_price(w).terms()},
    "credit_entitlements": lambda w: [Attachment(str(w.id(CreditEntitlement)), Decimal(100), {}).terms()],
    "terms": lambda w: EntitlementTerms("Credits", "credits", 2, overage_enabled=True).terms(),
    "anchor": lambda w: CYCLE_START,
    "index": lambda w: 0,
    "cycle_start": lambda w: CYCLE_START,
    "cycle_end": lambda w: CYCLE_END,
    "usage_position": lambda w: 1,
    "ends_at": lambda w: CYCLE_END,
    "lines": lambda w: [_line(w)],
    "total": lambda w: Decimal("11.00"),
    "issued_at": lambda w: CYCLE_END,
    "number": lambda w: "INV-000001",
    "bill_to": lambda w: None,
    "paid_at": lambda w: NOW,
    "voided_at": lambda w: NOW,
    "marked_at": lambda w: NOW,
    "reason": lambda w: "goodwill",
    "prefix": lambda w: "INV",
    "first": lambda w: 1,
    "invoice_ids": lambda w: [w.id(Invoice)],
    "grant_id": lambda w: GRANT,
    "parent_grant_id": lambda w: GRANT,
    "amount": lambda w: Decimal(1),
    "source": lambda w: "manual",
    "expires_at": lambda w: NOW + timedelta(days=30),
    "reference": lambda w: "request:every",
    "cycle": lambda w: f"subscription:{w.id(Subscription)}:cycle:{CYCLE_START.isoformat()}",
    "settles": lambda w: f"subscription:{w.id(Subscription)}:cycle:{CYCLE_END.isoformat()}",
    "allocations": lambda w: [{"grant_id": GRANT, "amount": Decimal(1)}],
    "overage": lambda w: Decimal(0),
    "rollover_count": lambda w: 1,
    "price_per_unit": lambda w: Decimal("0.05"),
    "charge": lambda w: Decimal("0.05"),
    "entry_id": lambda w: "api:every",
    "idempotency_key": lambda w: "every",
    "entry_type": lambda w: "credit",
    "key": lambda w: "request:every",
    "entitlement_name": lambda w: "API credits",
    "balance": lambda w: Decimal(19),
    "granted": lambda w: Decimal(100),
    "below": lambda w: Decimal(5),
    "percent": lambda w: 20,
    "event_type": lambda w: "merchant_adjustment",
    "threshold": lambda w: Decimal(10),
    "value": lambda w: Decimal(12),
    "kind": lambda w: "usage",
    "period": lambda w: CYCLE_START.isoformat(),
    "url": lambda w: "https://hooks.example.com/every",
    "disabled": lambda w: False,
    "filter_types": lambda w: [],
    "headers": lambda w: {"x-shop": "every"},
    "rate_limit": lambda w: None,
    "secret": lambda w: "whsec_" + "0" * 32,
    "scenarios": lambda w: [Scenario("cheaper", {str(w.id(Meter)): _usage_price(w)}).terms()],
    "cycles": lambda w: 1,
    "start": lambda w: None,
    "end": lambda w: None,
    "requested_at": lambda w: NOW,
    "done": lambda w: 1,
    "after": lambda w: str(w.id(Subscription)),
    "rows": lambda w: [
        {
            "scenario": "cheaper",
            "subscription_id": str(w.id(Subscription)),
            "customer_id": "cus_every",
            "cycle_start": CYCLE_START.isoformat(),
            "cycle_end": CYCLE_END.isoformat(),
            "currency": "USD",
            "issued": "11.00",
            "simulated": "10.50",
            "difference": "-0.50",
            "lines": [],
        }
    ],
    "at": lambda w: NOW,
    "segments": lambda w: [_segment(w)],
    "quantity": lambda w: 2,
    "trial_period_days": lambda w: 0,
    "effective_at": lambda w: NOW.replace(hour=0),
    "proration_billing_mode": lambda w: "prorated_immediately",
    "cycles_from": lambda w: None,
    "cycles_anchor": lambda w: None,
    "scheduled_at": lambda w: NOW,
    "previous": lambda w: CYCLE_END,
    "tax_category": lambda w: "saas",
    "addons": lambda w: [{"addon_id": str(w.id(Addon)), "quantity": 2}],
    "next_billing_date": lambda w: CYCLE_END + timedelta(days=3),
    "billing": lambda w: {"country": "DE", "street": None, "city": "Berlin", "state": None, "zipcode": None},
    "usage_thresholds": lambda w: [{"amount": Decimal("50.00"), "recurring": False}],
    "thresholds": lambda w: [{"amount": Decimal("20.00"), "recurring": True}],
    "billing_reason": lambda w: "cycle",
    "sequence": lambda w: None,
    "settings": lambda w: {"display_name": "Every portal", "accent_color": "#112233", "allow_cancel": True},
    "revoked_at": lambda w: NOW,
    "code": lambda w: "SAVE20",
    "discount": lambda w: Applied(str(w.id(Discount)), "SAVE20", 2000, 2, 0, str(w.id(Product))).terms(),
    "version": lambda w: 2,
    "from_cycle": lambda w: 1,
    "migration_id": lambda w: uuid.uuid5(w.id(Product), "migration"),
    "minimum_amount": lambda w: Decimal("50.00"),
    "price_version": lambda w: 1,
}

# By event class and field, where the field's name alone does not say what it holds there.
CASES: dict[tuple[type[Any], str], Example] = {
    (CreditWallet.CreditsGranted, "amount"): lambda w: Decimal(10),
    (CreditWallet.CreditsRolledOver, "grant_id"): lambda w: f"rollover:{GRANT}",
    (CreditWallet.ManuallyAdjusted, "allocations"): lambda w: [],
    (Product.UsagePriceSet, "terms"): lambda w: _usage_price(w).terms(),
    (Product.CreditEntitlementAttached, "terms"): lambda w: Attachment(
        str(w.id(CreditEntitlement)), Decimal(100), {}
    ).terms(),
    (Simulation.Progressed, "total"): lambda w: 1,
    (WebhookEndpoint.Updated, "changes"): lambda w: {"description": "renamed"},
    (Meter.Updated, "changes"): lambda w: {"name": "Renamed meter"},
    (Product.Created, "details"): lambda w: {"description": "Pro", "tax_category": "saas", "metadata": {}},
    (Product.DetailsUpdated, "changes"): lambda w: {"description": "Pro plan"},
    (Subscription.ThresholdInvoiced, "start"): lambda w: CYCLE_START,
    (Product.PriceVersionAdded, "terms"): lambda w: _usage_price(w).terms(),
    (Subscription.UsagePriceOverridden, "terms"): lambda w: _usage_price(w).terms(),
    (Discount.Created, "terms"): lambda w: {
        "code": "SAVE20",
        "type": "percentage",
        "amount": 2000,
        "name": None,
        "subscription_cycles": 2,
        "usage_limit": 1,
        "per_customer_usage_limit": None,
        "restricted_to": [],
        "starts_at": None,
        "expires_at": None,
        "preserve_on_plan_change": False,
        "metadata": {},
        "currency_options": [
            {"currency": "USD", "is_default": True, "minimum_subtotal": 0, "max_amount_possible": 500}
        ],
    },
    (Discount.Updated, "changes"): lambda w: {"amount": 2500},
    (Product.Created, "features"): lambda w: [
        {"feature_id": str(w.id(Feature)), "value": None, "key": "sso", "name": "SSO", "type": "boolean"}
    ],
    (Feature.Created, "type"): lambda w: "metered",
    (Feature.Created, "config"): lambda w: {"unit": "calls"},
    (LimitReached.Reached, "kind"): lambda w: "usage_limit",
    (LimitReached.Reached, "behavior"): lambda w: "block",
    (LimitReached.Reached, "limit"): lambda w: Decimal(1500),
    (LimitReached.Reached, "used"): lambda w: Decimal(1500),
}


def _reference(world: World, name: str, hint: Any) -> Any:
    """The referred aggregate's id, as the field holds it (a UUID or its text)."""
    ref = world.id(REFERENCES[name])
    return ref if uuid.UUID in (hint, *typing.get_args(hint)) else str(ref)


def missing(cls: type[Any]) -> list[str]:
    """The fields of `cls` with no example."""
    return [
        name for name in fields_of(cls) if (cls, name) not in CASES and name not in EXAMPLES and name not in REFERENCES
    ]


def values(cls: type[Any], world: World) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    found = {}
    for name in fields_of(cls):
        if (cls, name) in CASES:
            found[name] = CASES[(cls, name)](world)
        elif name in REFERENCES:
            found[name] = _reference(world, name, hints[name])
        else:
            found[name] = EXAMPLES[name](world)
    return found


def instance(cls: type[Any], aggregate: type[Aggregate], version: int, world: World) -> Any:
    envelope: dict[str, Any] = {"originator_id": world.id(aggregate), "originator_version": version, "timestamp": NOW}
    if issubclass(cls, CanInitAggregate):
        envelope["originator_topic"] = get_topic(aggregate)
    return cls(**envelope, **values(cls, world))


def _in_order(found: list[type[Aggregate]]) -> list[type[Aggregate]]:
    """Aggregates after every aggregate their first event refers to."""
    ordered: list[type[Aggregate]] = []
    pending = sorted(found, key=lambda a: a.__name__)
    while pending:
        ready = [
            a
            for a in pending
            if all(
                REFERENCES[name] in ordered or REFERENCES[name] is a
                for name in fields_of(first_event(a))
                if name in REFERENCES
            )
        ]
        assert ready, f"aggregates refer to each other in a circle: {[a.__name__ for a in pending]}"
        ordered += ready
        pending = [a for a in pending if a not in ready]
    return ordered


def world_events(world: World) -> Iterator[Any]:
    """Every emitted event class once: first events in reference order, then later events, the aggregates
    others refer to last."""
    ordered = _in_order(aggregates())
    for aggregate in ordered:
        yield instance(first_event(aggregate), aggregate, 1, world)
    for aggregate in reversed(ordered):
        later = [cls for cls in emitted(aggregate) if cls is not first_event(aggregate)]
        for version, cls in enumerate(later, start=2):
            yield instance(cls, aggregate, version, world)
