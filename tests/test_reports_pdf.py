"""The PDF layer on its own: embedded CJK font, real glyphs on the page, header and
footer on every page, a clear error when the font is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.errors import KnownError
from reports import fonts
from reports.blocks import Chart, Heading, KeyValues, Para, Report, ReportMeta, Series, Table
from reports.pdf import render
from tests.support.report_pdf import pdf_fonts, pdf_text, render_page_gray, squash

META = ReportMeta(
    "八角街道综合执法指挥中心", "值班日报", "2026年11月28日", "2026-11-29 08:00", "钟梅俊（leader）"
)


def _report(rows: int = 3) -> Report:
    report = Report(META)
    report.add(
        Heading("一、案件情况"),
        Para("按上报日期统计。"),
        KeyValues((("带班领导", "钟梅俊"), ("值班人员", "胡玉"))),
        Table(("社区", "上报数"), tuple((f"社区{i}", str(i)) for i in range(rows))),
        Chart("bar", "每日上报案件", ("11-01", "11-02"), (Series("本期", (3.0, 5.0)),)),
        Chart(
            "line",
            "按期结案率",
            ("1月", "2月"),
            (Series("本期", (0.9, 0.8)),),
            percent=True,
            target=0.9,
            target_label="目标 90%",
        ),
    )
    return report


def test_cjk_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    found = pdf_fonts(render(_report()), tmp_path)
    cjk = [f for f in found if "WenQuanYi" in f["name"]]
    assert cjk and all(f["emb"] == "yes" and f["sub"] == "yes" for f in cjk)
    # Anything else is one of the 14 standard PDF fonts, which every reader has.
    assert all(f["emb"] == "yes" or f["name"] == "Helvetica" for f in found)


def test_text_header_and_footer_on_every_page(tmp_path: Path) -> None:
    pdf = render(_report(rows=400))
    text = squash(pdf_text(pdf, tmp_path))
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert "八角街道综合执法指挥中心" in page and "值班日报" in page
        compact = page.replace(" ", "")  # pdftotext drops the spaces around CJK words
        assert f"第{number}页/共{len(pages)}页" in compact
        assert "钟梅俊（leader）生成于2026-11-2908:00" in compact
    assert "社区399 399" in text


def test_title_is_drawn_in_glyphs(tmp_path: Path) -> None:
    """Dark pixels where the centred title is, none in the empty margin beside it."""
    page = render_page_gray(render(_report()), tmp_path, dpi=50)
    height, width = len(page), len(page[0])
    # The title (18 pt, centred) sits between ~28 and ~40 mm from the top of the page.
    band = page[int(height * 0.09) : int(height * 0.15)]
    middle = [v for row in band for v in row[int(width * 0.4) : int(width * 0.6)]]
    margin = [v for row in band for v in row[: int(width * 0.05)]]
    assert sum(v < 100 for v in middle) > 40
    assert not any(v < 200 for v in margin)


def test_missing_font_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(fonts.FontMissing) as caught:
        fonts.find_font([tmp_path / "wqy-zenhei.ttc"])
    for language in ("zh_CN", "en"):
        message = caught.value.message(language)
        assert "wqy-zenhei.ttc" in message and "fonts-wqy-zenhei" in message
        assert str(tmp_path / "wqy-zenhei.ttc") in message
    assert isinstance(caught.value, KnownError)


def test_font_setting_is_the_only_candidate(tmp_path: Path) -> None:
    wanted = tmp_path / "my-font.ttc"
    assert fonts.candidates({fonts.FONT_ENV: str(wanted)}) == [wanted]
    everywhere = fonts.candidates({})
    assert any(p.name == "wqy-zenhei.ttc" for p in everywhere)


def test_an_unusable_font_file_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "wqy-zenhei.ttc"
    broken.write_bytes(b"not a font")
    with pytest.raises(fonts.FontMissing) as caught:
        fonts.register_font([broken])
    assert str(broken) in caught.value.message("en")


def test_empty_table_and_chart_say_so(tmp_path: Path) -> None:
    report = Report(META)
    report.add(
        Table(("社区", "上报数"), (), empty_text="本期间无案件。"),
        Chart("bar", "每日上报案件", (), (), empty_text="无"),
    )
    text = squash(pdf_text(render(report), tmp_path))
    assert "本期间无案件。" in text and "每日上报案件：无" in text
