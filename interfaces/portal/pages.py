"""The portal's pages (docs/portal.md): this cycle, invoices (each explained, and its PDF), credits, and the
subscription. Every page shows the viewer's own customer only: an id of another customer's is not found."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Redirect, Template

from application.explain import LineWork
from application.tally import Tally
from domain.errors import NotFound
from domain.meter import Meter
from interfaces.portal.viewer import COOKIE, Viewer, holder_of, with_session
from interfaces.resources.access import entitlement_view
from interfaces.resources.invoices import any_invoice, invoice_document, invoice_list
from interfaces.resources.meters import read_usage
from interfaces.resources.subscriptions import subscription_view
from interfaces.resources.usage import UpcomingView, usage_of
from projections.reads.billing_views import LineView
from projections.reads.queries import Queries

INVOICES_SHOWN = 100
CHART_DAYS = 31


@dataclass(frozen=True)
class MeterDay:
    day: datetime
    value: Decimal
    share: int  # percent of the cycle's busiest day, for the bar's width


@dataclass(frozen=True)
class MeterCycle:
    """One meter's usage this cycle as the portal tells it: its line, its unit, and its days."""

    line: LineView
    unit: str
    days: list[MeterDay]


def _page(name: str, viewer: Viewer, section: str, **context: Any) -> Template:
    return Template(f"portal/{name}.html", context={"viewer": viewer, "section": section, **context})


def _unit(meter: Meter) -> str:
    return meter.measurement_unit or meter.name


def _days(tally: Tally, queries: Queries, viewer: Viewer, meter_id: str, u: UpcomingView) -> list[MeterDay]:
    end = min(u.current_cycle.end, datetime.now(UTC) + timedelta(days=1))
    start = max(u.current_cycle.start, end - timedelta(days=CHART_DAYS))
    usage = read_usage(tally, queries, viewer.business, uuid.UUID(meter_id), start, end, viewer.customer_id, "day")
    values = [(b.start, Decimal(str(b.value or 0))) for b in usage.buckets]
    top = max((v for _, v in values), default=Decimal(0))
    return [MeterDay(d, v, int(v * 100 / top) if top else 0) for d, v in values]


@get("/", sync_to_thread=True)
def cycle_page(viewer: Viewer, tally: Tally, queries: Queries) -> Template:
    """This cycle: per meter the usage so far (a bar a day), the free allowance, what is billable, the upcoming
    invoice priced now, and each limit with what remains (exact, as the access check answers it)."""
    usage = usage_of(tally, viewer.business, viewer.customer_id)
    meters: dict[str, list[MeterCycle]] = {}
    products = {}
    for u in usage.subscriptions:
        products[u.subscription_id] = tally.catalogue.get_product(viewer.business, uuid.UUID(u.product_id)).name
        shown = []
        for line in u.lines:
            if line.kind != "usage" or line.late or ":" in line.meter_id or line.group:
                continue
            meter = tally.meters.get_meter(viewer.business, uuid.UUID(line.meter_id))
            shown.append(MeterCycle(line, _unit(meter), _days(tally, queries, viewer, line.meter_id, u)))
        meters[u.subscription_id] = shown
    return _page(
        "cycle",
        viewer,
        "cycle",
        usage=usage,
        meters=meters,
        products=products,
        entitlements=queries.entitlements.of_customer(viewer.business, viewer.customer_id).items,
        limits=[
            entitlement_view(e)
            for e in tally.access.entitlements_of(viewer.business, viewer.customer_id, datetime.now(UTC))
        ],
    )


@get("/invoices", sync_to_thread=True)
def invoices_page(viewer: Viewer, tally: Tally, queries: Queries) -> Template:
    found = invoice_list(
        tally, queries, viewer.business, viewer.customer_id, None, 0, INVOICES_SHOWN, datetime.now(UTC)
    )
    return _page("invoices", viewer, "invoices", invoices=found.items)


def _own_invoice(viewer: Viewer, tally: Tally, queries: Queries, invoice_id: uuid.UUID) -> Any:
    invoice = any_invoice(tally, queries, viewer.business, invoice_id, datetime.now(UTC))
    if invoice.customer_id != viewer.customer_id:
        raise NotFound("invoice", invoice_id)
    return invoice


