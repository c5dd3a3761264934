"""Event values as jsonb and back: decimals travel as strings so they stay exact."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import msgspec

_encoder = msgspec.json.Encoder(decimal_format="string")

PRICE_DECIMALS = ("unit_price", "free_threshold")
CREDIT_DECIMALS = ("per_cycle", "per_unit")


def to_json(value: Any) -> str:
    return _encoder.encode(value).decode()


def price_terms(stored: dict[str, Any]) -> dict[str, Any]:
    """A usage price read back from jsonb, decimals restored."""
    terms = {**stored, **{k: Decimal(stored[k]) for k in PRICE_DECIMALS}}
    credits = stored.get("credits")
    if credits:
        terms["credits"] = {**credits, **{k: Decimal(credits[k]) for k in CREDIT_DECIMALS}}
    return terms
