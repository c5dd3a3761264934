"""A webhook endpoint: where a business wants its facts sent, which of them, and the secret they are
signed with (Standard Webhooks). Deliveries are not part of it: they fall out of the log (docs/webhooks.md).
"""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import Aggregate, event

from domain.errors import Conflict, Fault, Invalid
from domain.ids import scoped_id
from domain.text import line_faults, text_fault
from domain.webhook_target import parse_target

# Dodo's names where Dodo has the fact, tally's own where it has none (docs/webhooks.md).
EVENT_TYPES = (
    "credit.added",
    "credit.deducted",
    "credit.expired",
    "credit.rolled_over",
    "credit.rollover_forfeited",
    "credit.overage_charged",
    "credit.overage_reset",
    "credit.manual_adjustment",
    "credit.balance_low",
    "subscription.active",
    "subscription.renewed",
    "subscription.cancelled",
    "subscription.plan_changed",
    "subscription.updated",
    "invoice.issued",
    "invoice.paid",
    "invoice.voided",
    "invoice.uncollectible",
    "meter.backfill_completed",
    "alert.triggered",
    "wallet.top_up_requested",
    "usage.limit_reached",
    "credit.balance_exhausted",
)
MAX_DESCRIPTION_LENGTH = 1000
MAX_ENTRIES = 50
MAX_RATE_LIMIT = 100_000
# Headers a receiver relies on for the signature or that HTTP itself owns: an endpoint may not set them.
RESERVED_HEADERS = frozenset(
    {
        "webhook-id",
        "webhook-timestamp",
        "webhook-signature",
        "content-type",
        "content-length",
        "host",
        "transfer-encoding",
        "connection",
    }
)
FIELDS = ("url", "description", "disabled", "filter_types", "headers", "metadata", "rate_limit")


def url_faults(url: object) -> list[Fault]:
    try:
        parse_target(url)
    except ValueError as refused:
        return [Fault("url", str(refused))]
    return []


def _map_faults(name: str, value: object, reserved: frozenset[str] = frozenset()) -> list[Fault]:
    if value is None:
        return []
    if not isinstance(value, dict) or len(value) > MAX_ENTRIES:
        return [Fault(name, f"must be an object of at most {MAX_ENTRIES} string values")]
    faults = []
    for key, text in value.items():
        if not isinstance(key, str) or not isinstance(text, str) or not 1 <= len(key) <= 255 or len(text) > 1000:
            faults.append(Fault(f"{name}.{key}", "must be a key of 1 to 255 characters with a text value"))
        elif key.lower() in reserved:
            faults.append(Fault(f"{name}.{key}", "is set by tally and cannot be overridden"))
        else:
            faults += line_faults({f"{name}.{key}": key}) + line_faults({f"{name}.{key}": text})
    return faults


def endpoint_faults(fields: dict[str, Any]) -> list[Fault]:
    """Faults of the fields given (a create gives all, an update only the changed ones)."""
    faults: list[Fault] = []
    if "url" in fields:
        faults += url_faults(fields["url"])
    description = fields.get("description")
    if description is not None:
        if not isinstance(description, str) or len(description) > MAX_DESCRIPTION_LENGTH:
            faults.append(Fault("description", f"must be text of at most {MAX_DESCRIPTION_LENGTH} characters"))
        else:
            faults += text_fault("description", description, prose=True)
    types = fields.get("filter_types")
    if types is not None:
        if not isinstance(types, list):
            faults.append(Fault("filter_types", "must be a list of event types"))
        else:
            faults += [
                Fault(f"filter_types[{i}]", f"unknown event type; one of {', '.join(EVENT_TYPES)}")
                for i, t in enumerate(types)
                if t not in EVENT_TYPES
            ]
    faults += _map_faults("headers", fields.get("headers"), RESERVED_HEADERS)
    faults += _map_faults("metadata", fields.get("metadata"))
    rate = fields.get("rate_limit")
    if rate is not None and (not isinstance(rate, int) or isinstance(rate, bool) or not 1 <= rate <= MAX_RATE_LIMIT):
        faults.append(Fault("rate_limit", f"must be a whole number from 1 to {MAX_RATE_LIMIT}"))
    return faults


