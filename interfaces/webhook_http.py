"""One webhook POST over the wire: the name resolved once, every address it resolves to checked, and the
connection made to a checked address, never to the name again (a second lookup could answer otherwise:
DNS rebinding). The Host header and TLS (SNI and the certificate check) still use the name.

What went wrong is told as one of a few classes (`Failed.reason`), never the socket's own words: "network
is unreachable" against "connection refused" against a timeout would map a network for whoever reads
the deliveries list (docs/webhooks.md)."""

from __future__ import annotations

import http.client
import socket
import ssl
from collections.abc import Callable

from domain.webhook_target import Target, non_global

# The classes an attempt's error is one of (docs/webhooks.md), besides `http_status` for a non-2xx answer.
INVALID_TARGET = "invalid_target"
DNS_FAILED = "dns_failed"
REFUSED_TARGET = "refused_target"
CONNECTION_FAILED = "connection_failed"
TIMEOUT = "timeout"
TLS_FAILED = "tls_failed"
HTTP_STATUS = "http_status"
SEND_FAILED = "send_failed"

# (name, port) -> the addresses the name stands for, in the order to try them.
Resolver = Callable[[str, int], list[str]]

# The system's trust store, certificates checked against the name.
SYSTEM_TLS = ssl.create_default_context()


class Failed(Exception):
    """An attempt that got no answer: `reason` is its class, the exception's cause the detail for the log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def system_resolver(name: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_addresses(target: Target, resolve: Resolver, allow_private: bool) -> list[str]:
    """The addresses to connect to: the literal one, or all the name resolves to, each of them global
    unless private targets are allowed. A name that resolves to nothing is a failed attempt."""
    if target.address is not None:
        addresses = [str(target.address)]
    else:
        try:
            addresses = resolve(target.host, target.port)
        except (OSError, UnicodeError) as failure:
            raise Failed(DNS_FAILED) from failure
        if not addresses:
            raise Failed(DNS_FAILED)
    if not allow_private and (target.visibly_private or any(non_global(a) for a in addresses)):
        raise Failed(REFUSED_TARGET)
    return addresses


def _connect(addresses: list[str], port: int, timeout: float | None) -> socket.socket:
    """To the first of the checked addresses that takes the connection."""
    last: OSError | None = None
    for address in addresses:
        try:
            sock = socket.create_connection((address, port), timeout)
        except OSError as failure:
            last = failure
            continue
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock
    assert last is not None  # addresses is never empty
    raise last


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, target: Target, addresses: list[str], timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = _connect(self.addresses, self.port, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, target: Target, addresses: list[str], timeout: float, tls: ssl.SSLContext) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=tls)
        self.addresses = addresses
        self.tls = tls

    def connect(self) -> None:
        self.sock = self.tls.wrap_socket(_connect(self.addresses, self.port, self.timeout), server_hostname=self.host)


def post(
    target: Target,
    body: bytes,
    headers: dict[str, str],
    resolve: Resolver,
    allow_private: bool,
    timeout: float,
    tls: ssl.SSLContext = SYSTEM_TLS,
) -> int:
    """The answer's status code, never following a redirect; Failed when there was none."""
    addresses = checked_addresses(target, resolve, allow_private)
    connection: http.client.HTTPConnection = (
        _PinnedHTTPS(target, addresses, timeout, tls)
        if target.scheme == "https"
        else _PinnedHTTP(target, addresses, timeout)
    )
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        with connection.getresponse() as response:
            return int(response.status)
    except TimeoutError as failure:
        raise Failed(TIMEOUT) from failure
    except ssl.SSLError as failure:
        raise Failed(TLS_FAILED) from failure
    except (OSError, http.client.HTTPException) as failure:
        raise Failed(CONNECTION_FAILED) from failure
    finally:
        connection.close()
