"""`tally simulate`: what each customer would have paid under other prices, run here with a
progress bar and printed as a table. The prices file holds what `POST /simulations` takes for
terms: a list of usage prices, or `{"usage_prices": [...], "price": "...", "scenarios": [...]}`."""

from __future__ import annotations

import argparse
import sys
import uuid
from collections import defaultdict
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec

from domain.errors import Invalid, Malformed
from domain.ids import business_id
from domain.product import Product
from domain.simulation_terms import Span
from interfaces.cli.common import add_data_dir, open_tally
from interfaces.cli.projections import progress_bar
from interfaces.http.plain_decimals import check_decimals
from interfaces.resources.catalog.prices import UsagePriceCreate, usage_price
from interfaces.resources.simulations import PROPOSED, Prices, ScenarioIn

ZERO = Decimal(0)


class Terms(msgspec.Struct, forbid_unknown_fields=True):
    usage_prices: Prices | None = None
    price: Decimal | None = None
    scenarios: list[ScenarioIn] = []


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("simulate", help="re-price closed cycles under other prices; nothing real changes")
    parser.add_argument("--product", required=True, type=uuid.UUID, help="product id")
    parser.add_argument("--prices", required=True, type=Path, help="JSON file of usage prices or scenarios")
    parser.add_argument("--cycles", type=int, default=3, help="the last N closed cycles of each subscription (3)")
    parser.add_argument("--business", help="business name (default: the product's business)")
    parser.add_argument("--limit", type=int, default=50, help="customers to list, those who move most first (50)")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def read_terms(path: Path) -> list[tuple[str, list[Any], Decimal | None]]:
    try:
        raw = path.read_bytes()
        shape: Any = list[UsagePriceCreate] if raw.lstrip()[:1] == b"[" else Terms
        check_decimals(shape, msgspec.json.decode(raw))  # amounts as the API takes them
        decoded = msgspec.json.decode(raw, type=shape)
    except (OSError, msgspec.ValidationError, msgspec.DecodeError) as error:
        raise Malformed(f"{path}: {error}", "invalid_prices_file") from None
    terms = Terms(usage_prices=decoded) if isinstance(decoded, list) else decoded
    scenarios = [(s.name, [usage_price(p.meter_id, p) for p in s.usage_prices], s.price) for s in terms.scenarios]
    if terms.usage_prices is not None or terms.price is not None:
        scenarios.insert(0, (PROPOSED, [usage_price(p.meter_id, p) for p in terms.usage_prices or []], terms.price))
    if not scenarios:
        raise Invalid(f"{path}: no usage prices or scenarios", "invalid_prices_file")
    return scenarios


def table(rows: list[dict[str, Any]], limit: int) -> list[str]:
    per: dict[tuple[str, str], list[Decimal]] = defaultdict(lambda: [ZERO, ZERO, ZERO])
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO, ZERO])
    for r in rows:
        for bucket in (per[(r["customer_id"], r["scenario"])], totals[r["scenario"]]):
            bucket[0] += 1
            bucket[1] += Decimal(r["issued"])
            bucket[2] += Decimal(r["simulated"])
    head = f"{'customer':<24}{'scenario':<16}{'cycles':>7}{'issued':>14}{'simulated':>14}{'difference':>14}"
    lines = [head, "-" * len(head)]
    movers = sorted(per.items(), key=lambda kv: (-abs(kv[1][2] - kv[1][1]), kv[0]))
    for (customer, scenario), (n, issued, simulated) in movers[:limit]:
        lines.append(f"{customer[:23]:<24}{scenario[:15]:<16}{n:>7}{issued:>14}{simulated:>14}{simulated - issued:>14}")
    if len(movers) > limit:
        lines.append(f"... {len(movers) - limit} more (--limit)")
    lines.append("-" * len(head))
    for scenario, (n, issued, simulated) in totals.items():
        lines.append(f"{'total':<24}{scenario[:15]:<16}{n:>7}{issued:>14}{simulated:>14}{simulated - issued:>14}")
    return lines


def run(args: argparse.Namespace) -> int:
    scenarios = read_terms(args.prices)
    tally, _ = open_tally(args.data_dir, pool_size=2)
    try:
        if args.business:
            business = business_id(args.business)
        else:
            product: object = tally.store.repository.get(args.product)
            if not isinstance(product, Product):
                raise Invalid(f"{args.product} is not a product", "product_not_found")
            business = product.business_id
        now = datetime.now(timezone.utc)
        done = tally.simulations.start(business, args.product, scenarios, None, Span(cycles=args.cycles), now)
        tally.simulations.run(done, now, progress_bar("simulating"))
        sys.stderr.write("\n")
        print(f"simulation {done.id}")
        print("\n".join(table(tally.simulations.rows(business, done.id), args.limit)))
    finally:
        tally.close()
    return 0
