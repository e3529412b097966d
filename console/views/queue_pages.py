"""The queue model's page cache: the last pages the view asked for, never all rows.

Pages are numbered from 0 (rows page * size ... page * size + size - 1). A page read is
a recent use; beyond `capacity` the least recently used page goes, so memory stays
flat however far the operator scrolls through a million cases.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class PageCache(Generic[T]):
    def __init__(self, size: int, capacity: int) -> None:
        if size < 1 or capacity < 1:
            raise ValueError("page size and capacity must be positive")
        self.size = size
        self.capacity = capacity
        self._pages: OrderedDict[int, list[T]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._pages)

    def __contains__(self, page: int) -> bool:
        return page in self._pages

    def page_of(self, row: int) -> int:
        return row // self.size

    def rows_of(self, page: int) -> range:
        start = page * self.size
        return range(start, start + self.size)

    def get(self, row: int) -> T | None:
        """The item at row when its page is here (a use: the page becomes the newest)."""
        number = row // self.size
        page = self._pages.get(number)
        if page is None:
            return None
        self._pages.move_to_end(number)
        offset = row - number * self.size
        return page[offset] if offset < len(page) else None

    def has_page(self, row: int) -> bool:
        return row // self.size in self._pages

    def put(self, page: int, items: list[T]) -> None:
        self._pages[page] = items
        self._pages.move_to_end(page)
        while len(self._pages) > self.capacity:
            self._pages.popitem(last=False)

    def clear(self) -> None:
        self._pages.clear()

    def pages(self) -> list[int]:
        """Page numbers, least recently used first."""
        return list(self._pages)

    def items(self) -> Iterator[tuple[int, T]]:
        """(row, item) of every cached row, without counting as a use."""
        for number, page in self._pages.items():
            start = number * self.size
            for offset, item in enumerate(page):
                yield start + offset, item
