"""What ingesting a batch answers."""

from __future__ import annotations

import msgspec


class IngestResponse(msgspec.Struct):
    ingested_count: int
    duplicate_count: int
    position: int
