"""The panes of the main window, each built from the PaneContext and nothing else.

Pane modules are imported here, when the window is built, not when this module is, so
the start-up log can time each pane.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from console.views.pane_context import PaneContext

log = logging.getLogger("console.startup")

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate

# name: (module, class); the window's dock for a pane is named after it.
PANE_CLASSES: dict[str, tuple[str, str]] = {
    "queue": ("console.views.queue_pane", "QueuePane"),
    "detail": ("console.views.case_detail_pane", "CaseDetailPane"),
    "intake": ("console.views.intake_pane", "IntakePane"),
    "overview": ("console.views.overview_pane", "OverviewPane"),
    "dashboard": ("console.views.dashboard_pane", "DashboardPane"),
    "video": ("console.views.video_pane", "VideoPane"),
    "map": ("console.views.map_pane", "MapPane"),
    "campaigns": ("console.views.campaign_pane", "CampaignPane"),
    "enforcement": ("console.views.enforcement_pane", "EnforcementPane"),
    "roster": ("console.views.roster_pane", "RosterPane"),
}


def pane_title(name: str) -> str:
    titles = {
        "queue": translate("Panes", "Case queue"),
        "detail": translate("Panes", "Case detail"),
        "intake": translate("Panes", "Intake"),
        "overview": translate("Panes", "Overview"),
        "dashboard": translate("Panes", "Dashboard"),
        "map": translate("Panes", "Map"),
        "video": translate("Panes", "Video"),
        "campaigns": translate("Panes", "Campaigns"),
        "enforcement": translate("Panes", "Enforcement ledger"),
        "roster": translate("Panes", "Duty and handover"),
    }
    return titles.get(name, name)


def build_panes(ctx: PaneContext, names: tuple[str, ...] | None = None) -> dict[str, QWidget]:
    """name -> pane widget, in PANE_CLASSES order."""
    panes: dict[str, QWidget] = {}
    for name in names or tuple(PANE_CLASSES):
        module_name, class_name = PANE_CLASSES[name]
        started = time.monotonic()
        factory: Callable[[PaneContext], QWidget] = getattr(
            importlib.import_module(module_name), class_name
        )
        panes[name] = factory(ctx)
        log.info("pane %s took %.0f ms", name, (time.monotonic() - started) * 1000)
    return panes
