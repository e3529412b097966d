"""The wall pane against a real RTSP server (offscreen: the frame-callback path): tiles
play, health reaches the database, snapshots become evidence, an offline camera shows a
placeholder and comes back; layouts, maximising, drops, presets and nearby cameras."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.i18n import Translations
from console.live import LiveFeed
from console.models import Attachment, Camera, Case
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.services.cameras_wall import Tour
from console.settings import Settings
from console.store import Store
from console.video.clip import ClipError
from console.video.player import Player
from console.video.rtsp_server import RtspServer
from console.views import video_evidence
from console.views.bus import CaseSelection, ChangeBus
from console.views.pane_context import PaneContext
from console.views.video_pane import VideoPane
from console.views.video_tile import camera_ids
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.rtsp_server import rtsp_server
from tests.support.small_db import fill_small_street

__all__ = ["rtsp_server", "translations", "worker"]
pytestmark = [pytest.mark.gui, pytest.mark.slow, OFFSCREEN_NOISE]
ACTOR = Actor(None, "duty", frozenset({"intake", "shift_leader", "dispatcher"}), "desk-9")


@pytest.fixture
def ctx(
    store: Store,
    worker: DatabaseWorker,
    translations: Translations,
    rtsp_server: RtspServer,
    tmp_path: Path,
) -> Iterator[PaneContext]:
    fill_small_street(store)
    with store.write() as s:
        for n, camera in enumerate(s.scalars(select(Camera).order_by(Camera.id)), start=1):
            camera.main_url = rtsp_server.url(n, "main")
            camera.sub_url = rtsp_server.url(n, "sub")
            camera.status = "unknown"
    bus = ChangeBus()
    live = LiveFeed(store, worker, bus, parent=bus)
    live.start()
    yield PaneContext(worker, bus, CaseSelection(bus), ACTOR, translations, Settings(tmp_path))
    live.stop()
    bus.deleteLater()


@pytest.fixture
def pane(qtbot: QtBot, ctx: PaneContext) -> Iterator[VideoPane]:
    widget = VideoPane(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitUntil(lambda: len(widget.tree.cameras()) == 4, timeout=5000)
    yield widget
    widget.stop()


def _status(store: Store, camera_id: int) -> str:
    with store.read() as s:
        camera = s.get(Camera, camera_id)
        assert camera is not None
        return camera.status


def test_tiles_play_and_health_reaches_the_database(
    qtbot: QtBot, pane: VideoPane, store: Store, rtsp_server: RtspServer
) -> None:
    ids = [c.id for c in pane.tree.cameras()]
    pane.show_camera_ids(ids[:2])
    tiles = pane.wall.tiles[:2]
    qtbot.waitUntil(lambda: all(t.state == "playing" for t in tiles), timeout=15000)
    qtbot.waitUntil(lambda: all(t.surface.image is not None for t in tiles), timeout=5000)
    assert not tiles[0].surface.placeholder
    qtbot.waitUntil(lambda: _status(store, ids[0]) == "online", timeout=5000)
    # The registry row read back by the tree shows the new state too (via the feed).
    qtbot.waitUntil(
        lambda: {c.id: c.status for c in pane.tree.cameras()}[ids[0]] == "online", timeout=5000
    )

    rtsp_server.stop()
    qtbot.waitUntil(lambda: all(t.state == "offline" for t in tiles), timeout=10000)
    assert all(t.surface.image is None and t.surface.placeholder for t in tiles)
    qtbot.waitUntil(lambda: _status(store, ids[0]) == "offline", timeout=5000)

    rtsp_server.start()
    # How fast it comes back is a figure of benchmarks/video_wall.py, not a test verdict.
    qtbot.waitUntil(lambda: all(t.state == "playing" for t in tiles), timeout=8000)
    qtbot.waitUntil(lambda: _status(store, ids[1]) == "online", timeout=5000)


def test_snapshot_is_attached_to_the_selected_case_or_starts_one(
    qtbot: QtBot, pane: VideoPane, store: Store, ctx: PaneContext
) -> None:
    camera = pane.tree.cameras()[0]
    pane.show_camera_ids([camera.id])
    tile = pane.wall.tiles[0]
    qtbot.waitUntil(lambda: tile.state == "playing", timeout=15000)
    with store.read() as s:
        case_id = s.scalars(select(Case.id).where(Case.state == "to_dispatch")).first()
        case_id = case_id or s.scalars(select(Case.id)).first()
    assert case_id is not None
    ctx.selection.select(case_id)
    messages: list[tuple[str, bool]] = []
    pane.evidence.message.connect(lambda text, error: messages.append((text, error)))
    pane.evidence.snapshot(tile, new_case=False)

    def attached() -> Attachment | None:
        with store.read() as s:
            return s.scalars(
                select(Attachment).where(
                    Attachment.camera_id == camera.id, Attachment.kind == "snapshot"
                )
            ).first()

    qtbot.waitUntil(lambda: attached() is not None or any(e for _t, e in messages), timeout=10000)
    row = attached()
    assert row is not None, messages
    assert (row.entity_id, row.lon, row.lat, row.mime) == (
        case_id,
        camera.lon,
        camera.lat,
        "image/png",
    )
    assert row.taken_at is not None and len(row.sha256) == 64

    prefills: list[dict[str, Any]] = []
    ctx.requests.new_case_prefill.connect(prefills.append)
    pane.evidence.snapshot(tile, new_case=True)
    qtbot.waitUntil(lambda: bool(prefills), timeout=10000)
    prefill = prefills[0]
    assert (prefill["lon"], prefill["lat"], prefill["camera_id"]) == (
        camera.lon,
        camera.lat,
        camera.id,
    )
    photo = Path(prefill["photo_paths"][0])
    assert photo.read_bytes().startswith(b"\x89PNG")
    photo.unlink()


def test_layouts_maximise_and_hidden_tiles_stop(qtbot: QtBot, pane: VideoPane) -> None:
    ids = [c.id for c in pane.tree.cameras()]
    pane.wall.set_layout("4")
    pane.show_camera_ids(ids)
    tiles = pane.wall.tiles[:4]
    qtbot.waitUntil(lambda: all(t.state == "playing" for t in tiles), timeout=20000)
    pane.wall.tiles[1].double_clicked.emit(1)
    assert pane.wall.maximised == 1 and pane.wall.tiles[1].url().endswith("/main")
    qtbot.waitUntil(
        lambda: all(pane.wall.tiles[i].state == "idle" for i in (0, 2, 3)), timeout=5000
    )
    qtbot.waitUntil(lambda: pane.wall.tiles[1].state == "playing", timeout=15000)
    pane.wall.tiles[1].double_clicked.emit(1)
    assert pane.wall.maximised is None and pane.wall.tiles[1].url().endswith("/sub")
    pane.wall.set_layout("1")
    qtbot.waitUntil(lambda: all(t.state == "idle" for t in pane.wall.tiles[1:]), timeout=5000)
    for name, count in (("1+5", 6), ("1+7", 8), ("16", 16), ("9", 9)):
        pane.wall.set_layout(name)
        assert sum(t.isVisibleTo(pane) for t in pane.wall.tiles) == count


def test_tree_search_drag_data_and_drop(qtbot: QtBot, pane: VideoPane) -> None:
    cameras = pane.tree.cameras()
    pane.tree.search.setText(cameras[2].code)
    model = pane.tree.model
    community = model.index(0, 0)
    group = model.index(0, 0, community)
    assert model.rowCount(group) == 1
    ids = camera_ids(model.mimeData([community]))
    assert ids == [cameras[2].id]
    pane.tree.search.clear()
    all_ids = camera_ids(model.mimeData([model.index(r, 0) for r in range(model.rowCount())]))
    assert sorted(all_ids) == sorted(c.id for c in cameras)
    pane.wall.set_layout("9")
    pane.wall.cameras_dropped.emit(3, all_ids[:2])
    assert pane.wall.cameras()[3:5] == all_ids[:2]


def test_presets_save_and_restore(
    qtbot: QtBot, pane: VideoPane, monkeypatch: pytest.MonkeyPatch, store: Store, ctx: PaneContext
) -> None:
    ctx.actor = Actor(5, "duty", ACTOR.roles, "desk-9")  # presets belong to a user id
    pane.toolbar.ctx = ctx
    ids = [c.id for c in pane.tree.cameras()]
    pane.wall.set_layout("1+5")
    pane.show_camera_ids(ids[:3])
    monkeypatch.setattr(
        "console.views.video_toolbar.QInputDialog.getText", lambda *_a, **_k: ("早班", True)
    )
    pane.toolbar.save_preset.click()
    qtbot.waitUntil(lambda: pane.toolbar.presets.count() == 2, timeout=5000)
    pane.wall.set_layout("4")
    pane.wall.clear()
    pane.toolbar.presets.activated.emit(1)
    assert pane.wall.layout_name == "1+5"
    assert pane.wall.cameras()[:3] == ids[:3]


def test_nearby_cameras_of_the_selected_case(
    qtbot: QtBot, pane: VideoPane, store: Store, ctx: PaneContext
) -> None:
    with store.write() as s:
        case = s.scalars(select(Case)).first()
        assert case is not None
        case.lon, case.lat = 116.2, 39.9  # where the small street's cameras stand
        case_id = case.id
    ctx.selection.select(case_id)
    pane.toolbar.nearby.click()
    qtbot.waitUntil(lambda: len([c for c in pane.wall.cameras() if c]) == 4, timeout=5000)
    ctx.requests.show_cameras.emit([pane.tree.cameras()[0].id])
    assert [c for c in pane.wall.cameras() if c] == [pane.tree.cameras()[0].id]


def test_tours_rotate_pages_of_the_wall(qtbot: QtBot, pane: VideoPane) -> None:
    ids = [c.id for c in pane.tree.cameras()]
    pages: list[int] = []
    pane.tours.page_changed.connect(lambda page, _pages: pages.append(page))
    pane.tours.start(Tour("路口", "1", tuple(ids[:2]), 1))
    assert pane.wall.layout_name == "1" and pane.wall.cameras() == [ids[0]]
    qtbot.waitUntil(lambda: pages[-1:] == [1], timeout=3000)
    assert pane.wall.cameras() == [ids[1]]
    qtbot.waitUntil(lambda: len(pages) >= 3, timeout=3000)
    assert pages[:3] == [0, 1, 0]
    pane.place(0, [ids[2]])  # placing a camera by hand ends the tour
    assert pane.tours.running is None


def test_wall_window_takes_the_wall_and_gives_it_back(qtbot: QtBot, pane: VideoPane) -> None:
    pane.toggle_window()
    window = pane._window
    assert window is not None and pane.wall.window() is window
    window.full.setChecked(True)
    window.full.setChecked(False)
    pane.toggle_window()
    qtbot.waitUntil(lambda: pane._window is None, timeout=3000)
    assert pane.wall.window() is pane.window() and pane.wall.isVisible()


def test_evidence_goes_to_the_case_selected_when_it_was_asked_for(
    qtbot: QtBot, pane: VideoPane, store: Store, ctx: PaneContext
) -> None:
    camera = pane.tree.cameras()[0]
    pane.show_camera_ids([camera.id])
    tile = pane.wall.tiles[0]
    qtbot.waitUntil(lambda: tile.state == "playing", timeout=15000)
    with store.read() as s:
        first, second = s.scalars(select(Case.id).order_by(Case.id).limit(2)).all()
    messages: list[tuple[str, bool]] = []
    pane.evidence.message.connect(lambda text, error: messages.append((text, error)))
    ctx.selection.select(first)
    pane.evidence.snapshot(tile, new_case=False)
    # The operator moves on before the picture is back from the player's thread.
    ctx.selection.select(second)

    def attached_to() -> list[int]:
        with store.read() as s:
            return list(
                s.scalars(
                    select(Attachment.entity_id).where(
                        Attachment.camera_id == camera.id, Attachment.kind == "snapshot"
                    )
                )
            )

    qtbot.waitUntil(lambda: bool(attached_to()) or any(e for _t, e in messages), timeout=10000)
    assert attached_to() == [first], messages


def test_a_failed_clip_says_why_in_words_for_the_operator(
    qtbot: QtBot, pane: VideoPane, store: Store, ctx: PaneContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_ffmpeg(_url: str, _seconds: float) -> bytes:
        raise ClipError("no_ffmpeg")

    monkeypatch.setattr(video_evidence, "record_clip", no_ffmpeg)
    camera = pane.tree.cameras()[0]
    pane.show_camera_ids([camera.id])
    with store.read() as s:
        case_id = s.scalars(select(Case.id)).first()
    assert case_id is not None
    ctx.selection.select(case_id)
    ctx.translations.set_language("en")
    messages: list[tuple[str, bool]] = []
    pane.evidence.message.connect(lambda text, error: messages.append((text, error)))
    pane.evidence.clip(pane.wall.tiles[0])
    qtbot.waitUntil(lambda: any(error for _t, error in messages), timeout=5000)
    pane.evidence.wait()
    assert [t for t, error in messages if error] == [
        "The clip could not be recorded: ffmpeg is not installed on this workstation."
    ]


def test_camera_names_and_messages_are_shown_as_plain_text(pane: VideoPane) -> None:
    # A name such as "<img src=...>" from an imported sheet is shown as typed.
    assert pane.wall.tiles[0].name.textFormat() == Qt.TextFormat.PlainText
    assert pane.message.textFormat() == Qt.TextFormat.PlainText


def test_a_stream_this_workstation_cannot_play_is_not_the_camera_being_offline(
    qtbot: QtBot, pane: VideoPane, ctx: PaneContext
) -> None:
    ctx.translations.set_language("en")
    camera = pane.tree.cameras()[0]
    pane.show_camera_ids([camera.id])
    tile = pane.wall.tiles[0]
    health: list[tuple[int, str]] = []
    pane.wall.camera_state.connect(lambda camera_id, state: health.append((camera_id, state)))
    tile.bridge.state_changed.emit("failed", "no ffmpeg")
    assert tile.status.text() == "Cannot play"
    assert "cannot play" in tile.surface.placeholder
    assert health == []


def test_closing_the_wall_ends_its_players_together(
    qtbot: QtBot, pane: VideoPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [c.id for c in pane.tree.cameras()]
    pane.show_camera_ids(ids[:3])
    tiles = pane.wall.tiles[:3]
    qtbot.waitUntil(lambda: all(t.state == "playing" for t in tiles), timeout=15000)
    players = [t.bridge.player for t in tiles]
    # Each closing teardown waits until all three are in theirs: it gets through only
    # if the wall asked every player to end before waiting for the first.
    together = threading.Barrier(len(players), timeout=5)
    closing = threading.Event()
    met: list[str] = []
    original = Player._teardown

    def teardown(player: Player) -> None:
        if closing.is_set() and player in players:
            together.wait()
            met.append(player.name)
        original(player)

    monkeypatch.setattr(Player, "_teardown", teardown)
    closing.set()
    pane.wall.close_players()
    assert sorted(met) == sorted(p.name for p in players)
    assert all(p.wait_closed(0) for p in players)
