"""Webhook endpoint commands. An endpoint belongs to one business: another business's id is not found.

Targets are http(s) only, and a URL whose host is (or resolves to) a loopback, private or link-local
address is refused unless the operator allows private targets (TALLY_WEBHOOK_ALLOW_PRIVATE): otherwise
any API key could make tally probe the network it runs in. The sender checks again before each send,
since a name may resolve elsewhere later (docs/webhooks.md)."""

from __future__ import annotations

import base64
import secrets
import socket
import uuid
from typing import Any
from urllib.parse import urlsplit

from eventsourcing.persistence import IntegrityError

from application.written import Written
from domain.errors import Fault, Invalid, NotFound
from domain.webhook_endpoint import WebhookEndpoint, private_address, url_faults
from store.event_store import EventStore

SECRET_BYTES = 24


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def private_target(url: str) -> bool:
    """Whether the URL's host is, or resolves to, an address that is not globally routable. A name that
    does not resolve now is let through: the sender checks it again when it sends."""
    host = urlsplit(url).hostname or ""
    try:
        return private_address(host)
    except ValueError:
        pass
    if host.lower().rstrip(".") == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    return any(private_address(str(info[4][0])) for info in infos)


class Webhooks:
    def __init__(self, store: EventStore, allow_private: bool = False) -> None:
        self.save = store.save
        self.owned = store.owned
        self.allow_private = allow_private

    def _check_target(self, url: object) -> None:
        if isinstance(url, str) and not url_faults(url) and not self.allow_private and private_target(url):
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

    def delete_webhook(self, business: uuid.UUID, webhook_id: uuid.UUID) -> Written[uuid.UUID]:
        endpoint = self.get_webhook(business, webhook_id)
        endpoint.delete()
        return Written.by(endpoint.id, self.save(endpoint))
