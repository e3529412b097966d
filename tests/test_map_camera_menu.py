"""The map's camera menu shows each camera's name as written, "&" included."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.services.camera_nearby import NearbyCamera
from console.views.map_camera_menu import camera_menu


def test_an_ampersand_in_a_name_is_shown_not_taken_as_a_shortcut(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    camera = NearbyCamera(7, "C7", "A&B 路口", "online", 116.2, 39.9, 42.4)
    shown: list[list[int]] = []
    menu = camera_menu(parent, [camera], shown.append)
    entry = menu.actions()[-1]
    assert entry.text().startswith("A&&B 路口 · 42 m")
    assert entry.iconText().startswith("A&B 路口")  # what the menu draws
    entry.trigger()
    assert shown == [[7]]
