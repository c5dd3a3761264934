"""Currencies and their minor units; rounding money once, half-up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from domain import numbers  # noqa: F401  (its precision is what rounding relies on)

# ISO 4217 minor units of the currencies tally accepts.
MINOR_UNITS: dict[str, int] = {
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "CHF": 2,
    "CAD": 2,
    "AUD": 2,
    "NZD": 2,
    "SEK": 2,
    "NOK": 2,
    "DKK": 2,
    "PLN": 2,
    "CZK": 2,
    "INR": 2,
    "BRL": 2,
    "MXN": 2,
    "SGD": 2,
    "HKD": 2,
    "CNY": 2,
    "ZAR": 2,
    "JPY": 0,
    "KRW": 0,
    "CLP": 0,
    "ISK": 0,
    "VND": 0,
    "BHD": 3,
    "KWD": 3,
    "JOD": 3,
    "OMR": 3,
    "TND": 3,
}


def is_currency(code: str) -> bool:
    return code in MINOR_UNITS


def round_money(amount: Decimal, currency: str) -> Decimal:
    """The one rounding of an amount: half-up to the currency's minor unit."""
    return amount.quantize(Decimal(1).scaleb(-MINOR_UNITS[currency]), rounding=ROUND_HALF_UP)


def money(amount: Decimal, currency: str) -> Decimal:
    """An already exact amount written with the currency's minor unit ("30" -> "30.00")."""
    return amount.quantize(Decimal(1).scaleb(-MINOR_UNITS[currency]))
