"""The one check every request passes before a handler reads it.

- Its body: UTF-8, and JSON nested at most MAX_DEPTH levels; anything else is
  400 `malformed_json`. Where the handler's body type holds a Decimal, every
  decimal written plainly (interfaces/http/plain_decimals.py), else 422.
- Its path and query: text the domain's line rule accepts (no NUL or other
  control character). Such text cannot be stored, so it can match nothing,
  and PostgreSQL refuses it as a query parameter: 422 naming the parameter.

Without it, msgspec raises UnicodeDecodeError on bad UTF-8 and RecursionError
on deep nesting, neither of which any handler expects. Forms are left to
Litestar's form parser. The depth scan works on the brackets outside strings
only, found with bytes operations that run in C: for a 1,000-event batch it
costs about a third of msgspec's own decoding of that batch.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from litestar import Request
from litestar.enums import ScopeType
from litestar.exceptions import SerializationException
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from domain.errors import Invalid, Malformed
from domain.text import printable, text_fault
from interfaces.http.plain_decimals import check_decimals, decimal_type

MAX_DEPTH = 64
_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
_BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")
_ALL_BUT_BRACKETS_AND_QUOTES = bytes(range(256)).translate(None, b'[]{}"')
# Objects and arrays nest alike; one bracket kind lets one replace() pass strip exactly one level.
_ONE_KIND = bytes.maketrans(b"{}", b"[]")


def nesting_exceeds(body: bytes, limit: int) -> bool:
    """Whether JSON nests deeper than `limit` (an unbalanced body counts as too deep: it is malformed)."""
    if b"\\" in body:
        # Escaped backslashes first, so that in `\\"` the quote still closes its string.
        body = body.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = body.translate(None, _ALL_BUT_BRACKETS_AND_QUOTES)
    # Dropping two adjacent quotes keeps every bracket's side of its string; what remains quotes only strings
    # that hold brackets, and every other piece between quotes lies outside a string.
    outside = b"".join(marks.replace(b'""', b"").split(b'"')[::2]).translate(_ONE_KIND)
    if b"[" * (limit + 1) in outside:
        return True  # the plain deep stack, found in one search rather than `limit` passes
    for _ in range(limit):
        if not outside:
            return False
        outside = outside.replace(b"[]", b"")
    return bool(outside)


def check_body(body: bytes) -> None:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Malformed(f"the body is not valid UTF-8 (byte {exc.start})") from None
    if nesting_exceeds(body, MAX_DEPTH):
        raise Malformed(f"the body is not JSON nested at most {MAX_DEPTH} levels deep")


def check_path_and_query(path: str, query: bytes) -> None:
    faults = text_fault("path", path)
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        faults += text_fault(printable(name), name) or text_fault(printable(name), value)
    if faults:
        raise Invalid(f"{len(faults)} fault(s) in the path or query", "invalid_request", faults)


class RequestCheck(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        check_path_and_query(scope["path"], scope["query_string"])
        request: Request = Request(scope, receive)
        if request.method in _BODY_METHODS and not request.content_type[0].startswith(_FORMS):
            # Read once here; Litestar keeps the body (and the JSON parsed from it) in the scope for the handler.
            check_body(await request.body())
            handler = request.route_handler
            data = handler.parsed_data_field
            # A handler that decodes its body itself says its type in opt["body"] (interfaces/http/openapi.py).
            body_type = data.annotation if data is not None else handler.opt.get("body")
            if decimal_type(body_type) is not None:
                try:
                    raw = await request.json()
                except SerializationException:
                    raise Malformed("the body is not JSON") from None
                check_decimals(body_type, raw)
        await next_app(scope, receive, send)
