"""Rules that differ between cities, kept as editable data: deadlines and who handles what."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, BigId

# Clocks that run on a case (DOMAIN.md "Deadlines and clocks").
STAGES = ("verify", "open", "dispatch", "handle", "check", "close", "total")


class DeadlineRule(Base):
    """How long a stage may take: for one category, or for all (category_id NULL).

    The most specific rule wins: category + urgency, category, urgency, then the default.
    """

    __tablename__ = "deadline_rule"
    __table_args__ = (Index("ix_deadline_rule_lookup", "stage", "category_id", "urgency"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    stage: Mapped[str] = mapped_column(String(16))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    urgency: Mapped[str | None] = mapped_column(String(8))  # None: any urgency
    kind: Mapped[str] = mapped_column(String(16))  # see taxonomy.DEADLINE_KINDS
    amount: Mapped[float]


class ResponsibilityRule(Base):
    """The responsibility matrix: category × (community or grid) → unit, primary or assisting.

    A grid-specific row beats a community row, which beats a street-wide row (both NULL).
    """

    __tablename__ = "responsibility_rule"
    __table_args__ = (Index("ix_responsibility_rule_lookup", "category_id", "community_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("responsible_unit.id"))
    role: Mapped[str] = mapped_column(String(12), default="primary")  # primary | assisting
    level: Mapped[str] = mapped_column(String(12), default="community")  # community | street


class CaseAssist(Base):
    """An assisting unit on a dispatched case (the primary one is Case.unit_id)."""

    __tablename__ = "case_assist"
    __table_args__ = (Index("ix_case_assist_case", "case_id", "unit_id", unique=True),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("responsible_unit.id"))
