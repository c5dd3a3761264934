"""Products: the list with a create form, each product's usage prices with a form to set one."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.migrations import Migration
from application.tally import Tally
from domain.errors import Conflict, Invalid, NotFound
from interfaces.dashboard.forms import problems, struct_from
from interfaces.dashboard.pages.customers import subscribe_from
from interfaces.dashboard.price_form import price_body, price_form
from interfaces.resources.catalog.price_versions import (
    MigrationIn,
    migration_answer,
    product_subscriptions,
    versions_of,
)
from interfaces.resources.catalog.prices import UsagePriceIn, usage_price
from interfaces.resources.catalog.products import (
    AttachmentTerms,
    ProductCreate,
    ThresholdsSet,
    create_product,
    product_of,
    products_of,
)
from interfaces.resources.freshness import Fresh
from interfaces.resources.paging import PageNumber
from interfaces.resources.usage import usage_of
from projections.reads.queries import Queries

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
ALL = 1000
PAGE_SIZE = 50
SUBSCRIBERS_SHOWN = 20


def _list(
    queries: Queries,
    business: uuid.UUID,
    form: dict[str, Any],
    errors: list[str],
    status_code: int = 200,
    page_number: int = 0,
) -> Template:
    page = products_of(queries, business, page_number, PAGE_SIZE)
    return Template(
        "products.html",
        status_code=status_code,
        context={
            "page": page,
            "products": page.items,
            "form": form,
            "errors": errors,
            "query": {},
            "meters": queries.meters(business, page_size=ALL).items,
            "entitlements": queries.entitlements.entitlements(business, False, 0, ALL).items,
        },
    )


@get("/products", sync_to_thread=True)
def products_page(queries: Queries, business: uuid.UUID, fresh: Fresh, page_number: PageNumber = 0) -> Template:
    """Products newest first, and the create-product form."""
    return _list(
        queries,
        business,
        {"currency": "USD", "billing_interval": "month", "interval_count": "1", **price_form(None)},
        [],
        page_number=page_number,
    )


def product_body(form: dict[str, Any]) -> dict[str, Any]:
    """`POST /products`'s body from the create form: a first usage price when a meter is chosen, a credit
    entitlement granted each cycle, a usage threshold and a minimum when given."""
    body = {k: form.get(k) for k in ("name", "currency", "price", "billing_interval", "interval_count")}
    body["minimum_amount"] = form.get("minimum_amount")
    if str(form.get("meter_id") or "").strip():
        body["usage_prices"] = [{"meter_id": form["meter_id"], **price_body(form)}]
    if str(form.get("grant_entitlement_id") or "").strip():
        body["credit_entitlements"] = [
            {"credit_entitlement_id": form["grant_entitlement_id"], "credits_amount": form.get("credits_amount")}
        ]
    if str(form.get("threshold_amount") or "").strip():
        body["usage_thresholds"] = [{"amount": form["threshold_amount"], "recurring": bool(form.get("recurring"))}]
    return body


@post("/products", sync_to_thread=True, status_code=303)
def add_product(tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Creates a product with the API's rules, with its first usage price (more are set on its page)."""
    try:
        done = create_product(tally, business, struct_from(product_body(data), ProductCreate))
    except (Invalid, NotFound) as exc:
        return _list(queries, business, data, problems(exc), 422)
    return Redirect(f"/dashboard/products/{done.id}?min_position={done.position}", status_code=303)


def _page(
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    product_id: uuid.UUID,
    form: dict[str, Any],
    errors: list[str],
    status_code: int = 200,
) -> Template:
    meters = queries.meters(business, page_size=ALL).items
    customers = queries.subscribers(business, product_id, SUBSCRIBERS_SHOWN)
    upcoming = {c: usage_of(tally, business, c) for c in customers}
    product = product_of(tally, business, product_id)
    entitlements = {
        a.credit_entitlement_id: queries.entitlements.entitlement(business, uuid.UUID(a.credit_entitlement_id))
        for a in product.credit_entitlements
    }
    return Template(
        "product.html",
        status_code=status_code,
        context={
            "product": product,
            "entitlements": {e: view for e, view in entitlements.items() if view is not None},
            "all_entitlements": queries.entitlements.entitlements(business, False, 0, ALL).items,
            "meters": meters,
            "upcoming": upcoming,
            "meter_names": {str(m.id): m.name for m in meters},
            "form": form,
            "errors": errors,
            "versions": versions_of(tally.catalogue.get_product(business, product_id)),
        },
    )


@get("/products/{product_id:uuid}", sync_to_thread=True)
def product_page(product_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, fresh: Fresh) -> Template:
    """The product's prices and the form to set or change a meter's price (filled with the first price)."""
    product = product_of(tally, business, product_id)
    form = price_form(product.usage_prices[0] if product.usage_prices else None)
    return _page(tally, queries, business, product_id, form, [])


