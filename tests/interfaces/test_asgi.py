"""Each API process of `tally serve --workers N` builds its app from the environment."""

from litestar.testing import TestClient

from interfaces.http import asgi


def test_an_api_process_finds_the_database_and_schema_in_the_environment(database_url, schema, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TALLY_SCHEMA", schema)
    with TestClient(asgi.create()) as client:
        answer = client.get("/health")
    assert answer.status_code == 200
    assert client.app.state.tally.store.schema == schema
