"""Photos on the case detail pane: thumbnails made on the worker, the full view, and the
timeline model checked by the model tester.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from console.ops import DatabaseWorker
from console.services import workflow as wf
from console.services.case_view import TimelineEntry
from console.views import photo_viewer
from console.views.photo_viewer import PhotoViewer, decode
from console.views.timeline_model import TimelineModel
from tests.support.case_pane import load, make_pane, png
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.workflow_seed import PNG, World, world

__all__ = ["translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


def _attach(world: World, case_id: int, kind: str, data: bytes, name: str) -> None:
    with world.store.write() as session:
        wf.attach(session, world.actors["insp"], case_id, kind=kind, data=data, original_name=name)


def test_thumbnails_are_made_on_the_worker_and_appear(
    qtbot: QtBot,
    world: World,
    worker: DatabaseWorker,
    translations: Translations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = world.report("insp")
    _attach(world, case.id, "near", png(3000, 2000, "#e53935"), "near.png")
    _attach(world, case.id, "far", png(800, 600, "#1e88e5"), "far.png")
    _attach(world, case.id, "reference", PNG + b"broken", "broken.png")  # not decodable
    threads: list[str] = []
    real = photo_viewer.decode

    def spy(data: bytes, box: QSize | None = None) -> QImage:
        threads.append(threading.current_thread().name)
        return real(data, box)

    monkeypatch.setattr(photo_viewer, "decode", spy)
    pane = make_pane(qtbot, worker, translations, world.actors["multi"])
    detail = load(qtbot, pane, case.id)
    near, far, broken = detail.attachments
    assert (near.kind, near.mime, near.original_name) == ("near", "image/png", "near.png")
    qtbot.waitUntil(lambda: pane.photos.loading() == 0, timeout=10_000)
    assert pane.photos.has_thumbnail(near.sha256) and pane.photos.has_thumbnail(far.sha256)
    assert threads == ["database-worker"] * 3  # never on the GUI thread
    item = pane.photos.item(0)
    assert item is not None
    assert item.icon().actualSize(QSize(160, 120)).width() == 160  # 3000x2000 -> 160x107
    assert not pane.photos.has_thumbnail(broken.sha256)
    count = len(threads)
    load(qtbot, pane, case.id)  # a reload fetches no thumbnail again
    qtbot.wait(50)
    assert len(threads) == count


def test_double_click_opens_the_full_view_fitted(
    qtbot: QtBot, world: World, worker: DatabaseWorker, translations: Translations
) -> None:
    case = world.report("insp")
    _attach(world, case.id, "near", png(2400, 1800, "#43a047"), "scene.png")
    pane = make_pane(qtbot, worker, translations, world.actors["multi"])
    detail = load(qtbot, pane, case.id)
    qtbot.waitUntil(lambda: pane.photos.has_thumbnail(detail.attachments[0].sha256))
    item = pane.photos.item(0)
    assert item is not None
    rect = pane.photos.visualItemRect(item)
    viewport = pane.photos.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # Qt 6 needs
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # the press
    viewer = pane.findChild(PhotoViewer)
    assert viewer is not None and viewer.isVisible()
    qtbot.waitUntil(lambda: viewer.loaded, timeout=10_000)
    assert viewer.view.item.pixmap().width() == 2400
    scale = viewer.view.transform().m11()
    assert 0 < scale < 1  # fitted into the window
    viewer.view.zoom(2.0)
    assert viewer.view.transform().m11() == pytest.approx(scale * 2)
    viewer.view.fit()
    assert viewer.view.transform().m11() == pytest.approx(scale)
    assert "scene.png" in viewer.caption.text()
    viewer.close()


def test_decode_shrinks_large_pictures_and_refuses_others() -> None:
    image = decode(png(1000, 500), QSize(160, 120))
    assert (image.width(), image.height()) == (160, 80)
    assert decode(png(100, 50), QSize(160, 120)).size() == QSize(100, 50)
    assert decode(b"not an image").isNull()


def _entries() -> list[TimelineEntry]:
    at = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.UTC)
    return [
        TimelineEntry(1, at, "intake", "受理员小李", "intake", "report", None, "to_verify", ""),
        TimelineEntry(
            2,
            at + dt.timedelta(minutes=5),
            "disp",
            "派遣员小赵",
            "dispatcher",
            "dispatch",
            "opened",
            "dispatched",
            "尽快",
            {"unit": "A社区工作站", "unit_id": 3},
        ),
        TimelineEntry(3, at, "system", "system", "system", "escalate", "x", "x", "", {}),
    ]


def test_timeline_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = TimelineModel()
    qtmodeltester.check(model)
    model.set_entries(_entries(), "Asia/Shanghai")
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 6
    assert model.index(0, 0).data() == "2026-11-29 10:00:00"  # Beijing time
    assert model.index(1, 3).data() == "Dispatch (to A社区工作站)"
    assert model.index(1, 4).data() == "Opened → Dispatched"
    assert model.index(2, 2).data() == "System" and model.index(2, 4).data() == "x"
    assert "尽快" in model.index(1, 5).data(Qt.ItemDataRole.ToolTipRole)
    model.set_entries([], "UTC")
    qtmodeltester.check(model)
