"""How values look on a page: UTC times, decimal strings as written, JSON metadata."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from litestar.plugins.jinja import JinjaTemplateEngine


def utc(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if value else ""


def local_input(value: datetime | None) -> str:
    """The value of an <input type="datetime-local">, which has no zone: UTC."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M") if value else ""


def as_json(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, default=lambda v: str(v) if isinstance(v, Decimal) else v)


def install(engine: JinjaTemplateEngine) -> None:
    engine.engine.filters.update({"utc": utc, "local_input": local_input, "as_json": as_json})
