"""The balances read model: credit wallets, grants and the ledger (writer), and the credit and entitlement readers."""
