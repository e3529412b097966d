"""The intake pane: a phone call becomes a case in one form, keyboard first.

Lookups, the point's community and grid, likely duplicates and photo checks run on the
database worker; saving is one write job (report + photos, and the merge if asked).
The form autosaves as a per-user draft and comes back after a crash; it is disabled,
never cleared, while the database is out of reach.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from console.errors import KnownError
from console.ops import reading, writing
from console.services import intake_lookup
from console.services.feed import Change
from console.services.intake_lookup import DuplicateRow, IntakeLookups
from console.views.draft_store import DraftStore
from console.views.duplicate_watch import DuplicateWatch
from console.views.intake_fields import focus_for_error, next_needed, report_gap, report_values
from console.views.intake_form import IntakeForm
from console.views.intake_jobs import PhotoOutcome, SavedCase, photo_check_job, save_job
from console.views.labels import fill
from console.views.pane_context import PaneContext

DRAFT_DELAY_MS = 500
_LOOKUP_ENTITIES = ("category", "community", "grid", "street")


class IntakePane(QWidget):
    def __init__(self, ctx: PaneContext) -> None:
        super().__init__()
        self.setObjectName("intake_pane")
        self.ctx = ctx
        self.drafts = DraftStore(ctx.settings.data_dir / "drafts", ctx.actor.username)
        self._ready = False  # lookups in and the draft applied: autosave may write
        self._saving = False
        self._error: KnownError | Callable[[], str] | None = None
        self._refusals: tuple[KnownError, ...] = ()
        self._last_focus: QWidget | None = None
        self.form = IntakeForm(language=ctx.translations.language, timezone=ctx.settings.timezone)
        self.form.self_handled.setEnabled(ctx.actor.has("inspector"))
        self.form.category.set_english(ctx.translations.language == "en")
        self.offline = QLabel()
        self.offline.setObjectName("intake_offline")
        self.offline.setWordWrap(True)
        self.offline.setStyleSheet("color: #8a6d00; background: #fff8e1; padding: 6px;")
        self.offline.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.offline)
        layout.addWidget(self.form, 1)
        self._draft_timer = self._timer(DRAFT_DELAY_MS, self.save_draft)
        self.duplicates = DuplicateWatch(ctx.worker, self.form, self)
        self._shortcuts()
        self._connect()
        self._pending = self.drafts.load()
        if self._pending is not None:
            self.form.restore(self._pending)
            self.form.status.setText(self.tr("The unsaved report was restored."))
        self._set_online(ctx.bus.online)
        self.reload_lookups()
        self.form.source.setFocus()

    @property
    def ready(self) -> bool:
        """The lists are loaded and any draft is back: the form can be used and saved."""
        return self._ready

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save, context)
        QShortcut(QKeySequence("Ctrl+P"), self, self.form.photos.choose_files, context)

    def _connect(self) -> None:
        form, location = self.form, self.form.location
        form.changed.connect(self._changed)
        form.category.accepted.connect(lambda: self._advance(form.category.search))
        location.accepted.connect(self._advance)
        location.point_typed.connect(self._locate)
        self.ctx.requests.map_point_picked.connect(location.put_point)
        self.ctx.requests.new_case_prefill.connect(self.prefill)
        form.photos.files_offered.connect(self._check_photos)
        form.photos.removed.connect(lambda entry: self.drafts.drop_photo(entry.path))
        form.duplicates.open_case.connect(self.ctx.selection.select)
        form.duplicates.merge_into.connect(self.save)
        form.duplicates.keep_new.connect(lambda: self.save())
        form.save_button.clicked.connect(lambda: self.save())
        form.clear_button.clicked.connect(self.clear)
        self.ctx.bus.connection_changed.connect(self._set_online)
        self.ctx.bus.changed.connect(self._feed_changed)
        self.ctx.bus.cases_changed.connect(lambda _ids: self.duplicates.again())
        self.ctx.translations.changed.connect(self._language_changed)

    # -- lookups ---------------------------------------------------------------------------

    def reload_lookups(self) -> None:
        self.ctx.worker.submit(
            reading(intake_lookup.lookups),
            success=self._lookups_loaded,
            failure=self._show_error,
            owner=self,
        )

    def _lookups_loaded(self, lookups: IntakeLookups) -> None:
        form = self.form
        form.category.set_categories(lookups.categories)
        form.location.set_places(lookups.communities, lookups.grids)
        pending, self._pending = self._pending, None
        if pending is not None:  # ids could not be shown before the lists were in
            form.category.choose(pending.category_id)
            form.location.restore_places(pending.community_id, pending.grid_id)
        self._ready = True
        self._changed()

    def _feed_changed(self, changes: list[Change]) -> None:
        if any(change.entity in _LOOKUP_ENTITIES for change in changes):
            self.reload_lookups()

    def _locate(self, lon: float, lat: float) -> None:
        job = functools.partial(intake_lookup.locate_point, lon=lon, lat=lat)
        self.ctx.worker.submit(reading(job), success=self.form.location.show_located, owner=self)

    def prefill(self, fields: dict[str, object]) -> None:
        """Start a report from another pane's fields (a camera snapshot, a map point):
        the place, an address and description where the form has none, the photos."""
        form = self.form
        lon, lat = fields.get("lon"), fields.get("lat")
        if isinstance(lon, float) and isinstance(lat, float):
            form.location.put_point(lon, lat)
        address = fields.get("address")
        if isinstance(address, str) and address and not form.location.address.text():
            form.location.address.setText(address)
        description = fields.get("description")
        if (
            isinstance(description, str)
            and description
            and not form.description.toPlainText().strip()
        ):
            form.description.setPlainText(description)
        paths = fields.get("photo_paths")
        if isinstance(paths, list) and paths:
            self._check_photos([str(p) for p in paths])

    # -- photos ----------------------------------------------------------------------------

    def _check_photos(self, paths: list[str]) -> None:
        job = photo_check_job(paths, self.form.photos.current_kind(), self.drafts)
        self.ctx.worker.submit(reading(job), success=self._photos_checked, owner=self)

    def _photos_checked(self, outcome: PhotoOutcome) -> None:
        self.form.photos.add(outcome.accepted)
        self._refusals = outcome.refused
        self._show_refusals()

    def _show_refusals(self) -> None:
        language = self.ctx.translations.language
        self.form.photos.show_problems([e.message(language) for e in self._refusals])

    # -- saving ----------------------------------------------------------------------------

    def save(self, merge_into: DuplicateRow | None = None) -> None:
        """Register the report (and merge it into merge_into); the form clears on success."""
        if self._saving or not self.ctx.bus.online or not self._ready:
            return
        missing = report_gap(self.form)
        if missing is not None:
            text, field = missing
            self._refuse_here(text, field)
            return
        data, photos = report_values(self.form)
        job = save_job(
            self.ctx.actor, data, photos, merge_into=merge_into.id if merge_into else None
        )
        self._set_saving(True)
        self.ctx.worker.submit(writing(job), success=self._saved, failure=self._refused, owner=self)

    def _saved(self, saved: SavedCase) -> None:
        self._set_saving(False)
        self._draft_timer.stop()
        self.form.clear_for_next_call()
        self.drafts.clear()
        self._error = None
        self._refusals = ()
        self.duplicates.reset()
        if saved.merged_into is not None:
            text = self.tr("Case %1 registered and merged into the selected case.")
        else:
            text = self.tr("Case %1 registered.")
        self.form.status.setText(fill(text, saved.number))
        self.ctx.selection.select(saved.merged_into or saved.id)
        self.form.source.setFocus()

    def _refused(self, error: KnownError) -> None:
        self._set_saving(False)
        self._show_error(error)
        field = focus_for_error(self.form, error)
        if field is not None:
            field.setFocus()

    def _refuse_here(self, text: Callable[[], str], field: QWidget) -> None:
        self._error = text
        self._render_error()
        field.setFocus()

    def _show_error(self, error: KnownError) -> None:
        self._error = error
        self._render_error()

    def _render_error(self) -> None:
        error = self._error
        if error is None:
            self.form.show_error("")
        elif isinstance(error, KnownError):
            self.form.show_error(error.message(self.ctx.translations.language))
        else:
            self.form.show_error(error())

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        if saving:
            self._remember_focus()
        self.form.setEnabled(not saving and self.ctx.bus.online)
        self.form.status.setText(self.tr("Saving…") if saving else "")
        if not saving:
            self._restore_focus()

    def clear(self) -> None:
        """Start over: the form and its draft are emptied (the source stays)."""
        self.form.clear_for_next_call()
        self.drafts.clear()
        self._error = None
        self.form.status.clear()
        self.form.source.setFocus()

    # -- drafts, focus, connection, language ---------------------------------------------

    def _changed(self) -> None:
        if self._ready:
            self._draft_timer.start()
        self.duplicates.form_changed()

    def save_draft(self) -> None:
        # Written here, not on the database worker: a few kB to the local disk, and it
        # must not wait behind jobs stuck on an unreachable database, which is exactly
        # when a draft matters. Photo copies (larger) are made on the worker.
        self._draft_timer.stop()
        if self._ready:
            self.drafts.save(self.form.draft())

    def _advance(self, after: QWidget) -> None:
        target = next_needed(self.form, after)
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def _remember_focus(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            self._last_focus = focused

    def _restore_focus(self) -> None:
        if self._last_focus is not None and self.form.isEnabled():
            self._last_focus.setFocus()
            self._last_focus = None

    def _set_online(self, online: bool) -> None:
        if not online:
            self._remember_focus()
        self.form.setEnabled(online and not self._saving)
        self._offline_text()
        self.offline.setVisible(not online)
        if online:
            self._restore_focus()

    def _language_changed(self, language: str) -> None:
        self.form.location.language = language
        self.form.category.set_english(language == "en")
        self.form.location.retranslate()
        self._render_error()
        self._show_refusals()

    def _offline_text(self) -> None:
        self.offline.setText(
            self.tr("No connection to the database. Nothing typed is lost: save when it is back.")
        )

    def flush_draft(self) -> None:
        """Write a pending draft now (the pane is hidden, closed, or the program quits)."""
        if self._draft_timer.isActive():
            self.save_draft()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._offline_text()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush_draft()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_draft()
        super().closeEvent(event)
