"""Discounts: the list with a create form (the API's rules: docs/discounts.md), and a delete that asks first."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import get, post
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Conflict, Invalid
from interfaces.dashboard.forms import struct_from
from interfaces.dashboard.pages.customers import Form
from interfaces.resources.catalog.discounts import DiscountCreate, discount_answer
from interfaces.resources.freshness import Fresh

SHOWN = 200


def _list(
    tally: Tally, business: uuid.UUID, form: dict[str, Any], errors: list[str], status_code: int = 200
) -> Template:
    discounts = [discount_answer(d) for d in tally.discounts.listed(business, 0, SHOWN)]
    return Template(
        "discounts.html",
        status_code=status_code,
        context={"discounts": discounts, "form": form, "errors": errors},
    )


@get("/discounts", sync_to_thread=True)
def discounts_page(tally: Tally, business: uuid.UUID, fresh: Fresh) -> Template:
    """Discount codes newest first, with how often each was redeemed, and the create form."""
    return _list(tally, business, {"type": "percentage"}, [])


@post("/discounts", sync_to_thread=True, status_code=303)
def add_discount(tally: Tally, business: uuid.UUID, data: Form) -> Template | Redirect:
    """Creates a percentage code as `POST /discounts` does."""
    form = {k: v for k, v in data.items() if k != "restricted_to"}
    try:
        done = tally.discounts.create(business, struct_from({**form, "type": "percentage"}, DiscountCreate).terms())
    except (Invalid, Conflict) as exc:
        return _list(tally, business, data, [exc.detail, *(f"{f.field}: {f.reason}" for f in exc.errors)], 422)
    return Redirect(f"/dashboard/discounts?min_position={done.position}", status_code=303)


@get("/discounts/{discount_id:uuid}/delete", sync_to_thread=True)
def confirm_delete(discount_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Template:
    """Asks before deleting."""
    d = discount_answer(tally.discounts.get(business, discount_id))
    return Template(
        "confirm.html",
        context={
            "title": f"Delete {d.code}",
            "button": "Delete the discount",
            "question": "The code can no longer be redeemed. Subscriptions that redeemed it keep their discount.",
            "facts": [("Code", d.code), ("Used", str(d.times_used))],
            "action": f"/dashboard/discounts/{discount_id}/delete",
            "back": "/dashboard/discounts",
        },
    )


@post("/discounts/{discount_id:uuid}/delete", sync_to_thread=True, status_code=303)
def delete_discount(discount_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> Redirect:
    position = tally.discounts.delete(business, discount_id).position
    return Redirect(f"/dashboard/discounts?min_position={position}", status_code=303)


HANDLERS = [discounts_page, add_discount, confirm_delete, delete_discount]
