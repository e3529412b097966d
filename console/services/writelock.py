"""Serialise writers that append to ordered logs (audit chain, change feed).

The feed's promise is that a listener reading seq > last_seen never misses a row. With
concurrent transactions a lower seq could commit after a higher one was already read,
so writers take one transaction-scoped lock before numbering: commit order = seq order.
SQLite needs nothing more: Store.write() begins IMMEDIATE, one writer at a time.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# An arbitrary constant that names this application's lock in pg_locks.
_LOCK_KEY = 0x53574343  # "SWCC"
_HELD = "console.writelock.held"


def hold_write_lock(session: Session) -> None:
    """Take the lock once per transaction; it is released by commit or rollback."""
    if session.get_bind().dialect.name != "postgresql":
        return
    transaction = session.get_transaction()
    if transaction is not None and session.info.get(_HELD) is transaction:
        return
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    session.info[_HELD] = session.get_transaction()
