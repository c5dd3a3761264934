"""tally's domain: aggregates, their events and the billing rules. Pure Python, no I/O."""
