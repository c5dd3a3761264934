"""Manual credit grants."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from decimal import Decimal
from typing import Annotated

import msgspec
from litestar import post

from application.tally import Tally
from interfaces.http.schemas.credits import Granted
from projections.reads.billing_views import number

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=255)]


class CreditGrant(msgspec.Struct, forbid_unknown_fields=True):
    amount: Decimal
    expires_at: Annotated[datetime, msgspec.Meta(tz=True)] | None = None
    reason: Text | None = None
    idempotency_key: Text | None = None


class CreditCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(operation_id="GrantCredits", sync_to_thread=True, status_code=200, opt={"problems": (409,)})
    def grant_credits(self, customer_id: str, data: CreditGrant, tally: Tally, business: uuid.UUID) -> Granted:
        """Grant credits to the customer's wallet. A reused `idempotency_key` grants nothing more and answers
        the same grant with the wallet as it is (`granted: false`)."""
        result = tally.credits.grant_credits(
            business,
            customer_id,
            data.amount,
            data.expires_at,
            data.reason,
            data.idempotency_key,
            datetime.now(timezone.utc),
        )
        return Granted(
            customer_id, str(result.wallet_id), result.grant_id, number(result.balance), result.granted, result.position
        )
