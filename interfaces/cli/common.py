"""Options and set-up every command shares."""
from __future__ import annotations

import argparse
import os

from application.tally import Tally
from interfaces.bootstrap import open_store
from interfaces.database import database_url
from store.config import BACKGROUND, Timeouts, store_env

DEFAULT_DATA_DIR = ".tally"


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=os.environ.get("TALLY_DATA_DIR", DEFAULT_DATA_DIR),
                        help="folder for the embedded PostgreSQL and the demo key (default: .tally)")


def open_tally(data_dir: str, pool_size: int = 4, timeouts: Timeouts = BACKGROUND) -> tuple[Tally, str]:
    url = database_url(data_dir)
    return open_store(store_env(url, pool_size=pool_size, timeouts=timeouts)), url
