"""A whole workstation for window and live-feed tests: store, worker, bus, feed, context.

Two of them on one database are two operators at two desks; stop() leaves no thread,
timer or connection behind and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from console.errors import KnownError
from console.i18n import Translations
from console.live import LiveFeed
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.services.feed import Change
from console.settings import Settings
from console.store import Store
from console.views.bus import CaseSelection, ChangeBus
from console.views.pane_context import PaneContext

PANE_NAMES = ("queue", "detail", "intake", "overview")


class StandInPane(QLabel):
    """A light widget in a real pane's place, for tests of the window around the panes.

    Built either with a name (placeholder_panes) or, through panes.PANE_CLASSES, with
    the PaneContext like a real pane.
    """

    def __init__(self, name_or_ctx: object) -> None:
        name = name_or_ctx if isinstance(name_or_ctx, str) else "stand-in"
        super().__init__(f"stand-in {name} pane")
        self.name = name


def placeholder_panes(names: tuple[str, ...] = PANE_NAMES) -> dict[str, QWidget]:
    return {name: StandInPane(name) for name in names}


@dataclass
class Workstation:
    store: Store
    worker: DatabaseWorker
    bus: ChangeBus
    live: LiveFeed
    ctx: PaneContext
    bugs: list[BaseException] = field(default_factory=list)
    known: list[KnownError] = field(default_factory=list)
    seen: list[Change] = field(default_factory=list)
    events: list[tuple[str, object]] = field(default_factory=list)  # in order of arrival

    def stop(self) -> None:
        self.live.stop()
        self.worker.stop()
        self.store.dispose()
        assert not self.worker.running
        assert all(not t.isActive() for t in self.live.findChildren(QTimer))
        assert not self.bugs, self.bugs


def open_workstation(
    url: str,
    name: str,
    *,
    data_dir: Path,
    translations: Translations,
    actor: Actor | None = None,
    start: bool = True,
) -> Workstation:
    store = Store(url, workstation=name)
    bugs: list[BaseException] = []
    known: list[KnownError] = []
    worker = DatabaseWorker(store, on_known_error=known.append, on_bug=bugs.append)
    worker.start()
    bus = ChangeBus()
    live = LiveFeed(store, worker, bus, parent=bus)
    actor = actor or Actor(1, f"op-{name}", frozenset({"dispatcher", "leader"}), name)
    settings = Settings(data_dir=data_dir, workstation=name)
    ctx = PaneContext(worker, bus, CaseSelection(bus), actor, translations, settings)
    station = Workstation(store, worker, bus, live, ctx, bugs, known)
    bus.changed.connect(station.seen.extend)
    bus.changed.connect(lambda cs: station.events.append(("changed", [c.seq for c in cs])))
    bus.connection_changed.connect(lambda on: station.events.append(("online", on)))
    bus.urgent_case.connect(lambda case_id: station.events.append(("urgent", case_id)))
    if start:
        live.start()
    return station
