"""Who is signed in to the dashboard: the API key, kept in an encrypted
(AES-GCM), HTTP-only session cookie and checked again on every request, so a
revoked key ends its sessions too."""

from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import anyio.to_thread
from litestar import Request
from litestar.connection import ASGIConnection
from litestar.middleware import DefineMiddleware
from litestar.middleware.session.client_side import (
    ClientSideSessionBackend,
    CookieBackendConfig,
)
from litestar.types import Message, ScopeSession

from application.tally import Tally
from domain.errors import Unauthorized
from interfaces.http.dependencies import authenticate

SECRET_ENV = "TALLY_SESSION_SECRET"
SECURE_ENV = "TALLY_SECURE_COOKIE"
SECRET_FILE = "session-secret"
SECRET_BYTES = 32
EIGHT_HOURS = 8 * 3600


def session_secret(data_dir: str | os.PathLike[str] | None = None) -> bytes:
    """TALLY_SESSION_SECRET (64 hex digits) when set; else one generated once and
    kept in the data folder, so sessions survive a restart; else one per process."""
    if os.environ.get(SECRET_ENV):
        secret = bytes.fromhex(os.environ[SECRET_ENV])
        if len(secret) != SECRET_BYTES:
            raise ValueError(f"{SECRET_ENV} must be {SECRET_BYTES * 2} hex digits")
        return secret
    if data_dir is None:
        return secrets.token_bytes(SECRET_BYTES)
    path = Path(data_dir) / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(SECRET_BYTES) + "\n")
    return bytes.fromhex(path.read_text().strip())


class SchemeAwareBackend(ClientSideSessionBackend):
    """Marks the cookie `Secure` on every response to a request that came over https.

    Not always: `tally serve` answers plain HTTP on loopback by default, where a Secure
    cookie would never be sent back. Behind a proxy that ends TLS, the request's scheme is
    https only when the server trusts the proxy's X-Forwarded-Proto (uvicorn trusts
    127.0.0.1; see FORWARDED_ALLOW_IPS), hence TALLY_SECURE_COOKIE=1 to force it."""

    def __init__(self, config: CookieBackendConfig) -> None:
        super().__init__(config)
        self.over_https = ClientSideSessionBackend(replace(config, secure=True))

    async def store_in_message(
        self, scope_session: ScopeSession, message: Message, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> None:
        if _background_read(connection):
            # A page's in-place refresh (dashboard.js, usage-chart.js) never changes the session, and one still in
            # flight when the person signs out would, answering after the sign-out, set the cookie again.
            return
        if connection.url.scheme == "https" and not self.config.secure:
            await self.over_https.store_in_message(scope_session, message, connection)
        else:
            await super().store_in_message(scope_session, message, connection)


def _background_read(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """A script's fetch of a page or its data, as the browser says (Sec-Fetch-Mode), not a navigation."""
    mode = connection.headers.get("sec-fetch-mode")
    return connection.scope.get("method") in ("GET", "HEAD") and mode is not None and mode != "navigate"


@dataclass
class SessionConfig(CookieBackendConfig):
    _backend_class = SchemeAwareBackend


def session_middleware(secret: bytes) -> DefineMiddleware:
    """On the app, not the dashboard's router (routers are deep-copied, the cipher cannot be),
    and skipped for every path outside /dashboard."""
    return SessionConfig(
        secret=secret,
        key="tally_session",
        path="/dashboard",
        httponly=True,
        samesite="lax",
        secure=os.environ.get(SECURE_ENV) == "1",
        max_age=EIGHT_HOURS,
        exclude=r"^/(?!dashboard)[^/]",
    ).middleware


def sign_in(request: Request[Any, Any, Any], tally: Tally, key: str) -> uuid.UUID:
    """Within the API's limit on wrong keys from one address (interfaces/http/key_guessing.py)."""
    business = authenticate(request, tally, key.strip())
    request.set_session({"key": key.strip()})
    return business


def sign_out(request: Request[Any, Any, Any]) -> None:
    request.clear_session()


FRESHNESS_WAIT_S = 2.0


def signed_in(request: Request[Any, Any, Any], tally: Tally) -> uuid.UUID:
    """Whoever the session's key belongs to; Unauthorized without a valid one."""
    key = request.session.get("key") if request.session else None
    if not isinstance(key, str):
        raise Unauthorized("sign in with an API key")
    return tally.businesses.authenticate(key)


async def provide_signed_in(request: Request[Any, Any, Any], tally: Tally) -> uuid.UUID:
    """The dashboard's `business`.

    A page shows at least what was written before it was asked for: it waits (briefly, then renders what
    there is) for the read models to reach the log head, so a meter just created is on the next page. The
    wait is the API's own (interfaces/resources/freshness.py): it holds no thread."""
    business = await anyio.to_thread.run_sync(signed_in, request, tally, abandon_on_cancel=True)
    head = await anyio.to_thread.run_sync(tally.store.head, abandon_on_cancel=True)
    await request.app.state.position_watch.reached(head, FRESHNESS_WAIT_S)
    return business
