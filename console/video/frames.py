"""Still pictures from the frame-callback path: PNG encoding and a blank-picture check."""

from __future__ import annotations

import struct
import zlib


def bgrx_to_rgb(data: bytes, width: int, height: int) -> bytes:
    """libVLC's RV32 is B, G, R, X in memory; PNG wants R, G, B."""
    size = width * height
    rgb = bytearray(size * 3)
    view = memoryview(data)[: size * 4]
    rgb[0::3] = view[2::4]
    rgb[1::3] = view[1::4]
    rgb[2::3] = view[0::4]
    return bytes(rgb)


def png_from_bgrx(data: bytes, width: int, height: int) -> bytes:
    rgb = bgrx_to_rgb(data, width, height)
    stride = width * 3
    rows = b"".join(b"\x00" + rgb[y * stride : (y + 1) * stride] for y in range(height))

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 6))
        + chunk(b"IEND", b"")
    )


def is_blank(data: bytes, *, step: int = 97) -> bool:
    """True when a BGRX picture is (nearly) one flat colour: black, grey or empty."""
    for channel in range(3):
        sample = data[channel :: 4 * step]
        if sample and max(sample) - min(sample) >= 8:
            return False
    return True
