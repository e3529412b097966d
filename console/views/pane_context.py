"""What every pane is given in its constructor: never the main window itself."""

from __future__ import annotations

from dataclasses import dataclass

from console.i18n import Translations
from console.ops import DatabaseWorker
from console.services.actor import Actor
from console.settings import Settings
from console.views.bus import CaseSelection, ChangeBus


@dataclass
class PaneContext:
    worker: DatabaseWorker  # all database work goes through it, off the GUI thread
    bus: ChangeBus
    selection: CaseSelection
    actor: Actor  # the signed-in user; the services check roles again
    translations: Translations
    settings: Settings
