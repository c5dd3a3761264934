"""Alerts: the body that creates one, and what creating one answers."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from projections.webhooks.queries import AlertView

Id = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]


class AlertCreate(msgspec.Struct, forbid_unknown_fields=True):
    threshold: Decimal
    kind: Literal["usage", "spend", "credits"]
    customer_id: Id | None = None
    meter_id: Id | None = None


class AlertWritten(AlertView):
    position: int
