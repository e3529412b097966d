"""Photos picked from disk, checked by the workflow's attachment rules before they are sent.

Nothing is written here: the file is read and validated (type by magic bytes, size limit,
kind), so the operator hears about a bad file when picking it, not after typing a note.
The workflow checks again when the action runs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError
from console.services.workflow import PhotoInput, WorkflowInputError
from console.services.workflow.attachments import DEFAULT_MAX_BYTES, MAX_BYTES_KEY, validate
from console.services.workflow.core import setting

messages.register(
    {
        "photo_files.unreadable": (
            "无法读取文件 {name}：{detail}",
            "Cannot read the file {name}: {detail}",
        ),
    }
)


def read_photo_file(session: Session, path: str | Path) -> bytes:
    """The file's bytes, refused before reading when it is over the attachment limit."""
    file = Path(path)
    limit = int(setting(session, MAX_BYTES_KEY, DEFAULT_MAX_BYTES))
    try:
        size = file.stat().st_size
        if size > limit:  # said before reading: a wrong pick may be a huge video
            raise WorkflowInputError(
                "workflow.attachment.too_large",
                name=file.name,
                size_mb=f"{size / 1048576:.1f}",
                max_mb=f"{limit / 1048576:.1f}",
            )
        return file.read_bytes()
    except OSError as error:
        raise InputError(
            "photo_files.unreadable", name=file.name, detail=error.strerror or str(error)
        ) from error


def photo_from_file(session: Session, path: str | Path, kind: str) -> PhotoInput:
    """The file as a PhotoInput of kind, or a KnownError saying what is wrong with it."""
    data = read_photo_file(session, path)
    photo = PhotoInput(kind=kind, data=data, original_name=Path(path).name)
    validate(session, photo, dt.datetime.now(dt.UTC))
    return photo
