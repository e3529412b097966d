"""Photos picked for campaign and difficulty items: read through the attachment limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.errors import InputError
from console.models import AppSetting
from console.views.campaign_dialogs import read_photos
from tests.support.workflow_seed import PNG, World, world  # noqa: F401 - fixture


def test_a_file_over_the_limit_is_refused_and_a_good_one_read(
    world: World,  # noqa: F811
    tmp_path: Path,
) -> None:
    big, small = tmp_path / "big.png", tmp_path / "small.png"
    big.write_bytes(PNG + b"\0" * 5000)
    small.write_bytes(PNG)
    with world.store.write() as session:
        session.add(AppSetting(key="attachment_max_bytes", value=1000))
    with world.store.read() as session:
        with pytest.raises(InputError) as refused:
            read_photos(session, "after", [str(small), str(big)])
        assert refused.value.params["name"] == "big.png"
        photos = read_photos(session, "before", [str(small)])
        with pytest.raises(InputError):
            read_photos(session, "before", [str(tmp_path / "missing.png")])
    assert [(p.kind, p.data, p.original_name) for p in photos] == [("before", PNG, "small.png")]
