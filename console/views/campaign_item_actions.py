"""What the operator does to a campaign's items: add one (by hand, or with a point
picked on the map while the form is open), move it to a step, its photos, the map."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QTableView

from console.services import campaigns as svc
from console.services import pickers
from console.views.campaign_common import LivePanel, finish_dialog, selected_id
from console.views.campaign_dialogs import ItemDialog, StepDialog, read_photos
from console.views.campaign_photos import PhotoListDialog


@dataclass(frozen=True)
class CampaignData:
    campaigns: list[svc.CampaignRow]
    progress: svc.Progress | None
    items: list[svc.ItemRow]
    lists: pickers.PickerLists
    center: tuple[float, float]
    people: list[tuple[int, str]]  # (user id, name): who may own an item


class CampaignItemActions(LivePanel):
    """The item half of the campaigns tab (the tab builds the widgets named here)."""

    data: CampaignData | None
    campaign_id: int | None
    item_table: QTableView
    _item_dialog: ItemDialog | None
    _owner_dialog: QDialog | None = None

    def _item(self) -> svc.ItemRow | None:
        item_id = selected_id(self.item_table)
        items = self.data.items if self.data else []
        return next((i for i in items if i.id == item_id), None)

    def new_item(self) -> None:
        if self.data is None or self.data.progress is None:
            return
        dialog = ItemDialog(self.data.progress.steps, self.data.center, self)
        self._item_dialog = dialog
        self.ctx.requests.map_point_picked.connect(dialog.set_point)
        dialog.finished.connect(lambda _r: self._item_dialog_closed(dialog))
        dialog.accepted.connect(lambda: self.add_item(dialog.value(), dialog.photos.paths))
        # Not modal: the operator clicks the map while the form is open.
        dialog.setModal(False)
        dialog.show()

    def _item_dialog_closed(self, dialog: ItemDialog) -> None:
        self.ctx.requests.map_point_picked.disconnect(dialog.set_point)
        self._item_dialog = None

    def add_item(self, data: svc.ItemInput, photo_paths: list[str]) -> None:
        if self.campaign_id is None:
            return
        campaign_id, actor = self.campaign_id, self.ctx.actor
        self.write(
            lambda s: (
                svc.add_item(
                    s, actor, campaign_id, data, photos_in=read_photos(s, "before", photo_paths)
                ).id
            )
        )

    def move_item(self) -> None:
        item = self._item()
        if item is None or self.data is None or self.data.progress is None:
            return
        dialog = StepDialog(self.data.progress.steps, item.step, self)
        dialog.accepted.connect(
            lambda: self.set_step(item.id, *dialog.value(), photo_paths=dialog.photos.paths)
        )
        dialog.open()

    def set_step(self, item_id: int, step: int, note: str, photo_paths: list[str]) -> None:
        actor = self.ctx.actor
        self.write(
            lambda s: (
                svc.set_step(
                    s,
                    actor,
                    item_id,
                    step,
                    note=note,
                    photos_in=read_photos(s, "after", photo_paths),
                ).id
            )
        )

    def add_photos(self) -> None:
        item = self._item()
        if item is None:
            return
        actor = self.ctx.actor
        dialog: PhotoListDialog | None = None

        def add(paths: list[str]) -> None:
            self.write(
                lambda s: svc.attach_photos(s, actor, item.id, read_photos(s, "after", paths)),
                lambda _ids: dialog.reload() if dialog is not None else None,
            )

        may_add = self.ctx.actor.has(*svc.ITEM_ROLES)
        dialog = PhotoListDialog(
            self.ctx.worker,
            "campaign_item",
            item.id,
            item.address or str(item.id),
            self.ctx.settings.timezone,
            self.language,
            add if may_add else None,
            self,
        )
        dialog.open()

    def show_on_map(self) -> None:
        item = self._item()
        if item is not None:
            self.ctx.requests.show_on_map.emit("campaign_item", item.id)

    def ask_owner(self) -> None:
        item = self._item()
        if item is None or self.data is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Owner of the item"))
        owner = QComboBox()
        owner.addItem(self.tr("(nobody)"), None)
        for user_id, name in self.data.people:
            owner.addItem(name, user_id)
        owner.setCurrentIndex(max(0, owner.findText(item.owner)))
        form = QFormLayout()
        form.addRow(self.tr("Owner"), owner)
        finish_dialog(dialog, form)
        actor = self.ctx.actor
        self.on_accept(
            dialog, owner.currentData, lambda s, uid: svc.set_owner(s, actor, item.id, uid).id
        )
        self._owner_dialog = dialog
        dialog.open()
