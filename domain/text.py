"""What text every read model can store, decided once for every command.

PostgreSQL text cannot hold NUL, and UTF-8 cannot hold a lone surrogate (a
Python str can). Other C0 controls and DEL store fine but are never meant in
a name or an id and only hide what a value really is, so they are refused too.
Two kinds of text (docs/input.md):

    line    ids, names, keys, units: no control character at all
    prose   descriptions, reasons, metadata and filter values: tab, newline
            and carriage return (browsers send a textarea's newlines as CRLF) allowed
"""

from __future__ import annotations

import re

from domain.errors import Fault

_SURROGATES = "\ud800-\udfff"
_LINE = re.compile(f"[\x00-\x1f\x7f{_SURROGATES}]")
_PROSE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{_SURROGATES}]")


def _code_point(character: str) -> str:
    return f"U+{ord(character):04X}"


def text_fault(field: str, value: object, prose: bool = False, index: int | None = None) -> list[Fault]:
    """The fault of one text value, if any. Non-text values are left to the field's own type rule."""
    if not isinstance(value, str):
        return []
    found = (_PROSE if prose else _LINE).search(value)
    if found is None:
        return []
    character = found.group()
    what = "a lone surrogate" if "\ud800" <= character <= "\udfff" else "a control character"
    return [Fault(field, f"must not contain {what} (found {_code_point(character)} at {found.start()})", index)]


def all_clean(lines: list[str], prose: list[str]) -> bool:
    """True when no line text and no prose text holds a character `text_fault` refuses: one search over
    all of them, for a large batch whose values are checked one by one only when one is refused."""
    return _LINE.search(" ".join(lines)) is None and _PROSE.search(" ".join(prose)) is None


def id_fault(field: str, value: object, index: int | None = None) -> list[Fault]:
    """An id a client gives is fetched back as one URL path segment (`GET /customers/{id}`): a `/` would split
    it (clients percent-encode it, but servers decode `%2F` before routing) and clients refuse `.` and `..`,
    so such an id could be created but never fetched (docs/dodo.md)."""
    if not isinstance(value, str):
        return []
    if "/" in value:
        return [Fault(field, "must not contain '/': it could not be fetched back by id", index)]
    if value in (".", ".."):
        return [Fault(field, "must not be '.' or '..': it could not be fetched back by id", index)]
    return []


def line_faults(fields: dict[str, str | None], index: int | None = None) -> list[Fault]:
    """The faults of single-line text fields, by field name: ``line_faults({"name": name, "email": email})``."""
    return [f for field, value in fields.items() for f in text_fault(field, value, index=index)]


def printable(text: str) -> str:
    """Text fit to quote back in a field path or a message: what the rules refuse, escaped."""
    return _LINE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
