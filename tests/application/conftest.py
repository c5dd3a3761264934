from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from application.tally import Tally
from tests.application.helpers import count_meter, daily_product, price


@pytest.fixture
def per_call_product(tally: Tally, business: uuid.UUID, make_customer: Callable[..., str]) -> uuid.UUID:
    """A daily product charging 1 per api.call, and customer cus_1 to subscribe to it."""
    make_customer("cus_1")
    return daily_product(tally, business, price(count_meter(tally, business)))
