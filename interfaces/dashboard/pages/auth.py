"""Sign in with an API key, sign out."""

from __future__ import annotations

from typing import Annotated, Any

import anyio.to_thread
from litestar import Request, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from application.tally import Tally
from domain.errors import Unauthorized
from interfaces.dashboard import session
from interfaces.dashboard.pages.overview import overview
from interfaces.http.key_guessing import TooManyWrongKeys
from projections.reads.queries import Queries

Form = Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]
HOME = "/dashboard"


@get("/")
async def home(
    request: Request[Any, Any, Any], tally: Tally, queries: Queries, start: str = "", end: str = ""
) -> Template:
    """The overview (revenue over the months from `start` through `end`) when signed in, else the sign-in form."""
    try:
        business = await session.provide_signed_in(request, tally)
    except Unauthorized:
        return Template("sign_in.html", context={"error": None})
    return await anyio.to_thread.run_sync(overview, tally, queries, business, start, end)


@post("/sign-in", sync_to_thread=True, status_code=303)
def sign_in(request: Request[Any, Any, Any], tally: Tally, data: Form) -> Template | Redirect:
    """Checks the key; a wrong one answers the form again with the reason."""
    try:
        session.sign_in(request, tally, data.get("api_key", ""))
    except Unauthorized:
        return Template(
            "sign_in.html",
            status_code=401,
            context={"error": "That API key is not valid. Use a key printed by `tally serve` or `tally keys create`."},
        )
    except TooManyWrongKeys as exc:
        return Template(
            "sign_in.html",
            status_code=429,
            headers={"Retry-After": str(exc.retry_after_s)},
            context={"error": f"Too many wrong keys from your address. Try again in {exc.retry_after_s} s."},
        )
    return Redirect(HOME, status_code=303)


@post("/sign-out", sync_to_thread=False, status_code=303)
def sign_out(request: Request[Any, Any, Any]) -> Redirect:
    """Forgets the session."""
    session.sign_out(request)
    return Redirect("/dashboard", status_code=303)


HANDLERS = [home, sign_in, sign_out]
