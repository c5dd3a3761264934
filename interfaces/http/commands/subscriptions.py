"""Subscription commands: start (tally's shape or Dodo's), update, change plan (and its preview, and the
cancellation of a scheduled change), cancel, close cycles."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import msgspec
from anyio import to_thread
from litestar import delete, patch, post, put
from litestar.datastructures import State

from application.plan_changes import Changed
from application.tally import Tally
from application.written import Written
from domain.errors import Invalid
from domain.invoice import invoice_id
from interfaces.http.dependencies import visible
from interfaces.resources.catalog.prices import UsagePriceIn, usage_price
from interfaces.resources.plan_changes import ChangeAnswer, PreviewAnswer, change_answer, preview_answer
from interfaces.resources.subscription_bodies import (
    ChangePlan,
    DodoSubscriptionCreate,
    SubscriptionCreate,
    SubscriptionUpdate,
    addon_items,
    decode_create,
)
from interfaces.resources.subscriptions import Closed, SubscriptionWritten, subscription_answer
from projections.invoices.queries import invoice_view


def _written(tally: Tally, business: uuid.UUID, done: Written[uuid.UUID]) -> SubscriptionWritten:
    subscription = tally.subscriptions.get_subscription(business, done.id)
    first = subscription.cycle(0)
    return SubscriptionWritten(
        **msgspec.structs.asdict(subscription_answer(tally, business, subscription)),
        position=done.position,
        payment_id=str(invoice_id(subscription.id, first.start)) if first else "",
    )


def _change_plan(
    tally: Tally, business: uuid.UUID, subscription_id: uuid.UUID, data: ChangePlan, preview: bool
) -> Changed:
    """The plan change a ChangePlan body asks for, made or (`preview`) only worked out."""
    when = data.when()
    return tally.plan_changes.change_plan(
        business,
        subscription_id,
        data.product_id,
        data.quantity,
        data.mode(),
        when,
        datetime.now(timezone.utc),
        data.cancel_scheduled_change_plan,
        preview=preview,
        addons=None if data.addons is None else addon_items(data.addons),
    )


class SubscriptionCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post(
        operation_id="StartSubscription",
        sync_to_thread=True,
        opt={"problems": (404, 409), "body": SubscriptionCreate},
    )
    def start_subscription(self, body: bytes, tally: Tally, business: uuid.UUID) -> SubscriptionWritten:
        """Subscribe a customer to a product, in tally's shape (`customer_id`, `start`: may be in the past,
        truncated to the minute) or Dodo's (`customer: {customer_id}`, `billing`). `quantity` (seats)
        multiplies the fixed price; `trial_period_days` makes the first cycle a free trial. No payment is
        taken: `payment_id` names the invoice the first cycle will issue."""
        data = decode_create(body)
        now = datetime.now(timezone.utc)
        if isinstance(data, DodoSubscriptionCreate):
            refusals = data.refusals()
            if refusals:
                raise Invalid("cannot start the subscription", "invalid_subscription", refusals)
            customer, billing = data.customer.customer_id, data.billing.address()
        else:
            customer, billing = data.customer_id, None
        done = tally.subscriptions.start_subscription(
            business,
            customer,
            data.product_id,
            data.start or now,
            now,
            data.quantity,
            data.trial_period_days,
            data.metadata,
            billing,
            addon_items(data.addons),
            data.discount_code,
        )
        return _written(tally, business, done)

    @patch("/{subscription_id:uuid}", operation_id="UpdateSubscription", sync_to_thread=True, opt={"problems": (409,)})
    def update_subscription(
        self, subscription_id: uuid.UUID, data: SubscriptionUpdate, tally: Tally, business: uuid.UUID
    ) -> SubscriptionWritten:
        """Cancel at the next billing date (`cancel_at_next_billing_date: true`; `false` before that date undoes
        it), replace the `metadata`, move the `next_billing_date` (the end of the open cycle), cancel now
        (`status: cancelled`), or redeem a `discount_code` from the open cycle on (404 unknown code, 422 expired,
        used up or not for the product)."""
        now = datetime.now(timezone.utc)
        if data.discount_code is not None:
            tally.subscriptions.apply_discount(business, subscription_id, data.discount_code, now)
        if data.status == "cancelled":
            tally.subscriptions.cancel_subscription(business, subscription_id, now)
        done = tally.subscriptions.update_subscription(
            business, subscription_id, now, data.cancel_at_next_billing_date, data.metadata, data.next_billing_date
        )
        return _written(tally, business, done)

    @put(
        "/{subscription_id:uuid}/usage-prices/{meter_id:str}",
        operation_id="OverrideUsagePrice",
        sync_to_thread=True,
        opt={"problems": (409,)},
    )
    def override_usage_price(
        self, subscription_id: uuid.UUID, meter_id: str, data: UsagePriceIn, tally: Tally, business: uuid.UUID
    ) -> SubscriptionWritten:
        """This subscription's own price of a meter its product prices (the product's price shapes and checks;
        credits stay the product's), in place of the product's from the open cycle on. The subscription's audit
        history shows each override."""
        done = tally.subscriptions.override_usage_price(business, subscription_id, usage_price(meter_id, data))
        return _written(tally, business, done)

    @post(
        "/{subscription_id:uuid}/change-plan",
        operation_id="ChangePlan",
        sync_to_thread=True,
        status_code=200,
        opt={"problems": (409,)},
    )
    def change_plan(
        self, subscription_id: uuid.UUID, data: ChangePlan, tally: Tally, business: uuid.UUID
    ) -> ChangeAnswer:
        """Put the subscription on another product or quantity: now, at an instant of the open cycle (tally's
        extension), or at the next billing date (then shown as `scheduled_change`). What is billed at the change
        follows `proration_billing_mode` (docs/subscriptions.md); the invoices issued are in the answer."""
        return change_answer(tally, business, _change_plan(tally, business, subscription_id, data, preview=False))

    @post(
        "/{subscription_id:uuid}/change-plan/preview",
        operation_id="PreviewChangePlan",
        sync_to_thread=True,
        status_code=200,
        opt={"problems": (409,)},
    )
    def preview_change_plan(
        self, subscription_id: uuid.UUID, data: ChangePlan, tally: Tally, business: uuid.UUID
    ) -> PreviewAnswer:
        """The invoice lines a change would issue at once, and the subscription after it. Changes nothing."""
        return preview_answer(tally, business, _change_plan(tally, business, subscription_id, data, preview=True))

    @delete(
        "/{subscription_id:uuid}/change-plan/scheduled",
        operation_id="CancelScheduledChangePlan",
        sync_to_thread=True,
        status_code=200,
    )
    def cancel_scheduled_change(
        self, subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID
    ) -> SubscriptionWritten:
        """Cancel the plan change scheduled for the next billing date (404 when there is none)."""
        return _written(tally, business, tally.plan_changes.cancel_scheduled_change(business, subscription_id))

    @post(
        "/{subscription_id:uuid}/cancel",
        operation_id="CancelSubscription",
        sync_to_thread=True,
        status_code=200,
        opt={"problems": (409,)},
    )
    def cancel_subscription(self, subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID) -> SubscriptionWritten:
        """End the subscription now. Its final, partial cycle is billed when it is closed."""
        done = tally.subscriptions.cancel_subscription(business, subscription_id, datetime.now(timezone.utc))
        return _written(tally, business, done)

    @post("/{subscription_id:uuid}/close-cycle", operation_id="CloseCycle", status_code=200, opt={"problems": (409,)})
    async def close_cycle(self, subscription_id: uuid.UUID, tally: Tally, business: uuid.UUID, state: State) -> Closed:
        """Close every cycle of the subscription whose end has passed, answering their invoices. Idempotent:
        a cycle is invoiced once however often (or concurrently) this is called; with nothing due it answers [].
        It answers once the invoice lists show what it issued (or after 5 s)."""
        closed = await to_thread.run_sync(_close, tally, business, subscription_id)
        await visible(state, closed.position)
        return closed


def _close(tally: Tally, business: uuid.UUID, subscription_id: uuid.UUID) -> Closed:
    invoices = tally.billing.close_cycles(business, subscription_id, datetime.now(timezone.utc))
    return Closed([invoice_view(tally.billing.invoice(business, i)) for i in invoices], tally.store.head())
