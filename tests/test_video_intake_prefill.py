"""A snapshot that starts a new case: the wall's prefill fills the intake form with the
camera's place, an address, a description and the snapshot as a photo."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from console.video.frames import png_from_bgrx
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.intake_desk import Desk, desk
from tests.support.workflow_seed import POINTS, world

__all__ = ["desk", "translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


def test_a_snapshot_prefill_fills_the_form(desk: Desk, tmp_path: Path) -> None:
    pane = desk.open()
    width, height = 64, 36
    snapshot = tmp_path / "snapshot.png"
    snapshot.write_bytes(png_from_bgrx(bytes(range(256)) * (width * height // 64), width, height))
    lon, lat = POINTS["B1"]
    desk.ctx.requests.new_case_prefill.emit(
        {
            "lon": lon,
            "lat": lat,
            "address": "黄南苑小区南门",
            "description": "Seen on camera 黄南苑小区南门.",
            "photo_paths": [str(snapshot)],
            "camera_id": 1,
        }
    )
    location = pane.form.location
    desk.qtbot.waitUntil(lambda: location.grid.currentText() == "B1")
    assert location.address.text() == "黄南苑小区南门"
    assert pane.form.description.toPlainText() == "Seen on camera 黄南苑小区南门."
    desk.qtbot.waitUntil(lambda: len(pane.form.photos.entries()) == 1)
