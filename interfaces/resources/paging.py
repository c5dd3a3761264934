"""The paging parameters every list route takes, bounded once (docs/input.md).

page_number is capped so that page_number * page_size stays far inside
PostgreSQL's bigint OFFSET: past the cap a request is a 422, not a database error.
"""

from __future__ import annotations

from typing import Annotated

from litestar.params import Parameter

from projections.reads.pages import MAX_PAGE_SIZE

MAX_PAGE_NUMBER = 1_000_000

PageNumber = Annotated[int, Parameter(ge=0, le=MAX_PAGE_NUMBER, description="Page to answer, from 0")]
PageSize = Annotated[int, Parameter(ge=1, le=MAX_PAGE_SIZE, description="Items per page")]
