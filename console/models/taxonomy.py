"""Case categories: the two-level event/part taxonomy, seeded as editable data."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

# Deadline kinds (DOMAIN.md "Deadlines and clocks"); the amounts live in the rows.
DEADLINE_KINDS = ("urgent_hours", "working_hours", "working_days", "natural_days")
CATEGORY_KINDS = ("event", "part")


class Category(Base):
    """A class (2-digit code) or a subclass (4-digit code) of events or parts."""

    __tablename__ = "category"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"), index=True)
    name_zh: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(96), default="")
    # Default handling deadline; None on class rows (their subclasses carry one).
    deadline_kind: Mapped[str | None] = mapped_column(String(16))
    deadline_amount: Mapped[float | None]
    # Which kind of unit usually handles it (matches ResponsibleUnit.unit_type).
    unit_type: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(default=True)
