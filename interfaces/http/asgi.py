"""The ASGI factory uvicorn calls in each API process of `tally serve --workers N`.
It reads DATABASE_URL, TALLY_SCHEMA and TALLY_DATA_DIR, which `tally serve` sets
before starting them; the data folder's session secret is shared by all of them."""

from __future__ import annotations

import os

from litestar import Litestar

from interfaces.cli.common import DEFAULT_DATA_DIR, open_tally
from interfaces.dashboard.session import session_secret
from interfaces.http.app import create_app
from store.config import SERVING

POOL_SIZE = 4


def create() -> Litestar:
    data_dir = os.environ.get("TALLY_DATA_DIR", DEFAULT_DATA_DIR)
    tally, _ = open_tally(data_dir, pool_size=POOL_SIZE, timeouts=SERVING)
    return create_app(tally, session_secret(data_dir))
