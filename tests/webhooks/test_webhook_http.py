"""One webhook POST over the wire: every resolved address checked, the connection made to a checked
address, and TLS still checked against the name."""

from __future__ import annotations

import datetime
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from domain.webhook_target import parse_target
from interfaces.webhook_http import DNS_FAILED, REFUSED_TARGET, TLS_FAILED, Failed, checked_addresses, post


def unreachable(name: str, port: int) -> list[str]:
    raise AssertionError(f"{name} looked up")


@pytest.mark.parametrize(
    ("url", "answers", "reason"),
    [
        ("https://hooks.example.com/", ["93.184.216.34", "10.0.0.7"], REFUSED_TARGET),
        ("https://hooks.example.com/", ["::ffff:169.254.169.254"], REFUSED_TARGET),
        ("https://hooks.example.com/", [], DNS_FAILED),
    ],
)
def test_every_address_a_name_resolves_to_is_checked_and_none_is_a_failed_lookup(url, answers, reason):
    with pytest.raises(Failed) as failed:
        checked_addresses(parse_target(url), lambda name, port: answers, allow_private=False)
    assert failed.value.reason == reason
    assert checked_addresses(parse_target(url), lambda name, port: ["93.184.216.34"], False) == ["93.184.216.34"]


def test_an_address_literal_is_not_looked_up_and_is_checked_itself():
    assert checked_addresses(parse_target("http://8.8.8.8/"), unreachable, allow_private=False) == ["8.8.8.8"]
    with pytest.raises(Failed):
        checked_addresses(parse_target("http://[64:ff9b::a00:1]/"), unreachable, allow_private=False)
    assert checked_addresses(parse_target("http://[::1]/"), unreachable, allow_private=True) == ["::1"]


@contextmanager
def tls_receiver(tmp_path: Path, certified_name: str) -> Iterator[tuple[int, ssl.SSLContext, list[object]]]:
    """An HTTPS receiver on 127.0.0.1 with a self-signed certificate for `certified_name`: its port, a
    client context trusting that certificate, and what it saw (the SNI name, then the Host header)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, certified_name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(certified_name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    seen: list[object] = []
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server_tls.sni_callback = lambda sock, name, context: seen.append(name)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length") or 0))
            seen.append(self.headers["host"])
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = server_tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], ssl.create_default_context(cafile=tmp_path / "cert.pem"), seen
    finally:
        server.shutdown()
        server.server_close()


def test_https_goes_to_the_resolved_address_with_the_name_in_sni_the_host_header_and_the_certificate_check(
    tmp_path,
):
    with tls_receiver(tmp_path, "receiver.test") as (port, trusting, seen):
        target = parse_target(f"https://receiver.test:{port}/hook")
        code = post(target, b"{}", {}, lambda name, p: ["127.0.0.1"], True, timeout=10, tls=trusting)
        assert code == 204 and seen == ["receiver.test", f"receiver.test:{port}"]


def test_a_certificate_for_another_name_fails_the_attempt_even_at_the_right_address(tmp_path):
    with tls_receiver(tmp_path, "other.test") as (port, trusting, seen):
        target = parse_target(f"https://receiver.test:{port}/hook")
        with pytest.raises(Failed) as failed:
            post(target, b"{}", {}, lambda name, p: ["127.0.0.1"], True, timeout=10, tls=trusting)
        assert failed.value.reason == TLS_FAILED and seen == ["receiver.test"]
