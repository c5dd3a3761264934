"""What webhook and alert commands answer: Dodo's shapes, with the log position as tally's extra field."""

from __future__ import annotations

import msgspec

from projections.webhooks.queries import AlertView, WebhookView


class WebhookWritten(WebhookView):
    position: int


class WebhookSecret(msgspec.Struct):
    secret: str


class WebhookHeaders(msgspec.Struct):
    headers: dict[str, str]
    sensitive: list[str]


class RetryQueued(msgspec.Struct):
    id: str
    status: str


class AlertWritten(AlertView):
    position: int
