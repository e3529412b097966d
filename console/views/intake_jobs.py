"""The intake pane's jobs for the database worker: check photos, register a case.

Each builder takes plain values on the GUI thread and returns a function of a Session
that the worker runs; nothing here touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from console.errors import KnownError
from console.services import workflow
from console.services.actor import Actor
from console.services.intake_photos import check_files, read_photo
from console.views.draft_store import DraftPhoto, DraftStore


@dataclass(frozen=True)
class PhotoOutcome:
    """Accepted files (copied into the draft folder) and the refusals, in offered order."""

    accepted: tuple[DraftPhoto, ...]
    refused: tuple[KnownError, ...]


@dataclass(frozen=True)
class SavedCase:
    id: int
    number: str
    merged_into: int | None = None


def photo_check_job(
    paths: Sequence[str], kind: str, drafts: DraftStore
) -> Callable[[Session], PhotoOutcome]:
    wanted = list(paths)

    def check_photos(session: Session) -> PhotoOutcome:
        accepted: list[DraftPhoto] = []
        refused: list[KnownError] = []
        for check in check_files(session, wanted, kind=kind):
            if check.problem is not None or check.data is None:
                refused.append(check.problem or KnownError("input.invalid"))
                continue
            copy = drafts.keep_photo(check.data, check.name)
            accepted.append(DraftPhoto(str(copy), check.name, kind))
        return PhotoOutcome(tuple(accepted), tuple(refused))

    return check_photos


def save_job(
    actor: Actor,
    data: Mapping[str, Any],
    photos: Sequence[DraftPhoto],
    *,
    merge_into: int | None = None,
) -> Callable[[Session], SavedCase]:
    """workflow.report with the photos in one transaction; then, if asked, the merge.

    A refused merge undoes the report too: the operator asked for both, and gets the
    form back as it was to decide again.
    """
    values = dict(data)
    files = list(photos)

    def register_case(session: Session) -> SavedCase:
        inputs = [workflow.PhotoInput(p.kind, read_photo(p.path), p.name) for p in files]
        case = workflow.report(session, actor, {**values, "photos": inputs})
        if merge_into is None:
            return SavedCase(case.id, case.number)
        workflow.merge(session, actor, case.id, into=merge_into, expected_version=case.version)
        return SavedCase(case.id, case.number, merge_into)

    return register_case
