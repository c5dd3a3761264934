"""`tally bench`: tally against a hand-written baseline; tooling, not part of the product."""
