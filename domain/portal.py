"""The customer portal's settings, the business's own (docs/portal.md): how the portal names and shows the
business, where "Return to …" leads, and whether a customer may cancel there."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any
from urllib.parse import urlsplit

from domain.errors import Fault, Invalid
from domain.text import line_faults

MAX_NAME = 200
MAX_URL = 2000
_COLOUR = re.compile("#[0-9a-fA-F]{6}")


def url_faults(field: str, value: str | None) -> list[Fault]:
    """An absolute http(s) URL with a host: shown as a link or an image source, never anything a browser runs."""
    if value is None:
        return []
    faults = line_faults({field: value})
    parts = urlsplit(value) if not faults else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or len(value) > MAX_URL:
        faults.append(Fault(field, f"must be an http:// or https:// URL with a host, at most {MAX_URL} characters"))
    return faults


@dataclass(frozen=True)
class PortalSettings:
    display_name: str | None = None
    logo_url: str | None = None
    accent_color: str | None = None
    return_url: str | None = None
    allow_cancel: bool | None = None

    def check(self) -> PortalSettings:
        faults = line_faults({"portal.display_name": self.display_name})
        if self.display_name is not None and not 1 <= len(self.display_name) <= MAX_NAME:
            faults.append(Fault("portal.display_name", f"must be 1 to {MAX_NAME} characters"))
        faults += url_faults("portal.logo_url", self.logo_url)
        faults += url_faults("portal.return_url", self.return_url)
        if self.accent_color is not None and not _COLOUR.fullmatch(self.accent_color):
            faults.append(Fault("portal.accent_color", "must be a colour as #rrggbb"))
        if faults:
            raise Invalid(f"{len(faults)} fault(s) in the portal settings", "invalid_portal", faults)
        return self

    def merged(self, change: PortalSettings) -> PortalSettings:
        """The settings with every field the change gives."""
        given = {f.name: getattr(change, f.name) for f in fields(change) if getattr(change, f.name) is not None}
        return replace(self, **given)

    def terms(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_terms(cls, terms: dict[str, Any] | None) -> PortalSettings:
        return cls(**(terms or {}))
