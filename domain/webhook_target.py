"""Where a webhook may go: its URL read once into one canonical form, and which addresses it may reach
(docs/webhooks.md, "Targets").

Resolvers, proxies and HTTP clients each read a URL a little differently, and a guard that reads it one
way while the client reads it another guards nothing: `http://127%2e0%2e0%2e1/` passed a check of the
still-encoded name and was then decoded by the client. So a URL is accepted only in a form every reader
agrees on: no percent-encoding, whitespace, control character, backslash or credentials, a host that is
a name (international names become their IDNA ASCII form) or an address in its one canonical spelling
(`127.1`, `0x7f.0.0.1` and `2130706433` are all 127.0.0.1 to a resolver, so any all-numeric host but a
plain dotted quad is refused), a port written plainly. The canonical form is what is stored and sent.

An address is global only if it, and any IPv4 address it carries (IPv4-mapped, IPv4-compatible,
IPv4-translated, NAT64, 6to4), is globally routable: `[::127.0.0.1]` and `[64:ff9b::127.0.0.1]` reach
127.0.0.1 as surely as `127.0.0.1` does."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv6Address, IPv6Network, ip_address

MAX_URL_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}

_URL = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<authority>[^/?#]*)(?P<rest>[^#]*)\Z")
_PORT = re.compile(r"[1-9][0-9]{0,4}\Z")
# A name's labels once in ASCII; `_` is no hostname character, but container and compose service names use it.
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\Z")
# What a resolver reads as a number: then the whole host must be a dotted quad (as WHATWG's URL parser decides).
_NUMERIC = re.compile(r"(?:[0-9]+|0x[0-9a-f]*)\Z")
# RFC 3986's characters of a path and query; any other is percent-encoded (UTF-8), a stray `%` refused.
_URL_CHARACTERS = re.compile(r"[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_MAX_HOST = 253

# IPv6 forms whose last 32 bits are an IPv4 address the packet ends up at: such an address is as global
# as that IPv4 address (IPv4-compatible, IPv4-mapped, IPv4-translated, NAT64's well-known prefix).
_CARRIES_IPV4 = tuple(IPv6Network(n) for n in ("::/96", "::ffff:0:0/96", "::ffff:0:0:0/96", "64:ff9b::/96"))
# Never a public receiver: local-use NAT64 (any IPv4 inside, at any offset), Teredo (a tunnel whose
# client address is obfuscated) and the deprecated site-local range.
_NEVER_GLOBAL = tuple(IPv6Network(n) for n in ("64:ff9b:1::/48", "2001::/32", "fec0::/10"))


def non_global(address: str | IPv4Address | IPv6Address) -> bool:
    """Loopback, private, link-local (cloud metadata), shared, reserved, multicast or unspecified, or an
    IPv6 address carrying such an IPv4 address: anything a webhook must not reach unless the operator
    allows private targets. A zone (`fe80::1%eth0`) is ignored: link-local is non-global anyway."""
    ip = ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, IPv6Address):
        if any(ip in network for network in _CARRIES_IPV4):
            return non_global(IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(ip in network for network in _NEVER_GLOBAL):
            return True
        if ip.sixtofour is not None and non_global(ip.sixtofour):
            return True
    return not ip.is_global or ip.is_multicast


@dataclass(frozen=True)
class Target:
    """A webhook URL, parsed. `host` is the ASCII name or the address (IPv6 without brackets), `address`
    is set when the host is an address literal, `path` is what goes on the request line."""

    scheme: str
    host: str
    port: int
    path: str
    address: IPv4Address | IPv6Address | None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if isinstance(self.address, IPv6Address) else self.host
        port = "" if self.port == DEFAULT_PORTS[self.scheme] else f":{self.port}"
        return f"{self.scheme}://{host}{port}{self.path}"

    @property
    def visibly_private(self) -> bool:
        """Private whatever any resolver answers: a non-global address literal, or a `localhost` name
        (RFC 6761: always loopback). Other names are judged by what they resolve to when sent to."""
        if self.address is not None:
            return non_global(self.address)
        return self.host == "localhost" or self.host.endswith(".localhost")


def parse_target(url: object) -> Target:
    """The URL as a Target in its canonical form; ValueError saying why when it is not acceptable."""
    if not isinstance(url, str) or not 1 <= len(url) <= MAX_URL_LENGTH:
        raise ValueError(f"must be a URL of 1 to {MAX_URL_LENGTH} characters")
    if any(c.isspace() or c == "\\" or unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in url):
        raise ValueError("must not contain whitespace, control or invisible characters, or a backslash")
    if "#" in url:
        raise ValueError("must not have a fragment")
    parts = _URL.match(url)
    if parts is None or parts["scheme"].lower() not in DEFAULT_PORTS:
        raise ValueError("must be an http:// or https:// URL with a host")
    scheme = parts["scheme"].lower()
    if "@" in parts["authority"]:
        raise ValueError("must not carry credentials")
    host_text, port = _host_and_port(parts["authority"], DEFAULT_PORTS[scheme])
    host, address = _host(host_text)
    target = Target(scheme, host, port, _path(parts["rest"]), address)
    if len(target.url) > MAX_URL_LENGTH:
        raise ValueError(f"must be a URL of 1 to {MAX_URL_LENGTH} characters once percent-encoded")
    return target


def _host_and_port(authority: str, default: int) -> tuple[str, int]:
    if authority.startswith("["):
        inside, bracket, after = authority[1:].partition("]")
        if not bracket:
            raise ValueError("must close the bracket of its IPv6 address")
        host = f"[{inside}]"
    else:
        host, colon, port = authority.partition(":")
        after = colon + port
    if not after:
        return host, default
    port = after[1:]
    if not after.startswith(":") or not _PORT.match(port) or int(port) > 65535:
        raise ValueError("must have a port from 1 to 65535, written without leading zeros")
    return host, int(port)


def _host(text: str) -> tuple[str, IPv4Address | IPv6Address | None]:
    if not text:
        raise ValueError("must be an http:// or https:// URL with a host")
    if text.startswith("["):
        try:
            v6 = IPv6Address(text[1:-1])
        except ValueError:
            raise ValueError("must have an IPv6 address between its brackets") from None
        if v6.scope_id is not None:
            raise ValueError("must not give a zone with its IPv6 address")
        return v6.compressed, v6
    if "%" in text:
        raise ValueError("must not percent-encode its host")
    try:
        name = text.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValueError("must have a valid host name (each label 1 to 63 characters)") from None
    labels = name.split(".")
    if _NUMERIC.match(labels[-1]):
        try:
            v4 = IPv4Address(name)
        except ValueError:
            raise ValueError("must write an IPv4 address as four numbers 0-255 without leading zeros") from None
        return v4.compressed, v4
    if len(name) > _MAX_HOST or not all(_LABEL.match(label) and _valid_idna(label) for label in labels):
        raise ValueError(
            "must have a host name of letters, digits and hyphens in dot-separated labels, no trailing dot"
        )
    return name, None


def _valid_idna(label: str) -> bool:
    if not label.startswith("xn--"):
        return True
    try:
        label.encode("ascii").decode("idna")
    except UnicodeError:
        return False
    return True


def _path(rest: str) -> str:
    encoded = _URL_CHARACTERS.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), rest)
    if _BAD_ESCAPE.search(encoded):
        raise ValueError("must follow each % of its path with two hex digits")
    return encoded if encoded.startswith("/") else "/" + encoded
