"""What a credit grant answers."""

from __future__ import annotations

import msgspec


class Granted(msgspec.Struct):
    customer_id: str
    wallet_id: str
    grant_id: str
    balance: str
    granted: bool
    position: int
