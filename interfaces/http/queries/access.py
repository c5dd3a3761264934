"""Access queries: may the customer use a meter or a feature now, and every entitlement it holds
(docs/access.md). Exact against every event stored before the request, without waiting for the usage
read model: only `charges` is waited for, when a write other than usage is still on its way there."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from anyio import to_thread
from litestar import get
from litestar.datastructures import State
from litestar.params import Parameter

from application.tally import Tally
from domain.errors import Fault, Invalid
from interfaces.http.queries.entitlements import CustomerId
from interfaces.resources.access import (
    AccessView,
    EntitlementsView,
    access_view,
    entitlement_view,
    quantity_of,
    settled,
)


class AccessQueries:
    """Joined into the customers controller (its path)."""

    @get("/{customer_id:str}/access", operation_id="CheckAccess")
    async def access(
        self,
        customer_id: CustomerId,
        tally: Tally,
        state: State,
        business: uuid.UUID,
        meter_id: str | None = Parameter(default=None, description="The meter to check"),
        feature: str | None = Parameter(default=None, description="The feature key to check (instead of a meter)"),
        quantity: str = Parameter(default="1", description="How many more units the customer would use"),
    ) -> AccessView:
        """`{allowed, reason, used, limit, remaining, balance?, cycle_start, cycle_end, position}` for a meter
        (`meter_id`) or a feature (`feature`): `reason` is ok, no_subscription, usage_limit, credits_exhausted,
        overage_limit or feature_not_granted. Counts every usage event stored before the request."""
        if (meter_id is None) == (feature is None):
            raise Invalid("give meter_id or feature", "invalid_request", [Fault("meter_id", "or feature, one of them")])
        amount = quantity_of(quantity)
        await settled(state, tally, business)
        now = datetime.now(timezone.utc)
        if feature is not None:
            checked = await to_thread.run_sync(tally.access.check_feature, business, customer_id, feature, amount, now)
            return access_view(checked, feature=feature)
        assert meter_id is not None
        checked = await to_thread.run_sync(tally.access.check, business, customer_id, meter_id, amount, now)
        return access_view(checked, meter_id)

    @get("/{customer_id:str}/entitlements", operation_id="ListCustomerEntitlements")
    async def entitlements(
        self, customer_id: CustomerId, tally: Tally, state: State, business: uuid.UUID
    ) -> EntitlementsView:
        """Every feature the customer's active subscriptions grant and every limit on a meter they price (Dodo's
        entitlement grant shape, with the check's fields)."""
        await settled(state, tally, business)
        entries = await to_thread.run_sync(
            tally.access.entitlements_of, business, customer_id, datetime.now(timezone.utc)
        )
        return EntitlementsView([entitlement_view(e) for e in entries])
