"""The ledger's small parts without a database: progress, geometry, cells, labels."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from console.models.case import CASE_SOURCES, CASE_STATES
from console.services.ledger import Cancelled, Progress
from console.services.ledger import columns as C
from console.services.ledger.cells import BadCell, local_time, number, text
from console.services.ledger.geo import in_china, point_in_ring, street_extent
from tests.support.ledger_street import square

TZ = zoneinfo.ZoneInfo("Asia/Shanghai")


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_throttled_but_starts_and_finishes_loudly() -> None:
    clock = FakeClock()
    seen: list[tuple[str, int, int | None]] = []
    progress = Progress(lambda p: seen.append((p.phase, p.done, p.total)), clock=clock)
    progress.start("check", 1000)
    for _ in range(1000):
        clock.now += 0.001  # 1 ms per row: 1 s in all
        progress.advance()
    progress.finish()
    assert seen[0] == ("check", 0, 1000) and seen[-1] == ("check", 1000, 1000)
    assert 9 <= len(seen) <= 12  # about ten a second
    assert progress.fraction == 1.0


def test_progress_cancel_and_low_estimates() -> None:
    progress = Progress()
    progress.start("check", 2)
    progress.advance(3)
    assert progress.total == 3
    progress.cancel()
    with pytest.raises(Cancelled) as error:
        progress.advance()
    assert error.value.code == "ledger.cancelled"
    with pytest.raises(Cancelled):
        progress.start("insert", 1)
    unknown = Progress()
    unknown.start("check")
    assert unknown.fraction is None


def test_point_in_polygon() -> None:
    l_shape = [(0, 0), (2, 0), (2, 1), (1, 1), (1, 2), (0, 2)]
    assert point_in_ring(0.5, 0.5, l_shape)
    assert point_in_ring(0.5, 1.5, l_shape)
    assert not point_in_ring(1.5, 1.5, l_shape)  # the notch
    assert point_in_ring(2, 0.5, l_shape)  # on the outline
    assert point_in_ring(1, 1, l_shape)  # a corner
    assert not point_in_ring(-0.1, 0.5, l_shape)
    assert not point_in_ring(0.5, 0.5, [(0, 0), (1, 1)])


def test_street_extent_prefers_the_outline() -> None:
    triangle = [[116.0, 39.9], [116.1, 39.9], [116.0, 40.0]]
    extent = street_extent([triangle], [square(116.0, 39.9, 116.1, 40.0)])
    assert extent is not None
    assert extent.contains(116.02, 39.92) and not extent.contains(116.09, 39.99)
    fallback = street_extent([[]], [square(116.0, 39.9, 116.05, 40.0),
                                    square(116.05, 39.9, 116.1, 39.95)])
    assert fallback is not None
    assert fallback.contains(116.09, 39.99)  # inside the box around both communities
    assert not fallback.contains(116.11, 39.95)
    nested = street_extent([[square(0, 0, 1, 1), square(2, 2, 3, 3)]], [])
    assert nested is not None and nested.contains(2.5, 2.5) and not nested.contains(1.5, 1.5)
    assert street_extent([], []) is None


def test_china_box() -> None:
    assert in_china(116.4, 39.9) and in_china(87.6, 43.8)
    assert not in_china(39.9, 116.4) and not in_china(-74.0, 40.7)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-03-01 09:05", dt.datetime(2025, 3, 1, 9, 5, tzinfo=TZ)),
        ("2025-03-01 09:05:07", dt.datetime(2025, 3, 1, 9, 5, 7, tzinfo=TZ)),
        ("2025/3/1 9:05", dt.datetime(2025, 3, 1, 9, 5, tzinfo=TZ)),
        ("2025-03-01T09:05:07", dt.datetime(2025, 3, 1, 9, 5, 7, tzinfo=TZ)),
        ("2025-03-01 09:05:07.900", dt.datetime(2025, 3, 1, 9, 5, 7, tzinfo=TZ)),
        (dt.datetime(2025, 3, 1, 9, 5, 6, 999_999), dt.datetime(2025, 3, 1, 9, 5, 7, tzinfo=TZ)),
        (dt.datetime(2025, 3, 1, 9, 5, 7, 1), dt.datetime(2025, 3, 1, 9, 5, 7, tzinfo=TZ)),
        (dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, tzinfo=TZ)),
        ("", None),
        (None, None),
    ],
)
def test_local_time(cell: object, expected: dt.datetime | None) -> None:
    assert local_time(cell, TZ) == expected


@pytest.mark.parametrize("cell", ["2025-03-01", "09:05", "2025-13-01 09:00", "2025-03-01 25:00",
                                  "1741000000", 45000.5, dt.time(9, 5)])
def test_unreadable_times(cell: object) -> None:
    with pytest.raises(BadCell) as error:
        local_time(cell, TZ)
    assert error.value.code == "ledger.bad_time"


def test_cells() -> None:
    assert text(110107001001001.0) == "110107001001001"
    assert text("  古城 ") == "古城" and text(None) == "" and text(1.5) == "1.5"
    assert number("116.25") == 116.25 and number(116) == 116.0 and number(" ") is None
    for bad, code in (("abc", "ledger.not_number"), ("nan", "ledger.not_finite"),
                      (float("inf"), "ledger.not_finite"), ("-Infinity", "ledger.not_finite")):
        with pytest.raises(BadCell) as error:
            number(bad)
        assert error.value.code == code


def test_labels_cover_every_code() -> None:
    assert set(C.SOURCE_LABELS) == set(CASE_SOURCES)
    assert set(C.STATE_LABELS) == set(CASE_STATES)
    assert set(C.STATE_NEEDS) | C.PRE_OPEN_STATES | C.MAY_HAVE_CLOSED <= set(CASE_STATES)
    for code, label in C.STATE_LABELS.items():
        assert C.state_code(label) == code and C.state_code(code.upper()) == code
    assert C.source_code("网格员") == "inspector" and C.source_code("12345热线") == "hotline"
    assert len(C.HEADERS) == 17 and C.HEADERS[0] == "案卷编号" and C.HEADERS[-1] == "结案时间"
