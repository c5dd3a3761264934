"""A usage price as a form holds it (flat fields, tiers as numbered rows) turned into the body the API takes, so
the product and price forms are checked by the API's own struct (interfaces/resources/prices.py)."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from domain.errors import Fault, Invalid

TIER_ROWS = 4
"""Tier rows a form shows; more tiers are set through the API (at most MAX_TIERS)."""

_PRICING = ("unit_price", "package_size", "package_price")
_OPTIONAL = ("free_threshold", "credit_entitlement_id", "meter_units_per_credit", "group_by")


def _given(form: dict[str, Any], key: str) -> str:
    return str(form.get(key) or "").strip()


def tiers_of(form: dict[str, Any]) -> list[dict[str, str | None]]:
    """Rows `tiers.N.up_to` / `tiers.N.unit_price` / `tiers.N.flat_price` in N's order; blank rows are skipped and a
    blank `up_to` is the open last tier."""
    rows: dict[int, dict[str, str]] = {}
    for name, value in form.items():
        parts = name.split(".")
        if len(parts) == 3 and parts[0] == "tiers" and parts[1].isdigit():
            rows.setdefault(int(parts[1]), {})[parts[2]] = str(value or "").strip()
    tiers: list[dict[str, str | None]] = []
    for _, row in sorted(rows.items()):
        if not any(row.values()):
            continue
        tier: dict[str, str | None] = {"up_to": row.get("up_to") or None, "unit_price": row.get("unit_price", "")}
        if row.get("flat_price"):
            tier["flat_price"] = row["flat_price"]
        tiers.append(tier)
    return tiers


def price_body(form: dict[str, Any]) -> dict[str, Any]:
    """The `UsagePriceIn` fields a price form gives: only those of its model, so a value left in a hidden field of
    another model is not refused."""
    model = _given(form, "model") or "per_unit"
    body: dict[str, Any] = {"model": model}
    if model == "per_unit":
        body["unit_price"] = _given(form, "unit_price")
    elif model in ("graduated", "volume"):
        body["tiers"] = tiers_of(form)
    elif model == "package":
        body.update({k: _given(form, k) for k in ("package_size", "package_price")})
    body.update({k: _given(form, k) for k in _OPTIONAL})
    per_cycle = _given(form, "per_cycle")
    if per_cycle:
        body["credits"] = {
            k: _given(form, k) for k in ("per_cycle", "per_unit", "rollover", "expires_after_days") if _given(form, k)
        }
    group_prices = _given(form, "group_prices")
    if group_prices:
        try:
            body["group_prices"] = json.loads(group_prices)
        except ValueError:
            reason = 'must be JSON such as {"eu": {"model": "per_unit", "unit_price": "0.03"}}'
            raise Invalid("group_prices is not JSON", "invalid_usage_price", [Fault("group_prices", reason)]) from None
    return {k: v for k, v in body.items() if v not in ("", None, [])}


def price_form(price: Any | None) -> dict[str, Any]:
    """The form's fields filled from a price as the API shows it (UsagePriceView), or the defaults for a new one."""
    if price is None:
        return {"model": "per_unit", "free_threshold": "0", "per_unit": "1"}
    form: dict[str, Any] = {
        "meter_id": price.meter_id,
        "model": price.model,
        "free_threshold": price.free_threshold,
        "group_by": price.group_by or "",
        "credit_entitlement_id": price.credit_entitlement_id or "",
        "meter_units_per_credit": price.meter_units_per_credit or "",
        **{k: getattr(price, k) or "" for k in _PRICING},
    }
    for i, tier in enumerate(price.tiers or []):
        form.update({f"tiers.{i}.up_to": tier.up_to or "", f"tiers.{i}.unit_price": tier.unit_price})
        form[f"tiers.{i}.flat_price"] = "" if tier.flat_price == "0" else tier.flat_price
    if price.credits:
        form.update({k: v for k, v in msgspec.to_builtins(price.credits).items() if v is not None})
    else:
        form["per_unit"] = "1"
    if price.group_prices:
        form["group_prices"] = json.dumps(
            {
                v: {k: x for k, x in msgspec.to_builtins(p).items() if x is not None}
                for v, p in price.group_prices.items()
            }
        )
    return form
