"""A subscription's own pricing: the discount it redeemed (or a code to redeem now) and its own usage prices in
place of its product's (docs/discounts.md, docs/price-versions.md). Each form goes through the API's own body
and command, so the page refuses what the API refuses."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from litestar import get, post
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Conflict, Fault, Invalid, NotFound
from interfaces.dashboard.forms import struct_from
from interfaces.dashboard.pages.customers import Form
from interfaces.resources.catalog.discounts import discount_answer
from interfaces.resources.catalog.prices import UsagePriceIn, usage_price
from interfaces.resources.catalog.products import product_of
from interfaces.resources.freshness import Fresh
from interfaces.resources.subscriptions import subscription_view


def _page(
    tally: Tally, business: uuid.UUID, subscription_id: uuid.UUID, form: dict[str, Any], errors: list[str]
) -> Template:
    subscription = tally.subscriptions.get_subscription(business, subscription_id)
    view = subscription_view(subscription)
    product = product_of(tally, business, subscription.product_id)
    discount = None
    if subscription.discount is not None:
        try:
            discount = discount_answer(tally.discounts.get(business, uuid.UUID(subscription.discount["discount_id"])))
        except NotFound:
            discount = None  # deleted since: the subscription keeps what it redeemed
    return Template(
        "subscription_pricing.html",
        status_code=422 if errors else 200,
        context={
            "view": view,
            "product": product,
            "redeemed": subscription.discount,
            "discount": discount,
            "form": form,
            "errors": errors,
            "back": f"/dashboard/customers/{quote(view.customer_id, safe='')}",
        },
    )


@get("/subscriptions/{subscription_id:uuid}/pricing", sync_to_thread=True)
def pricing_page(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID, fresh: Fresh) -> Template:
    """The subscription's discount and own prices, with the forms that change them."""
    return _page(tally, business, subscription_id, {}, [])


def _done(tally: Tally, business: uuid.UUID, subscription_id: uuid.UUID, position: int, notice: str) -> Redirect:
    customer = tally.subscriptions.get_subscription(business, subscription_id).customer_id
    return Redirect(
        f"/dashboard/customers/{quote(customer, safe='')}?min_position={position}&notice={notice}", status_code=303
    )


@post("/subscriptions/{subscription_id:uuid}/discount", sync_to_thread=True, status_code=303)
def redeem(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Redeems a code from the open cycle on, as `PATCH /subscriptions/{id} {discount_code}` does."""
    try:
        code = str(data.get("discount_code") or "").strip()
        if not code:
            raise Invalid("a discount code is required", "invalid_request", [Fault("discount_code", "is required")])
        done = tally.subscriptions.apply_discount(business, subscription_id, code, datetime.now(UTC))
    except (Invalid, NotFound, Conflict) as exc:
        return _page(tally, business, subscription_id, data, [exc.detail])
    return _done(tally, business, subscription_id, done.position, "discounted")


@post("/subscriptions/{subscription_id:uuid}/usage-prices", sync_to_thread=True, status_code=303)
def override(subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Sets its own price of a meter, as `PUT /subscriptions/{id}/usage-prices/{meter_id}` does."""
    try:
        body = struct_from({k: data.get(k) for k in ("unit_price", "free_threshold")}, UsagePriceIn)
        price = usage_price(str(data.get("meter_id", "")), body)
        done = tally.subscriptions.override_usage_price(business, subscription_id, price)
    except (Invalid, NotFound) as exc:
        return _page(
            tally, business, subscription_id, data, [exc.detail, *(f"{f.field}: {f.reason}" for f in exc.errors)]
        )
    return _done(tally, business, subscription_id, done.position, "overridden")


HANDLERS = [pricing_page, redeem, override]
