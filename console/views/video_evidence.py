"""Evidence from a tile: a snapshot or clip for the selected case, or a new case from it.

Snapshots are taken on the tile's player thread; clips are recorded by ffmpeg on a
short-lived thread. Results come back as queued signals, and the attach goes through the
database worker like any other write.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from console.errors import KnownError
from console.services.cameras import CameraRow
from console.services.cameras_evidence import attach_evidence, evidence_name
from console.video.clip import ClipError, record_clip
from console.views.labels import fill
from console.views.pane_context import PaneContext
from console.views.video_tile import VideoTile

CLIP_SECONDS = 10.0


class EvidenceActions(QObject):
    message = Signal(str, bool)  # text, is_error
    # case id, camera, taken_at, data, error
    _clip_done = Signal(object, object, object, object, object)

    def __init__(self, ctx: PaneContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._threads: list[threading.Thread] = []
        self._clip_done.connect(self._clip_recorded)

    def snapshot(self, tile: VideoTile, *, new_case: bool) -> None:
        camera = tile.camera
        if camera is None:
            return
        # The case selected now, not when the picture arrives: the selection may move.
        case_id = self._ctx.selection.case_id
        if not new_case and case_id is None:
            self.message.emit(self.tr("Select a case first, then take the snapshot."), True)
            return
        taken_at = dt.datetime.now(dt.UTC)
        bridge = tile.bridge
        token = (camera, taken_at, new_case)

        def ready(png: object, got: object) -> None:
            if got is not token:
                return
            bridge.snapshot_ready.disconnect(ready)
            self._snapshot_taken(
                case_id, camera, taken_at, new_case, png if isinstance(png, bytes) else None
            )

        bridge.snapshot_ready.connect(ready)
        bridge.snapshot(token)

    def _snapshot_taken(
        self,
        case_id: int | None,
        camera: CameraRow,
        taken_at: dt.datetime,
        new_case: bool,
        png: bytes | None,
    ) -> None:
        if png is None:
            self.message.emit(self.tr("No picture to take: the camera is not playing."), True)
            return
        if new_case:
            self._start_case(camera, taken_at, png)
        elif case_id is not None:
            self._attach(case_id, camera, taken_at, png, "snapshot")

    def clip(self, tile: VideoTile) -> None:
        camera, url = tile.camera, tile.url()
        if camera is None or not url:
            return
        # The clip belongs to the case selected now, whatever is selected when it is done.
        case_id = self._ctx.selection.case_id
        if case_id is None:
            self.message.emit(self.tr("Select a case first, then record the clip."), True)
            return
        taken_at = dt.datetime.now(dt.UTC)

        def record() -> None:
            try:
                data = record_clip(url, CLIP_SECONDS)
                self._clip_done.emit(case_id, camera, taken_at, data, None)
            except ClipError as error:
                self._clip_done.emit(case_id, camera, taken_at, None, error)

        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(target=record, name="video-clip", daemon=True)
        self._threads.append(thread)
        thread.start()
        self.message.emit(
            fill(self.tr("Recording a %1 s clip of %2…"), str(int(CLIP_SECONDS)), camera.name),
            False,
        )

    def _clip_recorded(
        self, case_id: int, camera: CameraRow, taken_at: dt.datetime, data: object, error: object
    ) -> None:
        if not isinstance(data, bytes):
            why = self._clip_problem(error) if isinstance(error, ClipError) else str(error)
            self.message.emit(fill(self.tr("The clip could not be recorded: %1"), why), True)
            return
        self._attach(case_id, camera, taken_at, data, "clip")

    def _attach(
        self, case_id: int, camera: CameraRow, taken_at: dt.datetime, data: bytes, kind: str
    ) -> None:
        actor = self._ctx.actor

        def job(store: object) -> None:
            with store.write() as session:  # type: ignore[attr-defined]
                attach_evidence(
                    session, actor, case_id, camera.id, data, taken_at=taken_at, kind=kind
                )

        self._ctx.worker.submit(
            job,
            success=lambda _r: self.message.emit(
                fill(
                    self.tr("Attached to the case: %1 from %2"), self._kind_text(kind), camera.name
                ),
                False,
            ),
            failure=self._failed,
            owner=self,
        )

    def _clip_problem(self, error: ClipError) -> str:
        if error.kind == "no_ffmpeg":
            return self.tr("ffmpeg is not installed on this workstation.")
        if error.kind == "timeout":
            return self.tr("the camera did not answer in time.")
        return fill(self.tr("ffmpeg stopped (%1)."), error.detail)

    def _kind_text(self, kind: str) -> str:
        return self.tr("clip") if kind == "clip" else self.tr("snapshot")

    def _start_case(self, camera: CameraRow, taken_at: dt.datetime, png: bytes) -> None:
        folder = Path(tempfile.gettempdir()) / "sanwang-snapshots"
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / evidence_name(camera.code, taken_at, "snapshot")
        path.write_bytes(png)
        local = taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        self._ctx.requests.new_case_prefill.emit(
            {
                "lon": camera.lon,
                "lat": camera.lat,
                "description": fill(self.tr("Seen on camera %1 at %2."), camera.name, local),
                "photo_paths": [str(path)],
                "camera_id": camera.id,
                "address": camera.name,
                "reported_at": taken_at,
            }
        )
        self.message.emit(
            self.tr("A new case was started from the snapshot in the intake form."), False
        )

    def _failed(self, error: KnownError) -> None:
        self.message.emit(error.message(self._ctx.translations.language), True)

    def wait(self, timeout: float = 30.0) -> None:
        """Let running clip recordings end (used on close)."""
        for thread in self._threads:
            thread.join(timeout)
