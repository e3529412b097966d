"""What field terminals sent: one row per accepted submission, found again by its token."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

# What a submission did: a new report, a report fixed on the spot, a check result.
SUBMISSION_KINDS = ("report", "self_handled", "check_pass", "check_fail")


class FieldSubmission(Base):
    """A terminal's accepted request: the Open311 token and the terminal's own reference.

    device_ref is the id the terminal gave its report; a retry with the same reference
    (the answer was lost on a bad network) returns the case already made, not a second one.
    """

    __tablename__ = "field_submission"
    __table_args__ = (UniqueConstraint("terminal_id", "device_ref"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    token: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("field_terminal.id"))
    device_ref: Mapped[str | None] = mapped_column(String(64))
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[dt.datetime]
