"""The text rule is what PostgreSQL text can hold: whatever passes it is stored and read back unchanged."""

from __future__ import annotations

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.text import text_fault


@pytest.fixture
def conn(database_url: str):
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("CREATE TEMPORARY TABLE texts (value text)")
        yield connection


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(), st.booleans())
def test_any_text_the_rule_accepts_round_trips_through_a_text_column(conn, text, prose):
    if text_fault("f", text, prose=prose):
        return
    stored = conn.execute("INSERT INTO texts VALUES (%s) RETURNING value", (text,)).fetchone()
    assert stored == (text,)


@pytest.mark.parametrize("text", ["a\x00b", "a\ud800b"])
def test_what_the_rule_refuses_first_is_what_postgres_cannot_take(conn, text):
    assert text_fault("f", text)
    with pytest.raises((psycopg.DataError, UnicodeEncodeError)):
        conn.execute("INSERT INTO texts VALUES (%s)", (text,))
