"""The intake pane on both backends: search, places, coordinates, photos, duplicates,
drafts, roles and the lost connection."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from console.models import Attachment, Case
from console.views.intake_pane import IntakePane
from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.intake_desk import Desk, desk, type_text
from tests.support.workflow_seed import POINTS, world

__all__ = ["desk", "translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]

CTRL = Qt.KeyboardModifier.ControlModifier


def _category(pane: IntakePane, query: str) -> None:
    pane.form.category.search.setFocus()
    pane.form.category.search.clear()
    type_text(pane.form.category.search, query)
    QTest.keyClick(pane.form.category.search, Qt.Key.Key_Return)


def _grid(pane: IntakePane, text: str) -> None:
    combo = pane.form.location.grid
    combo.setFocus()
    type_text(combo, text)
    QTest.keyClick(combo, Qt.Key.Key_Return)


def _fill_call(desk: Desk, pane: IntakePane, description: str = "垃圾暴露") -> None:
    _category(pane, "blj")
    _grid(pane, "A1")
    pane.form.description.setFocus()
    type_text(pane.form.description, description)


def _png(path: Path) -> Path:
    image = QImage(8, 6, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    assert image.save(str(path), "PNG")
    return path


def test_category_search_by_chinese_pinyin_and_code(desk: Desk) -> None:
    pane = desk.open()
    picker = pane.form.category
    picker.search.setFocus()
    for query, code in (("blj", "0102"), ("暴露", "0102"), ("wfjs", "0101"), ("0101", "0101")):
        picker.search.clear()
        type_text(picker.search, query)
        current = picker.tree.currentItem()
        assert current is not None and current.text(0).startswith(code), query
    picker.search.clear()
    type_text(picker.search, "wf")
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.category_id() == desk.world.categories["0101"]
    assert "违法建设" in picker.current.text()
    picker.search.clear()
    type_text(picker.search, "zzz")  # no match: Enter takes nothing
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.category_id() == desk.world.categories["0101"]
    # The inactive 0103 is not offered; a class alone cannot be taken.
    picker.search.clear()
    type_text(picker.search, "停用")
    assert picker.tree.currentItem() is None


def test_coordinates_fill_community_and_grid_and_a_grid_sets_its_community(desk: Desk) -> None:
    pane = desk.open()
    location = pane.form.location
    _grid(pane, "B2")
    assert location.community.currentText() == "B社区"
    assert location.place_ids() == (desk.world.communities["B"], desk.world.grids["B2"])
    assert location.lon.placeholderText() == f"{POINTS['B2'][0]:.6f}"
    location.lon.setFocus()
    type_text(location.lon, "116.21, 39.93")  # typed as one pair: split in two
    assert (location.lon.text(), location.lat.text()) == ("116.21", "39.93")
    desk.qtbot.waitUntil(
        lambda: location.place_ids() == (desk.world.communities["A"], desk.world.grids["A1"])
    )
    assert location.community.currentText() == "A社区" and location.grid.currentText() == "A1"


@pytest.mark.parametrize(
    ("lon", "lat", "message"),
    [
        ("116.30", "39.93", "outside the street's area"),
        ("abc", "39.93", "Invalid coordinates"),
        ("39.93", "116.21", "Invalid coordinates"),
    ],
)
def test_bad_coordinates_are_refused_and_nothing_is_written(
    desk: Desk, lon: str, lat: str, message: str
) -> None:
    pane = desk.open()
    location = pane.form.location
    _category(pane, "blj")
    location.lon.setFocus()
    type_text(location.lon, lon)
    location.lat.setFocus()
    type_text(location.lat, lat)
    desk.qtbot.waitUntil(lambda: message in location.hint.text())
    pane.form.description.setFocus()
    type_text(pane.form.description, "垃圾")
    before = desk.world.counts()
    QTest.keyClick(pane.form.description, Qt.Key.Key_Return, CTRL)
    desk.qtbot.waitUntil(lambda: message in pane.form.error.text())
    assert desk.world.counts() == before
    assert pane.form.description.toPlainText() == "垃圾" and location.lon.text() == lon
    assert pane.focusWidget() is location.lon


def test_photos_are_checked_with_the_workflow_rules(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a picture", encoding="utf-8")
    real = _png(tmp_path / "scene.png")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(fake), str(real)], "")
    )
    pane = desk.open()
    photos = pane.form.photos
    QTest.keyClick(pane.form.source, Qt.Key.Key_P, CTRL)  # "add photo"
    desk.qtbot.waitUntil(lambda: photos.list.count() == 1)
    assert "notes.jpg is not a JPEG, PNG or WebP image" in photos.problems.text()
    [entry] = photos.entries()
    assert entry.name == "scene.png" and entry.kind == "near"
    assert Path(entry.path).parent == pane.drafts.files  # a copy the draft owns
    _fill_call(desk, pane)
    with desk.qtbot.waitSignal(desk.ctx.selection.selected, timeout=5000) as saved:
        QTest.keyClick(pane.form.description, Qt.Key.Key_S, CTRL)
    with desk.world.store.read() as session:
        [attachment] = session.scalars(
            select(Attachment).where(Attachment.entity_id == saved.args[0])
        )
        assert (attachment.kind, attachment.mime, attachment.original_name) == (
            "near",
            "image/png",
            "scene.png",
        )
    assert photos.list.count() == 0 and not pane.drafts.files.exists()


def test_duplicates_are_listed_before_saving_and_merge_into_works(desk: Desk) -> None:
    first = desk.world.report("intake", source="hotline", address="八角北路1号")
    pane = desk.open()
    duplicates = pane.form.duplicates
    _fill_call(desk, pane, "又有人打电话说这里有垃圾")
    desk.qtbot.waitUntil(lambda: [r.id for r in duplicates.rows()] == [first.id])
    assert first.number in duplicates.list.item(0).text()
    with desk.qtbot.waitSignal(desk.ctx.selection.selected) as opened:
        duplicates.open_button.click()
    assert opened.args == [first.id]
    assert pane.form.description.toPlainText() == "又有人打电话说这里有垃圾"  # nothing lost
    desk.ctx.selection.case_id = None
    with desk.qtbot.waitSignal(desk.ctx.selection.selected, timeout=5000) as merged:
        duplicates.merge_button.click()
    assert merged.args == [first.id]
    with desk.world.store.read() as session:
        new = session.scalars(select(Case).where(Case.id != first.id)).one()
        assert (new.state, new.merged_into_id) == ("merged", first.id)
    assert "merged" in pane.form.status.text()
    # The next call about the same spot is a different problem: keep it as a new case.
    _fill_call(desk, pane, "另一处垃圾")
    desk.qtbot.waitUntil(lambda: [r.id for r in duplicates.rows()] == [first.id])
    with desk.qtbot.waitSignal(desk.ctx.selection.selected, timeout=5000) as kept:
        QTest.keyClick(pane.form.description, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    with desk.world.store.read() as session:
        case = session.get(Case, kept.args[0])
        assert case is not None and (case.state, case.merged_into_id) == ("to_verify", None)


def test_draft_survives_a_crash_and_is_cleared_after_saving(desk: Desk, tmp_path: Path) -> None:
    original = _png(tmp_path / "photo.png")
    pane = desk.open(closed_by_test=False)
    _fill_call(desk, pane, "井盖丢失")
    pane.form.location.address.setFocus()
    type_text(pane.form.location.address, "杨庄路8号")
    _drop(pane, original)
    desk.qtbot.waitUntil(lambda: pane.form.photos.list.count() == 1)
    desk.qtbot.waitUntil(lambda: pane.drafts.path.exists() and "杨庄路" in _text(pane))
    original.unlink()
    shiboken6.delete(pane)  # no close, no flush: as after a crash

    again = desk.open()
    form = again.form
    assert form.description.toPlainText() == "井盖丢失"
    assert form.location.address.text() == "杨庄路8号"
    assert form.category.category_id() == desk.world.categories["0102"]
    assert form.location.place_ids() == (desk.world.communities["A"], desk.world.grids["A1"])
    assert [p.name for p in form.photos.entries()] == ["photo.png"]
    assert "restored" in form.status.text()
    with desk.qtbot.waitSignal(desk.ctx.selection.selected, timeout=5000):
        QTest.keyClick(form.description, Qt.Key.Key_Return, CTRL)
    assert not again.drafts.path.exists() and not again.drafts.files.exists()


def _drop(pane: IntakePane, path: Path) -> None:
    """Drop a file on the photo list the way a file manager does."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    target = pane.form.photos.list.viewport()
    assert target is not None
    point = QPointF(target.rect().center())
    for event_type in (QEvent.Type.DragEnter, QEvent.Type.Drop):
        cls = QDragEnterEvent if event_type == QEvent.Type.DragEnter else QDropEvent
        event = cls(
            point.toPoint() if cls is QDragEnterEvent else point,
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, event)
        assert event.isAccepted()


