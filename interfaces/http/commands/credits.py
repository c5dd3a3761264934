"""Manual credit grants."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from litestar import post

from application.tally import Tally
from interfaces.resources.credits import CreditGrant, Granted
from projections.reads.billing_views import number


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
