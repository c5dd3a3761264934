"""Dodo's SDK sends `locale` to the reads of its catalog entities; on every one of those routes that tally
serves, `locale` is documented and accepted (tally keeps no translations: it changes nothing). The routes
are found in the SDK's own source, so a route tally adds later, or an SDK that sends `locale` to one more
read, cannot be missed."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import uuid

import dodopayments.resources
from dodopayments._resource import SyncAPIResource
from litestar.testing import TestClient

from interfaces.http.app import openapi_document


def sdk_paths_sending_locale() -> set[str]:
    """Every path the SDK's methods send a `locale` query parameter to, with `{}` for each path parameter."""
    paths = set()
    package = dodopayments.resources
    for module_info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(module_info.name)
        for _, resource in inspect.getmembers(module, inspect.isclass):
            if not issubclass(resource, SyncAPIResource) or resource.__module__ != module.__name__:
                continue
            for _, method in inspect.getmembers(resource, inspect.isfunction):
                source = inspect.getsource(method)
                if '"locale": locale' in source:
                    called = re.findall(r'self\._\w+\(\s*(?:path_template\()?f?"(/[^"]*)"', source)
                    paths.update(re.sub(r"\{[^}]*\}", "{}", path) for path in called)
    return paths


def test_every_read_of_tallys_that_dodos_sdk_sends_locale_to_documents_and_accepts_it(
    client: TestClient, auth: dict[str, str]
) -> None:
    document = openapi_document()["paths"]
    served = {re.sub(r"\{[^}]*\}", "{}", path): path for path, item in document.items() if "get" in item}
    sent_locale = sdk_paths_sending_locale()
    ours = sorted(served[path] for path in sent_locale & served.keys())
    assert ours == [
        "/addons",
        "/addons/{addon_id}",
        "/credit-entitlements",
        "/credit-entitlements/{entitlement_id}",
        "/meters",
        "/meters/{meter_id}",
        "/products",
        "/products/{product_id}",
        "/subscriptions",
        "/subscriptions/{subscription_id}",
    ]
    for path in ours:
        documented = [p["name"] for p in document[path]["get"].get("parameters", []) if p["in"] == "query"]
        assert "locale" in documented, path
        asked = client.get(re.sub(r"\{[^}]*\}", str(uuid.uuid4()), path), params={"locale": "fr"}, headers=auth)
        # A list answers 200; one thing under an id nobody has, 404: the parameter itself was taken.
        assert asked.status_code == (404 if "{" in path else 200), (path, asked.text)
