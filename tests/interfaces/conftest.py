"""What the HTTP tests share beyond tests/conftest.py: Dodo's own SDK on the test's app."""

from __future__ import annotations

import pytest
from dodopayments import DodoPayments
from litestar.testing import TestClient


@pytest.fixture
def strict_sdk(client: TestClient, key: str) -> DodoPayments:
    """Dodo's SDK with strict response validation, on the test's app. Not closed here: it closes the http client
    it was given, which the `client` fixture owns."""
    return DodoPayments(
        bearer_token=key,
        base_url=str(client.base_url),
        http_client=client,
        max_retries=0,
        _strict_response_validation=True,
    )
