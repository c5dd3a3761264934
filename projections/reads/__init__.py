"""The interfaces' reader: one Queries object over every read model, for the API and the dashboard alike."""
