"""Credit wallet queries."""
from __future__ import annotations

import uuid

from litestar import get

from application.tally import Tally
from domain.customer import Customer, customer_id as customer_uuid
from projections.credit_queries import CreditsView, credits_of


@get("/customers/{customer_id:str}/credits", sync_to_thread=True, tags=["credits"])
def credits(customer_id: str, tally: Tally, business: uuid.UUID, position_reached: int) -> CreditsView:
    """The customer's credit balance, its active grants (soonest-expiring first) and the ledger of every
    movement (grant, debit, expiry) with the balance after it, newest first."""
    tally.owned(business, Customer, "customer", customer_uuid(business, customer_id))
    return credits_of(tally.recorder.datastore, tally.schema, business, customer_id)


HANDLERS = [credits]
