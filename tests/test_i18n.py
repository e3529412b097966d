"""Translations: every UI string has a finished zh_CN text, the .ts is complete, the .qm
is built from it, and the console starts in Chinese."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from console.i18n import I18N_DIR, TRANSLATED_SOURCES, Translations, normalise
from tests.support import gui  # noqa: F401 - offscreen platform before Qt starts

REPO = Path(__file__).resolve().parent.parent
TS_FILE = I18N_DIR / "console_zh_CN.ts"
QM_FILE = I18N_DIR / "console_zh_CN.qm"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found next to {sys.executable} nor on PATH")
    return found


def test_every_string_has_a_finished_translation() -> None:
    messages = _messages(TS_FILE)
    assert messages, "no messages in the .ts"
    problems = []
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        elif not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} has no translation")
        elif source.count("%") != (translation.text or "").count("%"):
            problems.append(f"{context}: {source!r} placeholders differ")
    assert not problems, "\n".join(problems)


def test_lupdate_finds_no_new_strings(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-extensions",
            "py",
            "-locations",
            "none",
            "-silent",
            *TRANSLATED_SOURCES,
            "-ts",
            str(fresh),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )
    found = set(_messages(fresh))
    committed = set(_messages(TS_FILE))
    assert found - committed == set(), "run lupdate and translate the new strings"
    assert committed - found == set(), "run lupdate -no-obsolete to drop strings gone from code"


def test_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "built.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS_FILE), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert built.read_bytes() == QM_FILE.read_bytes(), "run pyside6-lrelease on the .ts"


def test_chinese_is_the_default_and_english_is_the_source(qapp: QApplication) -> None:
    assert normalise(None) == "zh_CN" and normalise("en_US") == "en"
    translations = Translations(qapp)
    try:
        translations.set_language(None)
        assert QCoreApplication.translate("LoginDialog", "Sign in") == "登录"
        translations.set_language("en")
        assert QCoreApplication.translate("LoginDialog", "Sign in") == "Sign in"
    finally:
        translations.uninstall()
        translations.deleteLater()
