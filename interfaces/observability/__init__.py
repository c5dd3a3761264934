"""What an operator watches tally by: metrics, structured logs, request ids and traces (docs/operations.md)."""
