"""The web view the map page lives in: its QWebChannel bridge, its request guard, and
JavaScript calls whose answers come back parsed.

runJavaScript hands arrays and objects back as '' (they do not cross as variants), so
read-back scripts return JSON.stringify(...) and are parsed here.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from console.views.map_bridge import MapBridge
from console.views.map_guard import MapRequestGuard

log = logging.getLogger("console.map")


class _Page(QWebEnginePage):
    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        # Page errors go to the map log, not to Qt's (where tests would fail on them).
        log.info("page %s:%s %s", source.rsplit("/", 1)[-1], line, message)


class MapView(QWebEngineView):
    def __init__(self, allowed_hosts: frozenset[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = MapBridge(self)
        self.guard = MapRequestGuard(allowed_hosts, self)
        page = _Page(self)
        page.setUrlRequestInterceptor(self.guard)
        self.channel = QWebChannel(page)
        self.channel.registerObject("bridge", self.bridge)
        page.setWebChannel(self.channel)
        self.setPage(page)

    def open(self, url: str) -> None:
        self.load(QUrl(url))

    def run(self, script: str, callback: Callable[[Any], None] | None = None) -> None:
        if callback is None:
            self.page().runJavaScript(script, 0)
        else:
            self.page().runJavaScript(script, 0, callback)

    def read_json(self, script: str, callback: Callable[[Any], None]) -> None:
        """Evaluate script (which returns a JSON string) and call back with its value."""

        def parsed(text: object) -> None:
            callback(json.loads(text) if isinstance(text, str) and text else None)

        self.page().runJavaScript(script, 0, parsed)
