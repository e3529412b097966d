"""The intake form's draft on disk, one per user: nothing typed is lost to a crash.

<data_dir>/drafts/<user>.json holds the fields; photos are copied into
<data_dir>/drafts/<user>.files/ so a draft survives the original file's deletion. Every
write goes to a temporary file first and replaces the old one with os.replace, so a
crash mid-write leaves the previous draft whole. Plain Python: no Qt here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import quote

log = logging.getLogger("console.drafts")

DRAFT_VERSION = 1
_NAME_MAX = 80


@dataclass(frozen=True)
class DraftPhoto:
    path: str  # the copy in the draft folder
    name: str  # the original file name, kept as the attachment's name
    kind: str


@dataclass
class Draft:
    """The form as typed: coordinates as text, places and category by id."""

    source: str = ""
    category_id: int | None = None
    address: str = ""
    community_id: int | None = None
    grid_id: int | None = None
    lon: str = ""
    lat: str = ""
    description: str = ""
    urgency: str = "normal"
    self_handled: bool = False
    reporter_name: str = ""
    reporter_phone: str = ""
    photos: list[DraftPhoto] = field(default_factory=list)

    def is_empty(self) -> bool:
        """Nothing the operator typed (source and urgency alone are not a report)."""
        blank = Draft(source=self.source, urgency=self.urgency)
        return self == blank

    def to_json(self) -> dict[str, Any]:
        return {"version": DRAFT_VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Draft:
        """Tolerant: unknown keys are ignored, values of the wrong type left at default."""
        default = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = data.get(f.name)
            if f.name == "photos":
                values["photos"] = [
                    DraftPhoto(str(p["path"]), str(p.get("name", "")), str(p.get("kind", "")))
                    for p in value or []
                    if isinstance(p, dict) and p.get("path")
                ]
            elif f.name in ("category_id", "community_id", "grid_id"):
                ok = isinstance(value, int) and not isinstance(value, bool)
                values[f.name] = value if ok else None
            elif isinstance(value, type(getattr(default, f.name))):
                values[f.name] = value
        return cls(**values)


class DraftStore:
    def __init__(self, folder: Path, username: str) -> None:
        stem = quote(username, safe="") or "_"
        self.folder = folder
        self.path = folder / f"{stem}.json"
        self.files = folder / f"{stem}.files"

    def load(self) -> Draft | None:
        """The saved draft, or None; a damaged file is set aside, not deleted."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("cannot read the draft %s: %s", self.path, error)
            return None
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            draft = Draft.from_json(data)
        except (ValueError, TypeError, KeyError) as error:
            log.warning("damaged draft %s set aside: %s", self.path, error)
            with contextlib.suppress(OSError):
                os.replace(self.path, self.path.with_suffix(".damaged.json"))
            return None
        draft.photos = [p for p in draft.photos if Path(p.path).is_file()]
        self._prune({Path(p.path).name for p in draft.photos})
        return draft

    def save(self, draft: Draft) -> None:
        if draft.is_empty():
            self.clear()
            return
        text = json.dumps(draft.to_json(), ensure_ascii=False, indent=1)
        _write_atomically(self.path, text.encode("utf-8"))

    def clear(self) -> None:
        """Forget the draft and its photo copies (after the case was saved)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        shutil.rmtree(self.files, ignore_errors=True)

    def keep_photo(self, data: bytes, name: str) -> Path:
        """A copy of a photo in the draft folder, named by its content."""
        digest = hashlib.sha256(data).hexdigest()[:16]
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in Path(name).name)
        target = self.files / f"{digest}-{safe[-_NAME_MAX:] or 'photo'}"
        if not target.is_file():
            _write_atomically(target, data)
        return target

    def drop_photo(self, path: str) -> None:
        """Delete a copy that is no longer in the form (only ever inside the draft folder)."""
        target = Path(path)
        if target.parent == self.files:
            with contextlib.suppress(OSError):
                target.unlink()

    def _prune(self, keep: set[str]) -> None:
        if not self.files.is_dir():
            return
        for path in self.files.iterdir():
            if path.name not in keep and not path.name.startswith("."):
                with contextlib.suppress(OSError):
                    path.unlink()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
