"""The ASGI factory uvicorn calls in each API process of `tally serve --workers N`.
It reads DATABASE_URL, TALLY_SCHEMA and TALLY_DATA_DIR, which `tally serve` sets
before starting them; the data folder's session secret is shared by all of them. Each
ends when the serve named in TALLY_SUPERVISOR does."""

from __future__ import annotations

import os

from litestar import Litestar

from interfaces.cli.common import DEFAULT_DATA_DIR, open_tally
from interfaces.cli.parent_death import SUPERVISOR_ENV, end_with_parent
from interfaces.dashboard.session import session_secret
from interfaces.http.app import create_app
from store.config import SERVING

POOL_SIZE = 4


def create() -> Litestar:
    if SUPERVISOR_ENV in os.environ:
        end_with_parent(int(os.environ[SUPERVISOR_ENV]))
    data_dir = os.environ.get("TALLY_DATA_DIR", DEFAULT_DATA_DIR)
    tally, _ = open_tally(data_dir, pool_size=POOL_SIZE, timeouts=SERVING)
    return create_app(tally, session_secret(data_dir))