@get("/invoices/{invoice_id:uuid}", sync_to_thread=True)
def invoice_page(invoice_id: uuid.UUID, viewer: Viewer, tally: Tally, queries: Queries) -> Template:
    """An invoice's lines and "why this amount": each line worked out again from the event log."""
    invoice = _own_invoice(viewer, tally, queries, invoice_id)
    why: list[LineWork] = []
    matches = None
    if invoice.issued_at is not None:
        explained = tally.explainer.explain_invoice(viewer.business, invoice_id)
        why, matches = explained.lines, explained.matches
    units = {
        line.meter_id: _unit(tally.meters.get_meter(viewer.business, uuid.UUID(line.meter_id)))
        for line in invoice.lines
        if line.kind == "usage" and ":" not in line.meter_id
    }
    return _page("invoice", viewer, "invoices", invoice=invoice, why=why, matches=matches, units=units)


@get("/invoices/{invoice_id:uuid}/pdf", sync_to_thread=True)
def invoice_pdf(invoice_id: uuid.UUID, viewer: Viewer, tally: Tally, queries: Queries) -> Response[bytes]:
    invoice = _own_invoice(viewer, tally, queries, invoice_id)
    name = invoice.number or f"draft-{invoice_id}"
    return Response(
        invoice_document(tally, queries, viewer.business, invoice_id),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{name}.pdf"'},
    )


@get("/credits", sync_to_thread=True)
def credits_page(viewer: Viewer, queries: Queries) -> Template:
    """Credit balances and their movements, and the prepaid balance (the viewer waited for the read models)."""
    return _page(
        "credits",
        viewer,
        "credits",
        credits=queries.credits(viewer.business, viewer.customer_id, 0, INVOICES_SHOWN),
        entitlements=queries.entitlements.of_customer(viewer.business, viewer.customer_id).items,
        wallets=queries.money_wallets(viewer.business, viewer.customer_id),
        wallet_entries=queries.wallet_entries(viewer.business, viewer.customer_id, None, 0, INVOICES_SHOWN),
    )


def _own_subscriptions(viewer: Viewer, tally: Tally) -> list[Any]:
    usage = usage_of(tally, viewer.business, viewer.customer_id)
    return [
        subscription_view(tally.subscriptions.get_subscription(viewer.business, uuid.UUID(u.subscription_id)))
        for u in usage.subscriptions
    ]


@get("/subscription", sync_to_thread=True)
def subscription_page(viewer: Viewer, tally: Tally) -> Template:
    subscriptions = _own_subscriptions(viewer, tally)
    names = {
        s.product_id: tally.catalogue.get_product(viewer.business, uuid.UUID(s.product_id)).name for s in subscriptions
    }
    return _page("subscription", viewer, "subscription", subscriptions=subscriptions, names=names)


@post("/subscriptions/{subscription_id:uuid}/cancel-at-period-end", sync_to_thread=True, status_code=303)
def cancel_at_period_end(subscription_id: uuid.UUID, viewer: Viewer, tally: Tally) -> Redirect:
    """Only where the business allows it (`portal.allow_cancel`), and only the viewer's own subscription."""
    subscription = tally.subscriptions.get_subscription(viewer.business, subscription_id)
    if not viewer.settings.allow_cancel or subscription.customer_id != viewer.customer_id:
        raise NotFound("subscription", subscription_id)
    tally.subscriptions.update_subscription(
        viewer.business, subscription_id, datetime.now(UTC), cancel_at_next_billing_date=True
    )
    return Redirect("/portal/subscription", status_code=303)


@get("/open", sync_to_thread=True)
def open_link(request: Request[Any, Any, Any], tally: Tally, token: str = "") -> Response[Any]:
    """A portal link: its token becomes the portal's cookie, and the portal opens."""
    _, claims = holder_of(request, tally, token)
    response: Response[Any] = Redirect("/portal", status_code=303)
    with_session(response, request, token, claims)
    return response


@post("/sign-out", status_code=303, sync_to_thread=False)
def sign_out() -> Response[Any]:
    response: Response[Any] = Redirect("/portal/signed-out", status_code=303)
    response.delete_cookie(COOKIE, path="/portal")
    return response


@get("/signed-out", sync_to_thread=False)
def signed_out() -> Template:
    return Template("portal/denied.html", context={"reason": "signed-out"}, status_code=200)


@get("/theme.css", sync_to_thread=False)
def theme(viewer: Viewer) -> Response[str]:
    """The business's accent colour, as a style sheet (the portal's pages allow no inline style)."""
    colour = viewer.settings.accent_color or "#2f5bea"
    return Response(f":root {{ --accent: {colour}; }}\n", media_type="text/css")


HANDLERS = [
    cycle_page,
    invoices_page,
    invoice_page,
    invoice_pdf,
    credits_page,
    subscription_page,
    cancel_at_period_end,
    open_link,
    sign_out,
    signed_out,
    theme,
]
