"""API keys: the business's keys (ids and dates, never a secret) and a button to revoke each."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Request, get, post
from litestar.response import Redirect, Template

from application.businesses import KEY_CACHE_SECONDS, hash_key
from application.tally import Tally
from domain.business import key_id

NEW_KEY = "new_key"


def _signed_in_with(request: Request[Any, Any, Any], business: uuid.UUID) -> str:
    return key_id(business, hash_key(request.session["key"]))


def _keys(request: Request[Any, Any, Any], tally: Tally, business: uuid.UUID, new_key: str | None) -> Template:
    return Template(
        "keys.html",
        headers={"Cache-Control": "no-store"},
        context={
            "keys": tally.businesses.list_keys(business),
            "cache_seconds": KEY_CACHE_SECONDS,
            "current": _signed_in_with(request, business),
            "new_key": new_key,
        },
    )


@get("/keys", sync_to_thread=True)
def keys_page(request: Request[Any, Any, Any], tally: Tally, business: uuid.UUID) -> Template:
    """Every key of the business, newest first, revoked ones too; a key just created, this once."""
    return _keys(request, tally, business, request.session.pop(NEW_KEY, None))


@post("/keys", sync_to_thread=True, status_code=303)
def create_key(request: Request[Any, Any, Any], tally: Tally, business: uuid.UUID) -> Redirect:
    """A new key, handed to the next page of the list through the (encrypted) session and taken out of it there:
    tally keeps only its hash, so reloading that page, or any later one, cannot show it again, and a reload
    does not create another."""
    request.session[NEW_KEY] = tally.businesses.issue_key(business)
    return Redirect("/dashboard/keys", status_code=303)


@post("/keys/{key_id:str}/revoke", sync_to_thread=True, status_code=303)
def revoke(key_id: str, tally: Tally, business: uuid.UUID) -> Redirect:
    """Revokes one of the business's keys; revoking the key of this session ends it."""
    tally.businesses.revoke_key(key_id, business)
    return Redirect("/dashboard/keys", status_code=303)


HANDLERS = [keys_page, create_key, revoke]
