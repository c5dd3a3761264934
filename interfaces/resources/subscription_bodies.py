"""The bodies subscription commands read: tally's own and Dodo's (its SDK's subscription_create_params,
subscription_update_params, subscription_change_plan_params). A field tally does not implement is refused with
422, never accepted and ignored (docs/subscriptions.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from domain.billing_details import Address
from domain.errors import Fault, Invalid, Malformed
from domain.proration import AddonItem, Mode
from interfaces.resources.customers import ExternalId

Quantity = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
DiscountCode = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class AddonIn(msgspec.Struct, forbid_unknown_fields=True):
    """Dodo's AttachAddonParam: an add-on (`POST /addons`) and how many of it."""

    addon_id: str
    quantity: Quantity


def addon_items(addons: list[AddonIn] | None) -> tuple[AddonItem, ...]:
    """The add-ons a body names (an id that is no add-on's is a 422 naming it; the rest is the domain's)."""
    items, faults = [], []
    for index, a in enumerate(addons or []):
        try:
            items.append(AddonItem(uuid.UUID(a.addon_id), a.quantity))
        except ValueError:
            faults.append(Fault("addons.addon_id", f"unknown add-on {a.addon_id}", index))
    if faults:
        raise Invalid("unknown add-ons", "unknown_addon", faults)
    return tuple(items)


class SubscriptionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """tally's own shape. `start` may be in the past; `quantity` (seats) multiplies the fixed price; a trial of
    `trial_period_days` is free."""

    customer_id: ExternalId
    product_id: uuid.UUID
    start: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    quantity: Quantity = 1
    trial_period_days: Quantity | None = None  # None: the product's
    metadata: dict[str, Any] | None = None
    addons: list[AddonIn] | None = None
    discount_code: DiscountCode | None = None


class ExistingCustomer(msgspec.Struct, forbid_unknown_fields=True):
    customer_id: ExternalId


class BillingIn(msgspec.Struct, forbid_unknown_fields=True):
    country: str
    city: str | None = None
    state: str | None = None
    street: str | None = None
    zipcode: str | None = None

    def address(self) -> Address:
        return Address(self.country, self.street, self.city, self.state, self.zipcode)


class DodoSubscriptionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Dodo's shape: an existing customer (tally creates customers with `POST /customers`), the billing address,
    the product and quantity; `start` is tally's extension. No payment is taken: `payment_link: true` is
    refused."""

    billing: BillingIn
    customer: ExistingCustomer
    product_id: uuid.UUID
    quantity: Quantity
    trial_period_days: Quantity | None = None
    metadata: dict[str, Any] | None = None
    start: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    addons: list[AddonIn] | None = None
    discount_code: DiscountCode | None = None
    payment_link: bool | None = None
    short_link: bool | None = None
    redirect_immediately: bool = False
    show_saved_payment_methods: bool = False
    require_phone_number: bool = False

    def refusals(self) -> list[Fault]:
        faults = []
        if self.payment_link or self.short_link:
            faults.append(Fault("payment_link", "tally takes no payment: there is no payment link"))
        return faults


class ChangePlan(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Dodo's change-plan body. `effective_at`: `immediately` (default), `next_billing_date`, or (tally's
    extension) an RFC 3339 instant inside the open cycle and not in the future, truncated to the minute.
    `addons` replaces the plan's add-ons (`[]` removes them); left out, the current ones stay."""

    product_id: uuid.UUID
    proration_billing_mode: Mode
    quantity: Quantity
    effective_at: str = "immediately"
    cancel_scheduled_change_plan: bool = False
    addons: list[AddonIn] | None = None

    def mode(self) -> Mode:
        return self.proration_billing_mode

    def when(self) -> datetime | Literal["next_billing_date"] | None:
        faults = []
        when: datetime | Literal["next_billing_date"] | None = None
        if self.effective_at == "next_billing_date":
            when = "next_billing_date"
        elif self.effective_at != "immediately":
            try:
                when = datetime.fromisoformat(self.effective_at)
            except ValueError:
                when = None
            if when is None or when.utcoffset() is None:
                faults.append(Fault("effective_at", "must be immediately, next_billing_date or an RFC 3339 time"))
        if faults:
            raise Invalid("cannot change the plan", "invalid_plan_change", faults)
        return when


class SubscriptionUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Dodo's update body, the fields tally implements: cancel at the next billing date (or undo it before
    then), replace the metadata, cancel now (`status: cancelled`), move the next billing date (the end of the
    open cycle), redeem a `discount_code` from the open cycle on."""

    cancel_at_next_billing_date: bool | None = None
    metadata: dict[str, Any] | None = None
    status: Literal["cancelled"] | None = None
    next_billing_date: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    discount_code: DiscountCode | None = None


_own = msgspec.json.Decoder(SubscriptionCreate)
_dodo = msgspec.json.Decoder(DodoSubscriptionCreate)


def decode_create(body: bytes) -> SubscriptionCreate | DodoSubscriptionCreate:
    """Dodo's shape when the body names a `customer` object, tally's own otherwise."""
    try:
        shape = msgspec.json.decode(body)
    except msgspec.DecodeError as exc:
        raise Malformed(f"the body is not valid JSON: {exc}") from None
    decoder: msgspec.json.Decoder[Any] = _dodo if isinstance(shape, dict) and "customer" in shape else _own
    try:
        decoded: SubscriptionCreate | DodoSubscriptionCreate = decoder.decode(body)
    except msgspec.ValidationError as exc:
        where = str(exc).rsplit("at `$.", 1)[-1].rstrip("`") if "at `$." in str(exc) else "body"
        raise Invalid(str(exc), "invalid_request", [Fault(where, str(exc))]) from None
    return decoded
