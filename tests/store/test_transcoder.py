"""The msgspec decoder reads back exactly what the library's JSON transcoder reads."""

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from eventsourcing.application import Application
from eventsourcing.persistence import TranscodingNotRegisteredError
from hypothesis import given, settings
from hypothesis import strategies as st

from store.transcoder import MsgspecJSONTranscoder

STANDARD = Application(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}).mapper.transcoder
FAST = MsgspecJSONTranscoder()
Application.register_transcodings(None, FAST)  # type: ignore[arg-type]

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.text(max_size=12),
    st.uuids(),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.datetimes(timezones=st.just(timezone.utc)),
    st.datetimes(),
)
documents = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["a", "b", "_type_", "_data_", "é"]), inner, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(document=st.dictionaries(st.text(max_size=8), documents, max_size=5))
def test_decoding_matches_the_standard_transcoder(document):
    try:
        data = STANDARD.encode(document)
    except TypeError:
        return  # not encodable by the library either
    try:
        expected = STANDARD.decode(data)
    except (TranscodingNotRegisteredError, TypeError) as refused:  # a dict posing as a tagged value
        with pytest.raises(type(refused)):
            FAST.decode(data)
        return
    assert FAST.decode(data) == expected


def test_tagged_values_come_back_as_their_types():
    moment = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=2)))
    state = {"id": uuid.uuid4(), "amount": Decimal("1.250"), "at": moment, "nested": [{"x": Decimal("2")}]}
    assert FAST.decode(STANDARD.encode(state)) == state
    assert FAST.decode(STANDARD.encode(state))["amount"].as_tuple().exponent == -3
