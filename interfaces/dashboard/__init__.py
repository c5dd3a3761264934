"""The dashboard: server-rendered pages for people, beside the HTTP API."""
