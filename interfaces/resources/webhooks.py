"""Webhook endpoints (Dodo's `webhooks` resource): the bodies of their commands, and what they answer (Dodo's
shapes, with the log position as tally's extra field)."""

from __future__ import annotations

from typing import Annotated

import msgspec

from projections.webhooks.queries import WebhookView

Url = Annotated[str, msgspec.Meta(min_length=1, max_length=2048)]
Text = Annotated[str, msgspec.Meta(max_length=1000)]


class WebhookCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Dodo's WebhookCreateParams; the domain checks each field (domain/webhook_endpoint.py)."""

    url: Url
    description: Text | None = None
    disabled: bool | None = None
    filter_types: list[str] | None = None
    headers: dict[str, str] | None = None
    metadata: dict[str, str] | None = None
    rate_limit: int | None = None
    idempotency_key: Text | None = None


class WebhookUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Dodo's WebhookUpdateParams: a field left out (or null) stays as it is."""

    url: Url | None = None
    description: Text | None = None
    disabled: bool | None = None
    filter_types: list[str] | None = None
    metadata: dict[str, str] | None = None
    rate_limit: int | None = None


class HeadersUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Dodo's HeaderUpdateParams."""

    headers: dict[str, str]


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
