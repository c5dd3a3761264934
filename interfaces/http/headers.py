"""Headers every answer carries, whatever answered it (a handler, an error handler, the router's 404/405):
a `before_send` hook, which Litestar calls for every response of the app.

- No page of tally's may be framed (clickjacking: a framed "Cancel the subscription" can be clicked
  through a decoy): `X-Frame-Options: DENY`, and CSP `frame-ancestors 'none'` for browsers that read only
  the CSP.
- `X-Content-Type-Options: nosniff`: a JSON or CSV answer is never run as a script or shown as a page.
- `Referrer-Policy: same-origin`: dashboard URLs (ids, filters) never leave for another site. Not
  `no-referrer`: with it, a browser sends `Origin: null` on a same-origin POST, which the dashboard's
  cross-site check (interfaces/dashboard/cross_site.py) refuses when `Sec-Fetch-Site` is absent.
- A Content-Security-Policy per part of the app: the dashboard loads scripts, styles and data from its own
  origin only, with no inline script, style or `javascript:` URL (its templates have none; its scripts
  are files under /dashboard/static); the API's answers are data, allowed to load nothing; the docs page
  (/schema, Swagger UI) runs an inline script that embeds the document, so it only refuses framing; the
  customer portal's is the dashboard's, with images (the business's logo) from any http(s) address.
"""

from __future__ import annotations

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

NO_FRAMING = "frame-ancestors 'none'"
DASHBOARD_CSP = f"default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; {NO_FRAMING}"
# The portal shows the business's logo from wherever the business keeps it (an http(s) URL: domain/portal.py).
PORTAL_CSP = f"{DASHBOARD_CSP}; img-src 'self' https: http:"
API_CSP = f"default-src 'none'; {NO_FRAMING}"
ALWAYS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def policy_for(path: str) -> str:
    if path == "/dashboard" or path.startswith("/dashboard/"):
        return DASHBOARD_CSP
    if path == "/portal" or path.startswith("/portal/"):
        return PORTAL_CSP
    if path == "/schema" or path.startswith("/schema/"):
        return NO_FRAMING
    return API_CSP


async def security_headers(message: Message, scope: Scope) -> None:
    if message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    for name, value in ALWAYS.items():
        headers[name] = value
    headers["Content-Security-Policy"] = policy_for(scope["path"])