@post("/products/{product_id:uuid}/usage-prices", sync_to_thread=True, status_code=303)
def set_usage_price(
    product_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    """Sets or changes a meter's price: open cycles are re-rated at once, or (apply to new subscriptions) a new
    price version starts."""
    try:
        priced = usage_price(str(data.get("meter_id", "")), struct_from(price_body(data), UsagePriceIn))
        at = datetime.now(UTC) if data.get("apply_to") == "new_subscriptions" else None
        position = tally.catalogue.set_usage_price(business, product_id, priced, at).position
    except (Invalid, NotFound) as exc:
        return _page(tally, queries, business, product_id, data, problems(exc), status_code=422)
    return Redirect(f"/dashboard/products/{product_id}?min_position={position}", status_code=303)


@post("/products/{product_id:uuid}/usage-thresholds", sync_to_thread=True, status_code=303)
def set_thresholds(
    product_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    """Replaces the product's usage thresholds, as `PUT /products/{id}/usage-thresholds` does: amounts separated
    by commas or spaces, the last recurring when the box is ticked (at most one may); none ends them."""
    amounts = str(data.get("amounts") or "").replace(",", " ").split()
    recurs = bool(data.get("recurring"))
    last = len(amounts) - 1
    body = {"usage_thresholds": [{"amount": a, "recurring": recurs and i == last} for i, a in enumerate(amounts)]}
    try:
        thresholds = struct_from(body, ThresholdsSet).usage_thresholds
        done = tally.catalogue.set_usage_thresholds(business, product_id, [t.threshold() for t in thresholds])
    except Invalid as exc:
        return _page(tally, queries, business, product_id, data, problems(exc), status_code=422)
    return Redirect(f"/dashboard/products/{product_id}?min_position={done.position}", status_code=303)


@post("/products/{product_id:uuid}/credit-entitlements", sync_to_thread=True, status_code=303)
def attach_entitlement(
    product_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    """Grants a credit entitlement each cycle from the next one on, as `PUT /products/{id}/credit-entitlements/
    {entitlement_id}` does (a second time changes the amount)."""
    try:
        terms = struct_from({"credits_amount": data.get("credits_amount")}, AttachmentTerms)
        attachment = terms.attachment(str(data.get("credit_entitlement_id") or ""))
        done = tally.catalogue.attach_entitlement(business, product_id, attachment)
    except (Invalid, NotFound) as exc:
        return _page(tally, queries, business, product_id, data, problems(exc), status_code=422)
    return Redirect(f"/dashboard/products/{product_id}?min_position={done.position}", status_code=303)


@post("/products/{product_id:uuid}/subscriptions", sync_to_thread=True, status_code=303)
def subscribe_customer(
    product_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form
) -> Template | Redirect:
    """Subscribes a customer to this product, from now or from a start in the past."""
    try:
        position = subscribe_from(tally, business, {**data, "product_id": str(product_id)})
    except (Invalid, Conflict, NotFound) as exc:
        return _page(tally, queries, business, product_id, {}, [exc.detail], status_code=422)
    return Redirect(f"/dashboard/products/{product_id}?min_position={position}", status_code=303)


@get("/products/{product_id:uuid}/archive", sync_to_thread=True)
def confirm_archive(product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Template:
    """Asks before archiving."""
    product = product_of(tally, business, product_id)
    return Template(
        "confirm.html",
        context={
            "title": f"Archive {product.name}",
            "button": "Archive the product",
            "question": "An archived product takes no new subscriptions and no price changes; subscriptions already "
            "running keep being billed at its prices. It cannot be unarchived.",
            "facts": [
                (
                    "Price",
                    f"{product.currency} {product.price} every {product.interval_count} {product.billing_interval}",
                ),
                ("Usage prices", str(len(product.usage_prices))),
            ],
            "action": f"/dashboard/products/{product_id}/archive",
            "back": f"/dashboard/products/{product_id}",
        },
    )


@post("/products/{product_id:uuid}/archive", sync_to_thread=True, status_code=303)
def archive(product_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Redirect:
    """Archives the product, as `POST /products/{id}/archive` does."""
    position = tally.catalogue.archive_product(business, product_id).position
    return Redirect(f"/dashboard/products/{product_id}?min_position={position}&notice=archived", status_code=303)


def _migration(
    tally: Tally, queries: Queries, business: uuid.UUID, product_id: uuid.UUID, data: dict[str, Any], dry_run: bool
) -> Migration:
    body = struct_from({**data, "dry_run": dry_run}, MigrationIn)
    ids = product_subscriptions(queries, business, product_id)
    return tally.migrations.migrate(
        business, product_id, body.from_version, body.to_version, ids, dry_run, body.cycles, chosen=False
    )


@get("/products/{product_id:uuid}/migrations", sync_to_thread=True)
def migration_preview(
    product_id: uuid.UUID,
    tally: Tally,
    queries: Queries,
    business: uuid.UUID,
    fresh: Fresh,
    from_version: int,
    to_version: int,
    cycles: int = 1,
) -> Template:
    """What each subscriber on `from_version` paid over its last closed cycles and would have paid on
    `to_version` (a dry run: nothing changes), with the button that migrates them from their next cycle."""
    form = {"from_version": from_version, "to_version": to_version, "cycles": cycles}
    preview = migration_answer(_migration(tally, queries, business, product_id, form, dry_run=True))
    product = product_of(tally, business, product_id)
    return Template("migration.html", context={"product": product, "migration": preview, "form": form})


@post("/products/{product_id:uuid}/migrations", sync_to_thread=True, status_code=303)
def migrate(product_id: uuid.UUID, tally: Tally, queries: Queries, business: uuid.UUID, data: Form) -> Redirect:
    """Migrates the subscribers previewed, as `POST /products/{id}/migrations` does."""
    done = _migration(tally, queries, business, product_id, data, dry_run=False)
    return Redirect(
        f"/dashboard/products/{product_id}?min_position={done.position or 0}&notice=migrated", status_code=303
    )


HANDLERS = [
    products_page,
    add_product,
    product_page,
    set_usage_price,
    set_thresholds,
    attach_entitlement,
    subscribe_customer,
    confirm_archive,
    archive,
    migration_preview,
    migrate,
]
