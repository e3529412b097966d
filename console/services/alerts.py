"""What the window needs to raise an urgent-case alert: which new cases are urgent, and
a one-line headline of one of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Case, Category


@dataclass(frozen=True)
class CaseHeadline:
    id: int
    number: str
    category_zh: str
    category_en: str
    address: str
    reported_at: dt.datetime


def urgent_among(session: Session, case_ids: Sequence[int]) -> list[int]:
    """The urgent ones among case_ids, in id order (one indexed lookup)."""
    if not case_ids:
        return []
    query = (
        select(Case.id)
        .where(Case.id.in_(sorted(set(case_ids))), Case.urgency == "urgent")
        .order_by(Case.id)
    )
    return [int(i) for i in session.scalars(query)]


def case_headline(session: Session, case_id: int) -> CaseHeadline | None:
    row = session.execute(
        select(Case.id, Case.number, Category.name_zh, Category.name_en, Case.address)
        .add_columns(Case.reported_at)
        .join(Category, Category.id == Case.category_id)
        .where(Case.id == case_id)
    ).one_or_none()
    if row is None:
        return None
    return CaseHeadline(int(row[0]), row[1], row[2], row[3] or "", row[4] or "", row[5])
