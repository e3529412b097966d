"""Duplicate reports of the same problem: finding them, and folding one into another.

find_duplicates narrows by a lon/lat box and a time window in SQL, then measures the few
candidates exactly. merge() keeps the duplicate's evidence and timeline: the case stays
(state merged, merged_into_id set) and its attachments are linked to the primary too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Attachment, Case
from console.services.actor import Actor
from console.services.geo_checks import box_around, haversine_m, valid_lon_lat
from console.services.workflow.core import append_event, aware, begin, load_case, setting
from console.services.workflow.errors import WorkflowInputError, state_term
from console.services.workflow.states import MERGE_TARGET_STATES

RADIUS_KEY = "duplicate_radius_m"
WINDOW_KEY = "duplicate_window_hours"
DEFAULT_RADIUS_M = 50.0
DEFAULT_WINDOW_HOURS = 24.0
NOT_CANDIDATES = ("closed", "archived", "merged", "not_opened", "draft")


@dataclass(frozen=True)
class Candidate:
    case: Case
    distance_m: float
    hours_apart: float


def find_duplicates(
    session: Session,
    *,
    category_id: int,
    lon: float,
    lat: float,
    at: dt.datetime,
    radius_m: float | None = None,
    window_hours: float | None = None,
    exclude_id: int | None = None,
) -> list[Candidate]:
    """Open cases of the same category near (lon, lat) around time at, nearest first."""
    if not valid_lon_lat(lon, lat):
        return []
    at = aware(at, "at")
    radius = float(
        radius_m if radius_m is not None else setting(session, RADIUS_KEY, DEFAULT_RADIUS_M)
    )
    window = float(
        window_hours
        if window_hours is not None
        else setting(session, WINDOW_KEY, DEFAULT_WINDOW_HOURS)
    )
    span = dt.timedelta(hours=window)
    min_lon, min_lat, max_lon, max_lat = box_around(lon, lat, radius)
    query = select(Case).where(
        Case.category_id == category_id,
        Case.state.not_in(NOT_CANDIDATES),
        Case.merged_into_id.is_(None),
        Case.lon.between(min_lon, max_lon),
        Case.lat.between(min_lat, max_lat),
        Case.reported_at.between(at - span, at + span),
    )
    if exclude_id is not None:
        query = query.where(Case.id != exclude_id)
    out: list[Candidate] = []
    for case in session.scalars(query):
        assert case.lon is not None and case.lat is not None
        distance = haversine_m(lon, lat, case.lon, case.lat)
        if distance <= radius:
            hours = abs((case.reported_at - at).total_seconds()) / 3600
            out.append(Candidate(case, distance, hours))
    out.sort(key=lambda c: (c.distance_m, c.hours_apart, c.case.id))
    return out


def _link_attachments(session: Session, duplicate_id: int, primary_id: int) -> list[int]:
    """New Attachment rows on the primary pointing at the same blobs; their ids."""
    have = {
        (a.sha256, a.kind)
        for a in session.scalars(
            select(Attachment).where(
                Attachment.entity == "case", Attachment.entity_id == primary_id
            )
        )
    }
    linked: list[Attachment] = []
    for a in session.scalars(
        select(Attachment)
        .where(Attachment.entity == "case", Attachment.entity_id == duplicate_id)
        .order_by(Attachment.id)
    ):
        if (a.sha256, a.kind) in have:
            continue
        have.add((a.sha256, a.kind))
        # Provenance stays: who took it, when, where; only the case it belongs to is new.
        linked.append(
            Attachment(
                entity="case",
                entity_id=primary_id,
                kind=a.kind,
                sha256=a.sha256,
                size=a.size,
                mime=a.mime,
                original_name=a.original_name,
                taken_at=a.taken_at,
                lon=a.lon,
                lat=a.lat,
                camera_id=a.camera_id,
                created_at=a.created_at,
                created_by=a.created_by,
            )
        )
    session.add_all(linked)
    session.flush()
    return [a.id for a in linked]


def merge(
    session: Session,
    actor: Actor,
    duplicate_id: int,
    *,
    into: int,
    expected_version: int,
    into_version: int | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """Fold the duplicate into the primary case `into`; returns the duplicate."""
    step = begin(
        session, actor, duplicate_id, "merge", expected_version=expected_version, note=note, now=now
    )
    duplicate = step.case
    if into == duplicate.id:
        raise WorkflowInputError("workflow.merge_self")
    primary = load_case(session, into, expected_version=into_version)
    if primary.state not in MERGE_TARGET_STATES:
        raise WorkflowInputError(
            "workflow.merge_target_state", number=primary.number, state=state_term(primary.state)
        )
    linked = _link_attachments(session, duplicate.id, primary.id)
    duplicate.state = "merged"
    duplicate.merged_into_id = primary.id
    duplicate.pending_request = None
    carried = duplicate.supervised and not primary.supervised
    step.finish({"into": primary.id, "into_number": primary.number, "attachments": linked})
    if carried:
        primary.supervised = True  # a leader's 督办 follows the problem
    append_event(
        session,
        actor,
        primary,
        action="merged_in",
        role=step.role,
        from_state=primary.state,
        now=step.now,
        note=step.note,
        data={
            "duplicate_id": duplicate.id,
            "duplicate_number": duplicate.number,
            "attachments": linked,
            "supervised_carried": carried,
        },
    )
    return duplicate
