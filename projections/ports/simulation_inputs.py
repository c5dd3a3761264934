"""What a simulation step reads: the issued invoices of a product's subscriptions
(the closed cycles and their lines), the meters' per-minute rollups over those
cycles, for every customer of the step in one query per (meter, cycle), and,
when a scenario has credits, what each wallet held when its cycle was priced."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

import msgspec
from psycopg import Cursor, sql
from psycopg.types.json import set_json_loads

from domain.cycles import Cycle
from domain.entitlements import cycle_reference
from domain.rating import ZERO, Line
from domain.simulation_rating import ClosedCycle
from domain.simulation_terms import Span
from projections.engine.tracking import read_position
from projections.usage.meter_queries import READINGS, minute
from store.rows import one

INPUTS = ("usage", "invoices", "balances")
# The customers of a step's subscriptions, by (business, product, after, last): no list of parameters.
STEP_CUSTOMERS = (
    "SELECT customer_id FROM {}.invoices WHERE business_id = %s AND product_id = %s "
    "AND subscription_id > %s AND subscription_id <= %s"
)
COLUMNS = "id, subscription_id, customer_id, cycle_start, cycle_end, currency, price, total, lines, position"


def open_simulations(cur: Cursor[Any], schema: str, limit: int) -> list[tuple[uuid.UUID, int]]:
    """(simulation, the log position it was requested at) of those still to run, oldest first."""
    cur.execute(
        sql.SQL(
            "SELECT id, requested_position FROM {}.simulations WHERE status IN ('pending', 'running') "
            "ORDER BY requested_position LIMIT %s"
        ).format(sql.Identifier(schema)),
        (limit,),
    )
    return [(r["id"], r["requested_position"]) for r in cur.fetchall()]


def inputs_reached(cur: Cursor[Any], schema: str, position: int) -> bool:
    """Whether the read models a simulation reads hold everything up to `position`: every cycle closed
    before it was requested is then in `invoices`, and its usage in `usage`."""
    return all(read_position(cur, schema, name) >= position for name in INPUTS)


def _chosen(
    schema: str, span: Span, customer_ids: list[str] | None, after: str = ""
) -> tuple[sql.Composable, list[Any]]:
    """The closed cycles a simulation covers (of subscriptions after `after`), as a subquery of invoice rows."""
    # A threshold invoice is part of a cycle billed early: its cycle's final invoice carries the cycle.
    where = (
        "business_id = %s AND product_id = %s AND status <> 'draft' AND billing_reason = 'cycle' "
        "AND subscription_id > %s"
    )
    params: list[Any] = [uuid.UUID(after) if after else uuid.UUID(int=0)]
    if customer_ids is not None:
        where += " AND customer_id = ANY(%s)"
        params.append(customer_ids)
    if span.cycles is None:
        where += " AND cycle_start >= %s AND cycle_start < %s"
        params += [span.start, span.end]
        return sql.SQL("SELECT " + COLUMNS + " FROM {}.invoices WHERE " + where).format(sql.Identifier(schema)), params
    ranked = sql.SQL(
        "SELECT " + COLUMNS + ", row_number() OVER (PARTITION BY subscription_id ORDER BY cycle_start DESC) "
        "AS back "
        "FROM {}.invoices WHERE " + where
    ).format(sql.Identifier(schema))
    return sql.SQL("SELECT * FROM ({}) ranked WHERE back <= %s").format(ranked), [*params, span.cycles]


def subscriptions_to_simulate(
    cur: Cursor[Any], schema: str, business: uuid.UUID, product: uuid.UUID, span: Span, customer_ids: list[str] | None
) -> int:
    chosen, params = _chosen(schema, span, customer_ids)
    cur.execute(
        sql.SQL("SELECT count(DISTINCT subscription_id) AS n FROM ({}) c").format(chosen), [business, product, *params]
    )
    return int(one(cur)["n"])


def closed_cycles(
    cur: Cursor[Any],
    schema: str,
    business: uuid.UUID,
    product: uuid.UUID,
    span: Span,
    customer_ids: list[str] | None,
    meter_ids: list[str],
    with_wallets: bool,
    after: str,
    limit: int,
) -> list[ClosedCycle]:
    """The closed cycles of the next `limit` subscriptions in id order after `after` ("" from the first)."""
    chosen, params = _chosen(schema, span, customer_ids, after)
    set_json_loads(msgspec.json.decode, cur)
    cur.execute(
        sql.SQL(
            "WITH c AS ({}), subs AS (SELECT DISTINCT subscription_id FROM c ORDER BY subscription_id LIMIT %s) "
            "SELECT c.id, c.subscription_id, c.customer_id, c.cycle_start, c.cycle_end, c.currency, c.price, c.total, "
            "c.lines, c.position FROM c JOIN subs USING (subscription_id) ORDER BY c.subscription_id, c.cycle_start"
        ).format(chosen),
        [business, product, *params, limit],
    )
    invoices = (
        cur.fetchall()
    )  # lines as msgspec decodes them: their numbers are strings (projections/engine/json_values.py)
    if not invoices:
        return []
    windows = sorted({(r["cycle_start"], r["cycle_end"]) for r in invoices})
    step = (business, product, uuid.UUID(after) if after else uuid.UUID(int=0), invoices[-1]["subscription_id"])
    measured = _rollups(cur, schema, meter_ids, step, windows)
    names = _meter_names(cur, schema, meter_ids)
    wallets = _wallets(cur, schema, step) if with_wallets else {}
    cycles = []
    for r in invoices:
        cycle = Cycle(0, r["cycle_start"], r["cycle_end"])  # an invoice keeps no index; no amount depends on it
        balance, granted = _at_close(wallets.get(r["customer_id"]), r["subscription_id"], r["id"], cycle, r["position"])
        cycles.append(
            ClosedCycle(
                r["subscription_id"],
                r["customer_id"],
                cycle,
                r["currency"],
                r["price"],
                [Line.from_terms(t) for t in r["lines"]],
                r["total"],
                {m: q for m in meter_ids if (q := measured.get((m, r["customer_id"], cycle.start, cycle.end)))},
                names,
                balance,
                granted,
            )
        )
    return cycles


def _rollups(
    cur: Cursor[Any], schema: str, meter_ids: list[str], step: tuple[Any, ...], windows: list[tuple[datetime, datetime]]
) -> dict[tuple[str, str, datetime, datetime], Decimal]:
    """Each meter's aggregation per customer per cycle, from the per-minute buckets (never raw events), for
    the customers of the step's subscriptions: named by their id range (business, product, after, last)
    rather than as a list of a thousand parameters."""
    s = sql.Identifier(schema)
    cur.execute(
        sql.SQL("SELECT id::text AS id, aggregation FROM {}.meters WHERE id = ANY(%s)").format(s),
        ([uuid.UUID(m) for m in meter_ids],),
    )
    kinds = {r["id"]: r["aggregation"] for r in cur.fetchall()}
    found: dict[tuple[str, str, datetime, datetime], Decimal] = {}
    for meter, kind in kinds.items():
        reading = READINGS[kind]
        for start, end in windows:
            cur.execute(
                sql.SQL(
                    "SELECT customer_id, " + reading.columns + " FROM {}." + reading.table + " "
                    "WHERE meter_id = %s AND minute >= %s AND minute < %s AND customer_id IN (" + STEP_CUSTOMERS + ") "
                    "GROUP BY customer_id"
                ).format(s, s),
                (uuid.UUID(meter), minute(start), minute(end), *step),
            )
            for row in cur.fetchall():
                value = reading.finish(row)
                if value is not None:
                    found[(meter, row["customer_id"], start, end)] = value
    return found


def _meter_names(cur: Cursor[Any], schema: str, meter_ids: list[str]) -> dict[str, str]:
    cur.execute(
        sql.SQL("SELECT id::text AS id, name FROM {}.meters WHERE id = ANY(%s)").format(sql.Identifier(schema)),
        ([uuid.UUID(m) for m in meter_ids],),
    )
    return {r["id"]: r["name"] for r in cur.fetchall()}


Ledger = tuple[list[dict[str, Any]], dict[str, Decimal]]


def _wallets(cur: Cursor[Any], schema: str, step: tuple[Any, ...]) -> dict[str, Ledger]:
    """Per customer of the step: the wallet's ledger in log order, and its cycle grants' amounts by reference."""
    s = sql.Identifier(schema)
    cur.execute(
        sql.SQL(
            "SELECT w.customer_id, l.position, l.type, l.amount, l.balance_after, l.reference "
            "FROM {}.wallets w JOIN {}.ledger l ON l.wallet_id = w.id WHERE w.business_id = %s "
            "AND w.customer_id IN (" + STEP_CUSTOMERS + ") ORDER BY l.position"
        ).format(s, s, s),
        (step[0], *step),
    )
    ledgers: dict[str, Ledger] = defaultdict(lambda: ([], defaultdict(lambda: ZERO)))
    for row in cur.fetchall():
        ledgers[row["customer_id"]][0].append(row)
    cur.execute(
        sql.SQL(
            "SELECT w.customer_id, g.reference, g.amount FROM {}.wallets w "
            "JOIN {}.grants g ON g.wallet_id = w.id WHERE w.business_id = %s AND g.source = 'cycle' "
            "AND w.customer_id IN (" + STEP_CUSTOMERS + ")"
        ).format(s, s, s),
        (step[0], *step),
    )
    for row in cur.fetchall():
        ledgers[row["customer_id"]][1][row["reference"]] += row["amount"]
    return dict(ledgers)


def _at_close(
    ledger: Ledger | None, subscription: uuid.UUID, invoice: uuid.UUID, cycle: Cycle, invoice_position: int
) -> tuple[Decimal, Decimal]:
    """What the wallet held when the cycle was priced, and how much of that the cycle's own grants were.
    The close's first movement of the wallet (a debit for this invoice, an expiry of this cycle's credits,
    or the next cycle's grant) follows its pricing, so the balance before it is the one the close saw;
    a close that moved nothing saw the wallet as it stood at its invoice."""
    if ledger is None:
        return ZERO, ZERO
    rows, grants = ledger
    own = cycle_reference(subscription, cycle)
    settling = {
        ("debit", f"invoice:{invoice}"),
        ("expiry", own),
        ("grant", cycle_reference(subscription, Cycle(0, cycle.end, cycle.end))),
    }
    before = ZERO
    for row in rows:
        if (row["type"], row["reference"]) in settling:
            return row["balance_after"] - row["amount"], grants.get(own, ZERO)
        if row["position"] < invoice_position:
            before = row["balance_after"]
    return before, grants.get(own, ZERO)
