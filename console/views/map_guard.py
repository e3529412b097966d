"""Keeps the map page on this machine: every request must go to the loopback server, or
to an online basemap host the settings name. Anything else is blocked and reported.

interceptRequest runs on QtWebEngine's IO thread: it only reads the frozen host set and
emits a signal, which Qt queues to the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

log = logging.getLogger("console.map")

_LOCAL_SCHEMES = frozenset({"data", "blob", "qrc", "about"})


class MapRequestGuard(QWebEngineUrlRequestInterceptor):
    blocked = Signal(str)

    def __init__(self, allowed_hosts: frozenset[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._allowed = frozenset(h.lower() for h in allowed_hosts) | {"127.0.0.1"}

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in _LOCAL_SCHEMES or url.host().lower() in self._allowed:
            return
        info.block(True)
        log.info("map page request blocked: %s", url.toString())
        self.blocked.emit(url.toString())


def online_hosts(url_templates: list[str], subdomains: list[str]) -> frozenset[str]:
    """The host names an online basemap's template expands to ({s} over its subdomains)."""
    hosts: set[str] = set()
    for template, subs in zip(url_templates, subdomains, strict=True):
        host = template.split("//", 1)[-1].split("/", 1)[0].split("?", 1)[0]
        for sub in subs or " ":
            hosts.add(host.replace("{s}", sub.strip()).lower())
    return frozenset(hosts)
