"""Who the portal is showing: the customer a valid portal token names (interfaces/portal/tokens.py), kept in
an HttpOnly, SameSite cookie scoped to /portal, and the business's portal settings (docs/portal.md)."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
from litestar import Request, Response

from application.tally import Tally
from domain.portal import PortalSettings
from interfaces.dashboard.session import FRESHNESS_WAIT_S, SECURE_ENV
from interfaces.portal.tokens import PortalToken, verify

COOKIE = "tally_portal"


@dataclass(frozen=True)
class Viewer:
    business: uuid.UUID
    customer_id: str
    business_name: str
    settings: PortalSettings
    return_url: str | None  # the session's, else the business's

    @property
    def shown_name(self) -> str:
        return self.settings.display_name or self.business_name


def holder_of(request: Request[Any, Any, Any], tally: Tally, token: str | None) -> tuple[Viewer, PortalToken]:
    """The viewer a token opens the portal for; PortalDenied when it is not valid, expired or revoked."""
    claims = verify(request.app.state.portal_key, token, datetime.now(UTC))
    tally.portal_sessions.holder(claims.business, claims.customer_id, claims.issued_at)
    business = tally.businesses.get(claims.business)
    viewer = Viewer(
        claims.business,
        claims.customer_id,
        business.name,
        business.portal,
        claims.return_url or business.portal.return_url,
    )
    return viewer, claims


async def provide_viewer(request: Request[Any, Any, Any], tally: Tally) -> Viewer:
    """The portal's `viewer`. Like a dashboard page, a portal page waits briefly for the read models to reach
    the log head, so what was written before it was asked for shows."""
    viewer, _ = await anyio.to_thread.run_sync(
        holder_of, request, tally, request.cookies.get(COOKIE), abandon_on_cancel=True
    )
    head = await anyio.to_thread.run_sync(tally.store.head, abandon_on_cancel=True)
    await request.app.state.position_watch.reached(head, FRESHNESS_WAIT_S)
    return viewer


def with_session(response: Response[Any], request: Request[Any, Any, Any], token: str, claims: PortalToken) -> None:
    """The token as the portal's cookie, for as long as it is valid; Secure over https (or when forced)."""
    response.set_cookie(
        COOKIE,
        token,
        path="/portal",
        max_age=max(1, int((claims.expires_at - datetime.now(UTC)).total_seconds())),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https" or os.environ.get(SECURE_ENV) == "1",
    )
