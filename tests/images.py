"""Hostile images for the memory tests: PNGs whose header announces huge dimensions."""

import struct
import zlib


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, color_type=6, rows=None):
    """A PNG of ``width`` × ``height`` pixels (8-bit; colour type 6 RGBA, 2 RGB, 0 grey) whose
    body holds only the first ``rows`` rows of zeros (all rows when None): a valid header with a
    tiny compressed body — what a decompression bomb looks like to a decoder."""
    channels = {0: 1, 2: 3, 6: 4}[color_type]
    rows = height if rows is None else min(rows, height)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + width * channels)
    body = b"".join(compressor.compress(row) for _ in range(rows)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b""))
