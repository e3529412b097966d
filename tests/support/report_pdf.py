"""Reading generated PDFs back with poppler: the text, the fonts, a rendered page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdf_text(pdf: bytes, tmp_path: Path, name: str = "report.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb, sub per font."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type words ..., encoding, emb, sub, uni, object, id
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return fonts


def render_page_gray(pdf: bytes, tmp_path: Path, page: int = 1, dpi: int = 50) -> list[list[int]]:
    """The page as rows of 0-255 grey values (pdftoppm, PGM)."""
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    stem = tmp_path / "page"
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            str(path),
            str(stem),
        ],
        check=True,
        timeout=60,
    )
    image = next(tmp_path.glob("page*.pgm")).read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", image)
    assert match is not None
    width, height = int(match.group(1)), int(match.group(2))
    pixels = image[match.end() :]
    return [list(pixels[row * width : (row + 1) * width]) for row in range(height)]


def squash(text: str) -> str:
    """Runs of spaces as one: pdftotext lays columns out with any number of them."""
    return re.sub(r"[ \t]+", " ", text)
