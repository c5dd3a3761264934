"""Portal tokens: what a portal link and the portal's cookie carry (docs/portal.md).

A token names the business, the customer and when it was issued and expires, signed with HMAC-SHA256 under a
key derived from the server's session secret (interfaces/dashboard/session.py), so the server keeps no
session table: a token that verifies is the business's word for that customer until it expires or the
customer's sessions are revoked (the Customer aggregate records when). A token is no API key (it has no key's
form) and opens no dashboard (the dashboard's session is another cookie)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import msgspec

from application.portal_sessions import PortalDenied

TTL_ENV = "TALLY_PORTAL_TTL_S"
DEFAULT_TTL_S = 24 * 3600
MAX_TOKEN = 4096


def ttl() -> timedelta:
    return timedelta(seconds=int(os.environ.get(TTL_ENV) or DEFAULT_TTL_S))


def portal_key(session_secret: bytes) -> bytes:
    """Its own key, so a token can never pass for a dashboard session or the other way round."""
    return hmac.new(session_secret, b"tally customer portal tokens", hashlib.sha256).digest()


class _Claims(msgspec.Struct, forbid_unknown_fields=True):
    b: uuid.UUID
    c: str
    iat: datetime
    exp: datetime
    ret: str | None = None


@dataclass(frozen=True)
class PortalToken:
    business: uuid.UUID
    customer_id: str
    issued_at: datetime
    expires_at: datetime
    return_url: str | None = None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue(key: bytes, business: uuid.UUID, customer_id: str, return_url: str | None, now: datetime) -> str:
    claims = _Claims(business, customer_id, now, now + ttl(), return_url)
    body = _b64(msgspec.json.encode(claims))
    return f"{body}.{_b64(hmac.new(key, body.encode(), hashlib.sha256).digest())}"


def verify(key: bytes, token: str | None, now: datetime | None = None) -> PortalToken:
    """The token's claims when its signature holds and it has not expired; PortalDenied otherwise."""
    if not token or len(token) > MAX_TOKEN or token.count(".") != 1:
        raise PortalDenied("invalid", "this portal link is not valid")
    body, signature = token.split(".")
    expected = _b64(hmac.new(key, body.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(expected, signature):
        raise PortalDenied("invalid", "this portal link is not valid")
    try:
        claims = msgspec.json.decode(_unb64(body), type=_Claims)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
        raise PortalDenied("invalid", "this portal link is not valid") from None
    if (now or datetime.now(timezone.utc)) >= claims.exp:
        raise PortalDenied("expired", "this portal link has expired: ask for a new one")
    return PortalToken(claims.b, claims.c, claims.iat, claims.exp, claims.ret)
