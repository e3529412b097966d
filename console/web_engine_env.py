"""What QtWebEngine (the map) needs from the environment, set before Qt starts."""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping

log = logging.getLogger("console.app")

SANDBOX_OFF = "QTWEBENGINE_DISABLE_SANDBOX"


def prepare(environ: MutableMapping[str, str] | None = None, euid: int | None = None) -> bool:
    """Turn Chromium's sandbox off when running as root; True when it did.

    Chromium refuses its sandbox to root, and the page's process then dies at the first
    web view, taking the console's window with it (after sign-in, when the map opens).
    A user who set the variable either way is left alone.
    """
    env = os.environ if environ is None else environ
    if euid is None:
        euid = os.geteuid() if hasattr(os, "geteuid") else -1
    if euid != 0 or SANDBOX_OFF in env:
        return False
    env[SANDBOX_OFF] = "1"
    log.warning("running as root: the map's web engine runs without Chromium's sandbox")
    return True
