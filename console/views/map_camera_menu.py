"""The map's right-click menu: the cameras nearest the point, for the video wall."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from console.services.camera_nearby import DEFAULT_RADIUS_M, NearbyCamera
from console.views.labels import fill

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate


def camera_menu(
    parent: QWidget, cameras: Sequence[NearbyCamera], show: Callable[[list[int]], None]
) -> QMenu:
    """All of them first, then each camera (name, distance, state); show gets the ids."""
    menu = QMenu(parent)
    menu.setObjectName("mapCameraMenu")
    if not cameras:
        text = fill(translate("MapCameraMenu", "No cameras within %1 m"), f"{DEFAULT_RADIUS_M:.0f}")
        menu.addAction(text).setEnabled(False)
        return menu
    ids = [c.camera_id for c in cameras]
    everything = menu.addAction(
        fill(
            translate("MapCameraMenu", "Show the %1 nearest cameras on the video wall"),
            str(len(ids)),
        )
    )
    everything.triggered.connect(lambda: show(ids))
    menu.addSeparator()
    for camera in cameras:
        online = camera.status == "online"
        state = (
            translate("MapCameraMenu", "online")
            if online
            else translate("MapCameraMenu", "offline")
        )
        distance = str(round(camera.distance_m))
        # "&" in a menu text marks a shortcut letter; a camera's name shows as written.
        name = camera.name.replace("&", "&&")
        text = fill(translate("MapCameraMenu", "%1 · %2 m · %3"), name, distance, state)
        menu.addAction(text).triggered.connect(functools.partial(show, [camera.camera_id]))
    return menu
