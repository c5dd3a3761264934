"""tally's write side: one eventsourcing Application and its command methods."""
