"""The forms of the campaigns tab: a campaign (with its step template), an item (its
point may be picked on the map while the form is open), and moving an item to a step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.models.campaign import ITEM_KINDS
from console.services.campaigns import PARKING_LOCK_STEPS, CampaignInput, ItemInput, ItemPhoto
from console.services.photo_files import read_photo_file
from console.services.pickers import Choice
from console.views.campaign_labels import item_kind_label
from console.views.labels import fill

IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp"


def read_photos(session: Session, kind: str, paths: Sequence[str]) -> list[ItemPhoto]:
    """The picked files as photos (run on the worker: it reads the disk); a file over
    the attachment limit is refused before it is read."""
    return [ItemPhoto(kind, read_photo_file(session, path), Path(path).name) for path in paths]


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class PhotoPicker(QWidget):
    """A button that picks image files and a line saying how many were picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[str] = []
        self.button = QPushButton(self.tr("Choose photos…"))
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.label, 1)
        self.button.clicked.connect(self._choose)
        self.set_paths([])

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Photos"), "", fill(self.tr("Images (%1)"), IMAGE_FILTER)
        )
        if paths:
            self.set_paths(paths)

    def set_paths(self, paths: Sequence[str]) -> None:
        self.paths = list(paths)
        names = ", ".join(Path(p).name for p in self.paths)
        self.label.setText(names or self.tr("No photo"))


class CampaignDialog(QDialog):
    def __init__(
        self,
        categories: Sequence[Choice],
        communities: Sequence[Choice],
        language: str,
        current: CampaignInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("campaignDialog")
        self.setWindowTitle(self.tr("Campaign") if current else self.tr("New campaign"))
        data = current or CampaignInput("", dt.date.today())
        self.name = QLineEdit(data.name)
        self.category = QComboBox()
        self.category.addItem(self.tr("(none)"), None)
        for choice in categories:
            if choice.level == 1:
                self.category.addItem(f"{choice.code} {choice.name(language)}", choice.id)
        self.category.setCurrentIndex(max(0, self.category.findData(data.category_id)))
        self.starts = QDateEdit(_qdate(data.starts_on))
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.ends = QDateEdit(_qdate(data.ends_on or data.starts_on))
        self.has_end.setChecked(data.ends_on is not None)
        self.ends.setEnabled(data.ends_on is not None)
        self.has_end.toggled.connect(self.ends.setEnabled)
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.target = QSpinBox()
        self.target.setRange(0, 1_000_000)
        self.target.setValue(data.target_count)
        self.radius = QDoubleSpinBox()
        self.radius.setRange(1, 5000)
        self.radius.setSuffix(" m")
        self.radius.setValue(data.rebound_radius_m)
        self.steps = QPlainTextEdit("\n".join(data.steps or PARKING_LOCK_STEPS))
        self.steps.setToolTip(self.tr("One step per line, in order"))
        self.cleared = QSpinBox()
        self.cleared.setRange(1, 12)
        self.cleared.setValue(data.cleared_from_step)
        self.communities = QListWidget()
        for choice in communities:
            item = QListWidgetItem(choice.name(language))
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            checked = not data.community_ids or choice.id in data.community_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.communities.addItem(item)
        self.note = QPlainTextEdit(data.note)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category (for rebounds)"), self.category)
        form.addRow(self.tr("Starts on"), self.starts)
        form.addRow(self.has_end, self.ends)
        form.addRow(self.tr("Target"), self.target)
        form.addRow(self.tr("Rebound distance"), self.radius)
        form.addRow(self.tr("Steps"), self.steps)
        form.addRow(self.tr("Cleared from step"), self.cleared)
        form.addRow(self.tr("Communities"), self.communities)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def value(self) -> CampaignInput:
        steps = [s.strip() for s in self.steps.toPlainText().splitlines() if s.strip()]
        communities = [
            int(self.communities.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.communities.count())
            if self.communities.item(i).checkState() == Qt.CheckState.Checked
        ]
        return CampaignInput(
            name=self.name.text(),
            starts_on=_date(self.starts),
            ends_on=_date(self.ends) if self.has_end.isChecked() else None,
            category_id=self.category.currentData(),
            target_count=self.target.value(),
            rebound_radius_m=self.radius.value(),
            community_ids=communities,
            steps=steps,
            cleared_from_step=self.cleared.value(),
            note=self.note.toPlainText(),
        )


class ItemDialog(QDialog):
    """A new item; a point picked on the map while it is open fills the coordinates."""

    def __init__(
        self, steps: Sequence[str], center: tuple[float, float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("campaignItemDialog")
        self.setWindowTitle(self.tr("New campaign item"))
        self.setMinimumWidth(420)
        self.source = "hand"
        self.lon = QDoubleSpinBox()
        self.lat = QDoubleSpinBox()
        for spin, (low, high), value in (
            (self.lon, (73.0, 136.0), center[0]),
            (self.lat, (3.0, 54.0), center[1]),
        ):
            spin.setDecimals(6)
            spin.setRange(low, high)
            spin.setSingleStep(0.0001)
            spin.setValue(value)
        self.hint = QLabel(self.tr("Tip: click a point on the map to fill in the position."))
        self.hint.setWordWrap(True)
        self.address = QLineEdit()
        self.description = QLineEdit()
        self.kind = QComboBox()
        for kind in ITEM_KINDS:
            self.kind.addItem(item_kind_label(kind), kind)
        self.step = QComboBox()
        for number, name in enumerate(steps, start=1):
            self.step.addItem(f"{number}. {name}", number)
        self.photos = PhotoPicker()
        form = QFormLayout()
        form.addRow(self.tr("Longitude"), self.lon)
        form.addRow(self.tr("Latitude"), self.lat)
        form.addRow(self.hint)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Current step"), self.step)
        form.addRow(self.tr("Photos before"), self.photos)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def set_point(self, lon: float, lat: float) -> None:
        self.lon.setValue(lon)
        self.lat.setValue(lat)
        self.source = "map"

    def value(self) -> ItemInput:
        return ItemInput(
            lon=self.lon.value(),
            lat=self.lat.value(),
            address=self.address.text(),
            description=self.description.text(),
            kind=str(self.kind.currentData()),
            step_ordinal=int(self.step.currentData()),
            source=self.source,
        )


class StepDialog(QDialog):
    """Move an item to a step: a reason is needed to go back; photos after are welcome."""

    def __init__(self, steps: Sequence[str], current: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignStepDialog")
        self.setWindowTitle(self.tr("Move to step"))
        self.step = QComboBox()
        for number, name in enumerate(steps, start=1):
            self.step.addItem(f"{number}. {name}", number)
        self.step.setCurrentIndex(min(current, len(steps) - 1))  # the next step
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Required when moving back"))
        self.photos = PhotoPicker()
        form = QFormLayout()
        form.addRow(self.tr("Step"), self.step)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Photos after"), self.photos)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def value(self) -> tuple[int, str]:
        return int(self.step.currentData()), self.note.toPlainText()
