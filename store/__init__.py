"""The event store, in one place: the only package that touches eventsourcing's
internals and the events table's SQL (recorder, transcoder, the ingestion COPY
path, raw log reading). application/ writes through it, projections/ read the
log through it."""