def _text(pane: IntakePane) -> str:
    return pane.drafts.path.read_text(encoding="utf-8") if pane.drafts.path.exists() else ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Cannot report: it needs one of the roles"), ("zh_CN", "无法上报：该操作需要角色")],
)
def test_a_user_without_an_intake_role_is_refused(desk: Desk, language: str, expected: str) -> None:
    desk.ctx.actor = desk.world.actors["disp"]
    desk.ctx.translations.set_language(language)
    pane = desk.open()
    assert not pane.form.self_handled.isEnabled()  # not an inspector
    _fill_call(desk, pane)
    before = desk.world.counts()
    QTest.keyClick(pane.form.description, Qt.Key.Key_Return, CTRL)
    desk.qtbot.waitUntil(lambda: expected in pane.form.error.text())
    assert desk.world.counts() == before
    assert pane.form.description.toPlainText() == "垃圾暴露"


def test_disabled_while_offline_with_everything_kept(desk: Desk) -> None:
    desk.ctx.actor = desk.world.actors["insp"]
    pane = desk.open()
    assert pane.form.self_handled.isEnabled()
    _fill_call(desk, pane)
    desk.ctx.bus.set_online(False)
    assert not pane.form.isEnabled() and pane.offline.isVisible()
    pane.save()  # ignored while offline
    assert desk.world.counts()[0] == 0
    assert pane.form.description.toPlainText() == "垃圾暴露"
    desk.ctx.bus.set_online(True)
    assert pane.form.isEnabled() and not pane.offline.isVisible()
    assert pane.focusWidget() is pane.form.description


def test_messages_follow_the_language(desk: Desk) -> None:
    pane = desk.open()
    _category(pane, "blj")
    location = pane.form.location
    location.lon.setFocus()
    type_text(location.lon, "116.30")
    location.lat.setFocus()
    type_text(location.lat, "39.93")
    QTest.keyClick(location.lat, Qt.Key.Key_S, CTRL)
    desk.qtbot.waitUntil(lambda: "outside the street" in pane.form.error.text())
    desk.qtbot.waitUntil(lambda: "outside the street" in location.hint.text())
    desk.ctx.translations.set_language("zh_CN")
    assert "坐标不在本街道辖区内" in pane.form.error.text()
    assert "坐标不在本街道辖区内" in location.hint.text()
