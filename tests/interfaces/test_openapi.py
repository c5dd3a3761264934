"""The OpenAPI document names every operation on purpose, so generated clients get stable method names."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.testing import TestClient

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]


def test_every_operation_has_a_unique_operation_id_and_a_tag(client: TestClient[Litestar]) -> None:
    operations = _operations(client.get("/schema/openapi.json").json())
    assert operations
    ids = [operation.get("operationId") for _, _, operation in operations]
    assert all(ids), [f"{m} {p}" for m, p, o in operations if not o.get("operationId")]
    assert len(set(ids)) == len(ids), sorted(i for i in ids if ids.count(i) > 1)
    assert [f"{m} {p}" for m, p, o in operations if not o.get("tags")] == []


def test_every_api_route_names_its_operation_itself_rather_than_letting_litestar_derive_it(
    client: TestClient[Litestar],
) -> None:
    app = client.app
    api = {
        path: handlers
        for path, handlers in app.route_handler_method_map.items()
        if not path.startswith(("/schema", "/dashboard", "/portal"))
    }
    derived = [
        f"{sorted(handler.http_methods)} {path}"
        for path, handlers in api.items()
        for handler in set(handlers.values())
        if isinstance(handler, HTTPRouteHandler) and handler.include_in_schema and handler.operation_id is None
    ]
    assert derived == []


def test_hand_decoded_bodies_keys_and_problems_are_documented() -> None:
    from interfaces.http.app import openapi_document

    document = openapi_document()
    paths = document["paths"]
    for path in ("/events/ingest", "/meters"):
        assert paths[path]["post"]["requestBody"]["required"] is True, path
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key from `tally keys create`",
    }
    assert document["security"] == [{"bearer": []}]
    assert paths["/health"]["get"]["security"] == [{}, {"bearer": []}], "a key is optional: it adds detail"
    for method, path, operation in _operations(document):
        problems = {s for s, r in operation["responses"].items() if "application/problem+json" in r.get("content", {})}
        assert {"400", "422", "503"} <= problems, (method, path)
        assert {"401", "429"} <= problems, (method, path)  # every route reads a key, /health an optional one
        # A path that names something answers 404; so do these, for an id in the query or the body.
        names_one = "{" in path or (method, path) in {
            ("GET", "/events"),
            ("POST", "/products"),
            ("POST", "/subscriptions"),
            ("POST", "/simulations"),
        }
        assert ("404" in problems) == names_one, (method, path)
