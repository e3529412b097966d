"""The campaigns tab: pick a campaign, see its progress by step and by community, work
its items (add by hand or from the map, move through the steps, photos, import XLSX).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.ops import reading
from console.services import campaigns as svc
from console.services import duty_roster, pickers
from console.views.campaign_common import RowsModel, local_time, table_view
from console.views.campaign_dialogs import CampaignDialog, ItemDialog
from console.views.campaign_import import ImportRunner
from console.views.campaign_item_actions import CampaignData, CampaignItemActions
from console.views.campaign_labels import campaign_status_label, item_kind_label, source_label
from console.views.labels import fill
from console.views.pane_context import PaneContext


class CampaignsView(CampaignItemActions):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ("campaign", "campaign_item"), parent)
        self.campaign_id: int | None = None
        self.data: CampaignData | None = None
        self._item_dialog: ItemDialog | None = None
        self.chooser = QComboBox()
        self.chooser.setObjectName("campaignChooser")
        self.chooser.activated.connect(self._chosen)
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.close_button = QPushButton()
        self.import_button = QPushButton()
        self.summary = QLabel()
        self.summary.setObjectName("campaignSummary")
        self.summary.setWordWrap(True)
        self.steps = RowsModel(self)
        self.communities = RowsModel(self)
        self.items = RowsModel(self)
        self.item_table = table_view(self.items, stretch=3)
        self.step_filter = QComboBox()
        self.step_filter.activated.connect(lambda _i: self._show_items())
        self.rebounds_only = QCheckBox()
        self.rebounds_only.toggled.connect(lambda _on: self._show_items())
        self.add_button = QPushButton()
        self.step_button = QPushButton()
        self.photo_button = QPushButton()
        self.map_button = QPushButton()
        self.owner_button = QPushButton()
        self.importer = ImportRunner(self)

        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        for button in (self.new_button, self.edit_button, self.close_button, self.import_button):
            top.addWidget(button)
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(table_view(self.steps, stretch=0))
        tables.addWidget(table_view(self.communities, stretch=0))
        item_bar = QHBoxLayout()
        item_bar.addWidget(self.step_filter)
        item_bar.addWidget(self.rebounds_only)
        item_bar.addStretch(1)
        for button in (
            self.add_button,
            self.step_button,
            self.owner_button,
            self.photo_button,
            self.map_button,
        ):
            item_bar.addWidget(button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(item_bar)
        lower_layout.addWidget(self.item_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(tables)
        split.addWidget(lower)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button.clicked.connect(self.edit_campaign)
        self.close_button.clicked.connect(self.toggle_closed)
        self.import_button.clicked.connect(self.choose_import)
        self.add_button.clicked.connect(self.new_item)
        self.step_button.clicked.connect(self.move_item)
        self.photo_button.clicked.connect(self.add_photos)
        self.map_button.clicked.connect(self.show_on_map)
        self.owner_button.clicked.connect(self.ask_owner)
        self.item_table.doubleClicked.connect(lambda _index: self.show_on_map())
        may_manage = ctx.actor.has(*svc.MANAGE_ROLES)
        for button in (self.new_button, self.edit_button, self.close_button, self.import_button):
            button.setEnabled(may_manage)
        may_work = ctx.actor.has(*svc.ITEM_ROLES)
        for button in (self.add_button, self.step_button, self.owner_button):
            button.setEnabled(may_work)
        self.retranslate()
        self.refresh()

    # -- reading -----------------------------------------------------------------------

    def params(self) -> int | None:
        return self.campaign_id

    def load(self, session: Session, params: int | None) -> CampaignData:
        rows = svc.list_campaigns(session)
        chosen = params
        if chosen not in {r.id for r in rows}:
            chosen = rows[0].id if rows else None
        return CampaignData(
            rows,
            svc.progress(session, chosen) if chosen is not None else None,
            svc.list_items(session, chosen) if chosen is not None else [],
            pickers.picker_lists(session),
            svc.map_center(session),
            duty_roster.people(session),
        )

    def show_data(self, data: CampaignData) -> None:
        self.data = data
        self.campaign_id = data.progress.campaign_id if data.progress else None
        self.chooser.clear()
        for row in data.campaigns:
            self.chooser.addItem(f"{row.name}（{campaign_status_label(row.status)}）", row.id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.campaign_id)))
        self._show_progress()
        self._fill_step_filter()
        self._show_items()

    def _chosen(self, index: int) -> None:
        self.campaign_id = self.chooser.itemData(index)
        self.refresh()

    def _show_progress(self) -> None:
        p = self.data.progress if self.data else None
        if p is None:
            self.summary.setText(self.tr("No campaign yet."))
            self.steps.set_rows([])
            self.communities.set_rows([])
            return
        self.summary.setText(
            fill(
                self.tr("Target %1 · items %2 · cleared %3 · rebounds %4 · rebound distance %5 m"),
                str(p.target),
                str(p.items),
                str(p.cleared),
                str(p.rebounds),
                f"{p.rebound_radius_m:g}",
            )
        )
        self.steps.set_rows(
            [
                (f"{n}. {name}", str(p.at_step[n - 1]), str(p.reached[n - 1]))
                for n, name in enumerate(p.steps, start=1)
            ]
        )
        self.communities.set_rows(
            [
                (
                    c.name or self.tr("(outside the communities)"),
                    str(c.items),
                    str(c.cleared),
                    str(c.rebounds),
                )
                for c in p.by_community
            ],
            flagged=[c.rebounds > 0 for c in p.by_community],
        )

    def _fill_step_filter(self) -> None:
        current = self.step_filter.currentData()
        self.step_filter.clear()
        self.step_filter.addItem(self.tr("All steps"), None)
        for n, name in enumerate(
            self.data.progress.steps if self.data and self.data.progress else [], start=1
        ):
            self.step_filter.addItem(f"{n}. {name}", n)
        self.step_filter.setCurrentIndex(max(0, self.step_filter.findData(current)))

    def _show_items(self) -> None:
        items = self.data.items if self.data else []
        step = self.step_filter.currentData()
        shown = [
            i
            for i in items
            if (step is None or i.step == step)
            and (not self.rebounds_only.isChecked() or i.rebound_number)
        ]
        zone = self.ctx.settings.timezone
        self.items.set_rows(
            [
                (
                    str(i.id),
                    item_kind_label(i.kind),
                    i.community,
                    i.address,
                    f"{i.step}. {i.step_name}",
                    i.owner,
                    local_time(i.cleared_at, zone, "%Y-%m-%d"),
                    i.rebound_number,
                    source_label(i.source),
                )
                for i in shown
            ],
            ids=[i.id for i in shown],
            flagged=[bool(i.rebound_number) for i in shown],
        )

    # -- actions -----------------------------------------------------------------------

    def new_campaign(self) -> None:
        if self.data is None:
            return
        dialog = CampaignDialog(
            self.data.lists.categories, self.data.lists.communities, self.language, parent=self
        )
        dialog.accepted.connect(lambda: self._create(dialog.value()))
        dialog.open()

    def _create(self, data: svc.CampaignInput) -> None:
        actor = self.ctx.actor

        def done(campaign_id: int) -> None:
            self.campaign_id = campaign_id

        self.write(lambda s: svc.create_campaign(s, actor, data).id, done)

    def edit_campaign(self) -> None:
        if self.data is None or self.campaign_id is None:
            return
        campaign_id = self.campaign_id
        self.ctx.worker.submit(
            reading(lambda s: svc.campaign_input(s, campaign_id)),
            success=self._open_edit,
            failure=self.show_error,
            owner=self,
        )

    def _open_edit(self, current: svc.CampaignInput) -> None:
        if self.data is None or self.campaign_id is None:
            return
        campaign_id, actor = self.campaign_id, self.ctx.actor
        dialog = CampaignDialog(
            self.data.lists.categories, self.data.lists.communities, self.language, current, self
        )
        self.on_accept(
            dialog, dialog.value, lambda s, data: svc.update_campaign(s, actor, campaign_id, data)
        )
        dialog.open()

    def toggle_closed(self) -> None:
        row = next(
            (r for r in (self.data.campaigns if self.data else []) if r.id == self.campaign_id),
            None,
        )
        if row is None:
            return
        status, actor = ("closed" if row.status == "active" else "active"), self.ctx.actor
        self.write(lambda s: svc.set_status(s, actor, row.id, status))

    def choose_import(self) -> None:
        if self.campaign_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import campaign items"), "", self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.importer.run(Path(path), self.campaign_id)

    # -- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New campaign…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.close_button.setText(self.tr("Close / reopen"))
        self.import_button.setText(self.tr("Import items…"))
        self.add_button.setText(self.tr("Add item…"))
        self.step_button.setText(self.tr("Move to step…"))
        self.photo_button.setText(self.tr("Photos…"))
        self.map_button.setText(self.tr("Show on map"))
        self.owner_button.setText(self.tr("Owner…"))
        self.rebounds_only.setText(self.tr("Rebounds only"))
        self.steps.set_headers([self.tr("Step"), self.tr("At this step"), self.tr("Reached")])
        self.communities.set_headers(
            [self.tr("Community"), self.tr("Items"), self.tr("Cleared"), self.tr("Rebounds")]
        )
        self.items.set_headers(
            [
                self.tr("No."),
                self.tr("Kind"),
                self.tr("Community"),
                self.tr("Address"),
                self.tr("Step"),
                self.tr("Owner"),
                self.tr("Cleared on"),
                self.tr("Rebound case"),
                self.tr("Added"),
            ]
        )
        if self.data is not None:
            self.show_data(self.data)
        else:
            self.summary.setText(self.tr("Loading…"))
