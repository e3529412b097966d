"""The intake form's widgets, layout and texts, and the form as a Draft (both ways).

Every field has an Alt+letter mnemonic on its label; the tab order is the reading order.
The pane (intake_pane.py) adds the behaviour: lookups, duplicates, saving, drafts.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.views.category_picker import CategoryPicker
from console.views.draft_store import Draft
from console.views.duplicate_list import DuplicateList
from console.views.intake_labels import SOURCE_ORDER, source_label
from console.views.location_fields import LocationFields
from console.views.photo_list import PhotoList


class IntakeForm(QWidget):
    changed = Signal()  # any field edited by the operator or restored

    def __init__(self, *, language: str, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = QLabel()
        self.error.setObjectName("intake_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(
            "color: #b71c1c; background: #fdecea; border: 1px solid #f5c2c0; padding: 6px;"
        )
        self.error.hide()
        self.source = QComboBox()
        self.source.setObjectName("source")
        for source in SOURCE_ORDER:
            self.source.addItem(source_label(source), source)
        self.category = CategoryPicker()
        self.location = LocationFields(language, self)
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(80)
        self.urgent = QCheckBox()
        self.urgent.setObjectName("urgent")
        self.self_handled = QCheckBox()
        self.self_handled.setObjectName("self_handled")
        self.reporter_name = QLineEdit()
        self.reporter_name.setObjectName("reporter_name")
        self.reporter_phone = QLineEdit()
        self.reporter_phone.setObjectName("reporter_phone")
        self.photos = PhotoList()
        self.duplicates = DuplicateList(timezone)
        self.status = QLabel()
        self.status.setObjectName("intake_status")
        self.status.setWordWrap(True)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clear_form")
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_case")
        self.source_label, self.category_label, self.description_label = (
            QLabel(),
            QLabel(),
            QLabel(),
        )
        self.reporter_label, self.phone_label = QLabel(), QLabel()
        self._lay_out()
        self._connect()
        self.retranslate()

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setVerticalSpacing(8)
        pairs = (
            (self.source_label, self.source),
            (self.category_label, self.category),
            (self.description_label, self.description),
            (self.reporter_label, self.reporter_name),
            (self.phone_label, self.reporter_phone),
        )
        for label, field in pairs:
            label.setBuddy(field.search if field is self.category else field)
        grid.addWidget(self.source_label, 0, 0)
        grid.addWidget(self.source, 0, 1)
        grid.addWidget(self.category_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.category, 1, 1, 1, 3)
        row = self.location.place_in(grid, 2)
        grid.addWidget(self.description_label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.description, row, 1, 1, 3)
        grid.setRowStretch(row, 1)  # room to spare goes to the description
        checks = QHBoxLayout()
        checks.addWidget(self.urgent)
        checks.addSpacing(24)
        checks.addWidget(self.self_handled)
        checks.addStretch(1)
        grid.addLayout(checks, row + 1, 1, 1, 3)
        grid.addWidget(self.reporter_label, row + 2, 0)
        grid.addWidget(self.reporter_name, row + 2, 1)
        grid.addWidget(self.phone_label, row + 2, 2)
        grid.addWidget(self.reporter_phone, row + 2, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addWidget(self.error)
        left.addLayout(grid, 1)
        left.addLayout(buttons)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        right = QVBoxLayout()
        right.addWidget(self.duplicates, 3)
        right.addWidget(self.photos, 2)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(line)
        layout.addLayout(right, 2)
        chain = (
            self.source,
            self.category.search,
            self.location.address,
            self.location.community,
            self.location.grid,
            self.location.lon,
            self.location.lat,
            self.description,
            self.urgent,
            self.self_handled,
            self.reporter_name,
            self.reporter_phone,
            self.save_button,
            self.clear_button,
            self.duplicates.list,
            self.duplicates.open_button,
            self.duplicates.merge_button,
            self.duplicates.new_button,
            self.photos.list,
            self.photos.kind,
            self.photos.add_button,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.source.currentIndexChanged.connect(self.changed)
        self.category.chosen.connect(self.changed)
        self.location.changed.connect(self.changed)
        self.description.textChanged.connect(self.changed)
        for check in (self.urgent, self.self_handled):
            check.toggled.connect(self.changed)
        for edit in (self.reporter_name, self.reporter_phone):
            edit.textEdited.connect(self.changed)
        self.photos.changed.connect(self.changed)

    # -- the form as a draft ---------------------------------------------------------------

    def draft(self) -> Draft:
        community_id, grid_id = self.location.place_ids()
        return Draft(
            source=str(self.source.currentData()),
            category_id=self.category.category_id(),
            address=self.location.address.text(),
            community_id=community_id,
            grid_id=grid_id,
            lon=self.location.lon.text(),
            lat=self.location.lat.text(),
            description=self.description.toPlainText(),
            urgency="urgent" if self.urgent.isChecked() else "normal",
            self_handled=self.self_handled.isChecked(),
            reporter_name=self.reporter_name.text(),
            reporter_phone=self.reporter_phone.text(),
            photos=self.photos.entries(),
        )

    def restore(self, draft: Draft) -> None:
        index = self.source.findData(draft.source)
        if index >= 0:
            self.source.setCurrentIndex(index)
        self.category.choose(draft.category_id)
        self.location.restore(
            draft.address, draft.community_id, draft.grid_id, draft.lon, draft.lat
        )
        self.description.setPlainText(draft.description)
        self.urgent.setChecked(draft.urgency == "urgent")
        self.self_handled.setChecked(draft.self_handled and self.self_handled.isEnabled())
        self.reporter_name.setText(draft.reporter_name)
        self.reporter_phone.setText(draft.reporter_phone)
        self.photos.set_entries(draft.photos)

    def clear_for_next_call(self) -> None:
        """Everything but the source: the same desk usually takes the same channel."""
        self.restore(Draft(source=str(self.source.currentData())))
        self.category.clear()
        self.location.clear()
        self.duplicates.show_rows((), looked=False)
        self.show_error("")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.source_label.setText(self.tr("&Source"))
        self.category_label.setText(self.tr("&Category"))
        self.description_label.setText(self.tr("&Description"))
        self.reporter_label.setText(self.tr("&Reporter"))
        self.phone_label.setText(self.tr("Phon&e"))
        self.urgent.setText(self.tr("&Urgent"))
        self.self_handled.setText(self.tr("Self-&handled on site by the inspector"))
        self.description.setPlaceholderText(
            self.tr("What is wrong, since when, anything the caller adds (Tab leaves the box)")
        )
        self.reporter_name.setPlaceholderText(self.tr("Caller's name (optional)"))
        self.reporter_phone.setPlaceholderText(self.tr("Call-back number (optional)"))
        self.clear_button.setText(self.tr("&New call"))
        self.clear_button.setToolTip(self.tr("Empty the form and its draft"))
        self.save_button.setText(self.tr("Save (Ctrl+Enter)"))
        for i in range(self.source.count()):
            self.source.setItemText(i, source_label(str(self.source.itemData(i))))
        self.category.retranslate()
        self.location.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
