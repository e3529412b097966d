"""The main window: the panes in docks the operator may arrange, menus, the offline and
urgent-case bars across the top, and the status bar.

The window knows the panes only as widgets under a name; it never calls into them.
Each user's layout, theme and alert sound are kept per workstation (WindowPrefs) and
come back at the next sign-in. Default layout: the queue large on the left with the
overview (later the map and video) as tabs beside it; the case detail on the right with
intake as a tab beside it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QMainWindow,
    QMenu,
    QMenuBar,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.i18n import LANGUAGES
from console.views.banners import OfflineBanner, UrgentBar
from console.views.pane_context import PaneContext
from console.views.panes import pane_title
from console.views.status_bar import ConsoleStatusBar
from console.views.terminal_keys_dialog import TerminalKeysAction
from console.views.theme import THEMES, apply_theme
from console.views.window_prefs import WindowPrefs

STATE_VERSION = 1
# Large panes, centre-left, as tabs.
LEFT_GROUP = ("queue", "overview", "dashboard", "map", "video", "campaigns", "enforcement")
RIGHT_GROUP = ("detail", "intake")  # the other panes join these tabs
LEFT_SHARE = 0.62
Area = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: PaneContext,
        panes: Mapping[str, QWidget],
        *,
        database: str | None = None,
        prefs: WindowPrefs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._ctx = ctx
        self.prefs = prefs or WindowPrefs.for_user(ctx.settings.data_dir, ctx.actor.username)
        self._sized = False
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self.setTabPosition(Area.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        # Docks fill the window; a hidden central widget leaves them all the room.
        central = QWidget(self)
        central.hide()
        self.setCentralWidget(central)

        self.panes = dict(panes)
        self.docks: dict[str, QDockWidget] = {}
        for name, widget in panes.items():
            dock = QDockWidget(self)
            dock.setObjectName(f"{name}Dock")
            dock.setWidget(_scrollable(name, widget))
            self.docks[name] = dock

        # Menus and bars share the top strip, above every dock.
        self.menu_bar = QMenuBar()
        self.offline_banner = OfflineBanner(ctx.bus, timezone=ctx.settings.timezone)
        self.urgent_bar = UrgentBar(ctx.worker, ctx.translations)
        self.urgent_bar.sound = self.prefs.alert_sound
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in (self.menu_bar, self.offline_banner, self.urgent_bar):
            column.addWidget(widget)
        self.setMenuWidget(top)
        self.status = ConsoleStatusBar(ctx, database=database or ctx.worker.store.describe())
        self.setStatusBar(self.status)
        self._build_menus()

        ctx.bus.urgent_case.connect(self.urgent_bar.add)
        self.urgent_bar.open_case.connect(self.show_case)
        app = QApplication.instance()
        self._focus_app = app if isinstance(app, QApplication) else None
        if self._focus_app is not None:
            self._focus_app.focusChanged.connect(self._raise_focused_dock)
        ctx.translations.changed.connect(self._check_language)
        self.set_theme(self.prefs.theme, remember=False)
        self.retranslate()
        self._restore_layout()

    # -- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = QMenu(self.menu_bar)
        self.reports_action = QAction(self)
        self.reports_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.reports_action.triggered.connect(self.open_reports)
        self.file_menu.addAction(self.reports_action)
        self.terminal_keys_action = TerminalKeysAction(self._ctx, self)
        self.file_menu.addAction(self.terminal_keys_action)
        self.file_menu.addSeparator()
        self.report_dialog: QWidget | None = None
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = QMenu(self.menu_bar)
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.sound_action = QAction(self, checkable=True)
        self.sound_action.setChecked(self.prefs.alert_sound)
        self.sound_action.toggled.connect(self._set_sound)
        self.view_menu.addAction(self.sound_action)
        self.view_menu.addSeparator()
        self.restore_action = QAction(self)
        self.restore_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.restore_action.triggered.connect(self.restore_default_layout)
        self.view_menu.addAction(self.restore_action)

        self.theme_menu = QMenu(self.menu_bar)
        self.theme_actions = self._choice_group(self.theme_menu, dict.fromkeys(THEMES, ""))
        for action in self.theme_actions.values():
            action.triggered.connect(lambda _on=False, a=action: self.set_theme(a.data()))

        self.language_menu = QMenu(self.menu_bar)
        self.language_actions = self._choice_group(self.language_menu, LANGUAGES)
        for action in self.language_actions.values():
            action.triggered.connect(
                lambda _on=False, a=action: self._ctx.translations.set_language(a.data())
            )
        self._check_language(self._ctx.translations.language)

        for menu in (self.file_menu, self.view_menu, self.theme_menu, self.language_menu):
            self.menu_bar.addMenu(menu)
        self.addActions([self.quit_action, self.restore_action])  # even with the bar hidden

    def _choice_group(self, menu: QMenu, choices: Mapping[str, str]) -> dict[str, QAction]:
        group = QActionGroup(menu)
        actions = {}
        for code, text in choices.items():
            action = QAction(text, group, checkable=True)
            action.setData(code)
            menu.addAction(action)
            actions[code] = action
        return actions

    # -- behaviour -------------------------------------------------------------------------

    def open_reports(self) -> None:
        """The report dialog (one per window, modeless: the console stays usable)."""
        from console.views.report_dialog import ReportDialog

        if self.report_dialog is None:
            self.report_dialog = ReportDialog(self._ctx, self)
        self.report_dialog.show()
        self.report_dialog.raise_()

    def show_case(self, case_id: int) -> None:
        """Select the case for every pane and bring its detail to the front."""
        self._ctx.selection.select(case_id)
        dock = self.docks.get("detail")
        if dock is not None:
            dock.show()
            dock.raise_()

    def set_theme(self, name: str, *, remember: bool = True) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            name = apply_theme(app, name)
        if remember:
            self.prefs.theme = name
        for code, action in self.theme_actions.items():
            action.setChecked(code == name)

    def _set_sound(self, on: bool) -> None:
        self.urgent_bar.sound = on
        self.prefs.alert_sound = on

    def _check_language(self, language: str) -> None:
        for code, action in self.language_actions.items():
            action.setChecked(code == language)

    # -- layout ----------------------------------------------------------------------------

    def restore_default_layout(self) -> None:
        docks = self.docks
        left = [docks[n] for n in LEFT_GROUP if n in docks]
        right = [d for n, d in docks.items() if n not in LEFT_GROUP]
        right.sort(key=lambda d: _rank(RIGHT_GROUP, d))
        for dock in docks.values():
            dock.setFloating(False)
            self.removeDockWidget(dock)
        # One dock area split in two: when the window grows, both sides grow with it.
        heads = [group[0] for group in (left, right) if group]
        for index, head in enumerate(heads):
            if index == 0:
                self.addDockWidget(Area.LeftDockWidgetArea, head)
            else:
                self.splitDockWidget(heads[0], head, Qt.Orientation.Horizontal)
            head.show()
        for group in (left, right):
            for dock in group[1:]:
                self.tabifyDockWidget(group[0], dock)
                dock.show()
            if group:
                group[0].raise_()
        self._size_docks()

    def _size_docks(self) -> None:
        left = next((self.docks[n] for n in LEFT_GROUP if n in self.docks), None)
        right = next((d for n, d in self.docks.items() if n not in LEFT_GROUP), None)
        if left is not None and right is not None:
            width = max(self.width(), 800)
            shares = [int(width * LEFT_SHARE), int(width * (1 - LEFT_SHARE))]
            self.resizeDocks([left, right], shares, Qt.Orientation.Horizontal)

    def _restore_layout(self) -> None:
        self.restore_default_layout()
        geometry = self.prefs.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            width, height = int(screen.width() * 0.92), int(screen.height() * 0.9)
            self.resize(min(1680, width), min(1050, height))
        state = self.prefs.state
        self._sized = state is not None and self.restoreState(state, STATE_VERSION)

    def save_layout(self) -> None:
        self.prefs.save_layout(self.saveGeometry(), self.saveState(STATE_VERSION))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # dock sizes only hold once the window has its real size
            self._sized = True
            self._size_docks()

    def stop(self) -> None:
        """Stop the timers of the bars (idempotent; the panes stop their own)."""
        self.status.stop()
        self.offline_banner.stop()
        if self._focus_app is not None:
            self._focus_app.focusChanged.disconnect(self._raise_focused_dock)
            self._focus_app = None

    def _raise_focused_dock(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keyboard focus moved into a pane behind another tab: bring that tab forward,
        so an operator never types into a pane nobody can see."""
        widget = new
        while widget is not None and not isinstance(widget, QDockWidget):
            widget = widget.parentWidget()
        if (
            widget is not None
            and widget in self.docks.values()
            and (widget.visibleRegion().isEmpty())
        ):
            widget.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.stop()
        super().closeEvent(event)

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        actor = self._ctx.actor
        self.setWindowTitle(
            f"{self.tr('Sanwang Console')} — {actor.username} @ {actor.workstation}"
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.reports_action.setText(self.tr("&Reports…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.sound_action.setText(self.tr("Sound for urgent cases"))
        self.restore_action.setText(self.tr("Restore default layout"))
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.theme_actions["dark"].setText(self.tr("Dark (command center)"))
        self.theme_actions["light"].setText(self.tr("Light"))
        self.language_menu.setTitle(self.tr("&Language"))
        for name, dock in self.docks.items():
            dock.setWindowTitle(pane_title(name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _scrollable(name: str, pane: QWidget) -> QScrollArea:
    """A pane wider or taller than its dock scrolls instead of forcing the window to
    grow past the screen (a 1366-px laptop, or 150 % scaling on a 1920-px monitor)."""
    area = QScrollArea()
    area.setObjectName(f"{name}Scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(pane)
    return area


def _rank(order: tuple[str, ...], dock: QDockWidget) -> int:
    name = dock.objectName().removesuffix("Dock")
    return order.index(name) if name in order else len(order)
