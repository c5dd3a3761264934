"""A product: what a subscription costs each cycle (a fixed price, at least its `minimum_amount` when it has
one) and per unit of each meter it prices. A price change applies from the open cycle on; a change for new
subscriptions only starts a new price version, which subscriptions started from then on keep
(docs/price-versions.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.credit_rules import Attachment
from domain.cycles import INTERVALS, Interval
from domain.errors import Conflict, Fault, Invalid, NotFound
from domain.feature import MAX_FEATURES
from domain.metadata import MAX_VALUE_LENGTH, metadata_faults
from domain.meter_filter import MAX_KEY_LENGTH
from domain.money import MINOR_UNITS, is_currency
from domain.pricing_models import amount_faults
from domain.rating import LIMIT_BEHAVIORS, UsagePrice
from domain.text import line_faults, printable, text_fault
from domain.usage_threshold import UsageThreshold, threshold_faults

MAX_USAGE_PRICES = 50
MAX_INTERVAL_COUNT = 1000
MAX_GROUP_PRICES = 100
ROLLOVERS = ("none", "all")


def prices_of(usage_prices: dict[str, UsagePrice]) -> list[UsagePrice]:
    """In a fixed order (by meter id), so credits are always spent in the same order."""
    return [usage_prices[m] for m in sorted(usage_prices)]


def price_faults(price: UsagePrice, prefix: str = "") -> list[Fault]:
    faults = price.pricing.faults(prefix)
    faults += amount_faults(f"{prefix}free_threshold", price.free_threshold)
    faults += group_faults(price, prefix)
    credits = price.credits
    if credits:
        faults += amount_faults(f"{prefix}credits.per_cycle", credits.per_cycle)
        faults += amount_faults(f"{prefix}credits.per_unit", credits.per_unit, positive=True)
        if credits.rollover not in ROLLOVERS:
            faults.append(Fault(f"{prefix}credits.rollover", "must be none or all"))
        days = credits.expires_after_days
        if days is not None and not 1 <= days <= 36600:
            faults.append(Fault(f"{prefix}credits.expires_after_days", "must be 1 to 36600"))
    if price.credit_entitlement_id is not None:
        if credits:
            faults.append(Fault(f"{prefix}credits", "a price takes credits or credit_entitlement_id, not both"))
        if price.meter_units_per_credit is None:
            faults.append(Fault(f"{prefix}meter_units_per_credit", "is required with credit_entitlement_id"))
        else:
            faults += amount_faults(f"{prefix}meter_units_per_credit", price.meter_units_per_credit, positive=True)
        if price.group_by is not None:
            # An entitlement's credits are spent per meter: per-value lines of one are not rated yet.
            faults.append(
                Fault(f"{prefix}group_by", "a price linked to a credit entitlement cannot be priced per value")
            )
    elif price.meter_units_per_credit is not None:
        faults.append(Fault(f"{prefix}credit_entitlement_id", "is required with meter_units_per_credit"))
    return faults + limit_faults(price, prefix)


def limit_faults(price: UsagePrice, prefix: str) -> list[Fault]:
    if price.usage_limit is None:
        if price.limit_behavior is not None:
            return [Fault(f"{prefix}usage_limit", "is required with limit_behavior")]
        return []
    faults = amount_faults(f"{prefix}usage_limit", price.usage_limit, positive=True)
    if price.limit_behavior not in LIMIT_BEHAVIORS:
        faults.append(Fault(f"{prefix}limit_behavior", f"must be one of {', '.join(LIMIT_BEHAVIORS)}"))
    return faults


def feature_grant_faults(features: list[dict[str, Any]]) -> list[Fault]:
    faults, seen = [], set()
    if len(features) > MAX_FEATURES:
        faults.append(Fault("features", f"at most {MAX_FEATURES}"))
    for index, grant in enumerate(features):
        if grant["feature_id"] in seen:
            faults.append(Fault("features.feature_id", "grants one feature twice", index))
        seen.add(grant["feature_id"])
    return faults


def attachment_faults(attachments: list[Attachment]) -> list[Fault]:
    faults, seen = [], set()
    for index, a in enumerate(attachments):
        faults += [
            Fault(f.field, f.reason, index)
            for f in amount_faults("credit_entitlements.credits_amount", a.credits_amount, positive=True)
        ]
        if a.credit_entitlement_id in seen:
            faults.append(Fault("credit_entitlements.credit_entitlement_id", "attaches one entitlement twice", index))
        seen.add(a.credit_entitlement_id)
    return faults


def group_faults(price: UsagePrice, prefix: str) -> list[Fault]:
    if price.group_by is None:
        return (
            [Fault(f"{prefix}group_prices", "needs group_by: the metadata key whose values they price")]
            if price.group_prices
            else []
        )
    if not 1 <= len(price.group_by) <= MAX_KEY_LENGTH:
        return [Fault(f"{prefix}group_by", f"must be a metadata key of 1 to {MAX_KEY_LENGTH} characters")]
    faults = text_fault(f"{prefix}group_by", price.group_by)
    if len(price.group_prices) > MAX_GROUP_PRICES:
        faults.append(Fault(f"{prefix}group_prices", f"at most {MAX_GROUP_PRICES} values"))
    for value, pricing in price.group_prices.items():
        if not 1 <= len(value) <= MAX_VALUE_LENGTH:
            faults.append(Fault(f"{prefix}group_prices", f"a value must be 1 to {MAX_VALUE_LENGTH} characters"))
            continue
        faults += text_fault(f"{prefix}group_prices", value, prose=True) or pricing.faults(
            f"{prefix}group_prices.{printable(value)}."
        )
    return faults


TAX_CATEGORIES = ("digital_products", "saas", "e_book", "edtech", "live_tutoring")  # Dodo's TaxCategory
EMPTY_DETAILS: dict[str, Any] = {"description": None, "tax_category": None, "metadata": {}, "trial_period_days": 0}
MAX_DESCRIPTION = 5000


def detail_faults(details: dict[str, Any]) -> list[Fault]:
    faults = []
    unknown = set(details) - set(EMPTY_DETAILS)
    faults += [Fault(k, "is not a product detail") for k in sorted(unknown)]
    description = details.get("description")
    if description is not None:
        faults += text_fault("description", description, prose=True)
        if len(description) > MAX_DESCRIPTION:
            faults.append(Fault("description", f"must be at most {MAX_DESCRIPTION} characters"))
    if details.get("tax_category") not in (None, *TAX_CATEGORIES):
        faults.append(Fault("tax_category", f"must be one of {', '.join(TAX_CATEGORIES)}"))
    faults += metadata_faults(details.get("metadata") or {})
    if not 0 <= int(details.get("trial_period_days") or 0) <= 10_000:
        faults.append(Fault("trial_period_days", "must be 0 to 10000"))
    return faults


def product_faults(
    name: str,
    currency: str,
    price: Decimal,
    billing_interval: Interval,
    interval_count: int,
    usage_prices: list[UsagePrice],
    attachments: list[Attachment],
    minimum_amount: Decimal | None = None,
) -> list[Fault]:
    faults = line_faults({"name": name})
    if not is_currency(currency):
        faults.append(Fault("currency", f"must be one of {', '.join(sorted(MINOR_UNITS))}"))
    else:
        faults += amount_faults("price", price, max_places=MINOR_UNITS[currency])
        if minimum_amount is not None:
            faults += amount_faults("minimum_amount", minimum_amount, max_places=MINOR_UNITS[currency])
    if billing_interval not in INTERVALS:
        faults.append(Fault("billing_interval", f"must be one of {', '.join(INTERVALS)}"))
    if not 1 <= interval_count <= MAX_INTERVAL_COUNT:
        faults.append(Fault("interval_count", f"must be 1 to {MAX_INTERVAL_COUNT}"))
    faults += attachment_faults(attachments)
    if len(usage_prices) > MAX_USAGE_PRICES:
        faults.append(Fault("usage_prices", f"at most {MAX_USAGE_PRICES}"))
    seen: set[str] = set()
    for index, usage_price in enumerate(usage_prices):
        faults += [Fault(f.field, f.reason, index) for f in price_faults(usage_price, "usage_prices.")]
        if usage_price.meter_id in seen:
            faults.append(Fault("usage_prices.meter_id", "prices one meter twice", index))
        seen.add(usage_price.meter_id)
    return faults


class Product(Aggregate):
    """Its events store each usage price as `UsagePrice.terms()`, a plain dict, so stored products load
    whatever the typed form becomes; the aggregate holds `UsagePrice` values."""

    class Created(Aggregate.Created):
        business_id: uuid.UUID
        name: str
        currency: str
        price: Decimal
        billing_interval: Interval
        interval_count: int
        usage_prices: dict[str, dict[str, Any]]
        # Attached credit entitlements as `Attachment.terms()`; absent from products stored before them.
        credit_entitlements: list[dict[str, Any]] | None = None
        # Dodo's descriptive fields and the trial new subscriptions get; absent from products stored before them.
        details: dict[str, Any] | None = None
        # UsageThreshold.terms() of each; absent from products stored before threshold invoices.
        usage_thresholds: list[dict[str, Any]] | None = None
        # The least an invoice of a cycle costs (docs/discounts.md); absent from products stored before it.
        minimum_amount: Decimal | None = None
        # The features it grants its subscribers, [{feature_id, value}] (domain/feature.py); absent before them.
        features: list[dict[str, Any]] | None = None

    class UsageThresholdsSet(Aggregate.Event):
        """The thresholds from now on: the open cycles' next threshold invoices follow them."""

        thresholds: list[dict[str, Any]]

    class PriceVersionAdded(Aggregate.Event):
        """A price change for new subscriptions only: the next version is the latest with this price set."""

        terms: dict[str, Any]
        at: datetime

    class DetailsUpdated(Aggregate.Event):
        """The descriptive fields a change set, by name (DETAILS); the others kept their value."""

        changes: dict[str, Any]

    class UsagePriceSet(Aggregate.Event):
        terms: dict[str, Any]

    class UsagePriceRemoved(Aggregate.Event):
        meter_id: str

    class CreditEntitlementAttached(Aggregate.Event):
        terms: dict[str, Any]  # Attachment.terms()

    class CreditEntitlementDetached(Aggregate.Event):
        credit_entitlement_id: str

    class Archived(Aggregate.Event):
        pass

    @event(Created)
    def __init__(
        self,
        business_id: uuid.UUID,
        name: str,
        currency: str,
        price: Decimal,
        billing_interval: Interval,
        interval_count: int,
        usage_prices: dict[str, dict[str, Any]],
        credit_entitlements: list[dict[str, Any]] | None = None,
        details: dict[str, Any] | None = None,
        usage_thresholds: list[dict[str, Any]] | None = None,
        minimum_amount: Decimal | None = None,
        features: list[dict[str, Any]] | None = None,
    ) -> None:
        self.business_id = business_id
        self.usage_thresholds = [UsageThreshold.from_terms(t) for t in usage_thresholds or []]
        self.minimum_amount = minimum_amount
        self.features: list[dict[str, Any]] = features or []
        self.details: dict[str, Any] = {**EMPTY_DETAILS, **(details or {})}
        self.name = name
        self.currency = currency
        self.price = price
        self.billing_interval = billing_interval
        self.interval_count = interval_count
        # Price versions, the first one first; `usage_prices` is the latest, which open_cycles changes edit.
        self.usage_prices = {meter: UsagePrice.from_terms(terms) for meter, terms in usage_prices.items()}
        self.versions: list[dict[str, UsagePrice]] = [self.usage_prices]
        self.versions_at: list[datetime] = [self.created_on]
        self.attachments = [Attachment.from_terms(a) for a in credit_entitlements or []]
        self.archived = False

    @classmethod
    def create(
        cls,
        business_id: uuid.UUID,
        name: str,
        currency: str,
        price: Decimal,
        billing_interval: Interval,
        interval_count: int,
        usage_prices: list[UsagePrice],
        attachments: list[Attachment] | None = None,
        details: dict[str, Any] | None = None,
        thresholds: list[UsageThreshold] | None = None,
        minimum_amount: Decimal | None = None,
        features: list[dict[str, Any]] | None = None,
    ) -> Product:
        attachments = attachments or []
        faults = product_faults(
            name, currency, price, billing_interval, interval_count, usage_prices, attachments, minimum_amount
        )
        faults += detail_faults(details or {}) + feature_grant_faults(features or [])
        faults += threshold_faults(thresholds or [], currency)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the product", "invalid_product", faults)
        return cls(
            business_id=business_id,
            name=name,
            currency=currency,
            price=price,
            billing_interval=billing_interval,
            interval_count=interval_count,
            usage_prices={p.meter_id: p.terms() for p in usage_prices},
            credit_entitlements=[a.terms() for a in attachments] if attachments else None,
            details=details or None,
            usage_thresholds=[t.terms() for t in thresholds] if thresholds else None,
            minimum_amount=minimum_amount,
            features=features or None,
        )

    def update_details(self, changes: dict[str, Any]) -> None:
        """Name, description, tax category, metadata, trial days: how the product shows, never what it costs."""
        faults = detail_faults({k: v for k, v in changes.items() if k != "name"})
        faults += line_faults({"name": changes["name"]}) if "name" in changes else []
        if "name" in changes and not changes["name"]:
            faults.append(Fault("name", "must not be empty"))
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the product", "invalid_product", faults)
        changed = {k: v for k, v in changes.items() if (self.name if k == "name" else self.details.get(k)) != v}
        if changed:
            self._details_updated(changes=changed)

    def set_usage_thresholds(self, thresholds: list[UsageThreshold]) -> None:
        self._check_open()
        faults = threshold_faults(thresholds, self.currency)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the usage thresholds", "invalid_product", faults)
        if thresholds != self.usage_thresholds:
            self._thresholds_set(thresholds=[t.terms() for t in thresholds])

    def prices(self) -> list[UsagePrice]:
        return prices_of(self.usage_prices)

    def entitlement_ids(self) -> list[str]:
        """Every entitlement the product grants or its prices spend, in a fixed order."""
        return sorted(
            {a.credit_entitlement_id for a in self.attachments}
            | {p.credit_entitlement_id for p in self.usage_prices.values() if p.credit_entitlement_id}
        )

    @property
    def price_version(self) -> int:
        """The latest price version: the one new subscriptions start on."""
        return len(self.versions)

    def prices_at(self, version: int | None) -> dict[str, UsagePrice]:
        """The usage prices of a version (None, or one the product does not have: the latest)."""
        if version is None or not 1 <= version <= len(self.versions):
            return self.usage_prices
        return self.versions[version - 1]

    def set_usage_price(self, price: UsagePrice, new_version_at: datetime | None = None) -> None:
        """Sets the price in the latest version (its open cycles re-rated), or, `new_version`, in a new version
        that only subscriptions started from then on are on (`new_version_at`, the change's time)."""
        self._check_open()
        faults = price_faults(price)
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the usage price", "invalid_usage_price", faults)
        if len(self.usage_prices) >= MAX_USAGE_PRICES and price.meter_id not in self.usage_prices:
            raise Invalid(f"a product has at most {MAX_USAGE_PRICES} usage prices", "too_many_usage_prices")
        if self.usage_prices.get(price.meter_id) == price:
            return  # the latest version prices it so already: neither a change nor a new version
        if new_version_at is not None:
            self._version_added(terms=price.terms(), at=new_version_at)
        else:
            self._price_set(terms=price.terms())

    def remove_usage_price(self, meter_id: str) -> None:
        self._check_open()
        if meter_id not in self.usage_prices:
            raise NotFound("usage_price", meter_id)
        self._price_removed(meter_id=meter_id)

    def attach(self, attachment: Attachment) -> None:
        """Attaches a credit entitlement, or changes its attachment: from the next cycle's grant on."""
        self._check_open()
        faults = attachment_faults([attachment])
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the attachment", "invalid_product", faults)
        others = [a for a in self.attachments if a.credit_entitlement_id != attachment.credit_entitlement_id]
        if len(others) >= MAX_USAGE_PRICES:
            raise Invalid(f"a product attaches at most {MAX_USAGE_PRICES} credit entitlements", "invalid_product")
        if attachment not in self.attachments:
            self._attached(terms=attachment.terms())

    def detach(self, entitlement_id: str) -> None:
        """No more grants from the next cycle on; what was granted stays until it ends."""
        self._check_open()
        if all(a.credit_entitlement_id != entitlement_id for a in self.attachments):
            raise NotFound("credit_entitlement_attachment", entitlement_id)
        self._detached(credit_entitlement_id=entitlement_id)

    def archive(self) -> None:
        if not self.archived:
            self._archived()

    def _check_open(self) -> None:
        if self.archived:
            raise Conflict(f"product {self.id} is archived", "product_archived")

    @event(UsagePriceSet)
    def _price_set(self, terms: dict[str, Any]) -> None:
        self.usage_prices[terms["meter_id"]] = UsagePrice.from_terms(terms)

    @event(PriceVersionAdded)
    def _version_added(self, terms: dict[str, Any], at: datetime) -> None:
        self.usage_prices = {**self.usage_prices, terms["meter_id"]: UsagePrice.from_terms(terms)}
        self.versions.append(self.usage_prices)
        self.versions_at.append(at)

    @event(UsagePriceRemoved)
    def _price_removed(self, meter_id: str) -> None:
        del self.usage_prices[meter_id]

    @event(CreditEntitlementAttached)
    def _attached(self, terms: dict[str, Any]) -> None:
        attachment = Attachment.from_terms(terms)
        self.attachments = [a for a in self.attachments if a.credit_entitlement_id != attachment.credit_entitlement_id]
        self.attachments.append(attachment)

    @event(CreditEntitlementDetached)
    def _detached(self, credit_entitlement_id: str) -> None:
        self.attachments = [a for a in self.attachments if a.credit_entitlement_id != credit_entitlement_id]

    @event(UsageThresholdsSet)
    def _thresholds_set(self, thresholds: list[dict[str, Any]]) -> None:
        self.usage_thresholds = [UsageThreshold.from_terms(t) for t in thresholds]

    @event(DetailsUpdated)
    def _details_updated(self, changes: dict[str, Any]) -> None:
        if "name" in changes:
            self.name = changes["name"]
        self.details = {**self.details, **{k: v for k, v in changes.items() if k != "name"}}

    @event(Archived)
    def _archived(self) -> None:
        self.archived = True
