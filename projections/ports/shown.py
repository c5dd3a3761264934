"""What the read models people look at show, as `audit verify` checks it against the log (the `ShownModels`
port of application/ports.py): invoices, wallet balances and credit entitlements, every row of every
business, read on the store's connection pool."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from psycopg import sql


class ShownModels:
    def __init__(self, datastore: Any, schema: str) -> None:
        self.datastore = datastore
        self.schema = schema

    def invoices(self) -> dict[uuid.UUID, tuple[Decimal, list[Decimal], Decimal]]:
        """Each issued invoice's total, its lines' amounts and what its money wallet paid."""
        return {
            r["id"]: (
                Decimal(r["total"]),
                [Decimal(str(line["amount"])) for line in r["lines"]],
                Decimal(r["wallet_applied"]),
            )
            for r in self._rows("invoices", "id, total, lines, wallet_applied")
        }

    def balances(self) -> dict[uuid.UUID, tuple[Decimal, Decimal]]:
        """Each wallet's balance and overage."""
        return {
            r["id"]: (Decimal(r["balance"]), Decimal(r["overage"]))
            for r in self._rows("wallets", "id, balance, overage")
        }

    def money_balances(self) -> dict[uuid.UUID, Decimal]:
        """Each money wallet's balance."""
        return {r["id"]: Decimal(r["balance"]) for r in self._rows("money_wallets", "id, balance")}

    def entitlements(self) -> dict[uuid.UUID, tuple[dict[str, Any], bool]]:
        """Each credit entitlement's terms (as stored) and whether it is deleted."""
        return {r["id"]: (r["terms"], r["deleted"]) for r in self._rows("entitlements", "id, terms, deleted")}

    def _rows(self, table: str, columns: str) -> list[dict[str, Any]]:
        query = sql.SQL("SELECT {} FROM {}.{}").format(
            sql.SQL(columns), sql.Identifier(self.schema), sql.Identifier(table)
        )
        with self.datastore.transaction(commit=False) as cur:
            cur.execute(query)
            return cur.fetchall()
