"""The ASGI factory uvicorn calls in each API process of `tally serve --workers N`.
It reads DATABASE_URL and TALLY_SCHEMA, which `tally serve` sets before forking."""
from __future__ import annotations

import os

from litestar import Litestar

from interfaces.cli.common import DEFAULT_DATA_DIR, open_tally
from interfaces.http.app import create_app

POOL_SIZE = 4


def create() -> Litestar:
    tally, _ = open_tally(os.environ.get("TALLY_DATA_DIR", DEFAULT_DATA_DIR), pool_size=POOL_SIZE)
    return create_app(tally)
