"""One money format on every page: the currency's symbol (or code), at least its minor units, never rounded."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from domain.billing_details import BillingDetails
from domain.rating import Line
from interfaces.dashboard.filters import as_json, money


@pytest.mark.parametrize(
    "amount, currency, shown",
    [
        ("1.5", "USD", "$1.50"),
        ("13.50", "USD", "$13.50"),
        ("1234.5", "USD", "$1,234.50"),
        ("0.0000025", "USD", "$0.0000025"),
        ("-6", "USD", "-$6.00"),
        ("1200", "JPY", "¥1,200"),
        ("2", "KWD", "KWD 2.000"),
        ("12", "CHF", "CHF 12.00"),
        (None, "USD", "—"),
    ],
)
def test_an_amount_shows_its_currency_and_at_least_its_minor_units(amount, currency, shown):
    assert money(amount, currency) == shown


def test_value_objects_show_by_their_fields_never_as_python_reprs():
    line = Line(
        "m",
        "calls",
        Decimal("192768"),
        Decimal(0),
        Decimal(0),
        Decimal(0),
        Decimal(1),
        Decimal("0.5"),
        Decimal("0.50"),
        False,
    )
    text = as_json({"lines": [line], "bill_to": BillingDetails(), "at": datetime(2026, 1, 1, tzinfo=UTC)})
    assert "Decimal(" not in text and "BillingDetails(" not in text and "Line(" not in text
    assert '"quantity": "192768"' in text and "2026-01-01T00:00:00+00:00" in text
