"""What customer commands answer."""

from __future__ import annotations

from projections.customers import CustomerView


class CustomerWritten(CustomerView):
    position: int = 0
