"""The queue's columns: what each shows of a QueueRow and which service sort key it has."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from console.services.queue import QueueRow
from console.views.labels import case_state_label
from console.views.queue_texts import countdown_text, flags_text, urgency_label

COLUMNS = (
    "number",
    "state",
    "urgency",
    "category",
    "community",
    "grid",
    "address",
    "description",
    "reported",
    "countdown",
    "unit",
    "flags",
)
COLUMN = {name: index for index, name in enumerate(COLUMNS)}
# Columns the header may sort by, and the queue service's key for each.
SORT_KEYS = {
    "number": "number",
    "state": "state",
    "urgency": "urgency",
    "category": "category",
    "community": "community",
    "reported": "reported_at",
    "countdown": "due_at",
}
DEFAULT_SORT = ("reported_at", True)


def remaining(row: QueueRow, now: dt.datetime) -> dt.timedelta | None:
    return None if row.due_at is None else row.due_at - now


def _category(row: QueueRow) -> str:
    return f"{row.category_code} {row.category_name}".strip()


def _description(row: QueueRow) -> str:
    # One line: a newline would make the uniform row height clip the text oddly.
    return " ".join(row.description.split())


def _countdown(row: QueueRow, now: dt.datetime) -> str:
    left = remaining(row, now)
    return "" if left is None else countdown_text(left)


Text = Callable[[QueueRow, dt.tzinfo], str]

# The countdown changes every second: it is never kept, see countdown_of().
TEXTS: tuple[Text, ...] = (
    lambda r, zone: r.number,
    lambda r, zone: case_state_label(r.state),
    lambda r, zone: urgency_label(r.urgency),
    lambda r, zone: _category(r),
    lambda r, zone: r.community_name or "",
    lambda r, zone: r.grid_code or "",
    lambda r, zone: r.address or "",
    lambda r, zone: _description(r),
    lambda r, zone: r.reported_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
    lambda r, zone: "",
    lambda r, zone: r.unit_name or "",
    lambda r, zone: flags_text(r.supervised, r.rework_count, r.pending_request),
)
assert len(TEXTS) == len(COLUMNS)


class Line:
    """A row as the table shows it: the service's row and its texts, made once when
    first painted (a paint asks for every cell several times) and again after a
    language change."""

    __slots__ = ("row", "texts")

    def __init__(self, row: QueueRow) -> None:
        self.row = row
        self.texts: tuple[str, ...] | None = None

    def text(self, column: int, zone: dt.tzinfo) -> str:
        texts = self.texts
        if texts is None:
            texts = self.texts = tuple(text(self.row, zone) for text in TEXTS)
        return texts[column]


def countdown_of(row: QueueRow, now: dt.datetime) -> str:
    return _countdown(row, now)
