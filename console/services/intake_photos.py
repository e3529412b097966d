"""Photo files offered to the intake form, checked before they join a report.

The check is the workflow's own attachment validation (magic bytes, the size limit in
app_setting), so the form refuses exactly what registering the case would refuse, with
the same message, and refuses it as soon as the file is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from console.errors import InputError, KnownError
from console.services.workflow import PhotoInput
from console.services.workflow.attachments import validate


@dataclass(frozen=True)
class FileCheck:
    path: str
    name: str
    data: bytes | None  # the content when accepted
    problem: KnownError | None


def read_photo(path: str | Path) -> bytes:
    """A file's bytes; an unreadable file is the user's problem, not a bug."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(
            "input.invalid", field=Path(path).name, reason=error.strerror or str(error)
        ) from error


def check_files(
    session: Session, paths: Sequence[str], *, kind: str, now: dt.datetime | None = None
) -> list[FileCheck]:
    """Each file read and validated as a photo of `kind`; one result per path, in order."""
    at = now or dt.datetime.now(dt.UTC)
    out: list[FileCheck] = []
    for path in paths:
        name = Path(path).name
        try:
            data = read_photo(path)
            validate(session, PhotoInput(kind, data, name), at)
        except KnownError as error:
            out.append(FileCheck(path, name, None, error))
        else:
            out.append(FileCheck(path, name, data, None))
    return out
