import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.ids import scoped_id


@settings(max_examples=300, deadline=None)
@given(
    scope=st.uuids(),
    kind=st.text(max_size=20),
    key=st.text(max_size=300).filter(lambda k: not any("\ud800" <= c <= "\udfff" for c in k)),
)
def test_a_scoped_id_is_the_stdlib_uuid5_of_its_name(scope, kind, key):
    made = scoped_id(scope, kind, key)
    expected = uuid.uuid5(scope, f"{kind}:{key}")
    assert made == expected and hash(made) == hash(expected) and str(made) == str(expected)
    assert (made.version, made.variant, made.bytes) == (5, uuid.RFC_4122, expected.bytes)
