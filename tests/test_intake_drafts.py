"""Intake drafts on disk without Qt: round trip, atomic writes, damaged files, photo copies."""

from __future__ import annotations

import json
from pathlib import Path

from console.views.draft_store import Draft, DraftPhoto, DraftStore


def test_round_trip_and_clear(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts", "li")
    original = tmp_path / "scene.png"
    original.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    copy = store.keep_photo(original.read_bytes(), original.name)
    original.unlink()  # the draft keeps its own copy
    draft = Draft(
        source="hotline",
        category_id=7,
        address="八角北路12号",
        lon="116.21",
        description="垃圾",
        photos=[DraftPhoto(str(copy), "scene.png", "near")],
    )
    store.save(draft)
    assert store.path == tmp_path / "drafts" / "li.json"
    assert [p.name for p in store.path.parent.iterdir() if p.suffix == ".tmp"] == []
    assert store.load() == draft
    store.clear()
    assert not store.path.exists() and not copy.exists() and store.load() is None


def test_an_empty_form_leaves_no_draft(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, "li")
    store.save(Draft(source="hotline", description="x"))
    assert store.path.exists()
    store.save(Draft(source="hotline", urgency="urgent"))
    assert not store.path.exists()


def test_damaged_or_odd_files_do_not_break_loading(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, "../wang/x")
    assert store.path.parent == tmp_path  # the name cannot climb out of the folder
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load() is None
    assert store.path.with_suffix(".damaged.json").exists()
    store.path.write_text(
        json.dumps({"category_id": "7", "description": 5, "address": "a", "extra": 1}),
        encoding="utf-8",
    )
    assert store.load() == Draft(address="a")


def test_photos_gone_from_disk_are_dropped_and_strays_pruned(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, "li")
    kept = store.keep_photo(b"one", "a.jpg")
    stray = store.keep_photo(b"two", "b.jpg")
    missing = str(store.files / "gone.jpg")
    store.save(
        Draft(
            description="x",
            photos=[DraftPhoto(str(kept), "a.jpg", "near"), DraftPhoto(missing, "g", "near")],
        )
    )
    loaded = store.load()
    assert loaded is not None and [p.name for p in loaded.photos] == ["a.jpg"]
    assert kept.exists() and not stray.exists()
