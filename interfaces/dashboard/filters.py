"""How values look on a page: UTC times, decimal strings as written, JSON metadata."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from litestar.plugins.jinja import JinjaTemplateEngine


def utc(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if value else ""


def local_input(value: datetime | None) -> str:
    """The value of an <input type="datetime-local">, which has no zone: UTC."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M") if value else ""


def as_json(value: Any) -> str:
    """Decimals, ids and times as the strings the API writes."""
    return json.dumps(value, indent=2, sort_keys=True, default=lambda v: v.isoformat() if isinstance(v, datetime)
                      else str(v))


def segment(value: str) -> str:
    """A value as one URL path segment: external ids may hold slashes."""
    return quote(value, safe="")


def install(engine: JinjaTemplateEngine) -> None:
    engine.engine.filters.update({"utc": utc, "local_input": local_input, "as_json": as_json, "segment": segment})
