"""Webhook targets: a URL is accepted only in one canonical form, and an address is global only if it and
every IPv4 address it carries are."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.webhook_target import non_global, parse_target


@pytest.mark.parametrize(
    "url",
    [
        "http://127%2e0%2e0%2e1:8080/x",
        "http://%6c%6f%63%61%6c%68%6f%73%74:8080/x",
        "http://%31%32%37.0.0.1:8080/x",
        "http://127.0.0.1 :8080/x",
        "http://127.0.0.1\t/x",
        "http://exa\u200bmple.com/x",
        "http://127.0.0.1\\@example.com/",
        "http://user:pw@example.com/",
        "http://example.com@127.0.0.1/",
        "http://127.1/",
        "http://0x7f.0.0.1/",
        "http://0177.0.0.1/",
        "http://2130706433/",
        "http://127.0.0.01/",
        "http://example.com:0/",
        "http://example.com:/",
        "http://example.com:080/",
        "http://example.com:65536/",
        "http://example.com:+80/",
        "http://example.com:1:2/",
        "http://[fe80::1%25eth0]/",
        "http://[::1/",
        "http://[127.0.0.1]/",
        "http://example.com./",
        "http://a..b/",
        "http://-a.example/",
        "http://xn--zz.example/",
        "http://example.com/#fragment",
        "http://example.com/%zz",
        "ftp://example.com/x",
        "example.com",
        "http://",
        "http:///x",
        "",
        "http://a/\x00",
    ],
)
def test_a_url_that_is_not_in_its_canonical_form_is_refused(url):
    with pytest.raises(ValueError):
        parse_target(url)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://hooks.example.com/ok", "https://hooks.example.com/ok"),
        ("HTTPS://Hooks.Example.COM:443", "https://hooks.example.com/"),
        ("http://example.com:80?a=1", "http://example.com/?a=1"),
        ("http://bücher.example/pfad/ä?q={x}", "http://xn--bcher-kva.example/pfad/%C3%A4?q=%7Bx%7D"),
        ("http://xn--bcher-kva.example/a%2Fb", "http://xn--bcher-kva.example/a%2Fb"),
        ("http://[::127.0.0.1]:9/x", "http://[::7f00:1]:9/x"),
        ("http://[2606:2800:0220:0001:0248:1893:25C8:1946]/", "http://[2606:2800:220:1:248:1893:25c8:1946]/"),
        ("http://１２７.0.0.1/", "http://127.0.0.1/"),
        ("http://receiver_1:8080/hook", "http://receiver_1:8080/hook"),
    ],
)
def test_an_accepted_url_is_kept_in_its_canonical_form(url, canonical):
    assert parse_target(url).url == canonical
    assert parse_target(canonical).url == canonical


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://[::127.0.0.1]:9/x",
        "http://[::ffff:0:127.0.0.1]:9/x",
        "http://[64:ff9b::127.0.0.1]:9/x",
        "http://[::ffff:169.254.169.254]/",
        "http://localhost/x",
        "http://api.localhost/x",
    ],
)
def test_a_literal_private_address_or_a_localhost_name_is_visibly_private(url):
    assert parse_target(url).visibly_private


@pytest.mark.parametrize("url", ["https://hooks.example.com/ok", "http://8.8.8.8/", "http://[64:ff9b::8.8.8.8]/"])
def test_a_name_or_a_global_literal_is_not_visibly_private(url):
    assert not parse_target(url).visibly_private


NON_GLOBAL = [
    "127.0.0.1",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fec0::1",
    "ff0e::1",
    "::ffff:127.0.0.1",
    "::127.0.0.1",
    "::ffff:0:127.0.0.1",
    "64:ff9b::127.0.0.1",
    "64:ff9b::10.0.0.1",
    "64:ff9b:1::8.8.8.8",
    "2002:7f00:1::1",
    "2002:a9fe:a9fe::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "2001:db8::1",
]
GLOBAL = ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8"]


@pytest.mark.parametrize("address", NON_GLOBAL)
def test_loopback_private_link_local_and_wrapped_private_addresses_are_non_global(address):
    assert non_global(address)


@pytest.mark.parametrize("address", GLOBAL)
def test_global_addresses_and_wrapped_global_ipv4_are_global(address):
    assert not non_global(address)


ipv4 = st.integers(0, 2**32 - 1).map(IPv4Address)
PRIVATE_V4 = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12"]
PRIVATE_V4 += ["192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4"]


def inside(network: str) -> st.SearchStrategy[IPv4Address | IPv6Address]:
    net = IPv4Network(network) if "." in network else IPv6Network(network)
    return st.integers(0, net.num_addresses - 1).map(lambda i: net.network_address + i)


def wrapped(v4: IPv4Address) -> list[IPv6Address]:
    """IPv4-mapped, IPv4-compatible, IPv4-translated and NAT64 forms of one IPv4 address."""
    prefixes = (0, 0xFFFF << 32, 0xFFFF << 48, 0x64FF9B << 96)
    return [IPv6Address(prefix | int(v4)) for prefix in prefixes]


@given(ipv4)
def test_an_ipv6_address_carrying_an_ipv4_address_is_exactly_as_global_as_it(v4):
    assert {non_global(v6) for v6 in wrapped(v4)} == {non_global(v4)}


@given(st.one_of(*(inside(n) for n in PRIVATE_V4)), st.integers(0, 2**80 - 1))
def test_every_form_of_a_private_ipv4_address_is_non_global(v4, suffix):
    sixtofour = IPv6Address((0x2002 << 112) | (int(v4) << 80) | suffix)
    assert non_global(v4) and non_global(sixtofour) and all(non_global(v6) for v6 in wrapped(v4))


@given(
    st.one_of(*(inside(n) for n in ("64:ff9b:1::/48", "2001::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")))
)
def test_local_nat64_teredo_unique_local_link_local_site_local_and_multicast_are_non_global(v6):
    assert non_global(v6)


URL_PIECES = st.sampled_from(
    ["http://", "https://", "HTTP://", "[", "]", ":", "::", "%", "%2e", "@", "/", "?", "#", ".", "..", "0x", "127", "0"]
    + ["1", "ff", "example", "xn--", "bücher", "１２７", "。", " ", "\t", "\\", "-", "_", "80", "65536", "localhost"]
)


@given(st.lists(URL_PIECES, max_size=12).map("".join) | st.text(max_size=40).map(lambda t: "http://" + t))
def test_any_text_is_either_refused_or_kept_in_a_canonical_form_that_reads_back_as_itself(url):
    try:
        target = parse_target(url)
    except ValueError:
        return
    assert parse_target(target.url) == target
