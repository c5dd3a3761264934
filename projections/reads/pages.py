"""Paging shared by every list: newest first, `page_number` from 0."""

from __future__ import annotations

from typing import Generic, TypeVar

import msgspec

T = TypeVar("T")

MAX_PAGE_SIZE = 1000


class PageOf(msgspec.Struct, Generic[T]):
    items: list[T]
    page_number: int
    page_size: int
    has_more: bool


def paged(rows: list[T], page_number: int, page_size: int) -> PageOf[T]:
    """`rows` were fetched with one extra row, which only says whether a next page exists."""
    return PageOf(items=rows[:page_size], page_number=page_number, page_size=page_size, has_more=len(rows) > page_size)
