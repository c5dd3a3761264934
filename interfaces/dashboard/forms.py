"""Reading what a person typed into a form or a filter bar."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any, TypeVar

import msgspec

from domain.errors import Fault, Invalid, TallyError
from domain.time_range import check_times
from interfaces.http.plain_decimals import check_decimals

T = TypeVar("T")
WHOLE_FIELDS = ("group_prices", "tiers")


def parse_time(value: str | None, field: str) -> datetime | None:
    """An <input type="datetime-local"> value (no zone, read as UTC) or an RFC 3339 time; blank is None."""
    if not value or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Invalid(
            f"{field} is not a date and time: {value!r}",
            "invalid_time",
            [Fault(field, "must be a date and time such as 2026-01-31T14:00")],
        ) from None
    parsed = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed
    check_times(**{field: parsed})
    return parsed.astimezone(UTC)


def blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value else None


def struct_from(form: dict[str, Any], cls: type[T]) -> T:
    """The API's own request struct from a form, so a page rejects exactly what the API rejects, in its words."""
    given = {k: v for k, v in form.items() if v not in ("", None)}
    check_decimals(cls, given)
    try:
        return msgspec.convert(given, cls, strict=False)
    except msgspec.ValidationError as exc:
        message = str(exc)
        field = re.sub(r"\[\d+\]", "", message.rpartition("$.")[2].rstrip("`")) if "$." in message else "body"
        raise Invalid(message, "invalid_request", [Fault(field, message)]) from None


class Problems(list[str]):
    """What the API would answer, as lines above a form (its summary, then each field's reason), and each reason
    by field (`fields`) for the template to show beside the field (_field_error.html)."""

    def __init__(self, exc: TallyError) -> None:
        super().__init__([exc.detail, *(f"{f.field}: {f.reason}" for f in exc.errors)])
        self.fields = field_errors(exc)


def problems(exc: TallyError) -> Problems:
    return Problems(exc)


def field_errors(exc: TallyError) -> dict[str, str]:
    """Each fault's reason by the form field it belongs to: the last part of its path (`usage_prices.unit_price`
    is the form's `unit_price`), except within a part a form shows as one (a tier's `up_to` is the tier rows',
    `tiers`; anything in per-value prices is `group_prices`); a template shows it beside the field."""
    found: dict[str, str] = {}
    for f in exc.errors:
        parts = re.sub(r"\[\d+\]", "", f.field).split(".")
        name = next((whole for whole in WHOLE_FIELDS if whole in parts), parts[-1])
        found[name] = f"{found[name]}; {f.reason}" if name in found else f.reason
    return found


def with_checkboxes(form: dict[str, Any], *names: str) -> dict[str, Any]:
    """The form with each named checkbox as a bool: a browser sends a ticked box's value and leaves an unticked
    one out, where the API's body says true or false."""
    return {**form, **{n: bool(str(form.get(n) or "").strip()) for n in names}}
