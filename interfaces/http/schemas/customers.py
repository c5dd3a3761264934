"""What customer commands answer."""

from __future__ import annotations

from projections.customers.projection import CustomerView


class CustomerWritten(CustomerView):
    position: int = 0
