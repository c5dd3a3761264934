"""The body check measures JSON nesting exactly, whatever brackets, quotes and backslashes strings hold."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import Malformed
from interfaces.http.request_check import MAX_DEPTH, check_body, nesting_exceeds

TRICKY = st.text(st.sampled_from(list('[]{}"\\ab\n')), max_size=8)
VALUES = st.recursive(
    st.none() | st.integers() | TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TRICKY, inner, max_size=3),
    max_leaves=30,
)


def depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    return 0


@given(VALUES)
def test_nesting_is_measured_exactly(value):
    body = json.dumps(value).encode()
    assert not nesting_exceeds(body, depth(value))
    if depth(value):
        assert nesting_exceeds(body, depth(value) - 1)


def test_64_levels_pass_and_65_do_not():
    check_body(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH)
    with pytest.raises(Malformed):
        check_body(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))


@pytest.mark.parametrize("body", [b'{"a":"\xff"}', b'"\xed\xa0\x80"', b'"\xc3"'])
def test_a_body_that_is_not_utf8_is_malformed(body):
    with pytest.raises(Malformed) as raised:
        check_body(body)
    assert raised.value.code == "malformed_json"
