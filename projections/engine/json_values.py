"""Event values as jsonb: decimals travel as strings so they stay exact (the domain's `from_terms` reads them
back)."""

from __future__ import annotations

from typing import Any

import msgspec

_encoder = msgspec.json.Encoder(decimal_format="string")


def to_json(value: Any) -> str:
    return _encoder.encode(value).decode()
