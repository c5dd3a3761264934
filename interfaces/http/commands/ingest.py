"""Usage ingestion, compatible with Dodo Payments' `POST /events/ingest`."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

from anyio import to_thread
from litestar import Request, post

from application.tally import Tally
from interfaces.observability import metrics, tracing
from interfaces.resources.events import IngestBody, IngestResponse, parse


class IngestCommands:
    """The commands half of a resource's controller (interfaces/http/controllers.py)."""

    @post("/ingest", operation_id="IngestEvents", status_code=200, opt={"body": IngestBody})
    async def ingest(self, request: Request[Any, Any, Any], tally: Tally, business: uuid.UUID) -> IngestResponse:
        """Ingest 1 to 1000 usage events in one transaction.

        Body: `{"events": [{"event_id", "customer_id", "event_name", "timestamp"?, "metadata"?}]}`.
        Events whose event_id is already stored are skipped (`duplicate_count`). Any invalid event, unknown
        customer, repeated event_id or timestamp over 5 minutes ahead rejects the whole request (422).
        """
        # The one async command, the hot path: the batch is decoded on the event loop and a worker thread is
        # held only for the write.
        batch = parse(await request.body())
        with tracing.from_env().span("ingest", {"tally.events": len(batch)}) as span:
            done = await to_thread.run_sync(tally.ingestion.ingest, business, batch, datetime.now(timezone.utc))
            span.attributes({"tally.ingested": done.ingested_count, "tally.duplicates": done.duplicate_count})
        metrics.instruments().ingest(done.ingested_count, done.duplicate_count)
        return IngestResponse(done.ingested_count, done.duplicate_count, done.position)