def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields with the URL in its canonical form (domain/webhook_target.py), the one form stored."""
    faults = endpoint_faults(fields)
    if faults:
        raise Invalid(f"{len(faults)} fault(s) in the webhook endpoint", "invalid_webhook", faults)
    return {**fields, "url": parse_target(fields["url"]).url} if "url" in fields else fields


class WebhookEndpoint(Aggregate):
    class Created(Aggregate.Created):
        business_id: uuid.UUID
        url: str
        description: str
        disabled: bool
        filter_types: list[str]
        headers: dict[str, str]
        metadata: dict[str, str]
        rate_limit: int | None
        secret: str
        idempotency_key: str | None

    class Updated(Aggregate.Event):
        changes: dict[str, Any]

    class Deleted(Aggregate.Event):
        pass

    class TestRequested(Aggregate.Event):
        """Someone asked for a `webhook.test` delivery to this endpoint alone (the dashboard's button)."""

    @staticmethod
    def create_id(business_id: uuid.UUID, idempotency_key: str | None = None, **_: object) -> uuid.UUID:
        """With an idempotency key the id derives from it, so the store refuses a second endpoint for it."""
        return scoped_id(business_id, "webhook", idempotency_key) if idempotency_key else uuid.uuid4()

    @classmethod
    def register(cls, business_id: uuid.UUID, fields: dict[str, Any], secret: str) -> WebhookEndpoint:
        """`secret` is drawn by the caller: the domain reads no randomness."""
        fields = _checked(fields)
        key = fields.get("idempotency_key")
        if key is not None:
            faults = line_faults({"idempotency_key": key})
            if faults or not isinstance(key, str) or not 1 <= len(key) <= 255:
                raise Invalid(
                    "the idempotency key must be one line of 1 to 255 characters",
                    "invalid_webhook",
                    faults or [Fault("idempotency_key", "must be 1 to 255 characters")],
                )
        return cls(
            business_id=business_id,
            url=fields["url"],
            description=fields.get("description") or "",
            disabled=bool(fields.get("disabled")),
            filter_types=list(fields.get("filter_types") or []),
            headers=dict(fields.get("headers") or {}),
            metadata=dict(fields.get("metadata") or {}),
            rate_limit=fields.get("rate_limit"),
            secret=secret,
            idempotency_key=key,
        )

    @event(Created)
    def __init__(
        self,
        business_id: uuid.UUID,
        url: str,
        description: str,
        disabled: bool,
        filter_types: list[str],
        headers: dict[str, str],
        metadata: dict[str, str],
        rate_limit: int | None,
        secret: str,
        idempotency_key: str | None,
    ) -> None:
        self.business_id = business_id
        self.url = url
        self.description = description
        self.disabled = disabled
        self.filter_types = filter_types
        self.headers = headers
        self.metadata = metadata
        self.rate_limit = rate_limit
        self.secret = secret
        self.idempotency_key = idempotency_key
        self.deleted = False

    def update(self, fields: dict[str, Any]) -> None:
        """Records only what changes; None leaves a field as it is (as in Dodo's PATCH)."""
        given = _checked({k: v for k, v in fields.items() if k in FIELDS and v is not None})
        changes = {k: v for k, v in given.items() if getattr(self, k) != v}
        if changes:
            self._updated(changes=changes)

    def delete(self) -> None:
        if not self.deleted:
            self._deleted()

    def request_test(self) -> None:
        """A disabled endpoint gets no deliveries, a test one neither: say so rather than queue nothing."""
        if self.disabled:
            raise Conflict("the endpoint is disabled: enable it to send it a test event", "webhook_disabled")
        self._test_requested()

    @event(Updated)
    def _updated(self, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            setattr(self, name, value)

    @event(Deleted)
    def _deleted(self) -> None:
        self.deleted = True

    @event(TestRequested)
    def _test_requested(self) -> None:
        pass
