"""tally's edges: the HTTP API, the CLI and the dashboard."""
