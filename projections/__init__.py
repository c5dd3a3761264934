"""Read models in Postgres, kept up to date from the event log, exactly once."""
