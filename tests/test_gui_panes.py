"""Building the panes: a pane module not in this build becomes a labelled placeholder;
an error inside a pane module that exists is not hidden behind one."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from console.views import panes
from tests.support import gui  # noqa: F401 - offscreen platform before Qt starts

pytestmark = pytest.mark.gui


class FakePane(QLabel):
    def __init__(self, ctx: Any) -> None:
        super().__init__("real")
        self.ctx = ctx


def test_panes_are_built_from_the_context(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "fine_pane.py").write_text(
        "from tests.test_gui_panes import FakePane as FinePane\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(panes, "PANE_CLASSES", {"detail": ("fine_pane", "FinePane")})
    ctx: Any = object()
    built = panes.build_panes(ctx)
    assert list(built) == ["detail"]
    assert isinstance(built["detail"], FakePane) and built["detail"].ctx is ctx
    for widget in built.values():
        widget.deleteLater()
    sys.modules.pop("fine_pane", None)


def test_a_missing_pane_module_is_an_error(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(panes, "PANE_CLASSES", {"queue": ("console.views.no_such_pane", "Q")})
    with pytest.raises(ModuleNotFoundError, match="no_such_pane"):
        panes.build_panes(object())  # type: ignore[arg-type]


def test_a_broken_pane_module_is_not_hidden(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "broken_pane.py").write_text("import no_such_dependency_xyz\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(panes, "PANE_CLASSES", {"queue": ("broken_pane", "QueuePane")})
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_xyz"):
        panes.build_panes(object())  # type: ignore[arg-type]
