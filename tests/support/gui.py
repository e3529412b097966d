"""Fixtures for widget tests: offscreen Qt, translators, a database worker that stops.

Importing it sets the offscreen platform and a private runtime folder (Qt warns without
one, and warnings fail tests). Qt reads both when the QApplication is made, in
pytest-qt's qapp fixture, so any import during collection is early enough; test modules
also set the platform themselves on their first lines.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if not os.environ.get("XDG_RUNTIME_DIR"):
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="console-xdg-")  # mode 0700

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from console.errors import KnownError
from console.i18n import Translations
from console.ops import DatabaseWorker
from console.store import Store

# Offscreen windows cannot pass size hints on; Qt says so as a warning on every show.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """Chinese, as the console starts; English again afterwards for the next test."""
    t = Translations(qapp)
    t.set_language("zh_CN")
    yield t
    t.set_language("en")
    t.deleteLater()


@pytest.fixture
def worker(qapp: QApplication, store: Store) -> Iterator[DatabaseWorker]:
    """A started worker on the test database; unexpected errors fail the test."""
    bugs: list[BaseException] = []
    known: list[KnownError] = []
    w = DatabaseWorker(store, on_known_error=known.append, on_bug=bugs.append)
    w.start()
    yield w
    w.stop()
    assert not w.running
    assert not bugs, bugs
    w.deleteLater()
