"""What a cycle's close does to one (customer, entitlement) balance, in this order (docs/credit-entitlements.md):

1. debit the credits the cycle's lines used (beyond the balance: overage, as the rating allowed);
2. settle the overage by the behaviour: `invoice_at_billing` records the charge the invoice carries,
   `forgive_at_reset` resets it, the `carry_deficit*` behaviours keep it;
3. expire other grants due by the cycle's end (not those still paying for another cycle not closed yet:
   `kept`, domain/entitlements.awaiting_close); roll over what is left of the cycle's own grants
   (`rollover_percentage`, at most `max_rollover_count` times), forfeiting the rest;
4. grant the next cycle's credits; `carry_deficit_auto_repay` repays the deficit from them first.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.credit_rules import Attachment, EntitlementTerms, repayment, settlement
from domain.credit_wallet import CreditWallet
from domain.rating import Line, UsagePrice


@dataclass(frozen=True)
class Closing:
    """One cycle's close as a balance sees it."""

    settles: str  # the closing cycle's reference
    cycle_end: datetime
    invoice_id: str
    currency: str
    following: str | None  # the next cycle's reference, None once the subscription has ended
    following_end: datetime | None


def product_terms(attachments: list[Attachment], base: dict[str, EntitlementTerms]) -> dict[str, EntitlementTerms]:
    """Each entitlement's terms as this product applies them: the entitlement's, overridden by the
    product's attachment where it attaches it."""
    terms = dict(base)
    for a in attachments:
        terms[a.credit_entitlement_id] = a.applied_to(base[a.credit_entitlement_id])
    return terms


def settle(
    wallet: CreditWallet,
    terms: EntitlementTerms,
    prices: list[UsagePrice],
    lines: list[Line],
    closing: Closing,
    kept: Collection[str],
) -> None:
    debit_usage(wallet, terms, prices, lines, closing.settles, closing.invoice_id)
    charged = next((line for line in lines if line.meter_id == f"credit_entitlement:{wallet.entitlement_id}"), None)
    if charged is not None:
        wallet.charge_overage(charged.unit_price, charged.amount, closing.currency, closing.invoice_id, closing.settles)
    elif terms.overage_behavior == "forgive_at_reset":
        wallet.reset_overage(closing.settles)
    wallet.expire(closing.cycle_end, closing.settles, kept=kept)
    rollovers = {
        gid: settlement(wallet.grants[gid], terms, closing.cycle_end) for gid in wallet.ending(closing.settles)
    }
    wallet.close_period(closing.settles, rollovers, closing.following, closing.following_end)


def debit_usage(
    wallet: CreditWallet,
    terms: EntitlementTerms,
    prices: list[UsagePrice],
    lines: list[Line],
    reference: str,
    invoice_id: str,
) -> None:
    """Debits the credits the lines of prices linked to the wallet's entitlement used (a part billed at a plan
    change does only this: its cycle's overage, expiry and rollover wait for the cycle's close)."""
    linked = {p.meter_id for p in prices if p.credit_entitlement_id == wallet.entitlement_id}
    for line in lines:
        if line.meter_id in linked and not line.late:
            wallet.debit(
                line.credits_used,
                reference,
                line.meter_id,
                "usage",
                f"invoice:{invoice_id}",
                overage_allowed=terms.overage_enabled,
            )


def grant(
    wallet: CreditWallet,
    terms: EntitlementTerms,
    grant_id: str,
    amount: Decimal,
    expires_at: datetime | None,
    reference: str,
) -> None:
    """A cycle's grant; under `carry_deficit_auto_repay` it repays the deficit first."""
    wallet.grant(grant_id, amount, "cycle", expires_at, reference)
    repay_from_balance(wallet, terms, reference)


def repay_from_balance(wallet: CreditWallet, terms: EntitlementTerms, reference: str) -> None:
    wallet.repay_overage(repayment(wallet.overage, wallet.balance, terms), reference)
