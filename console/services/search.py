"""Find cases by a piece of their number, address, description or reporter's name.

A thin helper over the queue: the "all" tab (every case but merged duplicates) filtered
by the text, newest report first. See console.services.textmatch for how terms match.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from console.services.queue import QueueFilter, QueueRow, page
from console.services.textmatch import TextQuery


def search(
    session: Session, text: str, limit: int = 50, *, now: dt.datetime | None = None
) -> list[QueueRow]:
    """Cases containing every word of text, newest report first; [] for a blank text.

    now only decides QueueRow.overdue (default: the current time).
    """
    if TextQuery.parse(text) is None:
        return []
    return page(
        session,
        QueueFilter(tab="all", text=text),
        now=now or dt.datetime.now(dt.UTC),
        sort="reported_at",
        descending=True,
        limit=limit,
    )
