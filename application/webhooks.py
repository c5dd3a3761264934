"""Webhook endpoint commands. An endpoint belongs to one business: another business's id is not found.

Targets are http(s) URLs in their canonical form (domain/webhook_target.py). Unless the operator allows
private targets (TALLY_WEBHOOK_ALLOW_PRIVATE), a host that is a non-global address or a `localhost` name
is refused here: otherwise any API key could make tally probe the network it runs in. A name is not
resolved here (what it resolves to now says nothing about later): the sender resolves it at each send,
checks every address and connects to the one it checked (docs/webhooks.md)."""

from __future__ import annotations

import base64
import secrets
import uuid
from typing import Any

from eventsourcing.persistence import IntegrityError

from application.written import Written
from domain.errors import Fault, Invalid, NotFound
from domain.webhook_endpoint import WebhookEndpoint
from domain.webhook_target import parse_target
from store.event_store import EventStore

SECRET_BYTES = 24


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


class Webhooks:
    def __init__(self, store: EventStore, allow_private: bool = False) -> None:
        self.save = store.save
        self.owned = store.owned
        self.allow_private = allow_private

    def _check_target(self, url: object) -> None:
        """A URL that is not acceptable at all is left to the domain, which says why (`invalid_webhook`)."""
        if self.allow_private:
            return
        try:
            target = parse_target(url)
        except ValueError:
            return
        if target.visibly_private:
            raise Invalid(
                "the webhook URL points at a loopback or private address",
                "private_target",
                [
                    Fault(
                        "url",
                        "is a loopback or private address; the operator can allow these with "
                        "TALLY_WEBHOOK_ALLOW_PRIVATE=true",
                    )
                ],
            )

    def create_webhook(self, business: uuid.UUID, fields: dict[str, Any]) -> Written[uuid.UUID]:
        """A repeated `idempotency_key` creates nothing and answers the endpoint it created (position 0)."""
        self._check_target(fields.get("url"))
        endpoint = WebhookEndpoint.register(business, fields, new_secret())
        try:
            return Written.by(endpoint.id, self.save(endpoint))
        except IntegrityError:
            return Written(self.get_webhook(business, endpoint.id).id, 0)

    def get_webhook(self, business: uuid.UUID, webhook_id: uuid.UUID) -> WebhookEndpoint:
        endpoint = self.owned(business, WebhookEndpoint, "webhook", webhook_id)
        if endpoint.deleted:
            raise NotFound("webhook", webhook_id)
        return endpoint

    def update_webhook(self, business: uuid.UUID, webhook_id: uuid.UUID, fields: dict[str, Any]) -> Written[uuid.UUID]:
        endpoint = self.get_webhook(business, webhook_id)
        if fields.get("url") is not None:
            self._check_target(fields["url"])
        endpoint.update(fields)
        return Written.by(endpoint.id, self.save(endpoint))

    def send_test(self, business: uuid.UUID, webhook_id: uuid.UUID) -> Written[uuid.UUID]:
        """Records the request; the webhooks projection turns it into one `webhook.test` delivery."""
        endpoint = self.get_webhook(business, webhook_id)
        endpoint.request_test()
        return Written.by(endpoint.id, self.save(endpoint))

    def delete_webhook(self, business: uuid.UUID, webhook_id: uuid.UUID) -> Written[uuid.UUID]:
        endpoint = self.get_webhook(business, webhook_id)
        endpoint.delete()
        return Written.by(endpoint.id, self.save(endpoint))
