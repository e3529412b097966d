"""What every pane is given in its constructor: never the main window itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from console.i18n import Translations
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.settings import Settings
from console.views.bus import CaseSelection, ChangeBus, PaneRequests


@dataclass
class PaneContext:
    worker: DatabaseWorker  # all database work goes through it, off the GUI thread
    bus: ChangeBus
    selection: CaseSelection
    actor: Actor  # the signed-in user; the services check roles again
    translations: Translations
    settings: Settings
    # Cross-pane requests (map -> wall, wall -> intake ...); one per window.
    requests: PaneRequests = field(default_factory=PaneRequests)
